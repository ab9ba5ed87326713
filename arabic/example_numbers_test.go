package arabic_test

import (
	"fmt"
	"strconv"

	"github.com/isnad-project/isnad/arabic"
)

func ExampleFindNumbers() {
	text := "قال المرصد إن 24 شخصا قتلوا، وإن ثلاثمائة وخمسين ألف نازح عادوا خلال الـ48 ساعة الماضية، " +
		"بينما بقي عشرات الآلاف في المخيمات للعام الثالث."
	for _, n := range arabic.FindNumbers(text) {
		fmt.Printf("[%d,%d) %s = %s", n.Start, n.End, n.Text, strconv.FormatFloat(n.Value, 'f', -1, 64))
		if n.Unit != "" {
			fmt.Printf(" %s (from %s)", n.Unit, text[n.UnitStart:n.UnitEnd])
		}
		if n.Approx {
			fmt.Print(", approximate")
		}
		if n.Ordinal {
			fmt.Print(", ordinal")
		}
		fmt.Println()
	}
	// Output:
	// [25,27) 24 = 24 شخص (from شخصا)
	// [57,93) ثلاثمائة وخمسين ألف = 350000 نازح (from نازح)
	// [129,131) 48 = 48 ساعة (from ساعة)
	// [176,199) عشرات الآلاف = 20000, approximate
	// [233,245) الثالث = 3, ordinal
}

func ExampleParseNumber() {
	for _, s := range []string{"ثلاثمائة وخمسون", "١٬٥٠٠", "2.5 مليون", "نصف مليون", "إحدى عشرة", "الحادي والعشرين", "24 هدفا"} {
		v, ok := arabic.ParseNumber(s)
		fmt.Println(s, "→", strconv.FormatFloat(v, 'f', -1, 64), ok)
	}
	// Output:
	// ثلاثمائة وخمسون → 350 true
	// ١٬٥٠٠ → 1500 true
	// 2.5 مليون → 2500000 true
	// نصف مليون → 500000 true
	// إحدى عشرة → 11 true
	// الحادي والعشرين → 21 true
	// 24 هدفا → 0 false
}
