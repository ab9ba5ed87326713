// Package web serves isnad's HTML pages: a right-to-left Arabic interface
// for searching the stored articles and reading one article with what was
// found in it (claims, entities, figures).
//
// Templates and the stylesheet are real files under static/, embedded in
// the binary; with Options.Dev they are read from disk on every request
// instead, so a designer can edit them and reload. Every string that comes
// from an article is untrusted and reaches the page only through
// html/template's escaping.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path"
	"strings"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
)

//go:embed static
var embedded embed.FS

// pages are the page templates; each is parsed together with base.tmpl.
var pages = []string{"home.tmpl", "search.tmpl", "article.tmpl", "error.tmpl"}

// stylesheet is the one stylesheet, linked from base.tmpl.
const stylesheet = "isnad.css"

// staticTypes are the kinds of file served under /static/; the templates
// beside them are not served.
var staticTypes = map[string]bool{".css": true, ".js": true, ".svg": true, ".png": true, ".ico": true, ".woff2": true}

// maxQueryLength bounds a search query, in bytes.
const maxQueryLength = 1000

// Options configure a Handler. The zero value serves the embedded files.
type Options struct {
	// Dev re-reads templates and static files from StaticDir on every
	// request, so edits show on reload without rebuilding.
	Dev bool
	// StaticDir is the directory Dev reads; default "internal/web/static",
	// which is right when the server runs from the repository root.
	// It is ignored unless Dev is set.
	StaticDir string
	// SearchLimit is how many results the search page shows; default 20.
	SearchLimit int
}

func (o Options) withDefaults() Options {
	if o.StaticDir == "" {
		o.StaticDir = "internal/web/static"
	}
	if o.SearchLimit <= 0 {
		o.SearchLimit = 20
	}
	return o
}

// A Handler serves the HTML pages from a store. It is safe for concurrent
// use.
type Handler struct {
	r    store.Reader
	opts Options
	log  *slog.Logger
	fsys fs.FS // templates and static files

	// Set by NewHandler; in Dev mode, replaced on each request.
	templates map[string]*template.Template
	cssURL    string
}

// NewHandler returns a Handler reading r. It fails if a template is missing
// or does not parse. A nil logger discards the log.
func NewHandler(r store.Reader, opts Options, logger *slog.Logger) (*Handler, error) {
	opts = opts.withDefaults()
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	h := &Handler{r: r, opts: opts, log: logger}
	if opts.Dev {
		h.fsys = os.DirFS(opts.StaticDir)
	} else {
		sub, err := fs.Sub(embedded, "static")
		if err != nil {
			return nil, err
		}
		h.fsys = sub
	}
	ts, cssURL, err := parse(h.fsys)
	if err != nil {
		return nil, fmt.Errorf("web.NewHandler: %w", err)
	}
	h.templates, h.cssURL = ts, cssURL
	return h, nil
}

// parse parses every page template with base.tmpl and computes the
// stylesheet's URL, which carries a hash of its content so that browsers
// may cache it for long.
func parse(fsys fs.FS) (map[string]*template.Template, string, error) {
	css, err := fs.ReadFile(fsys, stylesheet)
	if err != nil {
		return nil, "", fmt.Errorf("missing stylesheet: %w", err)
	}
	sum := sha256.Sum256(css)
	cssURL := "/static/" + stylesheet + "?v=" + hex.EncodeToString(sum[:6])
	ts := make(map[string]*template.Template, len(pages))
	for _, name := range pages {
		t, err := template.New(name).Funcs(funcs).ParseFS(fsys, "base.tmpl", name)
		if err != nil {
			return nil, "", fmt.Errorf("template %q: %w", name, err)
		}
		if t.Lookup("base") == nil || t.Lookup("main") == nil {
			return nil, "", fmt.Errorf("template %q: base.tmpl must define \"base\" and %s must define \"main\"", name, name)
		}
		ts[name] = t
	}
	return ts, cssURL, nil
}

// Install registers the pages with handle, which is typically
// (*http.ServeMux).Handle. Besides the pages, it registers "/" (any method)
// to answer unknown paths with an Arabic 404 page; more specific patterns
// of other packages (such as /v1/ or /healthz) take precedence over it.
func (h *Handler) Install(handle func(pattern string, h http.Handler)) {
	handle("GET /{$}", h.errorHandler(h.serveHome))
	handle("GET /search", h.errorHandler(h.serveSearch))
	handle("GET /articles/{id}", h.errorHandler(h.serveArticle))
	handle("GET /static/", h.staticHandler())
	handle("/", h.errorHandler(func(w http.ResponseWriter, r *http.Request) error {
		return fmt.Errorf("%w: no page at %s", derrors.NotFound, r.URL.Path)
	}))
}

// base is what every page shows: the title and the query in the search box.
type base struct {
	Title    string
	Query    string
	CSS      string // the stylesheet's URL
	NoSearch bool   // hide the search box in the header (the home page has its own)
}

type homePage struct {
	base
	Stats store.Stats
}

type searchPage struct {
	base
	Results []index.Result
}

type articlePage struct {
	base
	Article    news.Article
	Paragraphs []string
}

type errorPage struct {
	base
	Status  int
	Message string // in Arabic
	Detail  string // the error's text for 4xx, else ""
}

func (h *Handler) serveHome(w http.ResponseWriter, r *http.Request) error {
	st, err := h.r.Stats(r.Context())
	if err != nil {
		return err
	}
	return h.render(w, http.StatusOK, "home.tmpl", &homePage{base: base{NoSearch: true}, Stats: st})
}

func (h *Handler) serveSearch(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query().Get("q")
	if len(q) > maxQueryLength {
		return fmt.Errorf("%w: query longer than %d bytes", derrors.InvalidArgument, maxQueryLength)
	}
	p := &searchPage{base: base{Title: strings.TrimSpace(q), Query: q}}
	if strings.TrimSpace(q) != "" {
		var err error
		p.Results, err = index.Search(r.Context(), h.r, q, h.opts.SearchLimit)
		if err != nil {
			return err
		}
	}
	return h.render(w, http.StatusOK, "search.tmpl", p)
}

func (h *Handler) serveArticle(w http.ResponseWriter, r *http.Request) error {
	a, err := h.r.Article(r.Context(), news.ArticleID(r.PathValue("id")))
	if errors.Is(err, derrors.NotFound) {
		return &userError{"لا يوجد خبر بهذا المعرّف", err}
	}
	if err != nil {
		return err
	}
	return h.render(w, http.StatusOK, "article.tmpl", &articlePage{
		base:       base{Title: a.Title},
		Article:    a,
		Paragraphs: paragraphs(a.Text),
	})
}

// paragraphs splits text at line breaks, dropping blank lines.
func paragraphs(text string) []string {
	var ps []string
	for line := range strings.Lines(text) {
		if line = strings.TrimSpace(line); line != "" {
			ps = append(ps, line)
		}
	}
	return ps
}

// messages are the Arabic words for the statuses derrors.ToStatus gives.
var messages = map[int]string{
	http.StatusBadRequest:          "الطلب غير صالح",
	http.StatusNotFound:            "لم نجد ما تطلبه",
	http.StatusConflict:            "الطلب يتعارض مع ما هو محفوظ",
	http.StatusNotImplemented:      "هذه الخدمة غير مدعومة",
	http.StatusServiceUnavailable:  "الخدمة غير متاحة الآن، حاول لاحقا",
	http.StatusInternalServerError: "حدث خطأ داخلي",
}

// A userError carries the Arabic message the error page shows for err,
// instead of the one for its status.
type userError struct {
	msg string
	err error
}

func (e *userError) Error() string { return e.err.Error() }
func (e *userError) Unwrap() error { return e.err }

// errorHandler adapts a handler that returns an error: the error is shown
// on the error page with the status derrors.ToStatus gives it. The text of
// a 5xx error is logged, not shown.
func (h *Handler) errorHandler(f func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := f(w, r)
		if err == nil {
			return
		}
		status := derrors.ToStatus(err)
		p := &errorPage{Status: status, Message: messages[status]}
		if ue := (*userError)(nil); errors.As(err, &ue) {
			p.Message = ue.msg
		}
		if p.Message == "" {
			p.Message = messages[http.StatusInternalServerError]
		}
		p.Title = p.Message
		if status >= 500 {
			h.log.ErrorContext(r.Context(), "web", "method", r.Method, "url", r.URL.String(), "status", status, "err", err)
		} else {
			p.Detail = err.Error()
		}
		if err := h.render(w, status, "error.tmpl", p); err != nil {
			h.log.ErrorContext(r.Context(), "web: rendering the error page", "err", err)
			http.Error(w, p.Message, status)
		}
	})
}

// setCSS lets render fill in the stylesheet URL of any page.
func (b *base) setCSS(url string) { b.CSS = url }

// render executes the page template name with data and writes it with the
// status. It writes nothing when the template fails, so that the caller
// can still answer with an error.
func (h *Handler) render(w http.ResponseWriter, status int, name string, data interface{ setCSS(string) }) error {
	ts, cssURL := h.templates, h.cssURL
	if h.opts.Dev {
		var err error
		if ts, cssURL, err = parse(h.fsys); err != nil {
			return err
		}
	}
	t := ts[name]
	if t == nil {
		return fmt.Errorf("no template %q", name)
	}
	data.setCSS(cssURL)
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", data); err != nil {
		return err
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	hd.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// staticHandler serves the stylesheet and other static files, but not the
// templates.
func (h *Handler) staticHandler() http.Handler {
	files := http.StripPrefix("/static/", http.FileServerFS(h.fsys))
	notFound := h.errorHandler(func(w http.ResponseWriter, r *http.Request) error {
		return fmt.Errorf("%w: no static file %s", derrors.NotFound, r.URL.Path)
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		if !staticTypes[path.Ext(name)] || !fs.ValidPath(name) {
			notFound.ServeHTTP(w, r)
			return
		}
		if _, err := fs.Stat(h.fsys, name); errors.Is(err, fs.ErrNotExist) {
			notFound.ServeHTTP(w, r)
			return
		}
		if h.opts.Dev {
			w.Header().Set("Cache-Control", "no-cache")
		} else if r.URL.RequestURI() == h.cssURL {
			// The URL names the content (see parse): it never changes.
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		files.ServeHTTP(w, r)
	})
}
