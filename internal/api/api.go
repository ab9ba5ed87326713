// Package api serves isnad's JSON API under /v1/, plus /healthz. The API is
// described in one place, openapi.yaml, embedded and served at
// /v1/openapi.yaml. Handlers read the store and the index only.
package api

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
)

//go:embed openapi.yaml
var openAPI []byte

// Limits on /v1/search.
const (
	DefaultLimit   = 10
	MaxLimit       = 100
	MaxQueryLength = 1000 // bytes
)

// A Handler serves the JSON API from a store. It is safe for concurrent use.
type Handler struct {
	r   store.Reader
	log *slog.Logger
}

// NewHandler returns a Handler reading r. A nil logger discards the log.
func NewHandler(r store.Reader, logger *slog.Logger) *Handler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Handler{r: r, log: logger}
}

// Install registers the API's routes with handle, which is typically
// (*http.ServeMux).Handle. The patterns use Go 1.22 syntax; /v1/ (any
// method) catches the rest of the API's space with a JSON 404, so it does
// not clash with patterns of other packages.
func (h *Handler) Install(handle func(pattern string, h http.Handler)) {
	handle("GET /v1/search", h.errorHandler(h.serveSearch))
	handle("GET /v1/articles/{id}", h.errorHandler(h.serveArticle))
	handle("GET /v1/stats", h.errorHandler(h.serveStats))
	handle("GET /v1/openapi.yaml", http.HandlerFunc(serveOpenAPI))
	handle("/v1/", h.errorHandler(serveNotFound))
	handle("GET /healthz", http.HandlerFunc(h.serveHealth))
}

// errorHandler adapts a handler that returns an error: the error is
// answered with {"error": "..."} and the status derrors.ToStatus gives it.
// The text of an internal error is logged, not shown.
func (h *Handler) errorHandler(f func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := f(w, r)
		if err == nil {
			return
		}
		status := derrors.ToStatus(err)
		msg := err.Error()
		if status >= 500 {
			h.log.ErrorContext(r.Context(), "api", "method", r.Method, "url", r.URL.String(), "status", status, "err", err)
			msg = strings.ToLower(http.StatusText(status))
		}
		if werr := writeJSON(w, status, struct {
			Error string `json:"error"`
		}{msg}); werr != nil {
			h.log.ErrorContext(r.Context(), "api: writing error", "err", werr)
		}
	})
}

// writeJSON answers v as JSON with the given status. It writes nothing when
// v cannot be encoded, so the caller can still answer with an error.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, err = w.Write(append(b, '\n'))
	return err
}

func serveNotFound(w http.ResponseWriter, r *http.Request) error {
	return fmt.Errorf("%w: no such endpoint: %s %s", derrors.NotFound, r.Method, r.URL.Path)
}

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(openAPI)
}

// serveHealth answers 200 "ok" when the store answers a ping, else 503.
func (h *Handler) serveHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := h.r.Ping(r.Context()); err != nil {
		h.log.WarnContext(r.Context(), "healthz: store unreachable", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("unavailable"))
		return
	}
	w.Write([]byte("ok"))
}

func (h *Handler) serveArticle(w http.ResponseWriter, r *http.Request) error {
	a, err := h.r.Article(r.Context(), news.ArticleID(r.PathValue("id")))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewArticleView(a))
}

func (h *Handler) serveStats(w http.ResponseWriter, r *http.Request) error {
	st, err := h.r.Stats(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, st)
}

// A SearchResponse is the answer of /v1/search.
type SearchResponse struct {
	Query   string         `json:"query"`
	Results []SearchResult `json:"results"` // never nil
}

// A SearchResult is one hit of /v1/search.
type SearchResult struct {
	ID        news.ArticleID `json:"id"`
	Source    string         `json:"source"`
	Outlet    string         `json:"outlet"`
	Title     string         `json:"title"`
	Published *string        `json:"published"` // RFC 3339, or null when unknown
	Score     float64        `json:"score"`
	Snippet   string         `json:"snippet"`
	// Highlights are the matched words: byte ranges into Snippet.
	Highlights []news.Span `json:"highlights"` // never nil
}

// NewSearchResult converts an index result to its JSON form.
func NewSearchResult(r index.Result) SearchResult {
	sr := SearchResult{
		ID:         r.ID,
		Source:     r.Source,
		Outlet:     r.Outlet,
		Title:      r.Title,
		Published:  rfc3339(r.Published),
		Score:      r.Score,
		Highlights: []news.Span{},
	}
	var b strings.Builder
	for _, p := range r.Snippet.Parts {
		start := b.Len()
		b.WriteString(p.Text)
		if p.Hit && p.Text != "" {
			sr.Highlights = append(sr.Highlights, news.Span{Start: start, End: b.Len()})
		}
	}
	sr.Snippet = b.String()
	return sr
}

// parseLimit reads the limit parameter: DefaultLimit when absent, else an
// integer in [1, MaxLimit].
func parseLimit(s string) (int, error) {
	if s == "" {
		return DefaultLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxLimit {
		return 0, fmt.Errorf("%w: limit must be an integer from 1 to %d, not %q", derrors.InvalidArgument, MaxLimit, s)
	}
	return n, nil
}

func (h *Handler) serveSearch(w http.ResponseWriter, r *http.Request) error {
	params := r.URL.Query()
	q := params.Get("q")
	limit, err := parseLimit(params.Get("limit"))
	if err != nil {
		return err
	}
	if len(q) > MaxQueryLength {
		return fmt.Errorf("%w: query longer than %d bytes", derrors.InvalidArgument, MaxQueryLength)
	}
	resp := SearchResponse{Query: q, Results: []SearchResult{}}
	if strings.TrimSpace(q) != "" {
		results, err := index.Search(r.Context(), h.r, q, limit)
		if err != nil {
			return err
		}
		for _, res := range results {
			resp.Results = append(resp.Results, NewSearchResult(res))
		}
	}
	return writeJSON(w, http.StatusOK, resp)
}
