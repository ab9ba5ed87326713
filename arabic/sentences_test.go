package arabic

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the sentences, in order
	}{
		{"stops", "قال الوزير إن الوضع مستقر. وأضاف أن الحكومة ستتحرك؟ نعم! انتهى",
			[]string{"قال الوزير إن الوضع مستقر.", "وأضاف أن الحكومة ستتحرك؟", "نعم!", "انتهى"}},
		{"comma and semicolon", "وصل الوفد، والتقى الوزير؛ في إشارة إلى تحسن العلاقات. ثم غادر.",
			[]string{"وصل الوفد، والتقى الوزير؛ في إشارة إلى تحسن العلاقات.", "ثم غادر."}},
		{"runs of marks", "هل انتهت الحرب؟! لا أحد يعرف!!! لكنها مستمرة.",
			[]string{"هل انتهت الحرب؟!", "لا أحد يعرف!!!", "لكنها مستمرة."}},
		{"lines", "عنوان الخبر\nنص الخبر الأول.\r\n\nنص الخبر الثاني\u2029وسطر آخر",
			[]string{"عنوان الخبر", "نص الخبر الأول.", "نص الخبر الثاني", "وسطر آخر"}},
		{"missing space", "انتهى الاجتماع.وقال الوزير إن", []string{"انتهى الاجتماع.", "وقال الوزير إن"}},

		// Quotes.
		{"stop inside a closing quote", `قال: "لن نتراجع." وأضاف أن المفاوضات مستمرة.`,
			[]string{`قال: "لن نتراجع."`, `وأضاف أن المفاوضات مستمرة.`}},
		{"guillemets", "قال: «نحن هنا. ولن نغادر.» ثم غادر القاعة.",
			[]string{"قال: «نحن هنا. ولن نغادر.»", "ثم غادر القاعة."}},
		{"quote goes on after a stop", "قال: «نحن هنا. ولن نغادر» ثم غادر القاعة.",
			[]string{"قال: «نحن هنا. ولن نغادر» ثم غادر القاعة."}},
		{"stop after the quote", "وأضاف: “سنواصل العمل. لا تراجع”. وتابع المتحدث.",
			[]string{"وأضاف: “سنواصل العمل. لا تراجع”.", "وتابع المتحدث."}},
		{"one mark at both ends", "نقلت الوكالة قوله”القوات تنفذ ضربات. لكن النتائج محدودة”. وأضاف.",
			[]string{"نقلت الوكالة قوله”القوات تنفذ ضربات. لكن النتائج محدودة”.", "وأضاف."}},
		{"nested", `قال: «أبلغونا "اذهبوا." ثم رحلوا» وسكت. ثم عاد.`,
			[]string{`قال: «أبلغونا "اذهبوا." ثم رحلوا» وسكت.`, "ثم عاد."}},
		{"two straight quotes", `قال "لن نتراجع." وأضاف "سنواصل." ثم غادر.`,
			[]string{`قال "لن نتراجع."`, `وأضاف "سنواصل."`, "ثم غادر."}},
		{"unclosed quote", "قال: «لن نتراجع. وأضاف أن المفاوضات مستمرة. ثم غادر.",
			[]string{"قال: «لن نتراجع.", "وأضاف أن المفاوضات مستمرة.", "ثم غادر."}},
		{"quote closed on the next line", "قال: «لن نتراجع. سنواصل\nحتى النهاية». ثم غادر.",
			[]string{"قال: «لن نتراجع.", "سنواصل", "حتى النهاية».", "ثم غادر."}},
		{"bracket", "(وهذا مهم.) ثم بدأ الاجتماع.", []string{"(وهذا مهم.)", "ثم بدأ الاجتماع."}},
		{"opening quote after a stop", `انتهى."بدأ الاجتماع"`, []string{"انتهى.", `"بدأ الاجتماع"`}},
		{"comma after the quote", `قال: "انتهى."، ثم غادر.`, []string{`قال: "انتهى."، ثم غادر.`}},

		// Stops that end nothing.
		{"decimals", "بلغ النمو 3.5 في المئة. وارتفع المؤشر إلى 17.00 نقطة و٢٫٥ و٢.٥ أخرى.",
			[]string{"بلغ النمو 3.5 في المئة.", "وارتفع المؤشر إلى 17.00 نقطة و٢٫٥ و٢.٥ أخرى."}},
		{"Arabic abbreviations", "التقى د. أحمد بالمهندس م. خالد والأستاذ أ. سمير. ثم غادر.",
			[]string{"التقى د. أحمد بالمهندس م. خالد والأستاذ أ. سمير.", "ثم غادر."}},
		{"post box", "العنوان ص.ب. 1234 عمان. الهاتف متاح.", []string{"العنوان ص.ب. 1234 عمان.", "الهاتف متاح."}},
		{"dotted agency", "قتل ثلاثة (أ.ف.ب). وأصيب آخرون.", []string{"قتل ثلاثة (أ.ف.ب).", "وأصيب آخرون."}},
		{"agency without dots", "قتل ثلاثة، بحسب أ ف ب. وأصيب آخرون.", []string{"قتل ثلاثة، بحسب أ ف ب.", "وأصيب آخرون."}},
		{"Latin", "قال مسؤول في U.S. Army إن Mr. Smith وصل. ثم غادر.",
			[]string{"قال مسؤول في U.S. Army إن Mr. Smith وصل.", "ثم غادر."}},
		{"lower case after the stop", "وصل approx. ten people. ثم غادروا.", []string{"وصل approx. ten people.", "ثم غادروا."}},
		{"calendar markers", "وقع ذلك عام 2015 م. ثم تغير الوضع في 1436هـ. وانتهى.",
			[]string{"وقع ذلك عام 2015 م.", "ثم تغير الوضع في 1436هـ.", "وانتهى."}},
		{"year", "بدأت الحرب عام 2011. وما زالت مستمرة.", []string{"بدأت الحرب عام 2011.", "وما زالت مستمرة."}},
		{"list", "1. البند الأول\n٢. البند الثاني. وتفصيله", []string{"1. البند الأول", "٢. البند الثاني.", "وتفصيله"}},
		{"ellipsis", "قال إنه... لن يعود. ثم صمت… طويلا. وانتهى..",
			[]string{"قال إنه... لن يعود.", "ثم صمت… طويلا.", "وانتهى.."}},
		{"ellipsis glued", "لم يقصفوا دوما….أهداف الإرهابيين. ثم", []string{"لم يقصفوا دوما….أهداف الإرهابيين.", "ثم"}},
		{"ellipsis before Latin capital", "He paused... Then he left.", []string{"He paused...", "Then he left."}},
		{"ellipsis then question", "وماذا بعد...؟ لا شيء.", []string{"وماذا بعد...؟", "لا شيء."}},
		{"URL and email", "زوروا www.example.com/news?id=3 للمزيد. راسلونا على info@example.org اليوم.",
			[]string{"زوروا www.example.com/news?id=3 للمزيد.", "راسلونا على info@example.org اليوم."}},
		{"URL at the end", "المصدر: https://example.com/a.html. وتابع.", []string{"المصدر: https://example.com/a.html.", "وتابع."}},

		// Edges.
		{"empty", "", nil},
		{"spaces", " \n\t\u00a0 ", nil},
		{"punctuation alone", "نص. . ؟", []string{"نص.", ".", "؟"}},
		{"invalid UTF-8", "نص\xff. \xfe", []string{"نص\xff.", "\xfe"}},
	}
	for _, tt := range tests {
		got := Sentences(tt.text)
		checkSentences(t, tt.text, got)
		want := spansInOrder(t, tt.text, tt.want)
		if len(got) != len(want) {
			t.Errorf("%s: Sentences(%q) = %q, want %q", tt.name, tt.text, sentenceTexts(tt.text, got), tt.want)
			continue
		}
		for i := range want {
			if got[i].Start != want[i].Start || got[i].End != want[i].End {
				t.Errorf("%s: Sentences(%q) = %q, want %q", tt.name, tt.text, sentenceTexts(tt.text, got), tt.want)
				break
			}
		}
	}
}

// TestSentencesLongQuote checks that a quote longer than longQuote is
// split into its sentences, and a shorter one is not.
func TestSentencesLongQuote(t *testing.T) {
	inner := strings.Repeat("وأكد أن الحكومة ماضية في خطتها. ", 20) // 20 sentences, more than longQuote bytes
	text := "قال الوزير: «" + inner + "ولن نتراجع.» ثم غادر."
	if got := Sentences(text); len(got) != 22 {
		t.Errorf("long quote: %d sentences, want 22: %q", len(got), sentenceTexts(text, got))
	}
	inner = strings.Repeat("وأكد أن الحكومة ماضية في خطتها. ", 3)
	text = "قال الوزير: «" + inner + "ولن نتراجع.» ثم غادر."
	if got := Sentences(text); len(got) != 2 {
		t.Errorf("short quote: %d sentences, want 2: %q", len(got), sentenceTexts(text, got))
	}
}

// TestSentencesBrokenQuote checks that a quote closed more than
// maxQuoteSpan bytes after it opened protects nothing.
func TestSentencesBrokenQuote(t *testing.T) {
	text := `قال: "` + strings.Repeat("جملة قصيرة من الخبر. ", 40) + `" ثم غادر.`
	if got := Sentences(text); len(got) != 41 {
		t.Errorf("%d sentences, want 41: %q", len(got), sentenceTexts(text, got))
	}
}

// TestSentencesLinear runs inputs that would be slow for a quadratic
// splitter; it checks the counts, not the time.
func TestSentencesLinear(t *testing.T) {
	const sentence = "قال المتحدث إن الوضع مستقر في المنطقة. "
	big := strings.Repeat(sentence, (1<<20)/len(sentence))
	if got, want := len(Sentences(big)), (1<<20)/len(sentence); got != want {
		t.Errorf("1 MB of sentences: %d, want %d", got, want)
	}
	nested := strings.Repeat("«", 10000) + "نص. نص آخر." + strings.Repeat("»", 10000)
	if got := Sentences(nested); len(got) != 1 {
		t.Errorf("10000 nested quotes: %d sentences, want 1", len(got))
	}
	open := strings.Repeat("«جملة. ", 10000)
	if got := Sentences(open); len(got) != 10000 {
		t.Errorf("10000 unclosed quotes: %d sentences, want 10000", len(got))
	}
	straight := strings.Repeat(`"جملة. `, 10001)
	if got := Sentences(straight); len(got) != 10001 && len(got) < 5000 {
		t.Errorf("10001 straight quotes: %d sentences", len(got))
	}
	dots := strings.Repeat(".", 1<<20)
	if got := Sentences(dots); len(got) != 1 {
		t.Errorf("1 MB of dots: %d sentences, want 1", len(got))
	}
}

// TestSentencesSeeds checks the invariants on the seed articles and that
// the quote of seed 004 stays whole.
func TestSentencesSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles in ../../shared/seeds")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		got := Sentences(text)
		checkSentences(t, text, got)
		if !strings.HasPrefix(filepath.Base(f), "004_") {
			continue
		}
		want := `واضاف كوناشينكوف "منعنا مقاتلي الدولة الاسلامية من محاولة اعادة استخدام مركز للقيادة في محافظة حماه تم تدميره خلال الضربات الجوية في 30 ايلول/سبتمبر" مشيرا الى "ضربات اضافية جوية".`
		found := false
		for _, s := range got {
			found = found || text[s.Start:s.End] == want
		}
		if !found {
			t.Errorf("%s: sentence %q not found", f, want)
		}
	}
}

// checkSentences checks the invariants of Sentences: spans in order, not
// overlapping, non-empty, in bounds, without surrounding space, and every
// rune outside them a space.
func checkSentences(t *testing.T, text string, ss []Sentence) {
	t.Helper()
	end := 0
	for i, s := range ss {
		if s.Start < end || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("sentence %d of %q: span [%d,%d) after %d, want in order, non-empty and in bounds", i, text, s.Start, s.End, end)
		}
		r, _ := utf8.DecodeRuneInString(text[s.Start:])
		l, _ := utf8.DecodeLastRuneInString(text[:s.End])
		if unicode.IsSpace(r) || unicode.IsSpace(l) {
			t.Fatalf("sentence %d of %q: %q has surrounding space", i, text, text[s.Start:s.End])
		}
		if utf8.ValidString(text) && !utf8.ValidString(text[s.Start:s.End]) {
			t.Fatalf("sentence %d of %q: %q (% x) cuts a rune", i, text, text[s.Start:s.End], text[s.Start:s.End])
		}
		if gap := text[end:s.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Fatalf("sentence %d of %q: text %q between sentences is not space", i, text, gap)
		}
		end = s.End
	}
	if gap := text[end:]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
		t.Fatalf("Sentences(%q): text %q after the last sentence is not space", text, gap)
	}
}

func sentenceTexts(text string, ss []Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = text[s.Start:s.End]
	}
	return out
}

// sentenceFuzzAlphabet spells fuzz input with what the splitter reads.
var sentenceFuzzAlphabet = []string{"ا", "ب", "د", "م", "ه", "ـ", "a", "S", "1", "٢", " ", " ", "\n", "\r",
	".", ".", "!", "?", "؟", "…", "،", "؛", "«", "»", "“", "”", `"`, "(", ")", "@", "/", "\u00a0", "\u2029"}

// FuzzSentences checks that Sentences never panics and keeps its
// invariants, on raw input and on input spelled with sentenceFuzzAlphabet.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"", "نص. نص", `قال: "لا." ثم`, "«أ. ب» ج.", "د. أحمد", "3.5", "...", "\xff.\xfe", "\"\"\"."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSentences(t, s, Sentences(s))
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			b.WriteString(sentenceFuzzAlphabet[int(s[i])%len(sentenceFuzzAlphabet)])
		}
		spelled := b.String()
		checkSentences(t, spelled, Sentences(spelled))
	})
}

func BenchmarkSentences(b *testing.B) {
	text := strings.Repeat(dateBenchParagraph+"\n", 20)
	n := len(Sentences(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text)
	}
	b.ReportMetric(float64(n), "sentences/op")
}
