package claim

import (
	"strings"
	"testing"
)

// TestBrokenQuote: an opening mark that never closes does not swallow the
// rest of the article.
func TestBrokenQuote(t *testing.T) {
	for _, open := range []string{`"`, "«", "“"} {
		text := "وقال الشاهد: " + open + "رأينا الدخان يتصاعد من المبنى\nوعاد الهدوء إلى الحي بعد الظهر. وقال الطبيب إن المستشفى استقبل المصابين."
		got := Extract(text, nil)
		checkInvariants(t, text, got)
		if len(got) != 2 {
			t.Fatalf("Extract(%q) = %d claims, want 2:\n%s", text, len(got), dump(got))
		}
		if strings.Contains(got[0].Content, "\n") || strings.Contains(got[0].Content, "الطبيب") {
			t.Errorf("broken quote %s: content %q runs past its paragraph", open, got[0].Content)
		}
		if got[1].Speaker != "الطبيب" || got[1].Content != "المستشفى استقبل المصابين" {
			t.Errorf("broken quote %s: the next claim is %s", open, dump(got[1:]))
		}
	}
}

// Pathological inputs finish, in time linear in their length: every
// reporting word looks at a bounded window and the quotation marks,
// sentence ends and clause boundaries are paired in single passes. The
// test has no clock: a quadratic extractor would run for minutes on these.
func TestPathological(t *testing.T) {
	mb := 1 << 20
	inputs := map[string]string{
		"10000 nested guillemets":      "وقال الوزير: " + strings.Repeat("«", 10000) + "نعم" + strings.Repeat("»", 10000),
		"10000 ASCII quotes":           "وقال الوزير: " + strings.Repeat(`" قال إن `, 10000),
		"10000 unclosed quotes":        strings.Repeat(`قال المصدر: "لا `, 10000),
		"a 1 MB sentence":              "قال الوزير إن " + strings.Repeat("الطريق طويل و", mb/len("الطريق طويل و")),
		"a 1 MB sentence of verbs":     strings.Repeat("وأضاف أن ", mb/len("وأضاف أن ")),
		"a 1 MB sentence of phrases":   strings.Repeat("الأمر خطير، بحسب المصدر، ", mb/len("الأمر خطير، بحسب المصدر، ")),
		"a 1 MB sentence of commas":    "قال " + strings.Repeat("، ", mb/4) + "إن الأمر انتهى",
		"a 1 MB run of punctuation":    strings.Repeat(`«"“:،`, mb/12),
		"1 MB of participles":          strings.Repeat("، مؤكدا أن الوضع هادئ", mb/40),
		"nested attribution, 1 MB":     strings.Repeat("قال المرصد إن الجيش أعلن أن ", mb/50),
		"quotes of one word, 1 MB":     strings.Repeat(`أكد "المرصد" أن `, mb/25),
		"invalid UTF-8 and NUL":        "قال \xff\xfe الوزير\x00 إن \xc3 الأمر",
		"a 1 MB word":                  strings.Repeat("ق", mb/2),
		"line breaks only, 1 MB":       strings.Repeat("\n", mb),
		"attribution phrases, 1 MB":    strings.Repeat("بحسب ", mb/10),
		"trailing agency after quotes": strings.Repeat(`قال: "نعم"، بحسب رويترز. `, mb/40),
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			got := Extract(text, nil)
			checkInvariants(t, text, got)
		})
	}
}

func FuzzExtract(f *testing.F) {
	for _, tc := range extractTests {
		f.Add(tc.text)
	}
	for _, s := range []string{
		"", "قال", "قال إن", `قال: "`, "«»", `""""`, "وأضاف", "بحسب", "، مؤكدا أن",
		"نقلت وكالة عن قوله إن", "وجاء في", "على لسان", "قال \xff إن \xfe",
		"وقال\nإن\nالأمر", `وقال: « نعم " لا » "`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Extract(text, nil))
	})
}
