package arabic_test

import (
	"fmt"
	"time"

	"github.com/isnad-project/isnad/arabic"
)

func ExampleFindDates() {
	text := "قال المتحدث مساء أمس إن الغارات التي بدأت في 30 أيلول/سبتمبر ستتواصل حتى نهاية الشهر الجاري."
	published := time.Date(2015, 10, 2, 9, 0, 0, 0, time.UTC)
	for _, d := range arabic.FindDates(text, published) {
		fmt.Printf("%s [%d,%d) %s %v relative=%v\n",
			d.Text, d.Start, d.End, d.Time.Format(time.DateOnly), d.Precision, d.Relative)
	}
	// Output:
	// مساء أمس [22,37) 2015-10-01 day relative=true
	// 30 أيلول/سبتمبر [81,107) 2015-09-30 day relative=true
	// الشهر الجاري [141,164) 2015-10-01 month relative=true
}

func ExampleParseDate() {
	published := time.Date(2015, 10, 2, 9, 0, 0, 0, time.UTC)
	for _, s := range []string{"17 ذو الحجة 1436 هـ", "16/10/2025", "الخميس الماضي", "قبل أيام", "قال الوزير"} {
		d, ok := arabic.ParseDate(s, published)
		if !ok {
			fmt.Printf("%s: not a date\n", s)
			continue
		}
		day := "?"
		if !d.Time.IsZero() {
			day = d.Time.Format(time.DateOnly)
		}
		fmt.Printf("%s: %s %v %s\n", s, day, d.Precision, d.Calendar)
	}
	// Output:
	// 17 ذو الحجة 1436 هـ: 2015-10-01 day hijri
	// 16/10/2025: 2025-10-16 day gregorian
	// الخميس الماضي: 2015-10-01 day gregorian
	// قبل أيام: ? unknown gregorian
	// قال الوزير: not a date
}

func ExampleFromHijri() {
	t, _ := arabic.FromHijri(1436, 9, 1) // 1 Ramadan 1436
	fmt.Println(t.Format(time.DateOnly))
	fmt.Println(arabic.ToHijri(time.Date(2015, 10, 1, 0, 0, 0, 0, time.UTC)))
	// Output:
	// 2015-06-18
	// 1436 12 17
}

func ExampleSentences() {
	text := `قال د. أحمد: "لن نتراجع." وأضاف أن النمو بلغ 3.5 في المئة؛ وهو رقم قياسي. هل يستمر؟`
	for _, s := range arabic.Sentences(text) {
		fmt.Printf("[%d,%d) %s\n", s.Start, s.End, text[s.Start:s.End])
	}
	// Output:
	// [0,41) قال د. أحمد: "لن نتراجع."
	// [42,123) وأضاف أن النمو بلغ 3.5 في المئة؛ وهو رقم قياسي.
	// [124,141) هل يستمر؟
}
