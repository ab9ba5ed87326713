package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/isnad-project/isnad/arabic"
)

// keysVocabOf builds a Vocab from "word count" pairs.
func keysVocabOf(pairs ...any) *Vocab {
	v := &Vocab{Types: map[string]*WordType{}}
	for i := 0; i < len(pairs); i += 2 {
		w, n := pairs[i].(string), pairs[i+1].(int)
		for range n {
			v.add(w)
		}
	}
	v.done()
	return v
}

func TestMeasureKeys(t *testing.T) {
	v := keysVocabOf(
		"الجامعة", 30, "الجماعة", 25, "جامعة", 40, // one stem جامع, and جماع
		"مسؤول", 50, "مسئول", 20, // a spelling variant
		"كتب", 19, "كاتب", 100, // كتب is not frequent
		"في", 500, // a stopword
		"2015", 80, // not Arabic letters
	)
	skel := MeasureKeys(v, arabic.NameKey, 0)
	if skel.Types != 6 {
		t.Errorf("NameKey: %d frequent types, want 6", skel.Types)
	}
	// جامعة/الجامعة/الجماعة share كمع; مسؤول/مسئول share مسل.
	if skel.Merged != 5 || len(skel.Pairs) != 2 {
		t.Errorf("NameKey: %d merged types, %d pairs %v; want 5 and 2", skel.Merged, len(skel.Pairs), skel.Pairs)
	}
	if skel.Consonant != 0 {
		t.Errorf("NameKey: %d consonant merges, want 0 (جامع and جماع differ in vowels only)", skel.Consonant)
	}
	key := MeasureKeys(v, arabic.Key, 0)
	if key.Merged != 2 || len(key.Pairs) != 1 || key.Pairs[0].Key != arabic.Key("مسؤول") {
		t.Errorf("Key: %d merged types, pairs %v; want 2, the pair of مسؤول", key.Merged, key.Pairs)
	}
	// Keys of four letters or more: the stems جامع مسءول كاتب, but no
	// skeleton (كمع مسل كتب).
	if got := MeasureKeys(v, arabic.Key, 4).Types; got != 6 {
		t.Errorf("Key, keys of 4 letters or more: %d types, want 6", got)
	}
	if got := MeasureKeys(v, arabic.NameKey, 4).Types; got != 0 {
		t.Errorf("NameKey, keys of 4 letters or more: %d types, want 0", got)
	}
	if got := v.Types[arabic.Normalize("جامعة")].Spelling; got != "جامعة" {
		t.Errorf("spelling of جامعه = %q, want جامعة", got)
	}
}

func TestConsonants(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"مسؤول", "مسئول", true},
		{"جامع", "جماع", true},
		{"غوتيريز", "جوتيريز", true},
		{"لاعب", "لاعبيه", true},
		{"منطق", "منتج", false},
		{"شرك", "شرق", true},
		{"محمد", "محمود", true},
		{"سعود", "صعود", false},
	} {
		if same := stemConsonants(c.a) == stemConsonants(c.b); same != c.same {
			t.Errorf("stemConsonants(%q) = %q, stemConsonants(%q) = %q: same %v, want %v", c.a, stemConsonants(c.a), c.b, stemConsonants(c.b), same, c.same)
		}
	}
}

// TestKeysFloor measures the keys on SaudiNewsNet and holds the floors:
// Key joins few frequent words of different stems, NameKey many.
func TestKeysFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: reads 9 million words")
	}
	dir := evalDir(t)
	var log strings.Builder
	figs, err := Keys(context.Background(), dir, Options{Log: &log, WorkDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if !figs[0].Available {
		t.Skipf("SKIPPING: %s", figs[0].Note)
	}
	var out strings.Builder
	Print(&out, figs)
	t.Logf("\n%s\n%s", log.String(), out.String())
	get := func(metric, note string) float64 {
		for _, f := range figs {
			if f.Metric == metric && strings.HasPrefix(f.Note, note) {
				return f.Value
			}
		}
		t.Fatalf("no figure %q (%s)", metric, note)
		return 0
	}
	const indexed = "keys of 4+"
	if v := get("Key: frequent types merged with another stem", indexed); v > 4 {
		t.Errorf("Key merges %.1f%% of the frequent types (indexed keys), want at most 4%%", v)
	}
	if v := get("Key: … with a stem differing in a consonant", indexed); v > 3 {
		t.Errorf("Key merges %.1f%% of the frequent types in a consonant (indexed keys), want at most 3%%", v)
	}
	if v := get("NameKey: frequent types merged with another stem", indexed); v < 30 {
		t.Errorf("NameKey merges %.1f%% of the frequent types (indexed keys): the skeleton should join far more", v)
	}
	if v := get("PlaceKey: tokens naming a place", ""); v < 0.5 {
		t.Errorf("PlaceKey keys %.2f%% of the tokens, want 0.5%% or more", v)
	}
}
