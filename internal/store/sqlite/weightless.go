package sqlite

import (
	"context"
	"strings"
	"sync"

	"github.com/isnad-project/isnad/internal/store"
)

// FTS5's bm25 gives a query term the weight idf = ln((N − n + 0.5) / (n +
// 0.5)), floored at 1e-6, where N is the number of articles and n the
// number that have the term in the column. A term in half the articles or
// more (2n ≥ N) therefore weighs nothing, yet it costs the most: FTS5 reads
// its every occurrence in every article it ranks. On a collection about
// one war, سوريا is such a term. Search leaves these terms out of the
// query when at least limit articles have one of the others: the articles
// that have any other term rank as before, ahead of any article that has
// only weightless terms, so the first limit are the same, found in about
// 30% less time. (The 1e-6 floors could only break ties; two articles tied
// on the other terms now go by rowid.) Otherwise (a small store, a query
// of common words) the query runs whole.
//
// The document frequencies come from the fts5vocab table articles_vocab
// and are cached; the cache is dropped whenever the articles change, which
// the largest rowid tells (articles are only ever added) or Reindex.
type weightless struct {
	mu   sync.Mutex
	last int64            // max(rowid) of articles when n and df were read
	n    int64            // articles
	df   map[string]int64 // by column + "\x00" + term
}

// maxCachedTerms bounds the cache of a store that is only read (a server
// between ingests): past it, the cache starts again.
const maxCachedTerms = 100_000

func hasKey(m map[string]int64, k string) bool {
	_, ok := m[k]
	return ok
}

// reset drops the cache.
func (w *weightless) reset() {
	w.mu.Lock()
	w.last, w.n, w.df = -1, 0, nil
	w.mu.Unlock()
}

// prune returns q without its weightless terms, or q itself when fewer
// than limit articles have one of its other terms.
func (s *Store) prune(ctx context.Context, q store.Query, limit int) (store.Query, error) {
	n, df, err := s.frequencies(ctx, q)
	if err != nil {
		return q, err
	}
	var most int64 // the largest document frequency of a term kept
	keep := func(col string, terms []string) []string {
		var out []string
		for _, t := range terms {
			if f := df[col+"\x00"+t]; 2*f < n {
				out = append(out, t)
				most = max(most, f)
			}
		}
		return out
	}
	p := store.Query{Words: keep("words", q.Words), Keys: keep("keys", q.Keys), Forms: keep("forms", q.Forms)}
	if len(p.Words)+len(p.Keys)+len(p.Forms) == len(q.Words)+len(q.Keys)+len(q.Forms) {
		return q, nil
	}
	if most >= int64(limit) {
		return p, nil // that one term finds limit articles
	}
	match := matchExpr(p)
	if match == "" {
		return q, nil
	}
	// Counting matches reads no occurrences: it costs a fraction of
	// ranking.
	var found int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", match).Scan(&found); err != nil {
		return q, err
	}
	if found < limit {
		return q, nil
	}
	return p, nil
}

// frequencies returns the number of articles and the document frequency
// of each term of q, by column + "\x00" + term, from the cache, which it
// completes from articles_vocab.
func (s *Store) frequencies(ctx context.Context, q store.Query) (int64, map[string]int64, error) {
	w := &s.weightless
	w.mu.Lock()
	defer w.mu.Unlock()
	var last int64
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(rowid), 0) FROM articles").Scan(&last); err != nil {
		return 0, nil, err
	}
	if w.df == nil || last != w.last || len(w.df) > maxCachedTerms {
		w.df = nil
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&w.n); err != nil {
			return 0, nil, err
		}
		w.last, w.df = last, map[string]int64{}
	}
	asked := map[string]int64{}
	var missing []any
	var marks []string
	for _, c := range []struct {
		name  string
		terms []string
	}{{"words", q.Words}, {"keys", q.Keys}, {"forms", q.Forms}} {
		for _, t := range c.terms {
			k := c.name + "\x00" + t
			if n, ok := w.df[k]; ok {
				asked[k] = n
			} else if _, ok := asked[k]; !ok {
				asked[k] = 0 // absent from the vocabulary unless found below
				missing = append(missing, t)
				marks = append(marks, "?")
			}
		}
	}
	if len(missing) > 0 {
		rows, err := s.db.QueryContext(ctx, "SELECT term, col, doc FROM articles_vocab WHERE term IN ("+strings.Join(marks, ",")+")", missing...)
		if err != nil {
			return 0, nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var term, col string
			var n int64
			if err := rows.Scan(&term, &col, &n); err != nil {
				return 0, nil, err
			}
			if k := col + "\x00" + term; hasKey(asked, k) {
				asked[k] = n
			}
		}
		if err := rows.Err(); err != nil {
			return 0, nil, err
		}
		for k, n := range asked {
			w.df[k] = n
		}
	}
	return w.n, asked, nil
}
