package memstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
	"github.com/isnad-project/isnad/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return New() })
}

func entry(id, hash, words, keys string) store.Entry {
	return store.Entry{
		Article: news.Article{ID: news.ArticleID(id), Title: "عنوان " + id, Outlet: "outlet-" + id},
		Hash:    hash,
		Terms:   store.Terms{Words: words, Keys: keys},
	}
}

func TestRollbackLeavesNothing(t *testing.T) {
	ctx := context.Background()
	s := New()
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if added, err := b.Put(ctx, entry("a", "h1", "سلام", "slm")); !added || err != nil {
		t.Fatalf("Put = %v, %v, want true, nil", added, err)
	}
	if err := b.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(ctx, "a"); !errors.Is(err, derrors.NotFound) {
		t.Errorf("Article(a) after Rollback: error %v, want NotFound", err)
	}
	if ok, _ := s.Has(ctx, "h1"); ok {
		t.Errorf("Has(h1) after Rollback = true")
	}
	if hits, _ := s.Search(ctx, store.Query{Words: []string{"سلام"}, Keys: []string{"slm"}}, 10); len(hits) != 0 {
		t.Errorf("Search after Rollback = %d hits, want 0", len(hits))
	}
	if st, _ := s.Stats(ctx); st != (store.Stats{}) {
		t.Errorf("Stats after Rollback = %+v, want zero", st)
	}
	if err := b.Commit(); err == nil {
		t.Errorf("Commit after Rollback: no error")
	}
	if _, err := b.Put(ctx, entry("b", "h2", "", "")); err == nil {
		t.Errorf("Put after Rollback: no error")
	}
}

func TestUncommittedInvisible(t *testing.T) {
	ctx := context.Background()
	s := New()
	b, _ := s.Begin(ctx)
	b.Put(ctx, entry("a", "h1", "", ""))
	if _, err := s.Article(ctx, "a"); !errors.Is(err, derrors.NotFound) {
		t.Errorf("Article(a) before Commit: error %v, want NotFound", err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(ctx, "a"); err != nil {
		t.Errorf("Article(a) after Commit: %v", err)
	}
	if ok, _ := s.Has(ctx, "h1"); !ok {
		t.Errorf("Has(h1) after Commit = false")
	}
}

func TestDuplicateHashStoredOnce(t *testing.T) {
	ctx := context.Background()
	s := New()
	b, _ := s.Begin(ctx)
	for i, want := range []bool{true, false} {
		added, err := b.Put(ctx, entry(fmt.Sprint("a", i), "same", "", ""))
		if added != want || err != nil {
			t.Errorf("Put #%d in one batch = %v, %v, want %v, nil", i, added, err, want)
		}
	}
	b.Commit()

	b, _ = s.Begin(ctx)
	if added, err := b.Put(ctx, entry("a2", "same", "", "")); added || err != nil {
		t.Errorf("Put in a later batch = %v, %v, want false, nil", added, err)
	}
	b.Commit()

	// Two batches open at once, both putting the same hash: only the first
	// to commit keeps it.
	b1, _ := s.Begin(ctx)
	b2, _ := s.Begin(ctx)
	b1.Put(ctx, entry("x1", "race", "", ""))
	b2.Put(ctx, entry("x2", "race", "", ""))
	b1.Commit()
	b2.Commit()

	st, _ := s.Stats(ctx)
	if st.Articles != 2 {
		t.Errorf("Stats().Articles = %d, want 2", st.Articles)
	}
	if _, err := s.Article(ctx, "a0"); err != nil {
		t.Errorf("Article(a0): %v", err)
	}
	for _, id := range []news.ArticleID{"a1", "a2", "x2"} {
		if _, err := s.Article(ctx, id); !errors.Is(err, derrors.NotFound) {
			t.Errorf("Article(%s): error %v, want NotFound", id, err)
		}
	}
}

func TestSameIDOtherContent(t *testing.T) {
	ctx := context.Background()
	s := New()
	if err := s.Load(ctx, entry("a", "11111111aaaa", "", ""), entry("a", "22222222bbbb", "", "")); err != nil {
		t.Fatal(err)
	}
	for _, id := range []news.ArticleID{"a", "a-22222222"} {
		if _, err := s.Article(ctx, id); err != nil {
			t.Errorf("Article(%s): %v", id, err)
		}
	}
}

func TestPutInvalid(t *testing.T) {
	ctx := context.Background()
	s := New()
	b, _ := s.Begin(ctx)
	defer b.Rollback()
	for _, e := range []store.Entry{entry("", "h", "", ""), entry("a", "", "", "")} {
		if _, err := b.Put(ctx, e); !errors.Is(err, derrors.InvalidArgument) {
			t.Errorf("Put(id=%q, hash=%q): error %v, want InvalidArgument", e.Article.ID, e.Hash, err)
		}
	}
}

func TestArticleNotFound(t *testing.T) {
	_, err := New().Article(context.Background(), "nope")
	if !errors.Is(err, derrors.NotFound) {
		t.Fatalf("Article(nope): error %v, want NotFound", err)
	}
	if got, want := err.Error(), `Article("nope"): not found`; got != want {
		t.Errorf("Article(nope): error %q, want %q", got, want)
	}
}

func TestArticleIsACopy(t *testing.T) {
	ctx := context.Background()
	s := New()
	e := entry("a", "h", "", "")
	e.Article.Published = time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	e.Article.Claims = []news.Claim{{Speaker: "المتحدث", Via: []string{"أ ف ب"}}}
	s.Load(ctx, e)
	e.Article.Claims[0].Via[0] = "changed by caller"

	a, _ := s.Article(ctx, "a")
	if got := a.Claims[0].Via[0]; got != "أ ف ب" {
		t.Errorf("stored Via[0] = %q after the caller changed its copy", got)
	}
	a.Claims[0].Speaker = "changed by reader"
	a2, _ := s.Article(ctx, "a")
	if got := a2.Claims[0].Speaker; got != "المتحدث" {
		t.Errorf("stored Speaker = %q after a reader changed its copy", got)
	}
	if !a2.Published.Equal(e.Article.Published) {
		t.Errorf("Published = %v, want %v", a2.Published, e.Article.Published)
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := New()
	err := s.Load(ctx,
		entry("d1", "h1", "حرب سلام هدنة", "hrb slm hdn"),
		entry("d2", "h2", "سلام", "slm"),
		entry("d3", "h3", "اقتصاد", "qtsd slm"), // key only
		entry("d4", "h4", "هدنة حرب", "hdn hrb"),
		entry("d0", "h0", "حرب", "hrb"),
	)
	if err != nil {
		t.Fatal(err)
	}
	type hit struct {
		id    news.ArticleID
		score float64
	}
	for _, c := range []struct {
		name  string
		q     store.Query
		limit int
		want  []hit
	}{
		{"one word", store.Query{Words: []string{"سلام"}, Keys: []string{"slm"}}, 10,
			[]hit{{"d1", 1}, {"d2", 1}, {"d3", 0.3}}},
		{"two words", store.Query{Words: []string{"حرب", "هدنة"}, Keys: []string{"hrb", "hdn"}}, 10,
			[]hit{{"d1", 2}, {"d4", 2}, {"d0", 1}}},
		{"repeated term counts once", store.Query{Words: []string{"حرب", "حرب"}, Keys: []string{"hrb", "hrb"}}, 10,
			[]hit{{"d0", 1}, {"d1", 1}, {"d4", 1}}},
		{"limit", store.Query{Words: []string{"حرب", "هدنة"}, Keys: []string{"hrb", "hdn"}}, 2,
			[]hit{{"d1", 2}, {"d4", 2}}},
		{"keys only", store.Query{Keys: []string{"slm"}}, 10,
			[]hit{{"d1", 0.3}, {"d2", 0.3}, {"d3", 0.3}}},
		{"unpaired: words plus keys beyond them", store.Query{Words: []string{"سلام"}, Keys: []string{"slm", "hrb"}}, 10,
			[]hit{{"d1", 1.3}, {"d2", 1}, {"d0", 0.3}, {"d3", 0.3}, {"d4", 0.3}}},
		{"no match", store.Query{Words: []string{"لا"}, Keys: []string{"la"}}, 10, nil},
		{"empty query", store.Query{}, 10, nil},
		{"zero limit", store.Query{Words: []string{"سلام"}, Keys: []string{"slm"}}, 0, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			hits, err := s.Search(ctx, c.q, c.limit)
			if err != nil {
				t.Fatal(err)
			}
			var got []hit
			for _, h := range hits {
				got = append(got, hit{h.Article.ID, float64(int(h.Score*10+0.5)) / 10})
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("Search(%+v, %d) = %v, want %v", c.q, c.limit, got, c.want)
			}
		})
	}
}

func TestStats(t *testing.T) {
	ctx := context.Background()
	s := New()
	e1 := entry("a", "h1", "", "")
	e1.Article.Claims = make([]news.Claim, 2)
	e1.Article.Entities = make([]news.Entity, 3)
	e2 := entry("b", "h2", "", "")
	e2.Article.Outlet = e1.Article.Outlet
	e2.Article.Entities = make([]news.Entity, 1)
	e3 := entry("c", "h3", "", "")
	e3.Article.Outlet = ""
	s.Load(ctx, e1, e2, e3)
	got, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := store.Stats{Articles: 3, Claims: 2, Entities: 4, Sources: 1}
	if got != want {
		t.Errorf("Stats() = %+v, want %+v", got, want)
	}
}

func TestClose(t *testing.T) {
	ctx := context.Background()
	s := New()
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping before Close: %v", err)
	}
	s.Close()
	if err := s.Ping(ctx); !errors.Is(err, derrors.Unavailable) {
		t.Errorf("Ping after Close: error %v, want Unavailable", err)
	}
	if _, err := s.Article(ctx, "a"); !errors.Is(err, derrors.Unavailable) {
		t.Errorf("Article after Close: error %v, want Unavailable", err)
	}
	if _, err := s.Begin(ctx); !errors.Is(err, derrors.Unavailable) {
		t.Errorf("Begin after Close: error %v, want Unavailable", err)
	}
}

// TestConcurrent is meant for go test -race.
func TestConcurrent(t *testing.T) {
	ctx := context.Background()
	s := New()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for j := range 20 {
				s.Load(ctx, entry(fmt.Sprint(i, "-", j), fmt.Sprint(j), "سلام", "slm"))
			}
		}()
		go func() {
			defer wg.Done()
			for range 20 {
				s.Search(ctx, store.Query{Words: []string{"سلام"}, Keys: []string{"slm"}}, 5)
				s.Stats(ctx)
				s.Has(ctx, "3")
			}
		}()
	}
	wg.Wait()
	st, _ := s.Stats(ctx)
	if st.Articles != 20 {
		t.Errorf("Stats().Articles = %d, want 20 (one per distinct hash)", st.Articles)
	}
}
