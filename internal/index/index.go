// Package index turns articles and queries into index terms with the Arabic
// analyzer, runs searches against a store, and cuts highlighted snippets by
// byte offsets into the article text.
package index

import (
	"context"
	"time"

	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
)

// A Part is a piece of a snippet; Hit marks the words that matched.
type Part struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit"`
}

// A Snippet is a short window of an article's text around the best match.
type Snippet struct {
	Parts []Part
	Span  news.Span // where the window stands in Article.Text
}

// String returns the snippet as plain text.
func (s Snippet) String() string {
	var b []byte
	for _, p := range s.Parts {
		b = append(b, p.Text...)
	}
	return string(b)
}

// A Result is one search hit, ready to show.
type Result struct {
	ID        news.ArticleID
	Source    string
	Outlet    string
	Title     string
	Published time.Time
	Score     float64
	Snippet   Snippet
}

// Search analyzes q, asks r for at most limit matching articles, and returns
// them best first with snippets. An empty query returns no results.
func Search(ctx context.Context, r store.Reader, q string, limit int) ([]Result, error) {
	panic("PLACEHOLDER: being written")
}

// Document returns the index terms of a.
func Document(a news.Article) store.Terms { panic("PLACEHOLDER: being written") }

// ParseQuery analyzes a user's query into store terms.
func ParseQuery(q string) store.Query { panic("PLACEHOLDER: being written") }
