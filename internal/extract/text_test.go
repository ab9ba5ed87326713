package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The samples below are written for these tests; they imitate the layout of
// scraped news files (see shared/seeds) but not their text.
const (
	sampleTitle = "الأمطار تعود إلى المدينة بعد صيف طويل"
	sampleP1    = "قال مسؤول في هيئة الأرصاد إن الأمطار ستستمر حتى نهاية الأسبوع."
	sampleP2    = "وأضاف أن السكان مدعوون إلى الحذر عند القيادة في الطرق السريعة."
	sampleKick  = "في تقرير جديد"
	sampleHead  = "المكتبة العامة تفتح أبوابها ليلا"
	sampleP3    = "أعلنت البلدية أن المكتبة ستبقى مفتوحة حتى منتصف الليل طوال الشهر."
	nbsp        = "\u00a0"
)

func lines(ls ...string) string { return strings.Join(ls, "\n") }

func TestText(t *testing.T) {
	for _, c := range []struct {
		name     string
		in       string
		title    string
		body     string
		warnings []string
	}{
		{
			name:  "title and paragraphs",
			in:    lines(sampleTitle, "", sampleP1, "", "", sampleP2, ""),
			title: sampleTitle,
			body:  lines(sampleP1, sampleP2),
		},
		{
			name:  "title repeated",
			in:    lines(sampleTitle, "", sampleTitle, sampleP1),
			title: sampleTitle,
			body:  sampleP1,
		},
		{
			name: "ampersand separators and glued ampersand",
			in:   lines("&"+sampleP1, "", sampleP2, "&", "عنوان فرعي قصير", "&", sampleP3, "&", "&"),
			body: lines(sampleP1, sampleP2, "عنوان فرعي قصير", sampleP3),
		},
		{
			name:  "kicker above a repeated headline, view counter",
			in:    lines(sampleKick, "", sampleHead, "", sampleHead, "  • 1015", "", sampleP3),
			title: sampleHead,
			body:  lines(sampleKick, sampleP3),
		},
		{
			name: "no-break-space lines and aggregator footer",
			in: lines(sampleTitle, "", sampleP1, "", nbsp, "", sampleP2, nbsp, "",
				nbsp+sampleP3, "",
				"جميع الحقوق محفوظة لمصدر الخبر ونرجو متابعتنا على مدار الساعة مع تحيات الموقع",
				"", "اشترك فى النشرة البريدية لتصلك الأخبار أولا بأول", "",
				"تابعنا على مواقع التواصل الاجتماعى"),
			title: sampleTitle,
			body:  lines(sampleP1, sampleP2, sampleP3),
		},
		{
			name: "follow and social lines",
			in: lines(sampleTitle, sampleP1, "تابعونا على تلغرام", "فيسبوك تويتر يوتيوب",
				"تابعوا آخر الأخبار عبر تطبيقنا", "للمزيد من الأخبار اضغط هنا", sampleP2),
			title: sampleTitle,
			body:  lines(sampleP1, sampleP2),
		},
		{
			name:  "news about social networks is kept",
			in:    lines(sampleTitle, "وكتب الوزير على تويتر:", "وتابع في تغريدة على تويتر أن العمل مستمر", sampleP1),
			title: sampleTitle,
			body:  lines("وكتب الوزير على تويتر:", "وتابع في تغريدة على تويتر أن العمل مستمر", sampleP1),
		},
		{
			name: "first line is a paragraph",
			in:   lines("المدينة: "+sampleP1, sampleP2, "عنوان فرعي", sampleP3, "التعليقات"),
			body: lines("المدينة: "+sampleP1, sampleP2, "عنوان فرعي", sampleP3),
		},
		{
			name:  "comments word kept unless it ends the text",
			in:    lines(sampleTitle, "التعليقات", sampleP1, "التعليقات (3)", ""),
			title: sampleTitle,
			body:  lines("التعليقات", sampleP1),
		},
		{
			name: "first line too long for a title",
			in:   lines(strings.Repeat("كلمة ", 30), sampleP1),
			body: lines(strings.TrimSpace(strings.Repeat("كلمة ", 30)), sampleP1),
		},
		{
			name: "first line ends in a colon",
			in:   lines("وقال المتحدث:", sampleP1),
			body: lines("وقال المتحدث:", sampleP1),
		},
		{
			name:  "headline ending in an ellipsis or question mark",
			in:    lines("هل تعود الأمطار...", sampleP1),
			title: "هل تعود الأمطار...",
			body:  sampleP1,
		},
		{
			name: "single line is body, not title",
			in:   sampleHead + "\n",
			body: sampleHead,
		},
		{
			name:     "title only",
			in:       lines(sampleHead, "", sampleHead, "• 20"),
			title:    sampleHead,
			warnings: []string{WarnTitleOnly},
		},
		{
			name:     "nothing left",
			in:       lines("", nbsp, "&", " • 1015 ", "\t"),
			warnings: []string{WarnNoBody},
		},
		{
			name:     "empty",
			warnings: []string{WarnNoBody},
		},
		{
			name:     "invalid UTF-8",
			in:       lines(sampleTitle, "قال\xff مسؤول"),
			title:    sampleTitle,
			body:     "قال\uFFFD مسؤول",
			warnings: []string{WarnReplacement},
		},
		{
			name:  "CRLF, BOM and marks at line ends",
			in:    "\uFEFF" + sampleTitle + "\r\n\r\n\u200F" + sampleP1 + "\u200E\r\n",
			title: sampleTitle,
			body:  sampleP1,
		},
		{
			name:  "diacritics and tatweel kept",
			in:    lines("عنوانٌ قصيرٌ", "وقــال المُتحدِّث إنَّ الأمرَ انتهى."),
			title: "عنوانٌ قصيرٌ",
			body:  "وقــال المُتحدِّث إنَّ الأمرَ انتهى.",
		},
		{
			name: "HTML entity at line start kept",
			in:   lines("&quot;نص&quot; بين علامتين.", sampleP1),
			body: lines("&quot;نص&quot; بين علامتين.", sampleP1),
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			title, body, warnings := Text(c.in)
			if title != c.title {
				t.Errorf("Text(%q) title = %q, want %q\n got % x\nwant % x", c.in, title, c.title, title, c.title)
			}
			if body != c.body {
				t.Errorf("Text(%q) body = %q, want %q", c.in, body, c.body)
			}
			if !slices.Equal(warnings, c.warnings) {
				t.Errorf("Text(%q) warnings = %q, want %q", c.in, warnings, c.warnings)
			}
		})
	}
}

func TestTidy(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"  \n\t\n", ""},
		{sampleP1 + "\n\n\n " + sampleP2 + " \r\n", sampleP1 + "\n" + sampleP2},
		{"&" + sampleP1 + "\n• 1015", "&" + sampleP1 + "\n• 1015"},     // no boilerplate removal
		{sampleTitle + "\n" + sampleP1, sampleTitle + "\n" + sampleP1}, // no title heuristic
		{"a\xffb", "a\uFFFDb"},
	} {
		if got := Tidy(c.in); got != c.want {
			t.Errorf("Tidy(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTidyLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{" " + sampleTitle + " \n", sampleTitle},
		{"سطر\nثان\t\tو" + nbsp + "ثالث", "سطر ثان و ثالث"},
	} {
		if got := TidyLine(c.in); got != c.want {
			t.Errorf("TidyLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "&", "&&x", "& ", "\u00a0", "•", "• ١٢٣", "a\nb\nb\nc", "x\r\ny", "\xff\xfe",
		lines(sampleTitle, sampleP1), lines(sampleKick, sampleHead, sampleHead, sampleP3),
		lines("&"+sampleP1, "&", "التعليقات"), strings.Repeat("ـ", 2000),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		title, body, _ := Text(raw)
		if !utf8.ValidString(title) || !utf8.ValidString(body) {
			t.Fatalf("Text(%q) = %q, %q: invalid UTF-8", raw, title, body)
		}
		in := strings.Split(strings.ToValidUTF8(raw, "\uFFFD"), "\n")
		fromInput := func(s string) bool {
			for _, l := range in {
				if strings.Contains(l, s) {
					return true
				}
			}
			return false
		}
		if title != "" && (title != trim(title) || !fromInput(title)) {
			t.Fatalf("Text(%q) title %q is not a trimmed line of the input", raw, title)
		}
		if body == "" {
			return
		}
		for _, l := range strings.Split(body, "\n") {
			if l == "" || l != trim(l) {
				t.Fatalf("Text(%q) body has blank or untrimmed line %q", raw, l)
			}
			if !fromInput(l) {
				t.Fatalf("Text(%q) body line %q is not from the input", raw, l)
			}
		}
	})
}

func BenchmarkText(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(sampleTitle + "\n\n")
	for range 40 {
		sb.WriteString(sampleP1 + " " + sampleP2 + "\n&\n" + nbsp + "\n")
	}
	sb.WriteString("جميع الحقوق محفوظة\nالتعليقات")
	raw := sb.String()
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Text(raw)
	}
}
