package arabic

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"hello, world 123", "hello, world 123"},
		// Hamza and alef variants; ؤ ئ ء stay.
		{"أحمد", "احمد"},
		{"إسلام", "اسلام"},
		{"آمن", "امن"},
		{"ٱلرحمن", "الرحمن"},
		{"مسؤول", "مسؤول"},
		{"رئيس", "رئيس"},
		{"سماء", "سماء"},
		// ى ة and the Persian and Urdu letters.
		{"مستشفى", "مستشفي"},
		{"مدينة", "مدينه"},
		{"ایران", "ايران"},
		{"کتاب", "كتاب"},
		{"ھذا", "هذا"},
		{"مدرسە", "مدرسه"},
		// Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
		{"مُحَمَّدٌ", "محمد"},
		{"شخصاً", "شخصا"},
		{"هٰذا", "هذا"},
		{"ٱلرَّحْمَٰنِ", "الرحمن"},
		{"عَلَيْهِۖ", "عليه"},
		// Tatweel.
		{"الســــلام", "السلام"},
		// Digits and their separators.
		{"٢٠٢٤", "2024"},
		{"۱۴۰۳", "1403"},
		{"١٬٥٠٠", "1,500"},
		{"٢٫٥", "2.5"},
		// Presentation forms and ligatures.
		{"ﺍﻟﺴﻼﻢ", "السلام"},
		{"ﻻ", "لا"},
		{"ﻷن", "لان"},
		// Decomposed hamza composes first: ي + U+0654 is ئ, not ي.
		{"ي\u0654", "ئ"},
		{"ا\u0654", "ا"},
		// Invisible format characters.
		{"\u200fكلمة\u200e", "كلمه"},
		{"\ufeffنص", "نص"},
		{"لا\u200cيزال", "لايزال"},
		{"a\u202eb\u2066c", "abc"},
		// Invalid UTF-8 is dropped.
		{"كل\xffمة", "كلمه"},
		{"\xc3", ""},
		// NFKC on other scripts.
		{"ﬁne", "fine"},
		{"Ａｒａｂ", "Arab"},
		// A mark that blocked a composition is dropped, then NFKC composes.
		{"e\u0654\u0301", "é"},
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q\n got % x\nwant % x", c.in, got, c.want, got, c.want)
		}
	}
}

// TestNormalizeUnfolded checks that normalize(s, false) keeps أ إ آ ة ى,
// has the byte length of Normalize(s), and folds to it.
func TestNormalizeUnfolded(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"أَحْمَد", "أحمد"},
		{"مدينة", "مدينة"},
		{"على", "على"},
		{"ٱلْقُرْآن", "القرآن"},
		{"ﻷن", "لأن"},
	} {
		got := normalize(c.in, false)
		if got != c.want {
			t.Errorf("normalize(%q, false) = %q, want %q\n got % x\nwant % x", c.in, got, c.want, got, c.want)
		}
		if n := Normalize(c.in); foldVariants(got) != n || len(got) != len(n) {
			t.Errorf("foldVariants(%q) = %q, want Normalize(%q) = %q", got, foldVariants(got), c.in, n)
		}
	}
}

// TestNormalizeLucene runs the test vectors of Lucene's
// ArabicNormalizationFilter, transcribed in the shared evaluation data.
func TestNormalizeLucene(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "eval", "stemmer_tests", "lucene_ArabicNormalizationFilter_cases.tsv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("SKIPPING: Lucene test vectors not found (%v); they live in ../shared/eval beside the repository", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for line := 0; sc.Scan(); line++ {
		if line == 0 {
			continue // header: input, expected, lucene_test_name
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 {
			t.Fatalf("%s:%d: %d columns, want 3", path, line+1, len(cols))
		}
		in, want, name := cols[0], cols[1], cols[2]
		if got := Normalize(in); got != want {
			t.Errorf("%s: Normalize(%q) = %q, want %q\n got % x\nwant % x", name, in, got, want, got, want)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("%s: no test vectors", path)
	}
}

func TestNormalizeAllocs(t *testing.T) {
	for _, s := range []string{"plain ascii text", "كلمات عربيه بلا تشكيل"} {
		if n := testing.AllocsPerRun(100, func() { Normalize(s) }); n != 0 {
			t.Errorf("Normalize(%q): %v allocations, want 0 for text that needs no change", s, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Normalize("مدينة") }); n > 1 {
		t.Errorf("Normalize(%q): %v allocations, want at most 1", "مدينة", n)
	}
}

func TestFoldPresentation(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"السَّلام", "السَّلام"}, // harakat kept
		{"ﺍﻟﺴﻼﻢ عليكم", "السلام عليكم"},
		{"ﷲ", "الله"},
		{"a\xffﻻ", "a\xffلا"}, // invalid bytes kept
	} {
		if got := FoldPresentation(c.in); got != c.want {
			t.Errorf("FoldPresentation(%q) = %q, want %q\n got % x\nwant % x", c.in, got, c.want, got, c.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"", "abc", "مُحَمَّدٌ", "ﺍﻟﺴﻼﻢ", "١٬٥٠٠", "ي\u0654", "e\u0654\u0301", "\xff\xfe", "ﷺ", "ﹱ",
		"ا\u200d\u0654", "\u0675", "ﱞ", "ٱلرَّحْمَٰنِ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q, not valid UTF-8", s, n)
		}
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("Normalize(Normalize(%q)) = %q, want %q\n got % x\nwant % x", s, n2, n, n2, n)
		}
		// The unfolded form folds to the same text, byte for byte.
		pre := normalize(s, false)
		if fv := foldVariants(pre); fv != n {
			t.Fatalf("foldVariants(normalize(%q, false)) = %q, want %q", s, fv, n)
		}
		// The fast path agrees with the general one.
		if slow := normalizeSlow(s, true); slow != n {
			t.Fatalf("normalizeSlow(%q) = %q, Normalize = %q", s, slow, n)
		}
		if fp := FoldPresentation(s); utf8.ValidString(s) && !utf8.ValidString(fp) {
			t.Fatalf("FoldPresentation(%q) = %q, not valid UTF-8", s, fp)
		}
	})
}
