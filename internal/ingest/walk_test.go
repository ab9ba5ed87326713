package ingest

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/news"
)

// Arabic samples written for these tests.
const (
	title1 = "افتتاح جسر جديد فوق النهر"
	para1  = "قال رئيس البلدية إن الجسر سيخفف الزحام في وسط المدينة."
	para2  = "وأضاف أن الأعمال استغرقت ثلاث سنوات بتكلفة معلنة."
	title2 = "مهرجان الكتاب يستقبل زواره"
	para3  = "يستمر المهرجان عشرة أيام وتشارك فيه دور نشر من بلدان عدة."
)

// writeFiles creates files under dir: name → content. Names may have
// slashes; directories are created.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// walk runs w.Walk over paths and collects what it reports.
func walk(t *testing.T, w *Walker, paths ...string) ([]Document, []*Problem) {
	t.Helper()
	var docs []Document
	var probs []*Problem
	err := w.Walk(context.Background(), paths, func(d Document) error {
		docs = append(docs, d)
		return nil
	}, func(p *Problem) { probs = append(probs, p) })
	if err != nil {
		t.Fatalf("Walk(%q) = %v", paths, err)
	}
	return docs, probs
}

func wheres(docs []Document) []string {
	var s []string
	for _, d := range docs {
		s = append(s, d.Where)
	}
	return s
}

func hashID(source, pos string) news.ArticleID {
	sum := sha256.Sum256([]byte(source + "\x00" + pos))
	return news.ArticleID(hex.EncodeToString(sum[:])[:16])
}

func TestWalkDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.txt":          title2 + "\n\n" + para3,
		"a.txt":          title1 + "\n\n" + para1 + "\n" + para2 + "\n",
		"sub/c.jsonl":    `{"id": "c1", "text": "` + para1 + `"}` + "\n\n" + `{"text": "` + para3 + `"}` + "\n",
		"sub/d/e.ndjson": `{"text": "` + para2 + `"}`,
		".hidden.txt":    para1,
		".git/f.txt":     para1,
		"notes.pdf":      "%PDF",
		"sub/image.png":  "\x89PNG",
	})
	docs, probs := walk(t, &Walker{}, dir)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := []string{
		filepath.Join(dir, "a.txt"),
		filepath.Join(dir, "b.txt"),
		filepath.Join(dir, "sub/c.jsonl") + ":line 1",
		filepath.Join(dir, "sub/c.jsonl") + ":line 3",
		filepath.Join(dir, "sub/d/e.ndjson") + ":line 1",
	}
	if got := wheres(docs); !slices.Equal(got, want) {
		t.Fatalf("Walk(%q) documents at\n%q\nwant\n%q", dir, got, want)
	}

	a := docs[0].Article
	src := filepath.Join(dir, "a.txt")
	if a.Source != src || a.ID != hashID(src, "0") || a.Title != title1 || a.Text != para1+"\n"+para2 || a.Outlet != "" {
		t.Errorf("a.txt read as %+v", a)
	}
	if got := docs[2].Article.ID; got != "c1" {
		t.Errorf("c.jsonl line 1 ID = %q, want the record's id c1", got)
	}
	jsonl := filepath.Join(dir, "sub/c.jsonl")
	if got, want := docs[3].Article.ID, hashID(jsonl, "2"); got != want {
		t.Errorf("c.jsonl line 3 ID = %q, want hash of line index 2 %q", got, want)
	}

	c, err := CountFiles(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if c.Files != 4 || c.Skipped != 3 {
		t.Errorf("CountFiles(%q) = %+v, want 4 files and 3 skipped (.hidden.txt, notes.pdf, image.png)", dir, c)
	}
}

func TestWalkPathsAsGiven(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"x/a.txt": para1 + "\n" + para2})
	t.Chdir(dir)
	for _, p := range []string{"x/a.txt", "./x/a.txt", "x/../x/a.txt"} {
		docs, probs := walk(t, &Walker{}, p)
		if len(probs) > 0 || len(docs) != 1 {
			t.Fatalf("Walk(%q) = %d documents, problems %v", p, len(docs), probs)
		}
		if a := docs[0].Article; a.Source != p || a.ID != hashID(p, "0") {
			t.Errorf("Walk(%q): Source %q ID %q, want the path exactly as given", p, a.Source, a.ID)
		}
	}
	if err := os.Symlink("x", "link"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, source string }{
		{"x", "x/a.txt"},
		{"x/", "x/a.txt"},
		{"./x", "x/a.txt"},
		{"link", "link/a.txt"}, // a directory named through a symbolic link is read
	} {
		docs, probs := walk(t, &Walker{}, c.path)
		if len(probs) > 0 || len(docs) != 1 || docs[0].Article.Source != filepath.FromSlash(c.source) {
			t.Errorf("Walk(%q) = %q, problems %v, want one document from %q", c.path, wheres(docs), probs, c.source)
		}
		if n, _ := CountFiles(context.Background(), []string{c.path}); n.Files != 1 {
			t.Errorf("CountFiles(%q) = %+v, want 1 file", c.path, n)
		}
	}
}

func TestProgress(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":       para1,
		"b.jsonl":     `{"text": "x"}` + "\n" + `not json` + "\n",
		"c/d.json":    `[{"text": "` + para2 + `"}]`,
		"c/empty.txt": "",
		"c/skip.md":   "# x",
	})
	zipPath := filepath.Join(dir, "e.zip")
	writeZip(t, zipPath, map[string]string{"one.txt": para1, "two.json": `{"text": "` + para3 + `"}`})
	paths := []string{dir, filepath.Join(dir, "missing.txt")}

	c, err := CountFiles(context.Background(), paths)
	if err != nil {
		t.Fatal(err)
	}
	var bytes int64
	done := map[string]int{}
	w := &Walker{Progress: func(path string, n int64, d bool) {
		if n < 0 {
			t.Errorf("Progress(%q, %d): negative", path, n)
		}
		bytes += n
		if d {
			done[path]++
		}
	}}
	walk(t, w, paths...)
	if bytes != c.Bytes || len(done) != c.Files {
		t.Errorf("Progress reported %d bytes in %d files %v; CountFiles = %+v", bytes, len(done), done, c)
	}
	for p, n := range done {
		if n != 1 {
			t.Errorf("Progress reported %q done %d times", p, n)
		}
	}
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": para1, "b.txt": para2})

	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, func(Document) error { n++; return stop }, nil)
	if err != stop || n != 1 {
		t.Errorf("Walk with emit failing = %v after %d documents, want %v after 1", err, n, stop)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Walk(ctx, []string{dir}, func(Document) error { t.Error("emit called after cancel"); return nil }, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Walk(cancelled) = %v, want %v", err, context.Canceled)
	}
}

func TestProblemError(t *testing.T) {
	err := errors.New("boom")
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{Path: "a.txt", Err: err}, "a.txt: boom"},
		{Problem{Path: "a.jsonl", Line: 12, Err: err}, "a.jsonl:line 12: boom"},
		{Problem{Path: "a.zip!b.json", Record: 7, Err: err}, "a.zip!b.json record 7: boom"},
	} {
		if got := c.p.Error(); got != c.want {
			t.Errorf("%#v.Error() = %q, want %q", c.p, got, c.want)
		}
		if !errors.Is(&c.p, err) || !errors.Is(&c.p, derrors.BadInput) {
			t.Errorf("errors.Is(%v, …) does not find the cause and derrors.BadInput", &c.p)
		}
	}
}

func TestMB(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{16 << 20, "16 MB"},
		{50 << 20, "50 MB"},
		{50_000_000, "48 MB"},
		{3 << 19, "1.5 MB"},
		{6000, "5.9 KB"},
		{4 << 10, "4 KB"},
		{100, "100 bytes"},
	} {
		if got := mb(c.n); got != c.want {
			t.Errorf("mb(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	if got := tooLarge(50<<20, 16<<20).Error(); got != "article too large (50 MB > 16 MB)" {
		t.Errorf("tooLarge(50 MB, 16 MB) = %q", got)
	}
}

// mustContain fails unless s contains every needle.
func mustContain(t *testing.T, s string, needles ...string) {
	t.Helper()
	for _, n := range needles {
		if !strings.Contains(s, n) {
			t.Errorf("%q does not contain %q", s, n)
		}
	}
}

func TestWalkFS(t *testing.T) {
	fsys := fstest.MapFS{
		"samples/a.txt":         {Data: []byte(title1 + "\n\n" + para1)},
		"samples/b/c.jsonl":     {Data: []byte(`{"text": "` + para2 + `"}`)},
		"samples/b/d.zip":       {Data: zipBytes(t, map[string]string{"e.txt": para3}, zip.Deflate)},
		"samples/.hidden.txt":   {Data: []byte(para1)},
		"samples/readme.md":     {Data: []byte("#")},
		"samples/empty.txt":     {},
		"elsewhere/ignored.txt": {Data: []byte(para1)},
	}
	w := &Walker{FS: fsys}
	docs, probs := walk(t, w, "samples", "samples/a.txt", "missing.txt")
	want := []string{"samples/a.txt", "samples/b/c.jsonl:line 1", "samples/b/d.zip!e.txt", "samples/a.txt"}
	if got := wheres(docs); !slices.Equal(got, want) {
		t.Errorf("Walk in an fs.FS: documents at %q, want %q", got, want)
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.Error())
	}
	wantProbs := []string{"samples/empty.txt: empty file", "missing.txt: file does not exist"}
	if !slices.Equal(msgs, wantProbs) {
		t.Errorf("Walk in an fs.FS: problems %q, want %q", msgs, wantProbs)
	}
	if a := docs[0].Article; a.Source != "samples/a.txt" || a.Title != title1 || a.ID != hashID("samples/a.txt", "0") {
		t.Errorf("samples/a.txt read as %+v", a)
	}
	c, err := w.CountFiles(context.Background(), []string{"samples"})
	if err != nil || c.Files != 4 || c.Skipped != 2 {
		t.Errorf("CountFiles in an fs.FS = %+v, %v; want 4 files, 2 skipped", c, err)
	}
}
