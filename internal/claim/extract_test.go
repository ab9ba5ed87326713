package claim

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
	"github.com/isnad-project/isnad/internal/news"
)

// want is the part of a claim a test checks; empty strings and nil Via are
// not checked.
type want struct {
	speaker, role, verb, act, content string
	direct, resolved                  bool
	via                               []string
	framing                           string
}

// The fixtures are sentences written for these tests; names, places and
// events are invented.
var extractTests = []struct {
	name string
	text string
	want []want
}{
	{
		name: "verb first, role and name, قال إن",
		text: "قال وزير الخارجية سامر الحلبي إن المحادثات ستستأنف الأسبوع المقبل.",
		want: []want{{speaker: "سامر الحلبي", role: "وزير الخارجية", verb: "قال", act: Assert, content: "المحادثات ستستأنف الأسبوع المقبل"}},
	},
	{
		name: "subject first",
		text: "الجيش الوطني، أعلن أنه سيطر على التلال الشرقية.",
		want: []want{{speaker: "الجيش الوطني", verb: "أعلن", act: Assert, content: "سيطر على التلال الشرقية"}},
	},
	{
		name: "subject before قد",
		text: "وكانت البلدية قد أعلنت أن المياه عادت إلى الأحياء الغربية.",
		want: []want{{speaker: "البلدية", verb: "أعلنت", content: "المياه عادت إلى الأحياء الغربية"}},
	},
	{
		name: "أكد أن, with a day between",
		text: "وأكد المحافظ، الثلاثاء، أن الطريق سيفتح غدا.",
		want: []want{{speaker: "المحافظ", verb: "أكد", act: Assert, content: "الطريق سيفتح غدا"}},
	},
	{
		name: "colon and ASCII quotes",
		text: `وقال الطبيب حسان يوسف: "استقبلنا عشرين مصابا".`,
		want: []want{{speaker: "حسان يوسف", verb: "قال", content: "استقبلنا عشرين مصابا", direct: true}},
	},
	{
		name: "guillemets, interview with an outlet",
		text: "وقال رئيس البلدية في تصريح لـ«الجريدة»: «لن نغادر المدينة».",
		want: []want{{speaker: "رئيس البلدية", verb: "قال", content: "لن نغادر المدينة", direct: true, via: []string{"الجريدة"}}},
	},
	{
		name: "typographic quotes right after the subject",
		text: "وقالت المعلمة “المدرسة مغلقة منذ أسبوع”.",
		want: []want{{speaker: "المعلمة", content: "المدرسة مغلقة منذ أسبوع", direct: true}},
	},
	{
		name: "continuation وأضاف",
		text: "قال النائب خالد العمري إن الاتفاق صامد. وأضاف أن اللجان ستجتمع يوم الأحد.",
		want: []want{
			{speaker: "خالد العمري", role: "النائب", verb: "قال", content: "الاتفاق صامد"},
			{speaker: "خالد العمري", verb: "أضاف", content: "اللجان ستجتمع يوم الأحد", resolved: true},
		},
	},
	{
		name: "وقال إنه",
		text: "أعلنت الشركة توقف الإنتاج. وقال إنه لن يعود قبل الربيع.",
		want: []want{
			{speaker: "الشركة", verb: "أعلنت", content: "توقف الإنتاج"},
			{speaker: "الشركة", verb: "قال", content: "لن يعود قبل الربيع", resolved: true},
		},
	},
	{
		name: "denial, then a participle مؤكدا أن",
		text: "نفى المتحدث باسم الشرطة وقوع إصابات، مؤكدا أن الحريق أخمد بالكامل.",
		want: []want{
			{speaker: "المتحدث باسم الشرطة", verb: "نفى", act: Deny, content: "وقوع إصابات"},
			{speaker: "المتحدث باسم الشرطة", verb: "مؤكدا", act: Assert, content: "الحريق أخمد بالكامل", resolved: true},
		},
	},
	{
		name: "بحسب an agency, no verb",
		text: "قتل ثلاثة أشخاص في انفجار قرب السوق، بحسب وكالة رويترز.",
		want: []want{{speaker: "وكالة رويترز", verb: "بحسب", content: "قتل ثلاثة أشخاص في انفجار قرب السوق"}},
	},
	{
		name: "a claim relayed by أ ف ب",
		text: "وقال مسؤول في الوزارة إن الحدود مغلقة، بحسب أ ف ب.",
		want: []want{{speaker: "مسؤول في الوزارة", content: "الحدود مغلقة", via: []string{"أ ف ب"}}},
	},
	{
		name: "leading وفقا لـ",
		text: "ووفقا لمصادر محلية، فإن القافلة وصلت إلى البلدة.",
		want: []want{{speaker: "مصادر محلية", content: "القافلة وصلت إلى البلدة"}},
	},
	{
		name: "نقلت وكالة … عن … قوله",
		text: "ونقلت وكالة الأنباء الرسمية عن الوزير قوله إن الإمدادات وصلت.",
		want: []want{{speaker: "الوزير", verb: "نقلت", content: "الإمدادات وصلت", via: []string{"وكالة الأنباء الرسمية"}}},
	},
	{
		name: "نقلا عن inside the subject",
		text: "وذكرت إذاعة الشمال، نقلا عن شهود عيان، أن الطائرات حلقت فوق المدينة.",
		want: []want{{speaker: "شهود عيان", content: "الطائرات حلقت فوق المدينة", via: []string{"إذاعة الشمال"}}},
	},
	{
		name: "accusation with a name subject",
		text: "واتهم النائب خالد العمري الحكومة بالتقصير في الإغاثة.",
		want: []want{{speaker: "خالد العمري", verb: "اتهم", act: Accuse, content: "الحكومة بالتقصير في الإغاثة"}},
	},
	{
		name: "warning with من أن",
		text: "وحذر الخبير الاقتصادي من أن الأسعار سترتفع في الشتاء.",
		want: []want{{speaker: "الخبير الاقتصادي", verb: "حذر", act: Warn, content: "الأسعار سترتفع في الشتاء"}},
	},
	{
		name: "demand: subject and object",
		text: "وطالبت النقابة الحكومة بزيادة الأجور.",
		want: []want{{speaker: "النقابة", verb: "طالبت", act: Demand, content: "الحكومة بزيادة الأجور"}},
	},
	{
		name: "call with إلى",
		text: "ودعا المجلس المحلي السكان إلى البقاء في منازلهم.",
		want: []want{{speaker: "المجلس المحلي", verb: "دعا", act: Demand}},
	},
	{
		name: "promise",
		text: "وتعهد الرئيس بإعادة بناء المدارس قبل نهاية العام.",
		want: []want{{speaker: "الرئيس", verb: "تعهد", act: Promise, content: "بإعادة بناء المدارس قبل نهاية العام"}},
	},
	{
		name: "question",
		text: `وتساءل المعلق: "من سيدفع الثمن؟".`,
		want: []want{{speaker: "المعلق", verb: "تساءل", act: Question, content: "من سيدفع الثمن؟", direct: true}},
	},
	{
		name: "زعم casts doubt",
		text: "وزعمت الجماعة أن مقاتليها أسقطوا طائرة مسيرة.",
		want: []want{{speaker: "الجماعة", verb: "زعمت", act: Assert, framing: Doubt, content: "مقاتليها أسقطوا طائرة مسيرة"}},
	},
	{
		name: "ادعى casts doubt",
		text: "وادعى المتحدث أن القصف استهدف مخزنا للسلاح.",
		want: []want{{verb: "ادعى", framing: Doubt, content: "القصف استهدف مخزنا للسلاح"}},
	},
	{
		name: "a quote of several sentences under one verb",
		text: `وقال القائد: "وصلنا إلى القرية. لم نجد أحدا. البيوت كانت فارغة". ثم عاد الهدوء.`,
		want: []want{{speaker: "القائد", content: "وصلنا إلى القرية. لم نجد أحدا. البيوت كانت فارغة", direct: true}},
	},
	{
		name: "a participle ends the content before it",
		text: "وقال الوزير إن الجسر سيفتح الشهر المقبل، مضيفا أن الأعمال تسير بسرعة.",
		want: []want{
			{content: "الجسر سيفتح الشهر المقبل"},
			{verb: "مضيفا", content: "الأعمال تسير بسرعة", resolved: true},
		},
	},
	{
		name: "nested attribution",
		text: "وقال المرصد إن الجيش أعلن أن القرية سقطت.",
		want: []want{
			{speaker: "المرصد", content: "الجيش أعلن أن القرية سقطت"},
			{speaker: "الجيش", content: "القرية سقطت", via: []string{"المرصد"}},
		},
	},
	{
		name: "وجاء في البيان",
		text: "وجاء في البيان أن الاجتماع سيعقد في العاصمة.",
		want: []want{{speaker: "البيان", verb: "وجاء في", content: "الاجتماع سيعقد في العاصمة"}},
	},
	{
		name: "no attribution",
		text: "هطلت أمطار غزيرة على المدينة أمس، وارتفع منسوب النهر.",
		want: nil,
	},
	{
		name: "a reporting verb with no content",
		text: "وقال الشاهد.",
		want: nil,
	},
}

func TestExtract(t *testing.T) {
	for _, tc := range extractTests {
		t.Run(tc.name, func(t *testing.T) {
			got := Extract(tc.text, nil)
			checkInvariants(t, tc.text, got)
			if len(got) != len(tc.want) {
				t.Fatalf("Extract(%q) = %d claims, want %d:\n%s", tc.text, len(got), len(tc.want), dump(got))
			}
			for i, w := range tc.want {
				g := got[i]
				check := func(field, got, want string) {
					t.Helper()
					if want != "" && got != want {
						t.Errorf("claim %d: %s = %q, want %q\n(% x)", i, field, got, want, got)
					}
				}
				check("Speaker", g.Speaker, w.speaker)
				check("SpeakerRole", g.SpeakerRole, w.role)
				check("Verb", g.Verb, strings.TrimPrefix(w.verb, "و"))
				check("Act", g.Act, w.act)
				check("Content", g.Content, w.content)
				check("Framing", g.Framing, w.framing)
				if g.Direct != w.direct {
					t.Errorf("claim %d: Direct = %v, want %v", i, g.Direct, w.direct)
				}
				if g.Resolved != w.resolved {
					t.Errorf("claim %d: Resolved = %v, want %v", i, g.Resolved, w.resolved)
				}
				if w.via != nil && strings.Join(g.Via, "|") != strings.Join(w.via, "|") {
					t.Errorf("claim %d: Via = %q, want %q", i, g.Via, w.via)
				}
			}
		})
	}
}

// mustSpan returns the span of sub in text, which must occur exactly once.
func mustSpan(t *testing.T, text, sub string) news.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 || strings.Count(text, sub) != 1 {
		t.Fatalf("%q occurs %d times in %q, want once", sub, strings.Count(text, sub), text)
	}
	return news.Span{Start: i, End: i + len(sub)}
}

func TestSpans(t *testing.T) {
	text := "قال الوزير سامر الحلبي إن الجسر سيفتح."
	got := Extract(text, nil)
	if len(got) != 1 {
		t.Fatalf("Extract(%q) = %d claims, want 1", text, len(got))
	}
	c := got[0]
	if w := mustSpan(t, text, "الجسر سيفتح"); c.ContentSpan != w {
		t.Errorf("ContentSpan = %v, want %v", c.ContentSpan, w)
	}
	if w := mustSpan(t, text, "قال"); c.VerbSpan != w {
		t.Errorf("VerbSpan = %v, want %v", c.VerbSpan, w)
	}
	if w := mustSpan(t, text, "سامر الحلبي"); c.SpeakerSpan != w {
		t.Errorf("SpeakerSpan = %v, want %v", c.SpeakerSpan, w)
	}
	if w := mustSpan(t, text, "قال الوزير سامر الحلبي إن الجسر سيفتح"); c.Span != w {
		t.Errorf("Span = %v, want %v (verb through content)", c.Span, w)
	}
}

func TestVerbWithoutConjunction(t *testing.T) {
	text := "وأكدت الوزارة أن الحدود مفتوحة."
	c := Extract(text, nil)
	if len(c) != 1 || c[0].Verb != "أكدت" || c[0].VerbSpan != mustSpan(t, text, "أكدت") {
		t.Fatalf("Extract(%q) = %s, want the verb أكدت without و", text, dump(c))
	}
}

// TestVerbForms checks that the lexicon knows a verb in every person,
// tense and clitic form, not only as listed.
func TestVerbForms(t *testing.T) {
	forms := map[string]string{
		"قال": "قال", "قالت": "قال", "وقالوا": "قال", "يقول": "قال", "تقول": "قال", "ويقولون": "قال",
		"قائلا": "قال", "قائلة": "قال", "بالقول": "قال",
		"أكد": "أكد", "اكدت": "أكد", "يؤكد": "أكد", "مؤكدا": "أكد", "مؤكدين": "أكد", "وأكدوا": "أكد",
		"أعلنت": "أعلن", "يعلن": "أعلن", "ستعلن": "أعلن", "معلنا": "أعلن",
		"وأضاف": "أضاف", "أضافت": "أضاف", "مضيفا": "أضاف",
		"نفى": "نفى", "نفت": "نفى", "ينفي": "نفى", "نافيا": "نفى", "نفاه": "نفى",
		"اتهم": "اتهم", "تتهم": "اتهم", "متهما": "اتهم",
		"حذرت": "حذر", "يحذر": "حذر", "محذرا": "حذر",
		"طالبوا": "طالب", "يطالب": "طالب", "دعت": "دعا", "يدعو": "دعا", "داعيا": "دعا",
		"وعد": "وعد", "تعهدت": "تعهد", "تساءل": "تساءل", "يتساءل": "تساءل",
		"زعمت": "زعم", "ادعى": "ادعى", "يدعي": "ادعى", "لوّح": "لوح", "علّق": "علق", "ردّ": "رد",
		"أشارت": "أشار", "يشير": "أشار", "مشيرا": "أشار", "ذكرته": "ذكر", "كشفت": "كشف", "كاشفا": "كشف",
		"شدد": "شدد", "مشددا": "شدد", "اعتبرت": "اعتبر", "رأى": "رأى", "توقع": "توقع", "أفادت": "أفاد",
		"أقر": "أقر", "اعترف": "اعترف", "هدد": "هدد", "أوضح": "أوضح", "موضحا": "أوضح", "تابع": "تابع",
	}
	for w, lemma := range forms {
		e, _, ok := lookup(arabicNormalize(w))
		if !ok {
			t.Errorf("lookup(%q): not a reporting word, want %s", w, lemma)
			continue
		}
		if e.lem.cite != lemma {
			t.Errorf("lookup(%q) = %s, want %s", w, e.lem.cite, lemma)
		}
	}
	for _, w := range []string{"تابعة", "طالبا", "مصر", "اقرأ", "الرئيس", "بيان"} {
		if _, _, ok := lookup(arabicNormalize(w)); ok {
			t.Errorf("lookup(%q) is a reporting word, want none", w)
		}
	}
}

func TestAgencies(t *testing.T) {
	for _, s := range []string{"أ ف ب", "ا ف ب", "فرانس برس", "رويترز", "لرويترز", "سبوتنيك", "سبوتنك", "أسوشيتد برس", "سانا", "الأناضول", "د ب أ", "يونايتد برس", "شينخوا", "إرنا", "تاس", "ريا نوفوستي", "إنترفاكس", "واس", "قنا", "وام"} {
		ws := strings.Fields(arabicNormalize(s))
		if n := agencyAt(ws); n != len(ws) {
			t.Errorf("agencyAt(%q) = %d words, want %d", s, n, len(ws))
		}
	}
	text := "قتل جنديان في هجوم، حسب ما أوردت أ.ف.ب."
	c := Extract(text, nil)
	if len(c) != 1 || c[0].Speaker != "أ.ف.ب" || c[0].Verb != "أوردت" {
		t.Errorf("Extract(%q) = %s, want one claim by أ.ف.ب through أوردت", text, dump(c))
	}
}

func TestFigures(t *testing.T) {
	text := "وقال المسعف إن 12 شخصا أصيبوا. وفي الحي 40 منزلا."
	figs := []news.Figure{
		{Value: 12, Unit: "شخص", Text: "12", Span: mustSpan(t, text, "12")},
		{Value: 40, Unit: "منزل", Text: "40", Span: mustSpan(t, text, "40")},
	}
	c := Extract(text, figs)
	if len(c) != 1 || len(c[0].Figures) != 1 || c[0].Figures[0].Value != 12 {
		t.Errorf("Extract(%q) = %s, want one claim with the figure 12 only", text, dump(c))
	}
}

// checkInvariants checks what every extraction must hold, whatever the
// input: spans in bounds, strings equal to the text at their spans, valid
// UTF-8 wherever the input is.
func checkInvariants(t *testing.T, text string, claims []news.Claim) {
	t.Helper()
	if claims == nil {
		t.Fatalf("Extract returned nil, want an empty list")
	}
	in := func(sp news.Span) bool { return 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(text) }
	valid := utf8.ValidString(text)
	for i, c := range claims {
		for _, f := range []struct {
			name string
			sp   news.Span
			s    string
		}{
			{"Span", c.Span, ""},
			{"ContentSpan", c.ContentSpan, c.Content},
			{"VerbSpan", c.VerbSpan, c.Verb},
			{"SpeakerSpan", c.SpeakerSpan, c.Speaker},
		} {
			if !in(f.sp) {
				t.Fatalf("claim %d: %s %v out of bounds [0, %d]", i, f.name, f.sp, len(text))
			}
			if f.name != "Span" && text[f.sp.Start:f.sp.End] != f.s {
				t.Fatalf("claim %d: %s = %q, but the text at %v is %q", i, f.name, f.s, f.sp, text[f.sp.Start:f.sp.End])
			}
		}
		if c.Content == "" {
			t.Fatalf("claim %d has no content", i)
		}
		if c.ContentSpan.Start < c.Span.Start || c.ContentSpan.End > c.Span.End {
			t.Fatalf("claim %d: Span %v does not cover ContentSpan %v", i, c.Span, c.ContentSpan)
		}
		if valid {
			for _, s := range append([]string{c.Speaker, c.SpeakerRole, c.Verb, c.Content}, c.Via...) {
				if !utf8.ValidString(s) {
					t.Fatalf("claim %d: invalid UTF-8 in %q", i, s)
				}
			}
		}
	}
}

func dump(cs []news.Claim) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString("  [" + c.Verb + "] " + c.Act + " speaker=«" + c.Speaker + "» role=«" + c.SpeakerRole + "» via=" + strings.Join(c.Via, "|") + " content=«" + c.Content + "»\n")
	}
	return b.String()
}

func arabicNormalize(s string) string { return arabic.Normalize(s) }
