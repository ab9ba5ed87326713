package arabic

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestSegmentFarasa(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"بالمحكمة", []string{"ب", "ال", "محكم", "ة"}},
		{"والستين", []string{"و", "ال", "ست", "ين"}},
		{"ترشيحاتها", []string{"ترشيح", "ات", "ها"}},
		{"أعلنت", []string{"أعلن", "ت"}},
		{"للمدينة", []string{"ل", "ال", "مدين", "ة"}},
		{"البريطانية", []string{"ال", "بريطاني", "ة"}},
		{"بمرحلته", []string{"ب", "مرحل", "ت", "ه"}},
		{"وَبِالمَدِينَةِ", []string{"و", "ب", "ال", "مدين", "ة"}}, // harakat dropped
		{"الـمدينة", []string{"ال", "مدين", "ة"}},                  // tatweel dropped
		{"فيلم", []string{"فيلم"}},
		{"وزير", []string{"وزير"}}, // words/conj.txt
		{"مما", []string{"من", "ما"}},
		{"11", []string{"11"}},
		{"Reuters", []string{"Reuters"}},
		{"", nil},
	} {
		if got := SegmentFarasa(c.in); !slices.Equal(got, c.want) {
			t.Errorf("SegmentFarasa(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJoinFarasa(t *testing.T) {
	for _, c := range []struct {
		segs []string
		want string
	}{
		{[]string{"ل", "ال", "مدين", "ة"}, "للمدينة"},
		{[]string{"ل", "ال", "لغ", "ة"}, "للغة"},
		{[]string{"و", "ل", "ال", "لاعب", "ين"}, "وللاعبين"},
		{[]string{"من", "ما"}, "مما"},
		{[]string{"و", "كن", "نا"}, "وكنا"},
		{[]string{"ب", "ال", "محكم", "ة"}, "بالمحكمة"},
		{nil, ""},
	} {
		if got := JoinFarasa(c.segs); got != c.want {
			t.Errorf("JoinFarasa(%q) = %q, want %q", c.segs, got, c.want)
		}
	}
	// SegmentFarasa and JoinFarasa are inverses on words.
	for _, w := range strings.Fields(benchParagraph + " للغة وللاعبين مما عما ألا وكنا") {
		for _, tok := range Tokenize(w) {
			if got, want := JoinFarasa(SegmentFarasa(tok.Text)), normalize(tok.Text, false); got != want {
				t.Errorf("JoinFarasa(SegmentFarasa(%q)) = %q, want %q", tok.Text, got, want)
			}
		}
	}
}

// TestSegmentsSpans checks the segments of isnad's convention and the
// bytes each is written with.
func TestSegmentsSpans(t *testing.T) {
	type seg struct{ text, written string }
	for _, c := range []struct {
		in     string
		scheme Scheme
		want   []seg
	}{
		{"وبالمدينة", SchemeIsnad, []seg{{"و", "و"}, {"ب", "ب"}, {"ال", "ال"}, {"مدينه", "مدينة"}}},
		{"وَبِالْمَدِينَةِ", SchemeIsnad, []seg{{"و", "وَ"}, {"ب", "بِ"}, {"ال", "الْ"}, {"مدينه", "مَدِينَةِ"}}},
		{"الـــمدينة", SchemeIsnad, []seg{{"ال", "الـــ"}, {"مدينه", "مدينة"}}},
		{"للمدينة", SchemeIsnad, []seg{{"ل", "ل"}, {"ال", "ل"}, {"مدينه", "مدينة"}}},
		{"كتابهم", SchemeIsnad, []seg{{"كتاب", "كتاب"}, {"هم", "هم"}}},
		{"للمدينة", SchemeFarasa, []seg{{"ل", "ل"}, {"ال", "ل"}, {"مدين", "مدين"}, {"ة", "ة"}}},
		{"ﺍﻟﻤﺪﻳﻨﺔ", SchemeFarasa, []seg{{"ال", "ﺍﻟ"}, {"مدين", "ﻤﺪﻳﻨ"}, {"ة", "ﺔ"}}}, // presentation forms
		{"١٢", SchemeIsnad, []seg{{"12", "١٢"}}},
	} {
		got := Segments(c.in, c.scheme)
		var g []seg
		for _, s := range got {
			g = append(g, seg{s.Text, c.in[s.Start:s.End]})
		}
		if !slices.Equal(g, c.want) {
			t.Errorf("Segments(%q, %v) = %q, want %q", c.in, c.scheme, g, c.want)
		}
		checkSegments(t, c.in, got, c.scheme)
	}
}

// TestAnalyzeSegmentSpans checks Token.SegmentSpans in a sentence, with a
// repaired token.
func TestAnalyzeSegmentSpans(t *testing.T) {
	text := "قال وزيرُ الخارجيةِ للصحفيين إنّ بلادَه ي مكنها الـمساعدة."
	for _, scheme := range []Scheme{SchemeIsnad, SchemeFarasa} {
		toks := NewAnalyzer(Options{Scheme: scheme}).Analyze(text)
		checkTokens(t, text, toks)
		var got []string
		for _, tok := range toks {
			var parts []string
			for _, sp := range tok.SegmentSpans {
				parts = append(parts, text[sp.Start:sp.End])
			}
			got = append(got, strings.Join(parts, "|"))
		}
		want := map[Scheme][]string{
			SchemeIsnad:  {"قال", "وزيرُ", "ال|خارجيةِ", "ل|ل|صحفيين", "إنّ", "بلادَ|ه", "ي مكن|ها", "الـ|مساعدة"},
			SchemeFarasa: {"قال", "وزيرُ", "ال|خارجي|ةِ", "ل|ل|صحفي|ين", "إنّ", "بلادَ|ه", "ي مكن|ها", "الـ|مساعد|ة"},
		}[scheme]
		if !slices.Equal(got, want) {
			t.Errorf("Analyze(%q) with %v: segments written as %q, want %q", text, scheme, got, want)
		}
	}
}

// checkSegments checks the invariants of Segments(word, scheme): valid
// UTF-8, spans in order that tile the word (or all span it, for a fused
// word), and segments that spell the word again.
func checkSegments(t *testing.T, word string, segs []Segment, scheme Scheme) {
	t.Helper()
	if len(segs) == 0 {
		if normalize(word, false) != "" {
			t.Fatalf("Segments(%q, %v) = none", word, scheme)
		}
		return
	}
	fused := true
	for _, s := range segs {
		fused = fused && s.Start == 0 && s.End == len(word)
	}
	texts := make([]string, len(segs))
	for i, s := range segs {
		texts[i] = s.Text
		if !utf8.ValidString(s.Text) || s.Text == "" {
			t.Fatalf("Segments(%q, %v): segment %d %q is empty or not UTF-8", word, scheme, i, s.Text)
		}
		if s.Start < 0 || s.Start > s.End || s.End > len(word) {
			t.Fatalf("Segments(%q, %v): segment %d %q spans [%d,%d), out of [0,%d)", word, scheme, i, s.Text, s.Start, s.End, len(word))
		}
		if fused && len(segs) > 1 {
			continue
		}
		if i == 0 && s.Start != 0 || i > 0 && s.Start != segs[i-1].End || i == len(segs)-1 && s.End != len(word) {
			t.Fatalf("Segments(%q, %v) = %+v: spans do not tile the word", word, scheme, segs)
		}
	}
	if scheme == SchemeFarasa {
		if got, want := JoinFarasa(texts), normalize(word, false); got != want {
			t.Fatalf("JoinFarasa(Segments(%q, farasa)) = %q, want %q", word, got, want)
		}
		return
	}
	if want := Normalize(word); !slices.Contains(joinIsnad(segs), want) {
		t.Fatalf("Segments(%q, isnad) = %q: joined %q, want Normalize = %q", word, texts, joinIsnad(segs), want)
	}
}

// joinIsnad joins segments of isnad's convention back into the word, in
// the ways that may give it: an ال after ل is the core ال, or an article
// restored after ل, which stands for a ل (لل) or for nothing (للغة).
func joinIsnad(segs []Segment) []string {
	out := []string{""}
	for i, s := range segs {
		alts := []string{s.Text}
		if s.Text == article && i > 0 && segs[i-1].Text == segLam {
			alts = append(alts, segLam, "")
		}
		var next []string
		for _, o := range out {
			for _, a := range alts {
				next = append(next, o+a)
			}
		}
		out = next
	}
	return out
}

func FuzzSegments(f *testing.F) {
	for _, s := range []string{
		"", "وبالمدينة", "وَبِالْمَدِينَةِ", "الـمدينة", "للمدينة", "للغة", "لللعب", "مما", "كننا", "ﻻ", "ﷺ",
		"\xffب", "و17", "Reuters", "ي مكن", "آ\u0654", "ا\u0654", "ب\u200cال",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range []string{s, fuzzArabic(s)} {
			for _, scheme := range []Scheme{SchemeIsnad, SchemeFarasa} {
				checkSegments(t, w, Segments(w, scheme), scheme)
			}
			if got := SegmentFarasa(w); !utf8.ValidString(strings.Join(got, "")) {
				t.Fatalf("SegmentFarasa(%q) = %q: invalid UTF-8", w, got)
			}
			if r := Root(w); !utf8.ValidString(r) || isArabicWord(Normalize(w)) && (r == "" || !isArabicWord(r)) {
				t.Fatalf("Root(%q) = %q", w, r)
			}
		}
	})
}

// TestSegmentCacheConcurrent segments many words from several goroutines
// at once, through the cache of segmentations, and checks that every
// answer is the one a lone goroutine gets.
func TestSegmentCacheConcurrent(t *testing.T) {
	words := strings.Fields(benchParagraph + " " + wordList("conj.txt") + " " + wordList("prep.txt") + " " + wordList("future.txt"))
	want := make([][]string, len(words))
	for i, w := range words {
		want[i] = SegmentFarasa(w)
	}
	theLexicon().cache = newWordCache() // test only: no other goroutine runs
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for round := range 20 {
				for i := range words {
					j := (i*7 + g*13 + round) % len(words)
					if got := SegmentFarasa(words[j]); !slices.Equal(got, want[j]) {
						t.Errorf("SegmentFarasa(%q) = %q on goroutine %d, want %q", words[j], got, g, want[j])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
