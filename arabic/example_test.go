package arabic_test

import (
	"fmt"
	"strings"

	"github.com/isnad-project/isnad/arabic"
)

func ExampleAnalyzer_Analyze() {
	text := "قال الوزيرُ إنّ المحادثات مع روسيا ستُستأنف، وإن ١٬٥٠٠ جندي ي مكنهم العودة."
	a := arabic.NewAnalyzer(arabic.Options{})
	for _, t := range a.Analyze(text) {
		stop := ""
		if t.Stop {
			stop = " (stopword)"
		}
		fmt.Printf("[%d,%d) %s → %s%s\n", t.Start, t.End, strings.Join(t.Segments, "+"), t.Stem, stop)
	}
	// Output:
	// [0,6) قال → قال
	// [7,21) ال+وزير → وزير
	// [22,28) ان → ان (stopword)
	// [29,47) ال+محادثات → محادث
	// [48,52) مع → مع (stopword)
	// [53,63) روسيا → روس
	// [64,80) س+تستانف → تستانف
	// [83,89) وان → وان (stopword)
	// [90,100) 1,500 → 1,500
	// [101,109) جندي → جند
	// [110,123) يمكن+هم → يمكن
	// [124,136) ال+عوده → عود
}

func ExampleNormalize() {
	for _, s := range []string{"مُحَمَّدٌ", "إلى", "المدرسة", "ﺍﻟﺴﻼﻢ", "الســـلام", "٢٠٢٤", "١٬٥٠٠"} {
		fmt.Println(s, "→", arabic.Normalize(s))
	}
	// Output:
	// مُحَمَّدٌ → محمد
	// إلى → الي
	// المدرسة → المدرسه
	// ﺍﻟﺴﻼﻢ → السلام
	// الســـلام → السلام
	// ٢٠٢٤ → 2024
	// ١٬٥٠٠ → 1,500
}

func ExampleTokenize() {
	text := "أعلنت الوزارة (أمس) أن ٢٫٥ مليون شخص، أي 2,500,000، تلقَّوا اللقاح."
	for _, t := range arabic.Tokenize(text) {
		fmt.Printf("%d [%d,%d) %s\n", t.Position, t.Start, t.End, t.Text)
	}
	// Output:
	// 0 [0,10) أعلنت
	// 1 [11,25) الوزارة
	// 2 [27,33) أمس
	// 3 [35,39) أن
	// 4 [40,46) ٢٫٥
	// 5 [47,57) مليون
	// 6 [58,64) شخص
	// 7 [67,71) أي
	// 8 [72,81) 2,500,000
	// 9 [84,98) تلقَّوا
	// 10 [99,111) اللقاح
}

func ExampleStem() {
	for _, w := range []string{"سوريا", "السورية", "لسوريا", "روسيا", "بروسيا", "الروس"} {
		fmt.Println(w, "→", arabic.Stem(w))
	}
	// Output:
	// سوريا → سور
	// السورية → سور
	// لسوريا → سور
	// روسيا → روس
	// بروسيا → روس
	// الروس → روس
}

func ExampleKey() {
	for _, w := range []string{"كوناشينكوف", "كوناشنكوف", "إيغور", "ايجور", "ميستورا", "مستورا"} {
		fmt.Println(w, "→", arabic.Key(w))
	}
	// Output:
	// كوناشينكوف → كنشنكف
	// كوناشنكوف → كنشنكف
	// إيغور → اكر
	// ايجور → اكر
	// ميستورا → مستر
	// مستورا → مستر
}

func ExampleFoldPresentation() {
	fmt.Println(arabic.FoldPresentation("ﺍﻟﺴﻼﻢ ﻋﻠﻴﻜﻢ"))
	// Output:
	// السلام عليكم
}
