// Package store says what isnad needs from a place to keep articles: a
// write batch for the pipeline, narrow read interfaces for the API, the web
// pages and the exports. Backends (store/sqlite, later store/postgres)
// satisfy these interfaces; callers never import a backend's internals.
package store

import (
	"context"

	"github.com/isnad-project/isnad/internal/news"
)

// Terms are the index terms of one article, computed by package index from
// the Arabic analysis. Each field is a space-separated list of terms, in
// text order, so that a backend can feed them to its full-text engine as is.
type Terms struct {
	// Words are the light stems of the title and body tokens (stopwords out).
	Words string
	// Keys are the spelling-variant keys of the same tokens: a looser match
	// that joins transliterated names spelled several ways.
	Keys string
	// Forms are the normalized forms of the same tokens, clitics and
	// suffixes kept (والسورية gives والسوريه where Words has سور): a
	// stricter match that counts on top of the match on the stem.
	Forms string
}

// An Entry is one article as the pipeline hands it to the store.
type Entry struct {
	Article news.Article
	// Hash identifies the content: two entries with the same Hash are the
	// same article, and the store keeps only the first.
	Hash  string
	Terms Terms
}

// A Batch is a unit of writing. It must be completed with a call to Commit
// or Rollback and must not be reused afterwards. A Batch is not safe for use
// by several goroutines at once.
type Batch interface {
	// Put stores e unless an article with the same Hash is already stored
	// (in this batch or before it). It reports whether e was new.
	Put(ctx context.Context, e Entry) (added bool, err error)
	Commit() error
	Rollback() error
}

// A Writer starts batches.
type Writer interface {
	Begin(ctx context.Context) (Batch, error)
	// Has reports whether an article with this content hash is stored.
	Has(ctx context.Context, hash string) (bool, error)
}

// A Query is an analyzed search: the analysis of the user's words in the
// same form as Terms. A document matches when it has any of the terms.
// A match on the exact form (Forms) counts on top of the match on the stem
// (Words), and a match on the spelling-variant key alone (Keys) counts
// least.
type Query struct {
	Words []string
	Keys  []string
	Forms []string
}

// A Hit is one article that matched a query, with its whole text so the
// caller can cut a snippet by offsets.
type Hit struct {
	Article news.Article
	Score   float64 // higher is better
}

// A Ranked is a search result before its article is read.
type Ranked struct {
	ID    news.ArticleID
	Score float64 // higher is better
}

// A Ranker ranks articles for a query without reading them, for a caller
// that needs only the order and the scores (the retrieval evaluation runs
// 422 queries to depth 1000). It is optional: a Reader implements it when
// that is cheaper than Search, and then Rank must return exactly the ids
// and scores, in the same order, that Search would.
type Ranker interface {
	Rank(ctx context.Context, q Query, limit int) ([]Ranked, error)
}

// Stats counts what is stored.
type Stats struct {
	Articles int `json:"articles"`
	Claims   int `json:"claims"`
	Entities int `json:"entities"`
	Stories  int `json:"stories"`
	Sources  int `json:"sources"`
}

// A Reader answers questions about stored articles.
type Reader interface {
	// Article returns the stored article with this id, or an error of kind
	// derrors.NotFound.
	Article(ctx context.Context, id news.ArticleID) (news.Article, error)
	// Search returns at most limit articles matching q, best first.
	Search(ctx context.Context, q Query, limit int) ([]Hit, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Ping reports whether the store is reachable.
	Ping(ctx context.Context) error
}

// A Store is a backend: readable, writable, closable.
type Store interface {
	Reader
	Writer
	Close() error
}
