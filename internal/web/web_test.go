package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
	"github.com/isnad-project/isnad/internal/store/memstore"
)

const (
	xssTitle   = `<script>alert(1)</script> عاجل`
	xssEscaped = `&lt;script&gt;alert(1)&lt;/script&gt;`
)

func fixture() []news.Article {
	text := "قال وزير الخارجية إن المفاوضات مستمرة.\n\nوحذر الأمين العام من تدهور الوضع، مؤكدا سقوط 12 قتيلا."
	return []news.Article{
		{
			ID:        "a1",
			Source:    "corpus/a1.txt",
			Outlet:    "وكالة الأفق",
			Title:     "وزير الخارجية يتحدث عن المفاوضات",
			Published: time.Date(2024, 3, 5, 10, 30, 0, 0, time.UTC),
			Text:      text,
			Entities: []news.Entity{
				{Type: "PER", Text: "وزير الخارجية", Span: mustSpan(text, "وزير الخارجية"), Key: "wzyr", Name: "وزير الخارجية"},
			},
			Claims: []news.Claim{
				{Speaker: "وزير الخارجية", SpeakerRole: "رئيس الدبلوماسية", Verb: "قال", Act: "assert", Content: "المفاوضات مستمرة", Span: mustSpan(text, "قال وزير الخارجية إن المفاوضات مستمرة")},
				{Speaker: "الأمين العام", Verb: "حذر", Act: "warn", Content: "من تدهور الوضع", Via: []string{"أ ف ب", "رويترز"}, Span: mustSpan(text, "وحذر الأمين العام من تدهور الوضع")},
			},
			Figures: []news.Figure{{Value: 12, Unit: "قتيل", Text: "12 قتيلا", Span: mustSpan(text, "12 قتيلا")}},
		},
		// An article whose strings try to inject markup, under an id that
		// needs escaping in a URL, with nothing found in it.
		{ID: "x/1?#", Source: "x.txt", Title: xssTitle, Text: "نص <b>عاجل</b> & <img src=x onerror=alert(2)>"},
	}
}

// mustSpan returns the span of the only occurrence of sub in text.
func mustSpan(text, sub string) news.Span {
	if strings.Count(text, sub) != 1 {
		panic(fmt.Sprintf("mustSpan: %q occurs %d times in %q", sub, strings.Count(text, sub), text))
	}
	i := strings.Index(text, sub)
	return news.Span{Start: i, End: i + len(sub)}
}

// newServer serves the pages over a memstore holding the fixture, indexed
// with package index.
func newServer(t *testing.T, opts Options) (*httptest.Server, *memstore.Store) {
	t.Helper()
	s := memstore.New()
	var es []store.Entry
	for i, a := range fixture() {
		es = append(es, store.Entry{Article: a, Hash: fmt.Sprint("hash", i), Terms: index.Document(a)})
	}
	if err := s.Load(context.Background(), es...); err != nil {
		t.Fatal(err)
	}
	return serve(t, s, opts), s
}

func serve(t *testing.T, r store.Reader, opts Options) *httptest.Server {
	t.Helper()
	h, err := NewHandler(r, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	h.Install(mux.Handle)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

type response struct {
	status int
	header http.Header
	body   string
}

func get(t *testing.T, url string) response {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

// checkPage checks that a page has the status, is an RTL Arabic HTML page,
// and holds every needle and none of the forbidden strings.
func checkPage(t *testing.T, url string, status int, needles, forbidden []string) string {
	t.Helper()
	r := get(t, url)
	if r.status != status {
		t.Errorf("GET %s: status %d, want %d", url, r.status, status)
	}
	if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("GET %s: Content-Type %q", url, ct)
	}
	for _, n := range append([]string{`<html lang="ar" dir="rtl">`, "</html>"}, needles...) {
		if !strings.Contains(r.body, n) {
			t.Errorf("GET %s: no %q in the page", url, n)
		}
	}
	for _, f := range forbidden {
		if strings.Contains(r.body, f) {
			t.Errorf("GET %s: %q in the page", url, f)
		}
	}
	if t.Failed() {
		t.Logf("GET %s:\n%s", url, r.body)
	}
	return r.body
}

// unsafe are strings that must never reach a page unescaped.
var unsafe = []string{"<script>", "<b>", "<img", "ZgotmplZ"}

func TestHome(t *testing.T) {
	srv, _ := newServer(t, Options{})
	checkPage(t, srv.URL+"/", http.StatusOK, []string{
		`<form class="search search-big" action="/search"`,
		`name="q"`,
		"بحث",
		"<dt>الأخبار</dt><dd>2</dd>",
		"<dt>الادعاءات</dt><dd>2</dd>",
		"<dt>الكيانات</dt><dd>1</dd>",
		"<dt>المصادر</dt><dd>1</dd>",
		`<link rel="stylesheet" href="/static/isnad.css?v=`,
	}, unsafe)
}

func TestArticle(t *testing.T) {
	srv, _ := newServer(t, Options{})
	checkPage(t, srv.URL+"/articles/a1", http.StatusOK, []string{
		`<h1 dir="rtl" lang="ar">وزير الخارجية يتحدث عن المفاوضات</h1>`,
		`<dd dir="rtl" lang="ar">وكالة الأفق</dd>`,
		`<time datetime="2024-03-05T10:30:00Z">5 مارس 2024، 10:30</time>`,
		`<section class="text" dir="rtl" lang="ar">`,
		`<p dir="rtl" lang="ar">قال وزير الخارجية إن المفاوضات مستمرة.</p>`,
		`<p dir="rtl" lang="ar">وحذر الأمين العام من تدهور الوضع، مؤكدا سقوط 12 قتيلا.</p>`,
		"<h2>الادعاءات</h2>", "<th>المتحدث</th>", "<th>الصفة</th>", "<th>الفعل</th>",
		`<td dir="rtl" lang="ar">رئيس الدبلوماسية</td>`,
		`<td class="content" dir="rtl" lang="ar">المفاوضات مستمرة</td>`,
		`<td class="via" dir="rtl" lang="ar">أ ف ب ← رويترز</td>`,
		`title="warn">تحذير</span>`,
		"<h2>الكيانات</h2>", `title="PER">شخص</span>`,
		"<h2>الأرقام</h2>", `<td class="num">12</td>`,
		`<a href="/v1/articles/a1">JSON</a>`,
	}, append([]string{"لا توجد بعد"}, unsafe...))

	// Nothing found yet, and every string hostile.
	body := checkPage(t, srv.URL+"/articles/"+url.PathEscape("x/1?#"), http.StatusOK, []string{
		`<h1 dir="rtl" lang="ar">` + xssEscaped + ` عاجل</h1>`,
		"نص &lt;b&gt;عاجل&lt;/b&gt; &amp; &lt;img src=x onerror=alert(2)&gt;",
		"<dd>غير معروف</dd>",
		`<a href="/v1/articles/x%2F1%3F%23">JSON</a>`,
	}, unsafe)
	if n := strings.Count(body, "لا توجد بعد"); n != 3 {
		t.Errorf(`"لا توجد بعد" shown %d times, want 3 (claims, entities, figures)`, n)
	}
}

func TestNotFound(t *testing.T) {
	srv, _ := newServer(t, Options{})
	for _, path := range []string{
		"/articles/nope",
		"/articles/" + url.PathEscape("<script>alert(1)</script>"),
		"/no/such/page",
		"/static/",
		"/static/base.tmpl",
		"/static/nope.css",
	} {
		checkPage(t, srv.URL+path, http.StatusNotFound, []string{`<p class="status">404</p>`, "العودة إلى الصفحة الرئيسية"}, unsafe)
	}
	checkPage(t, srv.URL+"/articles/nope", http.StatusNotFound, []string{"لا يوجد خبر بهذا المعرّف"}, nil)
	checkPage(t, srv.URL+"/no/such/page", http.StatusNotFound, []string{"لم نجد ما تطلبه"}, nil)
}

func TestStatic(t *testing.T) {
	srv, _ := newServer(t, Options{})
	r := get(t, srv.URL+"/static/isnad.css")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") || !strings.Contains(r.body, "direction: rtl") {
		t.Errorf("GET /static/isnad.css = %d %q, want the stylesheet", r.status, r.header.Get("Content-Type"))
	}
	if cc := r.header.Get("Cache-Control"); cc != "" {
		t.Errorf("GET /static/isnad.css without version: Cache-Control %q, want none", cc)
	}
	home := get(t, srv.URL+"/").body
	_, rest, _ := strings.Cut(home, `<link rel="stylesheet" href="`)
	cssURL, _, _ := strings.Cut(rest, `"`)
	r = get(t, srv.URL+cssURL)
	if r.status != http.StatusOK || !strings.Contains(r.header.Get("Cache-Control"), "immutable") {
		t.Errorf("GET %s = %d, Cache-Control %q, want 200 and immutable", cssURL, r.status, r.header.Get("Cache-Control"))
	}
}

func TestSearch(t *testing.T) {
	srv, _ := newServer(t, Options{})
	q := url.QueryEscape
	checkPage(t, srv.URL+"/search?q="+q("المفاوضات"), http.StatusOK, []string{
		`<h1 class="results-title">النتائج: <bdi dir="auto">المفاوضات</bdi></h1>`,
		`value="المفاوضات" dir="auto"`,
		`<h2 dir="rtl" lang="ar"><a href="/articles/a1">وزير الخارجية يتحدث عن المفاوضات</a></h2>`,
		`<span dir="rtl" lang="ar">وكالة الأفق</span>`,
		`<time datetime="2024-03-05T10:30:00Z">5 مارس 2024، 10:30</time>`,
		`<p class="snippet" dir="rtl" lang="ar">`,
		"<mark>المفاوضات</mark>",
	}, unsafe)
	checkPage(t, srv.URL+"/search?q="+q("عاجل"), http.StatusOK, []string{
		`<a href="/articles/x%2F1%3F%23">` + xssEscaped + ` عاجل</a>`,
	}, append([]string{"التاريخ:"}, unsafe...))
	// The query is echoed escaped, and with dir="auto".
	checkPage(t, srv.URL+"/search?q="+q(`"><script>alert(1)</script>`), http.StatusOK, []string{
		`<bdi dir="auto">&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</bdi>`,
		`value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" dir="auto"`,
	}, unsafe)
	checkPage(t, srv.URL+"/search?q="+q("غائب"), http.StatusOK, []string{`<p class="empty">لا نتائج.`}, nil)
	checkPage(t, srv.URL+"/search", http.StatusOK, []string{"اكتب كلمة في مربع البحث"}, nil)
	checkPage(t, srv.URL+"/search?q="+strings.Repeat("x", maxQueryLength+1), http.StatusBadRequest, []string{`<p class="status">400</p>`}, nil)
}

// TestSnippetMarks renders the search page from hand-made results, so that
// the marking is checked whatever package index finds.
func TestSnippetMarks(t *testing.T) {
	h, err := NewHandler(nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := &searchPage{base: base{Query: "وزير"}, Results: []index.Result{{
		ID: "a1", Title: "t",
		Snippet: index.Snippet{Parts: []index.Part{
			{Text: "… قال "}, {Text: "وزير", Hit: true}, {Text: " <i>x</i> "}, {Text: "<b>الخارجية</b>", Hit: true}, {Text: " …"},
		}},
	}}}
	rec := httptest.NewRecorder()
	if err := h.render(rec, http.StatusOK, "search.tmpl", p); err != nil {
		t.Fatal(err)
	}
	want := `<p class="snippet" dir="rtl" lang="ar">… قال <mark>وزير</mark> &lt;i&gt;x&lt;/i&gt; <mark>&lt;b&gt;الخارجية&lt;/b&gt;</mark> …</p>`
	if !strings.Contains(rec.Body.String(), want) {
		t.Errorf("search page has no\n%s\nin\n%s", want, rec.Body.String())
	}
}

// brokenReader fails every call with err.
type brokenReader struct{ err error }

func (b brokenReader) Article(context.Context, news.ArticleID) (news.Article, error) {
	return news.Article{}, b.err
}
func (b brokenReader) Search(context.Context, store.Query, int) ([]store.Hit, error) {
	return nil, b.err
}
func (b brokenReader) Stats(context.Context) (store.Stats, error) { return store.Stats{}, b.err }
func (b brokenReader) Ping(context.Context) error                 { return b.err }

func TestErrors(t *testing.T) {
	for _, c := range []struct {
		err    error
		status int
		msg    string
	}{
		{errors.New("disk on fire at /secret/path"), 500, "حدث خطأ داخلي"},
		{fmt.Errorf("%w: db gone", derrors.Unavailable), 503, "الخدمة غير متاحة الآن"},
		{fmt.Errorf("%w: no", derrors.Unsupported), 501, "هذه الخدمة غير مدعومة"},
	} {
		srv := serve(t, brokenReader{c.err}, Options{})
		for _, path := range []string{"/", "/articles/a", "/search?q=" + url.QueryEscape("وزير")} {
			checkPage(t, srv.URL+path, c.status, []string{c.msg, fmt.Sprintf(`<p class="status">%d</p>`, c.status)},
				[]string{"/secret/path", "db gone"})
		}
	}
}

// copyStatic copies the templates and stylesheet to a new directory.
func copyStatic(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "static")
	if err := os.CopyFS(dir, os.DirFS("static")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNewHandlerChecksTemplates(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(dir string) error
		want   string
	}{
		{"missing page", func(dir string) error { return os.Remove(filepath.Join(dir, "article.tmpl")) }, `"article.tmpl"`},
		{"missing base", func(dir string) error { return os.Remove(filepath.Join(dir, "base.tmpl")) }, "base.tmpl"},
		{"missing css", func(dir string) error { return os.Remove(filepath.Join(dir, "isnad.css")) }, "stylesheet"},
		{"parse error", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "home.tmpl"), []byte(`{{define "main"}}{{if}}{{end}}`), 0o644)
		}, `"home.tmpl"`},
		{"no main", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "error.tmpl"), []byte(`{{define "other"}}{{end}}`), 0o644)
		}, `"main"`},
	} {
		dir := copyStatic(t)
		if err := c.change(dir); err != nil {
			t.Fatal(err)
		}
		_, err := NewHandler(nil, Options{Dev: true, StaticDir: dir}, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("NewHandler with %s: error %v, want one mentioning %s", c.name, err, c.want)
		}
	}
}

func TestDevRereads(t *testing.T) {
	dir := copyStatic(t)
	srv := serve(t, memstore.New(), Options{Dev: true, StaticDir: dir})
	home := filepath.Join(dir, "home.tmpl")
	b, err := os.ReadFile(home)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("</section>"), []byte("<p>edited-in-dev</p></section>"), 1)
	if err := os.WriteFile(home, b, 0o644); err != nil {
		t.Fatal(err)
	}
	checkPage(t, srv.URL+"/", http.StatusOK, []string{"edited-in-dev"}, nil)

	css := filepath.Join(dir, "isnad.css")
	if err := os.WriteFile(css, []byte("/* edited-css */"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := get(t, srv.URL+"/static/isnad.css"); r.body != "/* edited-css */" || r.header.Get("Cache-Control") != "no-cache" {
		t.Errorf("GET /static/isnad.css in Dev = %q, Cache-Control %q; want the edited file, no-cache", r.body, r.header.Get("Cache-Control"))
	}
}

func TestDate(t *testing.T) {
	for _, c := range []struct {
		in   time.Time
		want string
	}{
		{time.Time{}, ""},
		{time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC), "31 يناير 2024"},
		{time.Date(2025, 12, 5, 8, 7, 0, 0, time.UTC), "5 ديسمبر 2025، 08:07"},
	} {
		if got := date(c.in); got != c.want {
			t.Errorf("date(%v) = %q (% x), want %q", c.in, got, got, c.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"أ", []string{"أ"}},
		{" أ \n\n\n ب\r\nج\n", []string{"أ", "ب", "ج"}},
	} {
		if got := paragraphs(c.in); fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("paragraphs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
