package sqlite

import (
	"context"
	"path/filepath"
	"testing"

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
