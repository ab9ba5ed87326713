package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A rule recognises one kind of boilerplate line. To add one, append a row to
// rules; the test table in boilerplate_test.go should get an example of it.
type rule struct {
	name string
	// maxWords limits the rule to lines of at most this many words, so a
	// paragraph that happens to start like boilerplate is kept. 0: any length.
	maxWords int
	// tail limits the rule to the last lines of the text.
	tail bool
	// match is called with the line folded (see fold).
	match func(folded string) bool
}

// rules lists the boilerplate that Text removes. Patterns are written as they
// appear on pages; they are folded like the lines they are matched against, so
// "اشترك فى النشرة" and "إشترك في النشره" are the same pattern.
var rules = []rule{
	// "&", "* * *", "----": lines made only of separator marks.
	{name: "separator", match: onlyRunes("&*-_=~#•·—–━─|")},
	// "• 1015", "  • 1015": a bullet and a view count, maybe a word after it.
	{name: "view counter", maxWords: 3, match: viewCounter},
	// Aggregator footers: "جميع الحقوق محفوظة لمصدر الخبر ...".
	{name: "rights footer", match: prefix("جميع الحقوق محفوظة", "كل الحقوق محفوظة", "حقوق النشر محفوظة", "©", "copyright")},
	{name: "follow us", maxWords: 15, match: prefix("تابعونا", "تابعنا على", "تابعنا عبر", "تابعوا آخر الأخبار", "تابعوا أخبار", "تابعوا المزيد")},
	{name: "newsletter", maxWords: 20, match: all(prefix("اشترك", "سجل", "للاشتراك"), contains("النشرة", "نشرتنا"))},
	{name: "read more", maxWords: 15, match: prefix("للمزيد", "لمزيد من الأخبار", "اقرأ أيضا", "اقرأ المزيد", "شاهد أيضا")},
	// Share and follow buttons: short lines naming social networks.
	{name: "social", maxWords: 12, match: social},
	// "التعليقات" (or "التعليقات (3)") where the comment section began.
	{name: "comments", maxWords: 3, tail: true, match: prefix("التعليقات", "تعليقات", "أضف تعليق", "اترك تعليقا")},
}

// Social network names, matched by the social rule (Arabic spellings vary).
var socialNames = foldAll(
	"فيسبوك", "فيس بوك", "تويتر", "تلغرام", "تليغرام", "تلجرام", "تليجرام", "يوتيوب",
	"انستغرام", "انستجرام", "انستقرام", "إنستغرام", "واتساب", "واتس اب", "سناب شات", "لينكد إن",
	"facebook", "twitter", "telegram", "youtube", "instagram", "whatsapp", "snapchat", "linkedin", "tiktok",
)

// Words that start a call to follow or share ("تابعونا على تويتر"). Words
// that are also a past tense starting news sentences are left out: "تابع"
// (he went on), "شارك" (he shared), "انضم" (he joined).
var socialCalls = foldAll(
	"تابعونا", "تابعنا", "تابعوا", "انضموا", "اشتركوا", "حملوا", "لمتابعتنا", "للمتابعة",
	"follow", "join", "share",
)

// Words that show the line speaks for the site ("حسابنا على تويتر").
var socialOwn = foldAll("حسابنا", "صفحتنا", "قناتنا", "حساباتنا", "صفحاتنا")

// isBoilerplate reports whether line matches a rule. With tail set it tries
// only the tail rules, else only the others.
func isBoilerplate(line string, tail bool) bool {
	var folded string
	words := -1
	for i := range rules {
		r := &rules[i]
		if r.tail != tail {
			continue
		}
		if r.maxWords > 0 {
			if words < 0 {
				words = countWords(line, r.maxWords+1)
			}
			if words > r.maxWords {
				continue
			}
		}
		if folded == "" {
			folded = fold(line)
		}
		if r.match(folded) {
			return true
		}
	}
	return false
}

// social matches a short line that names a social network and either names
// several, calls the reader to follow or share, speaks of the site's own
// account, or is nothing but the network's name (a share button).
func social(f string) bool {
	n := 0
	for _, name := range socialNames {
		if strings.Contains(f, name) {
			n++
		}
	}
	switch {
	case n == 0:
		return false
	case n >= 2:
		return true
	}
	first, _, _ := strings.Cut(f, " ")
	for _, w := range socialCalls {
		if first == w {
			return true
		}
	}
	for _, w := range socialOwn {
		if strings.Contains(f, w) {
			return true
		}
	}
	for _, name := range socialNames {
		if f == name {
			return true
		}
	}
	return false
}

// viewCounter matches a bullet followed by a number, with at most one word
// after it ("• 1015", "• 1015 مشاهدة").
func viewCounter(f string) bool {
	r, n := utf8.DecodeRuneInString(f)
	if !strings.ContainsRune("•·●◦▪", r) {
		return false
	}
	rest := strings.TrimSpace(f[n:])
	num, _, _ := strings.Cut(rest, " ")
	return num != "" && strings.Trim(num, "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹,.،٬") == ""
}

// onlyRunes returns a matcher for lines made only of the given runes and spaces.
func onlyRunes(set string) func(string) bool {
	return func(f string) bool {
		return strings.Trim(f, set+" ") == ""
	}
}

func prefix(ps ...string) func(string) bool {
	ps = foldAll(ps...)
	return func(f string) bool {
		for _, p := range ps {
			if strings.HasPrefix(f, p) {
				return true
			}
		}
		return false
	}
}

func contains(ps ...string) func(string) bool {
	ps = foldAll(ps...)
	return func(f string) bool {
		for _, p := range ps {
			if strings.Contains(f, p) {
				return true
			}
		}
		return false
	}
}

func all(ms ...func(string) bool) func(string) bool {
	return func(f string) bool {
		for _, m := range ms {
			if !m(f) {
				return false
			}
		}
		return true
	}
}

// countWords counts the space-separated words of s, stopping at limit.
func countWords(s string, limit int) int {
	n := 0
	in := false
	for _, r := range s {
		if isBlank(r) {
			in = false
			continue
		}
		if !in {
			n++
			if n >= limit {
				return n
			}
			in = true
		}
	}
	return n
}

// Letters that fold folds for matching.
const (
	Alef            = '\u0627' // ا
	AlefMadda       = '\u0622' // آ
	AlefHamzaAbove  = '\u0623' // أ
	AlefHamzaBelow  = '\u0625' // إ
	AlefWasla       = '\u0671' // ٱ
	AlefMaksura     = '\u0649' // ى
	Yeh             = '\u064A' // ي
	TehMarbuta      = '\u0629' // ة
	Heh             = '\u0647' // ه
	Tatweel         = '\u0640' // ـ
	Fathatan        = '\u064B' // first of the harakat
	Sukun           = '\u0652' // last of the harakat
	SuperscriptAlef = '\u0670'
)

// maxFold bounds how much of a line fold looks at: every rule matches a
// prefix or a short line.
const maxFold = 1024

// fold returns a copy of s for matching only, never for output: alef
// variants become alef, alef maksura becomes yeh, teh marbuta becomes heh,
// tatweel and harakat are removed, Latin letters are lower-cased and runs of
// white space become one space. Only the first maxFold bytes are looked at.
func fold(s string) string {
	if len(s) > maxFold {
		s = s[:maxFold]
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == AlefMadda || r == AlefHamzaAbove || r == AlefHamzaBelow || r == AlefWasla:
			r = Alef
		case r == AlefMaksura:
			r = Yeh
		case r == TehMarbuta:
			r = Heh
		case r == Tatweel || r >= Fathatan && r <= Sukun || r == SuperscriptAlef:
			continue
		case isBlank(r):
			space = b.Len() > 0
			continue
		case r < utf8.RuneSelf:
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func foldAll(ss ...string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fold(s)
	}
	return out
}
