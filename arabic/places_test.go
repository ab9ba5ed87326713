package arabic

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// placeGroups are the forms of one place that PlaceKey must key alike.
var placeGroups = []struct {
	key   string
	words []string
}{
	{"روسيا", []string{"روسيا", "لروسيا", "بروسيا", "وروسيا", "الروسية", "الروسي", "الروس", "للروس", "الروسيين", "روسي"}},
	{"سوريا", []string{"سوريا", "سورية", "السورية", "السوريين", "السوريون", "لسوريا", "بسورية", "سوري"}},
	{"امريكا", []string{"أمريكا", "أميركا", "امريكا", "الأمريكية", "الأميركي", "الأمريكيين", "الأمريكان", "لأمريكا"}},
	{"العراق", []string{"العراق", "للعراق", "والعراق", "بالعراق", "العراقي", "العراقية", "عراقي", "العراقيين"}},
	{"ايران", []string{"إيران", "ايران", "لإيران", "الإيراني", "الإيرانية", "إيرانيون"}},
	{"تركيا", []string{"تركيا", "التركية", "التركي", "الأتراك", "وتركيا", "لتركيا"}},
	{"فرنسا", []string{"فرنسا", "الفرنسية", "الفرنسي", "فرنسي", "بفرنسا", "فالفرنسيون"}},
	{"لبنان", []string{"لبنان", "للبنان", "اللبناني", "اللبنانية", "لبنانيون"}},
	{"المانيا", []string{"ألمانيا", "المانيا", "الألمانية", "الالماني", "الألمان", "لألمانيا"}},
	{"السعوديه", []string{"السعودية", "السعوديه", "للسعودية", "السعوديين", "سعودي", "سعوديات"}},
	{"الهند", []string{"الهند", "بالهند", "الهندي", "هندية", "الهنود"}},
	{"مصر", []string{"مصر", "بمصر", "المصري", "المصريين", "مصريون"}},
	{"انجلترا", []string{"إنجلترا", "انكلترا", "الإنجليزي", "الانجليز"}},
	{"جازان", []string{"جازان", "جيزان", "بجازان"}},
	{"عمان", []string{"عمان", "عُمان", "العماني"}},
}

func TestPlaceKey(t *testing.T) {
	for _, g := range placeGroups {
		for _, w := range g.words {
			if got, ok := PlaceKey(w); !ok || got != g.key {
				t.Errorf("PlaceKey(%q) = %q, %v; want %q, true\n got % x\nwant % x", w, got, ok, g.key, got, g.key)
			}
		}
	}
}

// TestPlaceKeyNot lists words that name no place: common words, forms
// without the article a name needs, and words the table leaves out.
func TestPlaceKeyNot(t *testing.T) {
	for _, w := range []string{
		"عراق",    // العراق needs its article
		"هند",     // a name, Hind
		"بروس",    // Bruce: الروس needs its article
		"مالي",    // financial; the country Mali is left out
		"المدينة", // the city; المدينة المنورة is two words
		"الخبر",   // the news
		"ترك",     // left (a verb), not تركيا
		"سور",     // a wall
		"قال", "الحكومة", "وزير", "كتاب", "الجامعة",
		"Russia", "2015", "", "ﹰ",
	} {
		if k, ok := PlaceKey(w); ok {
			t.Errorf("PlaceKey(%q) = %q, true; want false", w, k)
		}
	}
}

// TestPlaceTable checks every place of words/places.txt: a one-word key
// is its own key, and FindPlaces finds every key as one place.
func TestPlaceTable(t *testing.T) {
	pt := thePlaces()
	if len(pt.keys) < 80 {
		t.Errorf("%d places, want 80 or more", len(pt.keys))
	}
	seen := map[string]bool{}
	for _, k := range pt.keys {
		if seen[k] {
			t.Errorf("place %q listed twice", k)
		}
		seen[k] = true
		if !strings.Contains(k, " ") {
			if got, ok := PlaceKey(k); !ok || got != k {
				t.Errorf("PlaceKey(%q) = %q, %v; want the key itself", k, got, ok)
			}
		}
		want := []Place{{Key: k, Start: 0, End: len(k)}}
		if got := FindPlaces(k); !slices.Equal(got, want) {
			t.Errorf("FindPlaces(%q) = %v, want %v", k, got, want)
		}
	}
}

func TestParsePlacesErrors(t *testing.T) {
	for _, src := range []string{
		"روسيا: روسي+\nسوريا: روسي+", // one form, two places
		"روسيا: روس+",                // a nisba must end in ي
		"روسيا: روسي كبير+",          // a nisba is one word
		"Russia: روسيا",              // a name is Arabic
		"روسيا: روسيا, Rossiya",      // so is a form
	} {
		if _, err := parsePlaces(src); err == nil {
			t.Errorf("parsePlaces(%q): no error", src)
		}
	}
	pt, err := parsePlaces("# a comment\n\nروسيا: روسي+, الروس\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(pt.words); got != 1+len(nisbaEndings)+1 {
		t.Errorf("parsePlaces: %d forms, want %d", got, 1+len(nisbaEndings)+1)
	}
}

func TestFindPlaces(t *testing.T) {
	text := "قال مسؤول في وزارة الخارجية بالولايات المتحدة إن واشنطن تتابع مع " +
		"المملكة العربية السعودية وكوريا الشمالية، وكوريا الجنوبية وحدها، الوضع في سوريا. " +
		"الولايات، المتحدة ليست اسما؛ والروس في المدينة المنورة."
	want := []struct{ key, sub string }{
		{"امريكا", "بالولايات المتحدة"},
		{"واشنطن", "واشنطن"},
		{"السعوديه", "المملكة العربية السعودية"},
		{"كوريا الشماليه", "وكوريا الشمالية"},
		{"كوريا الجنوبيه", "وكوريا الجنوبية"},
		{"سوريا", "سوريا"},
		{"روسيا", "والروس"},
		{"المدينه المنوره", "المدينة المنورة"},
	}
	got := FindPlaces(text)
	if len(got) != len(want) {
		t.Fatalf("FindPlaces: %d places %v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		sp := mustSpan(t, text, w.sub)
		if got[i] != (Place{Key: w.key, Start: sp.Start, End: sp.End}) {
			t.Errorf("place %d = %+v (%q), want {%s %d %d} (%q)", i, got[i], text[got[i].Start:got[i].End], w.key, sp.Start, sp.End, w.sub)
		}
	}
}

// TestKeyOfPlaces checks that Key, which keys a token by its stem, gives
// the place key to the forms of a country, so that the index joins the
// spellings of a name (أمريكا, أميركا) and its people (الهند, الهنود).
func TestKeyOfPlaces(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"لروسيا", "روسيا"},
		{"الروسية", "روسيا"},
		{"الروس", "روسيا"},
		{"سورية", "سوريا"},
		{"أميركا", "امريكا"},
		{"الأمريكية", "امريكا"},
		{"الأمريكان", "امريكا"},
		{"العراقي", "العراق"},
		{"الهنود", "الهند"},
		{"الأتراك", "تركيا"},
		{"الإنجليزي", "انجلترا"},
		{"انكلترا", "انجلترا"},
		{"الأفغان", "افغانستان"},
	} {
		if got := Key(c.word); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

func FuzzPlaceKey(f *testing.F) {
	for _, g := range placeGroups {
		for _, w := range g.words {
			f.Add(w)
		}
	}
	f.Add("بالولايات المتحدة الأمريكية")
	f.Add("الولايات  المتحدة")
	f.Add("\xffروسيا")
	f.Fuzz(func(t *testing.T, s string) {
		if k, ok := PlaceKey(s); ok {
			if !utf8.ValidString(k) || k == "" {
				t.Fatalf("PlaceKey(%q) = %q", s, k)
			}
			if k2, ok2 := PlaceKey(k); !ok2 || k2 != k {
				t.Errorf("PlaceKey(PlaceKey(%q)) = %q, %v; want %q", s, k2, ok2, k)
			}
		}
		end := 0
		for _, p := range FindPlaces(s) {
			if p.Start < end || p.End <= p.Start || p.End > len(s) {
				t.Fatalf("FindPlaces(%q): bad span %+v after %d", s, p, end)
			}
			end = p.End
		}
	})
}

func ExamplePlaceKey() {
	for _, w := range []string{"لروسيا", "الروسية", "الروس", "أميركا", "الأمريكيين", "للعراق", "عراق"} {
		k, ok := PlaceKey(w)
		fmt.Println(w, "→", k, ok)
	}
	// Output:
	// لروسيا → روسيا true
	// الروسية → روسيا true
	// الروس → روسيا true
	// أميركا → امريكا true
	// الأمريكيين → امريكا true
	// للعراق → العراق true
	// عراق →  false
}

func ExampleFindPlaces() {
	text := "التقى وزير خارجية الولايات المتحدة نظيره الروسي في جنيف."
	for _, p := range FindPlaces(text) {
		fmt.Printf("%s %d:%d %s\n", text[p.Start:p.End], p.Start, p.End, p.Key)
	}
	// Output:
	// الولايات المتحدة 33:64 امريكا
	// الروسي 76:88 روسيا
	// جنيف 94:102 جنيف
}
