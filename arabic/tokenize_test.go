package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A span is a byte range [Start, End) of a token.
type span struct{ Start, End int }

// mustSpan returns the span of sub in text, failing the test unless sub
// occurs exactly once. Arabic is written right to left with two-byte
// letters, so a ruler under the text would not line up.
func mustSpan(t *testing.T, text, sub string) span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 || strings.Count(text, sub) != 1 {
		t.Fatalf("mustSpan: %q occurs %d times in %q, want once", sub, strings.Count(text, sub), text)
	}
	return span{i, i + len(sub)}
}

// spansInOrder returns the spans of words in text, each found after the
// one before it.
func spansInOrder(t *testing.T, text string, words []string) []span {
	t.Helper()
	var out []span
	from := 0
	for _, w := range words {
		i := strings.Index(text[from:], w)
		if i < 0 {
			t.Fatalf("spansInOrder: %q not found in %q after byte %d", w, text, from)
		}
		out = append(out, span{from + i, from + i + len(w)})
		from += i + len(w)
	}
	return out
}

func TestTokenize(t *testing.T) {
	for _, c := range []struct {
		text  string
		words []string // the tokens, each occurring once in text
	}{
		{"", nil},
		{"  ،؛ ... «»", nil},
		{"قال الرئيس", []string{"قال", "الرئيس"}},
		{"قالَ الرَّئيسُ:", []string{"قالَ", "الرَّئيسُ"}},
		{"(أ ف ب) - أعلنت الوزارة، اليوم؛ أن «الاتفاق» تم؟", []string{"أ", "ف", "ب", "أعلنت", "الوزارة", "اليوم", "أن", "الاتفاق", "تم"}},
		{"“نعم” قال: لا", []string{"نعم", "قال", "لا"}},
		{"بلغ العدد 1,631 شخصا و17,00 دولارا و3.5 مليون", []string{"بلغ", "العدد", "1,631", "شخصا", "و17,00", "دولارا", "و3.5", "مليون"}},
		{"نحو ١٬٥٠٠ جندي و٢٫٥ مليار.", []string{"نحو", "١٬٥٠٠", "جندي", "و٢٫٥", "مليار"}},
		{"عام 2020. ثم 3,", []string{"عام", "2020", "ثم", "3"}},
		{"الســـلام ـــــ عليكم", []string{"الســـلام", "عليكم"}},
		{"COVID-19 و covid19", []string{"COVID", "19", "و", "covid19"}},
		{"ﺍﻟﺴﻼﻢ", []string{"ﺍﻟﺴﻼﻢ"}},
		{"\u200fمرحبا\u200f بكم\u200b هنا", []string{"مرحبا", "بكم", "هنا"}},
		{"لا\u200cيزال", []string{"لا\u200cيزال"}},
		{"كلمة\u200c \xffثانية\xfe", []string{"كلمة", "ثانية"}},
	} {
		got := Tokenize(c.text)
		want := spansInOrder(t, c.text, c.words)
		if len(got) != len(want) {
			t.Errorf("Tokenize(%q) = %d tokens %q, want %d %q", c.text, len(got), texts(got), len(want), c.words)
			continue
		}
		for i, tok := range got {
			if (span{tok.Start, tok.End}) != want[i] || tok.Text != c.text[want[i].Start:want[i].End] || tok.Position != i {
				t.Errorf("Tokenize(%q)[%d] = %q %v pos %d, want %q %v pos %d\n got % x\nwant % x",
					c.text, i, tok.Text, span{tok.Start, tok.End}, tok.Position, c.words[i], want[i], i, tok.Text, c.words[i])
			}
		}
	}
}

func texts(toks []Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}

// checkSpans checks what every tokenization of text must satisfy.
func checkSpans(t *testing.T, text string, toks []Token) {
	t.Helper()
	end := 0
	for i, tok := range toks {
		if tok.Start < end || tok.Start >= tok.End || tok.End > len(text) {
			t.Fatalf("token %d of %q: span [%d,%d) after %d, want in order, non-empty and in bounds", i, text, tok.Start, tok.End, end)
		}
		if tok.Text != text[tok.Start:tok.End] {
			t.Fatalf("token %d of %q: Text %q, want text[%d:%d] = %q", i, text, tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		if tok.Position != i {
			t.Fatalf("token %d of %q: Position %d", i, text, tok.Position)
		}
		if !utf8.ValidString(tok.Text) {
			t.Fatalf("token %d of %q: Text %q is not valid UTF-8", i, text, tok.Text)
		}
		end = tok.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "قال الرئيس", "1,631 ١٬٥٠٠ ٢٫٥", "ـــ", "\u200c\u200c", "a\xffb", "3,", ",3", "كلمة\u200c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		checkSpans(t, s, toks)
		var sc scanner
		sc.Init(s)
		for i := 0; ; i++ {
			start, end, ok := sc.Scan()
			if !ok {
				if i != len(toks) {
					t.Fatalf("scanner found %d tokens in %q, Tokenize %d", i, s, len(toks))
				}
				break
			}
			if i >= len(toks) || toks[i].Start != start || toks[i].End != end {
				t.Fatalf("scanner token %d of %q = [%d,%d), Tokenize disagrees", i, s, start, end)
			}
		}
	})
}
