// Package storetest is one conformance suite run against every store
// backend: what a store must do, whatever it is built on.
package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
)

// Run runs the suite. open must return a new, empty store each call.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("PutAndRead", func(t *testing.T) { testPutAndRead(t, open(t)) })
	t.Run("DuplicateHash", func(t *testing.T) { testDuplicateHash(t, open(t)) })
	t.Run("Rollback", func(t *testing.T) { testRollback(t, open(t)) })
	t.Run("SameIDOtherContent", func(t *testing.T) { testSameID(t, open(t)) })
	t.Run("Search", func(t *testing.T) { testSearch(t, open(t)) })
	t.Run("ExactForm", func(t *testing.T) { testExactForm(t, open(t)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, open(t)) })
}

func entry(id, hash, text, words, keys string) store.Entry {
	return store.Entry{
		Article: news.Article{ID: news.ArticleID(id), Source: "src/" + id + ".txt", Text: text, Title: "عنوان " + id},
		Hash:    hash,
		Terms:   store.Terms{Words: words, Keys: keys},
	}
}

func put(t *testing.T, s store.Store, es ...store.Entry) []bool {
	t.Helper()
	ctx := context.Background()
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var added []bool
	for _, e := range es {
		ok, err := b.Put(ctx, e)
		if err != nil {
			b.Rollback()
			t.Fatalf("Put(%s): %v", e.Article.ID, err)
		}
		added = append(added, ok)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	return added
}

func testPutAndRead(t *testing.T, s store.Store) {
	ctx := context.Background()
	e := entry("a1", "h1", "قال المتحدث إن الغارات أصابت 24 هدفا.", "قال متحدث غار اصاب 24 هدف", "قل متحدث غر اصب 24 هدف")
	e.Article.Outlet = "الأفق"
	e.Article.URL = "https://example.org/a1"
	e.Article.Published = time.Date(2025, 10, 9, 8, 30, 0, 0, time.UTC)
	e.Article.Claims = []news.Claim{{Speaker: "المتحدث", Verb: "قال", Act: "assert", Content: "الغارات أصابت 24 هدفا", Via: []string{}, Span: news.Span{Start: 0, End: 10}}}
	e.Article.Warnings = []string{"a warning"}
	if got := put(t, s, e); !got[0] {
		t.Fatalf("Put of a new article reported not added")
	}
	if ok, err := s.Has(ctx, "h1"); err != nil || !ok {
		t.Errorf("Has(h1) = %v, %v; want true", ok, err)
	}
	if ok, err := s.Has(ctx, "nope"); err != nil || ok {
		t.Errorf("Has(nope) = %v, %v; want false", ok, err)
	}
	a, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != e.Article.Text || a.Title != e.Article.Title || a.Outlet != "الأفق" || a.URL != e.Article.URL || a.Source != e.Article.Source {
		t.Errorf("Article(a1) = %+v, want the stored fields back", a)
	}
	if !a.Published.Equal(e.Article.Published) {
		t.Errorf("Published = %v, want %v", a.Published, e.Article.Published)
	}
	if len(a.Claims) != 1 || a.Claims[0].Content != "الغارات أصابت 24 هدفا" || len(a.Warnings) != 1 {
		t.Errorf("analysis not kept: claims %+v warnings %v", a.Claims, a.Warnings)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Claims != 1 || st.Sources != 1 {
		t.Errorf("Stats = %+v, want 1 article, 1 claim, 1 source", st)
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

func testDuplicateHash(t *testing.T, s store.Store) {
	ctx := context.Background()
	got := put(t, s, entry("a1", "h1", "نص", "نص", "نص"), entry("a2", "h1", "نص", "نص", "نص"))
	if !got[0] || got[1] {
		t.Errorf("Put twice in one batch: added = %v, want [true false]", got)
	}
	got = put(t, s, entry("a3", "h1", "نص", "نص", "نص"))
	if got[0] {
		t.Errorf("Put of a stored hash in a later batch: added = true, want false")
	}
	if st, _ := s.Stats(ctx); st.Articles != 1 {
		t.Errorf("Articles = %d, want 1", st.Articles)
	}
}

func testRollback(t *testing.T, s store.Store) {
	ctx := context.Background()
	b, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Put(ctx, entry("a1", "h1", "نص", "نص", "نص")); err != nil {
		t.Fatal(err)
	}
	if err := b.Rollback(); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Stats(ctx); st.Articles != 0 {
		t.Errorf("after Rollback: Articles = %d, want 0", st.Articles)
	}
	if hits, _ := s.Search(ctx, store.Query{Words: []string{"نص"}}, 10); len(hits) != 0 {
		t.Errorf("after Rollback: Search found %d hits, want 0", len(hits))
	}
	// The store is usable afterwards.
	put(t, s, entry("a1", "h1", "نص", "نص", "نص"))
	if st, _ := s.Stats(ctx); st.Articles != 1 {
		t.Errorf("after Rollback and Put: Articles = %d, want 1", st.Articles)
	}
}

func testSameID(t *testing.T, s store.Store) {
	ctx := context.Background()
	got := put(t, s, entry("a1", "h1", "النص الأول", "نص اول", "نص اول"), entry("a1", "h2", "النص الثاني", "نص ثاني", "نص ثن"))
	if !got[0] || !got[1] {
		t.Fatalf("same id, other content: added = %v, want both", got)
	}
	if st, _ := s.Stats(ctx); st.Articles != 2 {
		t.Errorf("Articles = %d, want 2 (nothing lost)", st.Articles)
	}
	a, err := s.Article(ctx, "a1")
	if err != nil || a.Text != "النص الأول" {
		t.Errorf("Article(a1) = %q, %v; want the first one kept under its id", a.Text, err)
	}
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s,
		entry("a1", "h1", "كوناشينكوف قال", "كوناشينكوف قال", "كنشنكف قل"),
		entry("a2", "h2", "كوناشنكوف قال قال", "كوناشنكوف قال قال", "كنشنكف قل قل"),
		entry("a3", "h3", "خبر آخر", "خبر اخر", "خبر اخر"),
	)
	hits, err := s.Search(ctx, store.Query{Words: []string{"كوناشينكوف"}, Keys: []string{"كنشنكف"}}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Fatalf("Search found %d hits, want 2 (both spellings)", len(hits))
	}
	if hits[0].Article.ID != "a1" {
		t.Errorf("first hit = %s, want a1 (exact spelling ranks first)", hits[0].Article.ID)
	}
	if hits[0].Score < hits[1].Score {
		t.Errorf("scores not descending: %v then %v", hits[0].Score, hits[1].Score)
	}
	if hits[0].Article.Text == "" {
		t.Errorf("hit without text")
	}
	if hits, _ := s.Search(ctx, store.Query{Words: []string{"غائب"}}, 10); len(hits) != 0 {
		t.Errorf("Search(غائب) = %d hits, want 0", len(hits))
	}
	if hits, _ := s.Search(ctx, store.Query{Words: []string{"قال"}}, 1); len(hits) != 1 {
		t.Errorf("limit 1: %d hits", len(hits))
	}
	if hits, err := s.Search(ctx, store.Query{Words: []string{`"`, "OR", "*"}}, 10); err != nil {
		t.Errorf("query syntax characters must be safe, got error %v (hits %d)", err, len(hits))
	}
	checkRank(t, s, store.Query{Words: []string{"كوناشينكوف", "قال"}, Keys: []string{"كنشنكف"}}, 10)
	checkRank(t, s, store.Query{Words: []string{"قال"}}, 1)
}

// checkRank checks that a store that is a store.Ranker ranks as it
// searches: the same ids and scores in the same order.
func checkRank(t *testing.T, s store.Store, q store.Query, limit int) {
	t.Helper()
	rk, ok := s.(store.Ranker)
	if !ok {
		return
	}
	ctx := context.Background()
	hits, err := s.Search(ctx, q, limit)
	if err != nil {
		t.Fatal(err)
	}
	ranked, err := rk.Rank(ctx, q, limit)
	if err != nil {
		t.Fatal(err)
	}
	if len(ranked) != len(hits) {
		t.Fatalf("Rank(%v) = %d results, Search %d", q, len(ranked), len(hits))
	}
	for i, h := range hits {
		if r := ranked[i]; r.ID != h.Article.ID || r.Score != h.Score {
			t.Errorf("Rank(%v)[%d] = %s %v, Search has %s %v", q, i, r.ID, r.Score, h.Article.ID, h.Score)
		}
	}
}

// testExactForm checks that a match on the very form counts on top of the
// match on the stem: of two articles that share the query's stem, the one
// that also has its exact form ranks first, whatever their order of entry.
func testExactForm(t *testing.T, s store.Store) {
	ctx := context.Background()
	withForms := func(e store.Entry, forms string) store.Entry {
		e.Terms.Forms = forms
		return e
	}
	put(t, s,
		withForms(entry("b1", "h1", "السورية", "سور خبر", "سر خبر"), "السوريه خبر"),
		withForms(entry("b2", "h2", "سوريا", "سور خبر", "سر خبر"), "سوريا خبر"),
		withForms(entry("b3", "h3", "أخرى", "اخر", "اخر"), "اخري"),
		withForms(entry("b4", "h4", "ثالثة", "ثالث", "ثلث"), "ثالثه"),
		withForms(entry("b5", "h5", "رابعة", "رابع", "ربع"), "رابعه"),
	)
	hits, err := s.Search(ctx, store.Query{Words: []string{"سور"}, Keys: []string{"سر"}, Forms: []string{"سوريا"}}, 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []news.ArticleID
	for _, h := range hits {
		ids = append(ids, h.Article.ID)
	}
	if len(ids) != 2 || ids[0] != "b2" {
		t.Errorf("Search(سور, form سوريا) = %v, want [b2 b1]: the exact form ranks first", ids)
	}
	checkRank(t, s, store.Query{Words: []string{"سور"}, Keys: []string{"سر"}, Forms: []string{"سوريا"}}, 10)
	// Forms alone find an article too.
	if hits, err := s.Search(ctx, store.Query{Forms: []string{"اخري"}}, 10); err != nil || len(hits) != 1 || hits[0].Article.ID != "b3" {
		t.Errorf("Search(form اخري) = %d hits, %v; want b3", len(hits), err)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	_, err := s.Article(context.Background(), "missing")
	if !errors.Is(err, derrors.NotFound) {
		t.Errorf("Article(missing) error = %v, want NotFound", err)
	}
}
