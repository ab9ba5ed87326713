package resolve_test

import (
	"fmt"
	"strings"

	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/resolve"
)

func ExampleResolver_Resolve() {
	r, err := resolve.New(resolve.Options{})
	if err != nil {
		panic(err)
	}
	text := "قال الميجر جنرال إيغور كوناشينكوف إن تنظيم الدولة الإسلامية انسحب، وأضاف كوناشنكوف أن داعش خسر."
	var ents []news.Entity
	for _, m := range [][2]string{{"PER", "الميجر جنرال إيغور كوناشينكوف"}, {"ORG", "تنظيم الدولة الإسلامية"}, {"PER", "كوناشنكوف"}, {"ORG", "داعش"}} {
		i := strings.Index(text, m[1])
		ents = append(ents, news.Entity{Type: m[0], Text: m[1], Span: news.Span{Start: i, End: i + len(m[1])}})
	}
	for _, e := range r.Resolve(text, ents) {
		fmt.Printf("%s → %s (%s)\n", e.Text, e.Key, e.Name)
	}
	// Output:
	// الميجر جنرال إيغور كوناشينكوف → per:كنشنكف (إيغور كوناشينكوف)
	// تنظيم الدولة الإسلامية → org:isis (داعش)
	// كوناشنكوف → per:كنشنكف (إيغور كوناشينكوف)
	// داعش → org:isis (داعش)
}
