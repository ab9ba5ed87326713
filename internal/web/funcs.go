package web

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/isnad-project/isnad/internal/news"
)

// funcs are the functions the templates may call. None of them returns
// template.HTML: whatever they return is escaped like any other string.
var funcs = template.FuncMap{
	"articleURL": articleURL,
	"apiArticleURL": func(id news.ArticleID) string {
		return "/v1/articles/" + url.PathEscape(string(id))
	},
	"date":       date,
	"datetime":   datetime,
	"act":        actLabel,
	"entityType": entityTypeLabel,
	"via":        via,
	"score":      func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) },
	"number":     func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) },
}

// articleURL is the path of an article's page. The id is escaped as one
// path segment, so an id holding '/', '?' or '#' still reaches the page.
func articleURL(id news.ArticleID) string {
	return "/articles/" + url.PathEscape(string(id))
}

// months are the Gregorian month names as Egyptian and Gulf outlets write
// them.
var months = [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}

// date formats t for reading, as "5 مارس 2024" plus the time of day when it
// is not midnight, or "" for the zero time.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	s := strconv.Itoa(t.Day()) + " " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
	if t.Hour() != 0 || t.Minute() != 0 {
		s += "، " + t.Format("15:04") // Arabic comma U+060C
	}
	return s
}

// datetime formats t for a <time datetime> attribute, or "" for the zero
// time.
func datetime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// actLabels name the speech acts of news.Claim.Act.
var actLabels = map[string]string{
	"assert":   "تأكيد",
	"deny":     "نفي",
	"accuse":   "اتهام",
	"warn":     "تحذير",
	"demand":   "مطالبة",
	"promise":  "وعد",
	"question": "تساؤل",
	"other":    "أخرى",
}

func actLabel(act string) string {
	if l, ok := actLabels[act]; ok {
		return l
	}
	return act
}

// entityTypeLabels name the types of news.Entity.Type.
var entityTypeLabels = map[string]string{
	"PER":  "شخص",
	"ORG":  "مؤسسة",
	"LOC":  "مكان",
	"MISC": "أخرى",
}

func entityTypeLabel(typ string) string {
	if l, ok := entityTypeLabels[typ]; ok {
		return l
	}
	return typ
}

// via joins a claim's relays, nearest the outlet first, as the exports do.
func via(relays []string) string {
	return strings.Join(relays, " ← ")
}
