package arabic

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// readLuceneCases reads a file of Lucene's test vectors (input, expected,
// test name, tab-separated, with a header), skipping the test if absent.
func readLuceneCases(t *testing.T, name string) [][3]string {
	path := filepath.Join(evalDir, "stemmer_tests", name)
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("SKIPPING: Lucene test vectors not found (%v); they live in ../shared/eval beside the repository", err)
	}
	defer f.Close()
	var out [][3]string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue
		}
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 3 {
			t.Fatalf("%s:%d: want input<TAB>expected<TAB>name", path, line)
		}
		out = append(out, [3]string{p[0], p[1], p[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLuceneVectors checks LuceneNormalize and LuceneStem against every
// test vector of Lucene's TestArabicNormalizationFilter and
// TestArabicStemFilter.
func TestLuceneVectors(t *testing.T) {
	for _, c := range []struct {
		file string
		f    func(string) string
		name string
	}{
		{"lucene_ArabicNormalizationFilter_cases.tsv", LuceneNormalize, "LuceneNormalize"},
		{"lucene_ArabicStemFilter_cases.tsv", LuceneStem, "LuceneStem"},
		{"lucene_ArabicNormalizationFilter_cases.tsv", func(s string) string { return LuceneNormalize(LuceneNormalize(s)) }, "LuceneNormalize∘LuceneNormalize"},
	} {
		cases := readLuceneCases(t, c.file)
		if len(cases) == 0 {
			t.Errorf("%s: no cases", c.file)
		}
		for _, v := range cases {
			if got := c.f(v[0]); got != v[1] {
				t.Errorf("%s(%q) = %q, want %q (%s)\n got % x\nwant % x", c.name, v[0], got, v[1], v[2], got, v[1])
			}
		}
	}
}

func TestLuceneStem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"والحسن", "حسن"},
		{"ساهدهات", "ساهد"},
		{"الو", "الو"},
		{"وحسن", "حسن"},
		{"وحس", "وحس"},      // و needs three letters after it
		{"الحسن", "حسن"},    // only one prefix
		{"وللحسن", "للحسن"}, // و, then no second prefix
		{"المدرسة", "مدرس"}, // ة is ه after normalization
		{"أحمد", "احمد"},
		{"😀😀و", "😀😀و"}, // two units each: lengths count UTF-16
		{"English", "English"},
		{"", ""},
	} {
		if got := LuceneStem(c.in); got != c.want {
			t.Errorf("LuceneStem(%q) = %q, want %q\n got % x\nwant % x", c.in, got, c.want, got, c.want)
		}
	}
}

func FuzzLuceneStem(f *testing.F) {
	for _, s := range []string{"", "والحسن", "ساهدهات", "\xff", "آأإىةـًٌٍَُِّْ", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, in := range []string{s, fuzzArabic(s)} {
			n := LuceneNormalize(in)
			st := LuceneStem(in)
			if !utf8.ValidString(n) || !utf8.ValidString(st) {
				t.Fatalf("LuceneNormalize/LuceneStem(%q) = %q, %q: invalid UTF-8", in, n, st)
			}
			if LuceneNormalize(n) != n {
				t.Fatalf("LuceneNormalize(%q) = %q is not idempotent", in, n)
			}
			if !strings.Contains(n, st) {
				t.Fatalf("LuceneStem(%q) = %q is not part of %q", in, st, n)
			}
		}
	})
}
