package api

import (
	"encoding/json"
	"time"

	"github.com/isnad-project/isnad/internal/news"
)

// An ArticleView is an article as isnad prints it: the JSON object of one
// `isnad extract` line (shared/SCHEMA.md), which /v1/articles/{id} serves
// too. Published is an RFC 3339 string, or null when unknown; the slices
// are never nil, so they marshal as [] and never as null.
type ArticleView struct {
	ID        news.ArticleID `json:"id"`
	Source    string         `json:"source"`
	Outlet    string         `json:"outlet"`
	URL       string         `json:"url"`
	Title     string         `json:"title"`
	Published *string        `json:"published"`
	Text      string         `json:"text"`
	Entities  []news.Entity  `json:"entities"`
	Claims    []news.Claim   `json:"claims"`
	Figures   []news.Figure  `json:"figures"`
	Warnings  []string       `json:"warnings"`
}

// NewArticleView returns the view of a. It does not modify a: slices that
// need filling in are copied.
func NewArticleView(a news.Article) ArticleView {
	v := ArticleView{
		ID:        a.ID,
		Source:    a.Source,
		Outlet:    a.Outlet,
		URL:       a.URL,
		Title:     a.Title,
		Published: rfc3339(a.Published),
		Text:      a.Text,
		Entities:  orEmpty(a.Entities),
		Figures:   orEmpty(a.Figures),
		Warnings:  orEmpty(a.Warnings),
		Claims:    make([]news.Claim, len(a.Claims)),
	}
	for i, c := range a.Claims {
		c.Via = orEmpty(c.Via)
		c.Figures = orEmpty(c.Figures)
		v.Claims[i] = c
	}
	return v
}

// ArticleJSON returns a as one JSON object in the shape `isnad extract`
// prints (see ArticleView), without a trailing newline. As with
// json.Marshal, <, > and & in strings are written as \u003c, \u003e and
// \u0026, so the output is safe to embed in HTML.
func ArticleJSON(a news.Article) ([]byte, error) {
	return json.Marshal(NewArticleView(a))
}

// rfc3339 formats t in RFC 3339, or returns nil for the zero time.
func rfc3339(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.RFC3339)
	return &s
}

func orEmpty[S ~[]E, E any](s S) S {
	if s == nil {
		return S{}
	}
	return s
}
