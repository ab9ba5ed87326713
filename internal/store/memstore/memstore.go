// Package memstore is an in-memory store.Store for tests: handler tests,
// and any test that needs a few stored articles without a database.
// It keeps everything in maps behind one lock, so it is safe for use by
// several goroutines; it follows the same contract as store/sqlite (dedup by
// hash, same id with other content kept under a qualified id, limit <= 0
// returns nothing) but ranks searches by a simple count of matching terms.
package memstore

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
)

// keyWeight is what a query term scores when only its spelling-variant key
// matches, against 1 for a match on its light stem; formWeight is what a
// matching exact form adds on top.
const (
	keyWeight  = 0.3
	formWeight = 0.5
)

// A Store is an in-memory store. The zero value is not usable; call New.
type Store struct {
	mu     sync.RWMutex
	docs   map[news.ArticleID]*doc
	hashes map[string]news.ArticleID
	closed bool
}

var (
	_ store.Store  = (*Store)(nil)
	_ store.Ranker = (*Store)(nil)
)

// doc is one stored article with its terms split into sets.
type doc struct {
	article news.Article
	words   map[string]bool
	keys    map[string]bool
	forms   map[string]bool
}

// New returns an empty store.
func New() *Store {
	return &Store{
		docs:   make(map[news.ArticleID]*doc),
		hashes: make(map[string]news.ArticleID),
	}
}

// Load puts es in one batch and commits it; it is a shorthand for test
// fixtures. Entries whose hash is already stored are skipped.
func (s *Store) Load(ctx context.Context, es ...store.Entry) (err error) {
	defer derrors.Wrap(&err, "memstore.Load")
	b, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	for _, e := range es {
		if _, err := b.Put(ctx, e); err != nil {
			b.Rollback()
			return err
		}
	}
	return b.Commit()
}

var errClosed = fmt.Errorf("%w: memstore is closed", derrors.Unavailable)

// Close marks the store closed: every later call fails with an error of
// kind derrors.Unavailable. The stored articles are dropped.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.docs, s.hashes = nil, nil
	return nil
}

// Ping reports an error of kind derrors.Unavailable once the store is closed.
func (s *Store) Ping(ctx context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return errClosed
	}
	return ctx.Err()
}

// Has reports whether an article with this content hash is committed.
func (s *Store) Has(ctx context.Context, hash string) (bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return false, errClosed
	}
	_, ok := s.hashes[hash]
	return ok, nil
}

// Begin starts a batch. Nothing it puts is visible until Commit.
func (s *Store) Begin(ctx context.Context) (store.Batch, error) {
	if err := s.Ping(ctx); err != nil {
		return nil, err
	}
	return &batch{s: s, hashes: make(map[string]bool)}, nil
}

type batch struct {
	s       *Store
	entries []store.Entry
	hashes  map[string]bool
	done    bool
}

var errDone = errors.New("batch already committed or rolled back")

func (b *batch) Put(ctx context.Context, e store.Entry) (added bool, err error) {
	defer derrors.Wrap(&err, "Put(%s)", e.Article.ID)
	if b.done {
		return false, errDone
	}
	if e.Hash == "" || e.Article.ID == "" {
		return false, fmt.Errorf("%w: article without id or hash", derrors.InvalidArgument)
	}
	if b.hashes[e.Hash] {
		return false, nil
	}
	if ok, err := b.s.Has(ctx, e.Hash); err != nil || ok {
		return false, err
	}
	b.hashes[e.Hash] = true
	e.Article = clone(e.Article)
	b.entries = append(b.entries, e)
	return true, nil
}

// Commit makes the batch's articles visible. An entry whose hash was
// committed by another batch in the meantime is skipped, as Put would have.
func (b *batch) Commit() error {
	if b.done {
		return errDone
	}
	b.done = true
	s := b.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	for _, e := range b.entries {
		if _, ok := s.hashes[e.Hash]; ok {
			continue
		}
		a := e.Article
		// The same id with other content: keep both, the newcomer under an
		// id qualified by its hash (as store/sqlite does).
		if _, ok := s.docs[a.ID]; ok {
			a.ID = news.ArticleID(fmt.Sprintf("%s-%.8s", a.ID, e.Hash))
		}
		s.docs[a.ID] = &doc{article: a, words: set(e.Terms.Words), keys: set(e.Terms.Keys), forms: set(e.Terms.Forms)}
		s.hashes[e.Hash] = a.ID
	}
	b.entries = nil
	return nil
}

// Rollback drops the batch. It is a no-op after Commit or Rollback.
func (b *batch) Rollback() error {
	b.done = true
	b.entries = nil
	return nil
}

// Article returns a copy of the stored article with this id, or an error of
// kind derrors.NotFound.
func (s *Store) Article(ctx context.Context, id news.ArticleID) (_ news.Article, err error) {
	defer derrors.Wrap(&err, "Article(%q)", id)
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return news.Article{}, errClosed
	}
	d, ok := s.docs[id]
	if !ok {
		return news.Article{}, derrors.NotFound
	}
	return clone(d.article), nil
}

// Search returns at most limit articles that have any of q's terms, best
// first. A query term scores 1 when its word (light stem) is among the
// article's Words, else 0.3 when its key is among the article's Keys. When
// q.Words and q.Keys are not the same length (so they cannot be paired term
// by term), the score is the number of matching words plus 0.3 for each
// matching key beyond that number. Each distinct query form among the
// article's Forms adds 0.5. Ties are broken by id, ascending.
func (s *Store) Search(ctx context.Context, q store.Query, limit int) (_ []store.Hit, err error) {
	defer derrors.Wrap(&err, "Search")
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, errClosed
	}
	if limit <= 0 {
		return nil, nil
	}
	var hits []store.Hit
	for _, d := range s.docs {
		if sc := score(q, d); sc > 0 {
			hits = append(hits, store.Hit{Article: d.article, Score: sc})
		}
	}
	slices.SortFunc(hits, func(a, b store.Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Article.ID, b.Article.ID)
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	for i := range hits {
		hits[i].Article = clone(hits[i].Article)
	}
	return hits, nil
}

// Rank returns the ids and scores Search would return, in the same order.
func (s *Store) Rank(ctx context.Context, q store.Query, limit int) ([]store.Ranked, error) {
	hits, err := s.Search(ctx, q, limit)
	if err != nil {
		return nil, err
	}
	ranked := make([]store.Ranked, len(hits))
	for i, h := range hits {
		ranked[i] = store.Ranked{ID: h.Article.ID, Score: h.Score}
	}
	return ranked, nil
}

func score(q store.Query, d *doc) float64 {
	return termScore(q, d) + formWeight*float64(matches(q.Forms, d.forms))
}

func termScore(q store.Query, d *doc) float64 {
	if len(q.Words) == len(q.Keys) {
		type pair struct{ word, key string }
		seen := make(map[pair]bool)
		var sc float64
		for i, w := range q.Words {
			p := pair{w, q.Keys[i]}
			if seen[p] {
				continue
			}
			seen[p] = true
			switch {
			case w != "" && d.words[w]:
				sc++
			case p.key != "" && d.keys[p.key]:
				sc += keyWeight
			}
		}
		return sc
	}
	words, keys := matches(q.Words, d.words), matches(q.Keys, d.keys)
	return float64(words) + keyWeight*float64(max(0, keys-words))
}

// matches counts the distinct terms of ts that are in set.
func matches(ts []string, set map[string]bool) int {
	seen := make(map[string]bool)
	for _, t := range ts {
		if t != "" && set[t] {
			seen[t] = true
		}
	}
	return len(seen)
}

// Stats counts the stored articles, their claims and entities, and the
// distinct non-empty outlets. Stories are not kept here, so Stories is 0.
func (s *Store) Stats(ctx context.Context) (st store.Stats, err error) {
	defer derrors.Wrap(&err, "Stats")
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return st, errClosed
	}
	outlets := make(map[string]bool)
	for _, d := range s.docs {
		st.Articles++
		st.Claims += len(d.article.Claims)
		st.Entities += len(d.article.Entities)
		if d.article.Outlet != "" {
			outlets[d.article.Outlet] = true
		}
	}
	st.Sources = len(outlets)
	return st, nil
}

// set splits a space-separated term list into a set.
func set(terms string) map[string]bool {
	m := make(map[string]bool)
	for _, t := range strings.Fields(terms) {
		m[t] = true
	}
	return m
}

// clone copies a's slices, so that neither the caller nor the store sees
// the other's later changes.
func clone(a news.Article) news.Article {
	a.Entities = slices.Clone(a.Entities)
	a.Figures = slices.Clone(a.Figures)
	a.Warnings = slices.Clone(a.Warnings)
	a.Claims = slices.Clone(a.Claims)
	for i := range a.Claims {
		a.Claims[i].Via = slices.Clone(a.Claims[i].Via)
		a.Claims[i].Figures = slices.Clone(a.Claims[i].Figures)
	}
	return a
}
