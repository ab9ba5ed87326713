package geo_test

import (
	"fmt"
	"strings"

	"github.com/isnad-project/isnad/internal/geo"
	"github.com/isnad-project/isnad/internal/news"
)

func ExampleGazetteer_Geocode() {
	g, err := geo.New()
	if err != nil {
		panic(err)
	}
	text := "قصفت الطائرات ريف حماة وأريحا في ريف إدلب، ووصل الوفد إلى طرابلس."
	var ents []news.Entity
	for _, name := range []string{"ريف حماة", "وأريحا", "طرابلس"} {
		i := strings.Index(text, name)
		ents = append(ents, news.Entity{Type: "LOC", Text: name, Span: news.Span{Start: i, End: i + len(name)}})
	}
	for _, e := range g.Geocode(text, ents) {
		if e.Lat == nil {
			fmt.Printf("%s: ambiguous\n", e.Text)
			continue
		}
		fmt.Printf("%s: %.2f, %.2f\n", e.Text, *e.Lat, *e.Lon)
	}
	// Output:
	// ريف حماة: 35.20, 36.95
	// وأريحا: 35.81, 36.61
	// طرابلس: ambiguous
}
