package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
	"github.com/isnad-project/isnad/internal/store/memstore"
)

const xssTitle = `<script>alert(1)</script> عاجل`

// fixture returns two articles: a full one, and one whose title is an
// attempt at script injection and whose slices are all nil.
func fixture() []news.Article {
	text := "قال وزير الخارجية إن المفاوضات مستمرة، بحسب وكالة الأنباء."
	return []news.Article{
		{
			ID:        "a1",
			Source:    "testdata/a1.txt",
			Outlet:    "الجزيرة",
			URL:       "https://example.com/a1",
			Title:     "وزير الخارجية يتحدث عن المفاوضات",
			Published: time.Date(2024, 3, 5, 10, 30, 0, 0, time.UTC),
			Text:      text,
			Entities:  []news.Entity{{Type: "ORG", Text: "وزير الخارجية", Span: mustSpan(text, "وزير الخارجية"), Key: "wzyr", Name: "وزير الخارجية"}},
			Claims: []news.Claim{{
				Speaker: "وزير الخارجية", Verb: "قال", Act: "assert", Content: "المفاوضات مستمرة",
				Span: mustSpan(text, "قال وزير الخارجية إن المفاوضات مستمرة"),
			}},
		},
		{ID: "x1", Source: "x.txt", Title: xssTitle, Text: "نص <b>غامق</b> & مزيد"},
	}
}

// mustSpan returns the span of the only occurrence of sub in text.
func mustSpan(text, sub string) news.Span {
	i := strings.Index(text, sub)
	if i < 0 || strings.Count(text, sub) != 1 {
		panic(fmt.Sprintf("mustSpan: %q occurs %d times in %q", sub, strings.Count(text, sub), text))
	}
	return news.Span{Start: i, End: i + len(sub)}
}

// newServer serves the API over a memstore holding as. With indexed, the
// entries carry index terms (which needs package index to be implemented).
func newServer(t *testing.T, indexed bool, as ...news.Article) (*httptest.Server, *memstore.Store) {
	t.Helper()
	s := memstore.New()
	var es []store.Entry
	for i, a := range as {
		e := store.Entry{Article: a, Hash: fmt.Sprint("hash", i)}
		if indexed {
			e.Terms = index.Document(a)
		}
		es = append(es, e)
	}
	if err := s.Load(context.Background(), es...); err != nil {
		t.Fatal(err)
	}
	return serve(t, s), s
}

func serve(t *testing.T, r store.Reader) *httptest.Server {
	mux := http.NewServeMux()
	NewHandler(r, nil).Install(mux.Handle)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, url string) (int, http.Header, string) {
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
	return resp.StatusCode, resp.Header, string(b)
}

func TestArticleJSON(t *testing.T) {
	for _, c := range []struct {
		name string
		in   news.Article
		want string
	}{
		{"zero", news.Article{},
			`{"id":"","source":"","outlet":"","url":"","title":"","published":null,"text":"",` +
				`"entities":[],"claims":[],"figures":[],"warnings":[]}`},
		{"full", news.Article{
			ID: "i", Source: "s", Outlet: "o", URL: "u", Title: "t <&>",
			Published: time.Date(2024, 3, 5, 10, 30, 0, 0, time.FixedZone("", 3*3600)),
			Text:      "text",
			Entities:  []news.Entity{{Type: "PER", Text: "x", Span: news.Span{Start: 0, End: 1}, Key: "k", Name: "n"}},
			Claims:    []news.Claim{{Speaker: "sp", Verb: "قال", Act: "assert", Direct: true, Content: "c", Span: news.Span{Start: 1, End: 2}}},
			Figures:   []news.Figure{{Value: 250000, Unit: "قتيل", Text: "250 ألف", Span: news.Span{Start: 2, End: 3}}},
			Warnings:  []string{"w"},
		},
			`{"id":"i","source":"s","outlet":"o","url":"u","title":"t \u003c\u0026\u003e","published":"2024-03-05T10:30:00+03:00","text":"text",` +
				`"entities":[{"type":"PER","text":"x","start":0,"end":1,"key":"k","name":"n"}],` +
				`"claims":[{"speaker":"sp","speaker_key":"","speaker_role":"","verb":"قال","act":"assert","direct":true,"content":"c","via":[],"figures":[],"start":1,"end":2,"framing":"","resolved":false,"speaker_span":{"start":0,"end":0},"verb_span":{"start":0,"end":0},"content_span":{"start":0,"end":0}}],` +
				`"figures":[{"value":250000,"unit":"قتيل","text":"250 ألف","start":2,"end":3}],"warnings":["w"]}`},
	} {
		got, err := ArticleJSON(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c.want {
			t.Errorf("ArticleJSON(%s) =\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

func TestNewArticleViewKeepsInput(t *testing.T) {
	a := news.Article{Claims: []news.Claim{{Speaker: "x"}}}
	NewArticleView(a)
	if a.Claims[0].Via != nil {
		t.Errorf("NewArticleView changed its input: Via = %#v", a.Claims[0].Via)
	}
}

func TestArticle(t *testing.T) {
	as := fixture()
	srv, _ := newServer(t, false, as...)
	for _, a := range as {
		status, h, body := get(t, srv.URL+"/v1/articles/"+string(a.ID))
		if status != http.StatusOK {
			t.Fatalf("GET /v1/articles/%s: status %d, body %s", a.ID, status, body)
		}
		if ct := h.Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("GET /v1/articles/%s: Content-Type %q", a.ID, ct)
		}
		want, _ := ArticleJSON(a)
		if body != string(want)+"\n" {
			t.Errorf("GET /v1/articles/%s =\n%s\nwant ArticleJSON's\n%s", a.ID, body, want)
		}
		if strings.Contains(body, "<") {
			t.Errorf("GET /v1/articles/%s: body has an unescaped '<': %s", a.ID, body)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(body), &m); err != nil {
			t.Fatal(err)
		}
		if m["title"] != a.Title {
			t.Errorf("GET /v1/articles/%s: title %q, want %q", a.ID, m["title"], a.Title)
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		wantKeys := []string{"claims", "entities", "figures", "id", "outlet", "published", "source", "text", "title", "url", "warnings"}
		if !slices.Equal(keys, wantKeys) {
			t.Errorf("GET /v1/articles/%s: keys %v, want %v", a.ID, keys, wantKeys)
		}
	}
}

func TestNotFound(t *testing.T) {
	srv, _ := newServer(t, false, fixture()...)
	for _, path := range []string{"/v1/articles/nope", "/v1/articles/a1%2Fx", "/v1/nothing", "/v1/"} {
		status, h, body := get(t, srv.URL+path)
		if status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, status)
		}
		var e struct{ Error string }
		if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
			t.Errorf("GET %s: body %q (%v), want a JSON error", path, body, err)
		}
	}
}

func TestHealthz(t *testing.T) {
	srv, s := newServer(t, false)
	if status, _, body := get(t, srv.URL+"/healthz"); status != http.StatusOK || body != "ok" {
		t.Errorf("GET /healthz = %d %q, want 200 ok", status, body)
	}
	s.Close()
	if status, _, _ := get(t, srv.URL+"/healthz"); status != http.StatusServiceUnavailable {
		t.Errorf("GET /healthz on a closed store = %d, want 503", status)
	}
}

func TestStats(t *testing.T) {
	srv, _ := newServer(t, false, fixture()...)
	status, _, body := get(t, srv.URL+"/v1/stats")
	want := `{"articles":2,"claims":1,"entities":1,"stories":0,"sources":1}` + "\n"
	if status != http.StatusOK || body != want {
		t.Errorf("GET /v1/stats = %d %s, want 200 %s", status, body, want)
	}
}

func TestOpenAPI(t *testing.T) {
	srv, _ := newServer(t, false)
	status, h, body := get(t, srv.URL+"/v1/openapi.yaml")
	if status != http.StatusOK || !strings.HasPrefix(body, "openapi: 3") {
		t.Fatalf("GET /v1/openapi.yaml = %d %.40q, want 200 and an OpenAPI 3 document", status, body)
	}
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/yaml") {
		t.Errorf("Content-Type = %q", ct)
	}
	if strings.Contains(body, "\t") {
		t.Errorf("openapi.yaml has a tab, which YAML forbids for indentation")
	}
	// Every endpoint installed is documented.
	NewHandler(nil, nil).Install(func(pattern string, _ http.Handler) {
		method, path, ok := strings.Cut(pattern, " ")
		if !ok {
			return // a catch-all
		}
		if !strings.Contains(body, "\n  "+path+":\n    "+strings.ToLower(method)+":") {
			t.Errorf("openapi.yaml does not describe %s", pattern)
		}
	})
}

func TestSearchParams(t *testing.T) {
	srv, _ := newServer(t, false, fixture()...)
	for _, c := range []struct {
		query  string
		status int
	}{
		{"limit=abc", 400},
		{"limit=0", 400},
		{"limit=-1", 400},
		{"limit=101", 400},
		{"limit=1.5", 400},
		{"limit=", 200},
		{"limit=100", 200},
		{"q=" + strings.Repeat("a", MaxQueryLength+1), 400},
		{"q=%20%20&limit=5", 200},
		{"", 200},
	} {
		status, _, body := get(t, srv.URL+"/v1/search?"+c.query)
		if status != c.status {
			t.Errorf("GET /v1/search?%.30s: status %d, want %d (body %s)", c.query, status, c.status, body)
		}
		if status == 400 && !strings.Contains(body, `"error":`) {
			t.Errorf("GET /v1/search?%.30s: body %s, want a JSON error", c.query, body)
		}
		if status == 200 && !strings.Contains(body, `"results":[]`) {
			t.Errorf("GET /v1/search?%.30s: body %s, want empty results", c.query, body)
		}
	}
}

func TestNewSearchResult(t *testing.T) {
	r := index.Result{
		ID: "a1", Title: "t",
		Snippet: index.Snippet{Parts: []index.Part{
			{Text: "قال "}, {Text: "وزير", Hit: true}, {Text: " "}, {Text: "الخارجية", Hit: true}, {Text: " إن"},
		}},
	}
	got := NewSearchResult(r)
	if got.Snippet != "قال وزير الخارجية إن" {
		t.Errorf("Snippet = %q", got.Snippet)
	}
	var words []string
	for _, h := range got.Highlights {
		words = append(words, got.Snippet[h.Start:h.End])
	}
	if want := []string{"وزير", "الخارجية"}; !slices.Equal(words, want) {
		t.Errorf("highlighted %q, want %q", words, want)
	}
	b, _ := json.Marshal(NewSearchResult(index.Result{}))
	want := `{"id":"","source":"","outlet":"","title":"","published":null,"score":0,"snippet":"","highlights":[]}`
	if string(b) != want {
		t.Errorf("empty result = %s, want %s", b, want)
	}
}

func TestSearch(t *testing.T) {
	srv, _ := newServer(t, true, fixture()...)
	for _, c := range []struct {
		q         string
		wantID    news.ArticleID
		highlight bool // the word is in the text, not only the title
	}{
		{"المفاوضات", "a1", true},
		{"عاجل", "x1", false},
	} {
		status, _, body := get(t, srv.URL+"/v1/search?limit=5&q="+url.QueryEscape(c.q))
		if status != http.StatusOK {
			t.Fatalf("GET /v1/search?q=%s: status %d, body %s", c.q, status, body)
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("GET /v1/search?q=%s: unescaped title in %s", c.q, body)
		}
		var resp SearchResponse
		if err := json.Unmarshal([]byte(body), &resp); err != nil {
			t.Fatal(err)
		}
		if resp.Query != c.q || len(resp.Results) == 0 || resp.Results[0].ID != c.wantID {
			t.Errorf("GET /v1/search?q=%s = %s, want %s first", c.q, body, c.wantID)
			continue
		}
		if c.highlight && len(resp.Results[0].Highlights) == 0 {
			t.Errorf("GET /v1/search?q=%s: no highlights in %s", c.q, body)
		}
		for _, h := range resp.Results[0].Highlights {
			if h.Start < 0 || h.Start >= h.End || h.End > len(resp.Results[0].Snippet) {
				t.Errorf("highlight %v out of snippet %q", h, resp.Results[0].Snippet)
			}
		}
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
		{errors.New("disk on fire at /secret/path"), 500, "internal server error"},
		{fmt.Errorf("%w: db gone", derrors.Unavailable), 503, "service unavailable"},
		{fmt.Errorf("x: %w", derrors.NotFound), 404, "x: not found"},
	} {
		srv := serve(t, brokenReader{c.err})
		for _, path := range []string{"/v1/stats", "/v1/articles/a"} {
			status, _, body := get(t, srv.URL+path)
			want := fmt.Sprintf(`{"error":%q}`, c.msg) + "\n"
			if status != c.status || body != want {
				t.Errorf("GET %s with error %v = %d %s, want %d %s", path, c.err, status, body, c.status, want)
			}
		}
	}
}
