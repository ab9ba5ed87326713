package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
	"github.com/isnad-project/isnad/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "isnad.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "isnad.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Begin(ctx)
	e := store.Entry{Hash: "h"}
	e.Article.ID, e.Article.Text, e.Terms.Words = "x", "نص", "نص"
	if _, err := b.Put(ctx, e); err != nil {
		t.Fatal(err)
	}
	b.Commit()
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if st, _ := s.Stats(ctx); st.Articles != 1 {
		t.Errorf("after reopen Articles = %d, want 1", st.Articles)
	}
}

// TestConcurrentOpen opens one new file from many goroutines at once, as
// an ingest and a serve started together do: exactly one migrates, and
// none fails.
func TestConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "isnad.db")
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestMigrateStaleIndex opens a store written by the first schema: the
// migration to three indexed columns leaves its index stale, Search says
// so, and Reindex rebuilds it.
func TestMigrateStaleIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "isnad.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	first, err := migrations.ReadFile("migrations/001_articles.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{string(first), "PRAGMA user_version = 1",
		`INSERT INTO articles (id, hash, source, text, ingested_at) VALUES ('a1', 'h1', 's', 'قال المتحدث', '2025-01-01T00:00:00Z')`,
		`INSERT INTO articles_fts (rowid, words, keys) VALUES (1, 'قال متحدث', 'قل متحدث')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q := store.Query{Words: []string{"متحدث"}}
	if _, err := s.Search(ctx, q, 10); !errors.Is(err, derrors.Unavailable) {
		t.Fatalf("Search on a stale index: error %v, want Unavailable", err)
	}
	terms := func(a news.Article) store.Terms {
		if a.Text != "قال المتحدث" {
			t.Errorf("Reindex passed text %q", a.Text)
		}
		return store.Terms{Words: "قال متحدث", Keys: "قل متحدث", Forms: "قال المتحدث"}
	}
	if n, err := s.Reindex(ctx, terms); err != nil || n != 1 {
		t.Fatalf("Reindex = %d, %v; want 1 article", n, err)
	}
	hits, err := s.Search(ctx, q, 10)
	if err != nil || len(hits) != 1 || hits[0].Article.ID != "a1" {
		t.Errorf("Search after Reindex = %d hits, %v; want a1", len(hits), err)
	}
	// Reindexing again replaces the terms rather than adding to them.
	if _, err := s.Reindex(ctx, terms); err != nil {
		t.Fatal(err)
	}
	hits2, _ := s.Search(ctx, q, 10)
	if len(hits2) != 1 || hits2[0].Score != hits[0].Score {
		t.Errorf("after a second Reindex: %d hits, score %v; want the same single hit, score %v", len(hits2), hits2, hits[0].Score)
	}
}

// TestNewStoreNotStale checks that a new store is searchable at once.
func TestNewStoreNotStale(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "isnad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Search(context.Background(), store.Query{Words: []string{"x"}}, 1); err != nil {
		t.Errorf("Search on a new store: %v", err)
	}
}

// TestWeightless checks that leaving out the terms FTS5 gives no weight
// (in half the articles or more) changes neither which articles come first
// nor their order, and that a query is run whole when too few articles
// have its other terms.
func TestWeightless(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "isnad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, _ := s.Begin(ctx)
	words := []string{"سور غوط", "سور غوط غوط", "سور حلب", "سور", "سور ادلب", "حلب", "خبر", "خبر اخر"}
	for i, w := range words {
		e := store.Entry{Hash: fmt.Sprint("h", i), Terms: store.Terms{Words: w}}
		e.Article.ID, e.Article.Text = news.ArticleID(fmt.Sprint("a", i)), w
		if _, err := b.Put(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	whole := func(q store.Query, limit int) []news.ArticleID {
		rows, err := s.db.QueryContext(ctx, `SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
			WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 1, 0.4, 1), a.rowid LIMIT ?`, matchExpr(q), limit)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var ids []news.ArticleID
		for rows.Next() {
			var id news.ArticleID
			rows.Scan(&id)
			ids = append(ids, id)
		}
		return ids
	}
	q := store.Query{Words: []string{"سور", "غوط", "حلب"}} // سور is in 5 of 8
	for _, c := range []struct {
		limit int
		words []string // what prune leaves
	}{
		{3, []string{"غوط", "حلب"}}, // 4 articles have غوط or حلب
		{4, []string{"غوط", "حلب"}},
		{5, []string{"سور", "غوط", "حلب"}}, // too few: run whole
	} {
		p, err := s.prune(ctx, q, c.limit)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(p.Words) != fmt.Sprint(c.words) {
			t.Errorf("prune(limit %d) = %q, want %q", c.limit, p.Words, c.words)
		}
		ranked, err := s.Rank(ctx, q, c.limit)
		if err != nil {
			t.Fatal(err)
		}
		var got []news.ArticleID
		for _, r := range ranked {
			got = append(got, r.ID)
		}
		if want := whole(q, c.limit); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Rank(limit %d) = %v, the whole query ranks %v", c.limit, got, want)
		}
	}
	// Searches may run at once (go test -race).
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			_, err := s.Search(ctx, q, 3)
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	// A query of weightless terms only is run whole.
	if p, _ := s.prune(ctx, store.Query{Words: []string{"سور"}}, 1); len(p.Words) != 1 {
		t.Errorf("prune(سور) = %q, want the query whole", p.Words)
	}
	// A new article drops the cache: with 4 more articles, سور is in 5 of 12.
	b, _ = s.Begin(ctx)
	for i := range 4 {
		e := store.Entry{Hash: fmt.Sprint("n", i), Terms: store.Terms{Words: "جديد"}}
		e.Article.ID, e.Article.Text = news.ArticleID(fmt.Sprint("n", i)), "جديد"
		b.Put(ctx, e)
	}
	b.Commit()
	if p, _ := s.prune(ctx, q, 3); len(p.Words) != 3 {
		t.Errorf("after 4 more articles prune = %q, want every term (سور is in 5 of 12)", p.Words)
	}
}
