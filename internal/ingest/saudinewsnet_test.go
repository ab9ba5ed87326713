package ingest

import (
	"archive/zip"
	"context"
	"os"
	"testing"
)

// saudiZip is one day of SaudiNewsNet (a JSON array of about 3000 articles
// in a ZIP), kept outside the repository: see
// shared/eval/saudinewsnet/PROVENANCE.md. Its licence forbids committing it.
const saudiZip = "../../../shared/eval/saudinewsnet/dataset/2015-07-21.zip"

func needSaudi(tb testing.TB) {
	if _, err := os.Stat(saudiZip); err != nil {
		tb.Skipf("SKIPPING: %s not found (SaudiNewsNet lives in the shared eval directory next to the repository)", saudiZip)
	}
}

func TestSaudiNewsNet(t *testing.T) {
	needSaudi(t)
	var docs, withText int
	outlets := map[string]int{}
	ids := map[string]bool{}
	var probs []*Problem
	err := Walk(context.Background(), []string{saudiZip}, func(d Document) error {
		docs++
		a := d.Article
		if a.Text != "" {
			withText++
		} else if len(a.Warnings) == 0 {
			t.Errorf("%s: empty text without a warning", d.Where)
		}
		if a.Outlet == "" || a.Published.IsZero() || a.URL == "" {
			t.Errorf("%s: outlet %q, published %v, url %q: want all set", d.Where, a.Outlet, a.Published, a.URL)
		}
		if ids[string(a.ID)] {
			t.Errorf("%s: duplicate ID %s", d.Where, a.ID)
		}
		ids[string(a.ID)] = true
		outlets[a.Outlet]++
		return nil
	}, func(p *Problem) { probs = append(probs, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 {
		t.Errorf("problems: %v", probs)
	}
	if withText <= 1000 {
		t.Errorf("%d documents with text, want more than 1000", withText)
	}
	t.Logf("%d documents, %d with text, outlets %v", docs, withText, outlets)
}

func BenchmarkWalkZip(b *testing.B) {
	needSaudi(b)
	zr, err := zip.OpenReader(saudiZip)
	if err != nil {
		b.Fatal(err)
	}
	var size int64 // JSON bytes, so MB/s measures parsing
	for _, f := range zr.File {
		size += int64(f.UncompressedSize64)
	}
	zr.Close()
	b.SetBytes(size)
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		n := 0
		err := Walk(ctx, []string{saudiZip}, func(Document) error { n++; return nil }, func(p *Problem) { b.Fatal(p) })
		if err != nil || n == 0 {
			b.Fatalf("Walk = %v after %d documents", err, n)
		}
	}
}
