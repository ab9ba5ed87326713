package arabic

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestStemGroups checks that the forms of one word share a stem.
func TestStemGroups(t *testing.T) {
	for _, group := range [][]string{
		{"سوريا", "سورية", "السورية", "السوري", "لسوريا", "السوريين", "السوريون", "وسوريا", "والسوريّة"},
		{"روسيا", "الروسية", "الروسي", "الروس", "بروسيا", "لروسيا", "الروسيين"},
		{"مصر", "المصري", "المصرية", "لمصر", "بمصر", "المصريين"},
		{"أمريكا", "الأمريكية", "الأمريكي", "الأمريكيين"},
		{"ألمانيا", "الألمانية", "الألماني"},
		{"بريطانيا", "البريطانية", "البريطاني", "لبريطانيا"},
		{"فلسطين", "الفلسطينية", "الفلسطيني", "الفلسطينيين", "وفلسطين"},
		{"لبنان", "اللبناني", "اللبنانية", "للبنان"},
		{"مدينة", "المدينة", "بالمدينة", "للمدينة", "مدينته", "ومدينتها"},
		{"وزير", "الوزير", "للوزير", "ووزير", "وزيرا", "وزيرها"},
		{"حكومة", "الحكومة", "حكومته", "الحكومات", "والحكومة"},
		{"انتخابات", "الانتخابات", "الانتخابية"},
		{"عملية", "العمليات", "عمليات"},
		{"قال", "وقال", "قالوا"},
		{"يقول", "سيقول", "وسيقول"},
		{"زوج", "زوجها", "زوجه"},
		{"أبناء", "أبنائه", "أبناؤه", "الأبناء"},
		{"طبيعي", "طبيعيا", "الطبيعي"},
		{"رئيس", "الرئيس", "رئيسا", "رئيسة", "ورئيس"},
	} {
		want := Stem(group[0])
		for _, w := range group[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q = Stem(%q)\n got % x\nwant % x", w, got, want, group[0], got, want)
			}
		}
	}
}

// TestStem checks stems that must come out exactly so, and words that the
// stemmer must leave alone.
func TestStem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"روسيا", "روس"},
		{"سوريا", "سور"},
		{"والسورية", "سور"},
		// Short words stay whole.
		{"من", "من"},
		{"قال", "قال"},
		{"سنة", "سنه"},
		{"وقت", "وقت"},
		// A letter that looks like a clitic but belongs to the word.
		{"وزارة", "وزار"},
		{"فرنسا", "فرنس"},
		{"فبراير", "فبراير"},
		{"بيروت", "بيروت"},
		{"ليبيا", "ليب"},
		{"سياسة", "سياس"},
		{"الله", "الله"},
		{"عبدالله", "عبدالله"},
		{"أليس", "اليس"}, // أل is no article
		{"الولايات", "ولا"},
		// ه of the word, not a pronoun.
		{"اتجاه", "اتجاه"},
		{"توجيه", "توجيه"},
		{"يواجه", "يواجه"},
		// Numbers and other scripts.
		{"١٬٥٠٠", "1,500"},
		{"Reuters", "reuters"},
		{"", ""},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q\n got % x\nwant % x", c.in, got, c.want, got, c.want)
		}
	}
}

// TestStemApart checks that different words keep different stems.
func TestStemApart(t *testing.T) {
	for _, pair := range [][2]string{
		{"وقتل", "وقت"},
		{"سوريا", "روسيا"},
		{"بيان", "يان"},
		{"الكتاب", "الكاتب"},
	} {
		if a, b := Stem(pair[0]), Stem(pair[1]); a == b {
			t.Errorf("Stem(%q) = Stem(%q) = %q, want them apart", pair[0], pair[1], a)
		}
	}
}

func TestSegments(t *testing.T) {
	a := NewAnalyzer(Options{})
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"وبالمدينة", []string{"و", "ب", "ال", "مدينه"}},
		{"للمدينة", []string{"ل", "ال", "مدينه"}},
		{"والسورية", []string{"و", "ال", "سوريه"}},
		{"فالحكومة", []string{"ف", "ال", "حكومه"}},
		{"زوجها", []string{"زوج", "ها"}},
		{"وكتابهم", []string{"و", "كتاب", "هم"}},
		{"بلادنا", []string{"بلاد", "نا"}},
		{"سيقولون", []string{"س", "يقولون"}},
		{"لسوريا", []string{"ل", "سوريا"}},
		{"وزير", []string{"وزير"}},
		{"فيلم", []string{"فيلم"}},
		{"و17", []string{"و", "17"}},
		{"وفي", []string{"وفي"}}, // a stopword is not segmented
	} {
		toks := a.Analyze(c.in)
		if len(toks) != 1 {
			t.Errorf("Analyze(%q): %d tokens, want 1", c.in, len(toks))
			continue
		}
		if got := toks[0].Segments; !slices.Equal(got, c.want) {
			t.Errorf("Analyze(%q).Segments = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestKey(t *testing.T) {
	for _, group := range [][]string{
		{"كوناشينكوف", "كوناشنكوف"},
		{"ايغور", "ايجور", "إيقور"},
		{"ميستورا", "مستورا"},
		{"ميللر", "ميلر"},
		{"غوتيريس", "جوتيريس", "قوتيريس"},
	} {
		want := Key(group[0])
		for _, w := range group[1:] {
			if got := Key(w); got != want {
				t.Errorf("Key(%q) = %q, want %q = Key(%q)\n got % x\nwant % x", w, got, want, group[0], got, want)
			}
		}
	}
	for _, c := range []struct{ in, want string }{
		{"كوناشينكوف", "كنشنكف"},
		{"إيقور", "اكر"},
		{"2,5", "2,5"},
		{"Lavrov", "lavrov"},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q\n got % x\nwant % x", c.in, got, c.want, got, c.want)
		}
	}
}

// TestStemNeverShort checks over a vocabulary that a stem keeps at least
// two letters and is a part of the word.
func TestStemNeverShort(t *testing.T) {
	words := strings.Fields(benchParagraph + " " + wordList("conj.txt") + " " + wordList("prep.txt") +
		" " + wordList("future.txt") + " " + wordList("encl.txt") + " " + defaultStopwords)
	for _, w := range words {
		norm := Normalize(w)
		if !isArabicWord(norm) {
			continue
		}
		s := Stem(w)
		if n := utf8.RuneCountInString(s); n < min(2, utf8.RuneCountInString(norm)) || !strings.Contains(norm, s) {
			t.Errorf("Stem(%q) = %q: want two letters or more, taken from %q", w, s, norm)
		}
	}
}

func TestWholeKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"فالنتينوف", "فالينتينوف"},
		{"كوناشنكوف", "كوناشينكوف"},
		{"بوتين", "بوتن"},
	} {
		if ka, kb := WholeKey(c.a), WholeKey(c.b); ka != kb {
			t.Errorf("WholeKey(%q) = %q, WholeKey(%q) = %q; want equal", c.a, ka, c.b, kb)
		}
	}
	if Key("فالنتينوف") == WholeKey("فالنتينوف") {
		t.Errorf("WholeKey must not split clitics: both give %q", Key("فالنتينوف"))
	}
}
