package ner

import (
	"slices"
	"strings"
	"testing"

	"github.com/isnad-project/isnad/arabic"
)

func TestNERAnalyze(t *testing.T) {
	a := arabic.NewAnalyzer(arabic.Options{NoRepair: true})
	for _, c := range []struct {
		tok                                     string
		norm, pre, core, suf, keyAl, shape, raw string
	}{
		{"وبالقاهرة", "وبالقاهره", "و+ب+ال", "قاهره", "", "القاهره", "A9", "وبالقاهرة"},
		{"للأمم", "للامم", "ل+ال", "امم", "", "الامم", "A5", "للأمم"},
		{"ومدينتهم", "ومدينتهم", "و", "مدينت", "هم", "مدينت", "A8", "ومدينتهم"},
		{"وَروسيا", "وروسيا", "و", "روسيا", "", "روسيا", "A6", "وَروسيا"},
		{"CNN", "CNN", "", "CNN", "", "CNN", "LU", "cnn"},
		{"Reuters", "Reuters", "", "Reuters", "", "Reuters", "Lc", "reuters"},
		{"2017", "2017", "", "2017", "", "2017", "D4", "2017"},
		{"1,631", "1,631", "", "1,631", "", "1,631", "D.", "1,631"},
		{"،", "،", "", "،", "", "،", "P", "،"},
		{"(د", "(د", "", "د", "", "د", "A.", "(د"},
	} {
		w := analyze(a, c.tok)
		got := []string{w.norm, w.pre, w.core, w.suf, w.keyAl, w.shape, w.raw}
		want := []string{c.norm, c.pre, c.core, c.suf, c.keyAl, c.shape, c.raw}
		if !slices.Equal(got, want) {
			t.Errorf("analyze(%q) = norm, pre, core, suf, keyAl, shape, raw %q, want %q", c.tok, got, want)
		}
	}
}

func TestNERAffixes(t *testing.T) {
	for _, c := range []struct {
		s        string
		n        int
		pre, suf string
	}{
		{"قاهره", 1, "ق", "ه"},
		{"قاهره", 3, "قاه", "هره"},
		{"قاهره", 5, "قاهره", "قاهره"},
		{"قاهره", 6, "", ""},
		{"CNN", 2, "CN", "NN"},
		{"", 1, "", ""},
	} {
		if got := prefix(c.s, c.n); got != c.pre {
			t.Errorf("prefix(%q, %d) = %q (% x), want %q", c.s, c.n, got, got, c.pre)
		}
		if got := suffix(c.s, c.n); got != c.suf {
			t.Errorf("suffix(%q, %d) = %q (% x), want %q", c.s, c.n, got, got, c.suf)
		}
	}
}

func TestNERShape(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{"دمشق", "A4"},
		{"الاستراتيجيات", "A10"},
		{"G20", "X"},
		{"NATO", "LU"},
		{"Assad", "Lc"},
		{"assad", "Ll"},
		{"123456", "D5"},
		{"3.5", "D."},
		{"«", "P"},
		{"د.", "A."},
	} {
		if got := shapeOf(c.raw, arabic.Normalize(c.raw)); got != c.want {
			t.Errorf("shapeOf(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}

// testLexicon returns a lexicon with a few lists and clusters.
func testLexicon(t testing.TB) *Lexicon {
	t.Helper()
	lex := NewLexicon()
	lists := "## title\nالرئيس\n## org\nوزارة الدفاع\n## placecue\nريف\n## placename\nدير الزور\nريف دمشق\n"
	if err := lex.ReadLists(strings.NewReader(lists)); err != nil {
		t.Fatal(err)
	}
	if err := lex.ReadClusters(strings.NewReader("0110\tدمشق\n0111\tحلب\n10\tقال\n")); err != nil {
		t.Fatal(err)
	}
	return lex
}

func TestNERGazetteer(t *testing.T) {
	lex := testLexicon(t)
	bit := func(name string) uint16 { return 1 << slices.Index(listNames, name) }
	toks := strings.Fields("وقال الرئيس إن وزارة الدفاع قصفت بريف دمشق ودير الزور")
	var ents []*entry
	for _, tok := range toks {
		ents = append(ents, lex.entry(tok))
	}
	var s sentence
	lex.sentence(ents, &s)
	want := []struct{ begin, inside uint16 }{
		{0, 0},
		{bit("title"), 0},
		{0, 0},
		{bit("org"), 0},
		{0, bit("org")},
		{0, 0},
		{bit("placecue") | bit("placename"), 0}, // بريف: ريف, and ريف دمشق
		{0, bit("placename")},
		{bit("placename"), 0}, // ودير الزور
		{0, bit("placename")},
	}
	for i, w := range want {
		if s.begin[i] != w.begin || s.inside[i] != w.inside {
			t.Errorf("token %d %q: begin %b inside %b, want %b %b", i, toks[i], s.begin[i], s.inside[i], w.begin, w.inside)
		}
	}
}

func TestNERClusterLookup(t *testing.T) {
	lex := testLexicon(t)
	for _, c := range []struct{ tok, want string }{
		{"دمشق", "0110"},
		{"بدمشق", "0110"}, // less its proclitic
		{"وحلب", "0111"},
		{"بيروت", ""},
	} {
		if got := lex.word(c.tok).cluster; got != c.want {
			t.Errorf("word(%q).cluster = %q, want %q", c.tok, got, c.want)
		}
	}
}

// TestFeatures checks the feature groups: the features of a token are its
// own, its neighbours' at their offsets, and the joint ones; a token's
// own features do not depend on where it stands, and those of a
// neighbour depend on its offset.
func TestNERFeatures(t *testing.T) {
	lex := testLexicon(t)
	read := func(sent string) *sentence {
		var ents []*entry
		for _, tok := range strings.Fields(sent) {
			ents = append(ents, lex.entry(tok))
		}
		s := &sentence{}
		lex.sentence(ents, s)
		return s
	}
	a := read("قال الرئيس بشار الأسد")
	b := read("الأسد قال")
	fa, nLex := appendFeatures(nil, a, 3)
	fb, _ := appendFeatures(nil, b, 0)
	self := appendSelfOther(appendSelfLexical(nil, a.at[3]), a.at[3])
	for _, f := range self {
		if !slices.Contains(fa, f) || !slices.Contains(fb, f) {
			t.Fatalf("a feature of الأسد itself is missing from its features in one of two sentences")
		}
	}
	if want := len(lexical) + 4; nLex != want { // lexical atoms, and the pairs of norm and core with each neighbour

		t.Errorf("nLex = %d, want %d", nLex, want)
	}
	if !slices.Equal(fa[:len(lexical)], appendSelfLexical(nil, a.at[3])) {
		t.Errorf("the lexical features do not come first")
	}
	prev := appendContext(nil, a.at[2], -1)
	next := appendContext(nil, a.at[2], 1)
	if !slices.Contains(fa, prev[0]) {
		t.Errorf("the features of token 3 lack its neighbour at −1")
	}
	if slices.Contains(fa, next[0]) {
		t.Errorf("the features of token 3 hold its neighbour at −1 as if it were at +1")
	}
	// Word-list hits appear in the joint features of the tokens around.
	joint := appendJoint(nil, a, 2, false)
	gazTitle := key(uint64(slices.Index(listNames, "title"))<<20 ^ salt(tGazBegin, -1))
	if !slices.Contains(joint, gazTitle) {
		t.Errorf("token 2 (بشار) lacks the feature: a title at −1")
	}
	// Deterministic: the same sentence gives the same features.
	fa2, _ := appendFeatures(nil, read("قال الرئيس بشار الأسد"), 3)
	if !slices.Equal(fa, fa2) {
		t.Errorf("features differ between two readings of one sentence")
	}
	for _, f := range fa {
		if f>>featureKeyBits != 0 {
			t.Fatalf("feature key %x wider than %d bits", f, featureKeyBits)
		}
	}
}
