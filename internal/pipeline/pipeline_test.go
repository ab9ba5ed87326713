package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store/memstore"
)

func TestHash(t *testing.T) {
	a := news.Article{ID: "x", Source: "a.txt", Title: "عنوان", Text: "نص الخبر"}
	b := a
	b.ID, b.Source = "y", "copy/b.txt"
	if Hash(a) != Hash(b) {
		t.Errorf("the same article read from two paths must hash alike")
	}
	for _, change := range []func(*news.Article){
		func(c *news.Article) { c.Text += "." },
		func(c *news.Article) { c.Title = "عنوان آخر" },
		func(c *news.Article) { c.Outlet = "الأفق" },
		// Length-prefixed fields: moving text between fields changes the hash.
		func(c *news.Article) { c.Title, c.Text = "عنوان نص", "الخبر" },
	} {
		c := a
		change(&c)
		if Hash(c) == Hash(a) {
			t.Errorf("Hash(%+v) == Hash(%+v)", c, a)
		}
	}
}

func TestAnalyzeKeepsText(t *testing.T) {
	a := news.Article{ID: "x", Text: "قالَ المتحدّث إنّ الغاراتِ أصابت ٢٤ هدفاً"}
	e := Analyze(a)
	if e.Article.Text != a.Text {
		t.Errorf("Analyze changed the text")
	}
	if e.Terms.Words == "" || e.Hash == "" {
		t.Errorf("Analyze gave no terms or hash: %+v", e)
	}
	if e.Article.Claims == nil || e.Article.Entities == nil || e.Article.Figures == nil || e.Article.Warnings == nil {
		t.Errorf("Analyze must leave empty lists, not nil")
	}
}

func TestIngestCountsAndProgress(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("عنوان أول\nنص الخبر الأول هنا.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("عنوان أول\nنص الخبر الأول هنا.\n"), 0o644) // a copy
	os.WriteFile(filepath.Join(dir, "c.jsonl"), []byte("{\"text\":\"خبر\"}\nnot json\n"), 0o644)
	s := memstore.New()
	var last Progress
	calls := 0
	sum, err := Ingest(context.Background(), s, []string{dir}, Options{BatchSize: 1, Progress: func(p Progress) { last = p; calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 3 || sum.New != 2 || sum.Had != 1 || sum.Failed != 1 || len(sum.Failures) != 1 {
		t.Errorf("summary = %+v, want read 3, new 2, had 1, failed 1", sum.Progress)
	}
	if !last.Done || calls < 4 || last.Bytes == 0 || last.TextBytes == 0 {
		t.Errorf("progress: last %+v after %d calls", last, calls)
	}
}
