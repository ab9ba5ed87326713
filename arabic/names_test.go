package arabic

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

// keyGroups are spellings that Key must join: the spelling variants of
// issue 3 (سوريا/سورية, ة/ه, ى/ي, hamza seats, doubled letters, long
// vowels and g sounds in foreign names, clitic and nisba forms of a
// country). Each group's words must all have the same Key.
var keyGroups = []struct {
	name  string
	words []string
}{
	{"country -iya/-ia", []string{"سوريا", "سورية", "السورية", "السوري", "السوريين", "لسوريا", "وسوريا"}},
	{"country with clitics and nisba", []string{"روسيا", "لروسيا", "بروسيا", "الروسية", "الروسي", "الروس", "وروسيا"}},
	{"amrika/amirka", []string{"أمريكا", "أميركا", "الأمريكية", "الأميركي", "الأمريكيون", "الأميركيين"}},
	{"final ta marbuta", []string{"حكومة", "حكومه", "الحكومة"}},
	{"final ta marbuta, nisba", []string{"مدرسية", "مدرسيه"}},
	{"final alef maksura", []string{"مستشفى", "مستشفي"}},
	{"final alef maksura, name", []string{"مصطفى", "مصطفي"}},
	{"hamza seat waw/yeh", []string{"مسؤول", "مسئول", "المسؤولين", "المسئولين"}},
	{"hamza seat plural", []string{"شؤون", "شئون"}},
	{"hamza on alef", []string{"أحمد", "احمد", "إحمد"}},
	{"doubled letter", []string{"ميللر", "ميلر"}},
	{"long vowels, -ov", []string{"كوناشينكوف", "كوناشنكوف"}},
	{"long vowels, de Mistura", []string{"ميستورا", "مستورا"}},
	{"long vowels, Netanyahu", []string{"نتنياهو", "نتانياهو"}},
	{"long vowels, cholesterol", []string{"كوليسترول", "كولسترول"}},
	{"long vowels, studio", []string{"استوديو", "استديو", "الاستوديو"}},
	{"g sound", []string{"ايغور", "ايجور", "إيقور", "إيغور"}},
	{"g sound, Guterres", []string{"غوتيريس", "جوتيريس", "قوتيريس"}},
	{"g sound, Samsung", []string{"سامسونج", "سامسونغ"}},
	{"g sound, Instagram", []string{"انستجرام", "انستغرام"}},
	{"g sound, Rodriguez", []string{"رودريغيز", "رودريجيز"}},
	{"short name list", []string{"ترامب", "ترمب"}},
}

func TestKeyGroups(t *testing.T) {
	for _, g := range keyGroups {
		want := Key(g.words[0])
		for _, w := range g.words[1:] {
			if got := Key(w); got != want {
				t.Errorf("%s: Key(%q) = %q, want %q = Key(%q)\n got % x\nwant % x", g.name, w, got, want, g.words[0], got, want)
			}
		}
		// NameKey joins all that Key joins, but places: a place key is
		// not a skeleton.
		if _, place := PlaceKey(g.words[0]); place {
			continue
		}
		want = NameKey(g.words[0])
		for _, w := range g.words[1:] {
			if got := NameKey(w); got != want {
				t.Errorf("%s: NameKey(%q) = %q, want %q = NameKey(%q)", g.name, w, got, want, g.words[0])
			}
		}
	}
}

func TestKeyValues(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"كوناشينكوف", "كنشنكف"},
		{"إيقور", "اكر"},
		{"ميستورا", "مستر"},
		{"لروسيا", "روسيا"},
		{"الأميركي", "امريكا"},
		{"العراقيين", "العراق"},
		{"المسؤولين", "مسءول"},
		{"والجامعة", "جامع"},
		{"ماريو", "ماريو"}, // foreign, but its skeleton مر is too short
		{"2,5", "2,5"},
		{"Lavrov", "lavrov"},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q\n got % x\nwant % x", c.in, got, c.want, got, c.want)
		}
	}
}

// distinctPairs are pairs of different common words (most of the same
// root) that Key must keep apart. The skeleton of NameKey joins every
// pair marked skeleton: that is why running text is keyed by Key.
var distinctPairs = []struct {
	a, b     string
	skeleton bool // NameKey(a) == NameKey(b)
}{
	{"كتب", "كاتب", true},
	{"الجامعة", "الجماعة", true},
	{"جمعية", "جامعة", true},
	{"المنطقة", "المنتج", true},
	{"الشركة", "الشرقية", true},
	{"الحكومة", "الحكمة", true},
	{"العملية", "العمالة", true},
	{"محمد", "محمود", true},
	{"المقبل", "المقابل", true},
	{"العالم", "العلم", true},
	{"الأمير", "الأمر", true},
	{"الوزير", "الوزارة", true},
	{"سعيد", "سعود", true},
	{"السلام", "السلم", true},
	{"الحال", "حول", true},
	{"الأمن", "الأمين", true},
	{"العالمية", "العلمية", true},
	{"المناطق", "المنطق", true},
	{"الشريك", "الشرك", true},
	{"القوات", "القوت", true},
	{"السيارة", "السير", true},
	{"المشروع", "المشرع", true},
	{"المحافظ", "المحفوظ", true},
	{"التقديم", "التقدم", true},
	{"العمل", "العامل", true},
	{"الملك", "المالك", true},
	{"خادم", "خدم", true},
	{"أكثر", "أقطار", true},
	{"دور", "دار", true},
	{"صعيد", "سعيد", true},
	{"غير", "قرى", true},
	{"مدينة", "مدنية", true},
	{"منصب", "مناسب", true},
	{"عدد", "عيد", true},
	{"رئيس", "الروس", true},
	{"قال", "كل", true},
	{"حكومة", "حكيمة", true},
}

func TestKeyDistinct(t *testing.T) {
	for _, p := range distinctPairs {
		if ka, kb := Key(p.a), Key(p.b); ka == kb {
			t.Errorf("Key(%q) == Key(%q) == %q: distinct words must not meet", p.a, p.b, ka)
		}
		if na, nb := NameKey(p.a), NameKey(p.b); (na == nb) != p.skeleton {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: equal %v, want %v", p.a, na, p.b, nb, na == nb, p.skeleton)
		}
	}
}

// TestNameKeyOnly shows the names that only NameKey joins: their shorter
// spelling has the shape of an Arabic word.
func TestNameKeyOnly(t *testing.T) {
	for _, p := range []struct{ a, b string }{
		{"هيلاري", "هيللاري"},
		{"أوباما", "أوبما"},
	} {
		if NameKey(p.a) != NameKey(p.b) {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q; want equal", p.a, NameKey(p.a), p.b, NameKey(p.b))
		}
		if Key(p.a) == Key(p.b) {
			t.Errorf("Key(%q) == Key(%q): the rules now see %q as foreign; move the pair to keyGroups", p.a, p.b, p.a)
		}
	}
}

func TestWholeKeyGroups(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"فالنتينوف", "فالينتينوف"},
		{"كوناشنكوف", "كوناشينكوف"},
		{"بوتين", "بوتن"},
	} {
		if ka, kb := WholeKey(c.a), WholeKey(c.b); ka != kb {
			t.Errorf("WholeKey(%q) = %q, WholeKey(%q) = %q; want equal", c.a, ka, c.b, kb)
		}
	}
}

func TestLooksForeign(t *testing.T) {
	for _, c := range []struct {
		stem string
		want bool
	}{
		{"كوناشينكوف", true}, // 2, 3
		{"غوتيريس", true},    // 3
		{"ميللر", true},      // 4
		{"لافروف", true},     // 5
		{"استديو", true},     // 5
		{"بوتين", true},      // 6 (and 8)
		{"ايغور", true},      // 6
		{"ميستور", true},     // 7
		{"فيسبوك", true},     // 7
		{"مستور", true},      // 8
		{"ژاك", true},        // 1
		{"ملايين", false},    // broken plural, not 3
		{"صواريخ", false},
		{"ظروف", false}, // short -وف
		{"معروف", false},
		{"توفير", false}, // تفعيل, not 6
		{"ميزان", false},
		{"عينين", false}, // a dual, not 6
		{"زيتون", false},
		{"جامع", false},
		{"مسؤول", false},
		{"استثمار", false},
	} {
		if got := looksForeign(Normalize(c.stem)); got != c.want {
			t.Errorf("looksForeign(%q) = %v, want %v", c.stem, got, c.want)
		}
	}
}

// TestKeyIsNameKeyWhenForeign checks that a word that looks foreign has
// the same key under Key and NameKey, so that a name key can be looked up
// among the keys of running text.
func TestKeyIsNameKeyWhenForeign(t *testing.T) {
	for _, g := range keyGroups {
		for _, w := range g.words {
			if _, place := PlaceKey(w); place || !looksForeign(Stem(w)) || utf8.RuneCountInString(NameKey(w)) < minSkeleton {
				continue
			}
			if Key(w) != NameKey(w) {
				t.Errorf("Key(%q) = %q, NameKey = %q; want equal for a foreign word", w, Key(w), NameKey(w))
			}
		}
	}
}

// TestAnalyzeKey checks that Token.Key is Key.
func TestAnalyzeKey(t *testing.T) {
	a := NewAnalyzer(Options{Stopwords: []string{}})
	for _, g := range keyGroups {
		for _, w := range g.words {
			toks := a.Analyze(w)
			if len(toks) != 1 {
				t.Fatalf("Analyze(%q): %d tokens, want 1", w, len(toks))
			}
			if toks[0].Key != Key(w) {
				t.Errorf("Analyze(%q).Key = %q, want Key = %q", w, toks[0].Key, Key(w))
			}
		}
	}
}

func TestSkeletonIdempotent(t *testing.T) {
	for _, g := range keyGroups {
		for _, w := range g.words {
			s := skeleton(Stem(w))
			if again := skeleton(s); again != s {
				t.Errorf("skeleton(skeleton(Stem(%q))) = %q, want %q", w, again, s)
			}
		}
	}
}

func FuzzNameKey(f *testing.F) {
	for _, g := range keyGroups {
		for _, w := range g.words {
			f.Add(w)
		}
	}
	for _, p := range distinctPairs {
		f.Add(p.a)
	}
	f.Add("ﺍﻟﺴﻼﻢ")
	f.Add("وَالسُّورِيَّةِ")
	f.Add("\xff\xfeسوريا")
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []string{Key(s), NameKey(s), WholeKey(s)} {
			if !utf8.ValidString(k) {
				t.Fatalf("key of %q is not valid UTF-8: %q", s, k)
			}
		}
		norm := Normalize(s)
		if !isArabicWord(norm) {
			return
		}
		stem := Stem(s)
		sk := skeleton(stem)
		if skeleton(sk) != sk {
			t.Errorf("skeleton not idempotent on %q: %q then %q", stem, sk, skeleton(sk))
		}
		if utf8.RuneCountInString(sk) > utf8.RuneCountInString(stem) {
			t.Errorf("skeleton(%q) = %q is longer than the stem", stem, sk)
		}
		if _, place := placeByStem()[hehEnding(stem)]; !place && looksForeign(hehEnding(stem)) &&
			utf8.RuneCountInString(NameKey(s)) >= minSkeleton && Key(s) != NameKey(s) {
			t.Errorf("Key(%q) = %q, NameKey = %q: want equal for a foreign stem", s, Key(s), NameKey(s))
		}
	})
}

func ExampleNameKey() {
	for _, w := range []string{"ميستورا", "مستورا", "هيلاري", "هيللاري", "الجامعة", "الجماعة"} {
		fmt.Println(w, "→", NameKey(w), Key(w))
	}
	// Output:
	// ميستورا → مستر مستر
	// مستورا → مستر مستر
	// هيلاري → هلر هيلار
	// هيللاري → هلر هلر
	// الجامعة → كمع جامع
	// الجماعة → كمع جماع
}
