package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/isnad-project/isnad/internal/extract"
)

// TestBadInput reads inputs that are broken in one way each. Every Problem
// must name its file, and its line or record where there is one.
func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string // created in the test's directory
		setup func(t *testing.T, dir string)
		path  string // what to walk, relative to the directory; "" walks the directory
		// want: one Problem wrapping err, whose message contains these
		// (with <dir> replaced); then the documents expected at these Wheres.
		err      error
		msg      []string
		line     int
		record   int
		docs     []string
		warnings []string // of the first document
	}{
		{
			name: "missing path",
			path: "nothing.txt",
			err:  os.ErrNotExist,
			msg:  []string{"<dir>/nothing.txt: no such file or directory"},
		},
		{
			name: "broken symbolic link named",
			setup: func(t *testing.T, dir string) {
				if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "link.txt")); err != nil {
					t.Skip("cannot make symbolic links:", err)
				}
			},
			path: "link.txt",
			err:  os.ErrNotExist,
			msg:  []string{"<dir>/link.txt: "},
		},
		{
			name:  "broken symbolic link in a directory",
			files: map[string]string{"ok.txt": para1},
			setup: func(t *testing.T, dir string) {
				if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "link.txt")); err != nil {
					t.Skip("cannot make symbolic links:", err)
				}
			},
			err:  os.ErrNotExist,
			msg:  []string{"<dir>/link.txt: "},
			docs: []string{"<dir>/ok.txt"},
		},
		{
			name:  "unreadable file",
			files: map[string]string{"secret.txt": para1},
			setup: func(t *testing.T, dir string) {
				if os.Geteuid() == 0 {
					t.Skip("SKIPPING: running as root, which reads files whatever their mode (the broken symbolic link cases cover unreadable paths)")
				}
				if err := os.Chmod(filepath.Join(dir, "secret.txt"), 0); err != nil {
					t.Fatal(err)
				}
			},
			path: "secret.txt",
			err:  os.ErrPermission,
			msg:  []string{"<dir>/secret.txt: permission denied"},
		},
		{
			name:     "some invalid UTF-8 in text",
			files:    map[string]string{"a.txt": title1 + "\n" + para1 + "\xff\xfe" + para2},
			path:     "a.txt",
			docs:     []string{"<dir>/a.txt"},
			warnings: []string{extract.WarnReplacement},
		},
		{
			name:  "text mostly not UTF-8",
			files: map[string]string{"cp1256.txt": "\xe3\xd1\xcd\xc8\xc7 \xc8\xc7\xe1\xda\xc7\xe1\xe3"},
			path:  "cp1256.txt",
			err:   ErrNotText,
			msg:   []string{"<dir>/cp1256.txt: not UTF-8 text"},
		},
		{
			name:  "text with NUL bytes",
			files: map[string]string{"utf16.txt": "\xff\xfeA\x00B\x00"},
			path:  "utf16.txt",
			err:   ErrNotText,
			msg:   []string{"<dir>/utf16.txt: not UTF-8 text"},
		},
		{
			name:  "empty text file",
			files: map[string]string{"e.txt": ""},
			path:  "e.txt",
			err:   ErrEmpty,
			msg:   []string{"<dir>/e.txt: empty file"},
		},
		{
			name:  "blank text file",
			files: map[string]string{"e.txt": " \n\u00a0\n\t"},
			path:  "e.txt",
			err:   ErrEmpty,
			msg:   []string{"<dir>/e.txt: empty file"},
		},
		{
			name:  "empty JSON file",
			files: map[string]string{"e.json": "\n  \n"},
			path:  "e.json",
			err:   ErrEmpty,
			msg:   []string{"<dir>/e.json: empty file"},
		},
		{
			name:  "empty JSON Lines file",
			files: map[string]string{"e.jsonl": "\n\n"},
			path:  "e.jsonl",
			err:   ErrEmpty,
			msg:   []string{"<dir>/e.jsonl: empty file"},
		},
		{
			name:  "JSON line that does not parse",
			files: map[string]string{"a.jsonl": `{"text": "` + para1 + `"}` + "\n" + `{"text": "بلا نهاية` + "\n" + `{"text": "` + para2 + `"}` + "\n"},
			path:  "a.jsonl",
			msg:   []string{"<dir>/a.jsonl:line 2: invalid JSON: unexpected end of input"},
			line:  2,
			docs:  []string{"<dir>/a.jsonl:line 1", "<dir>/a.jsonl:line 3"},
		},
		{
			name:   "record without text",
			files:  map[string]string{"a.json": `[{"text": "` + para1 + `"}, {"title": "` + title1 + `"}, {"content": "` + para2 + `"}]`},
			path:   "a.json",
			err:    ErrNoText,
			msg:    []string{"<dir>/a.json record 2: no text or content field"},
			record: 2,
			docs:   []string{"<dir>/a.json record 1", "<dir>/a.json record 3"},
		},
		{
			name:   "record that is not an object",
			files:  map[string]string{"a.json": `[{"text": "` + para1 + `"}, "نص", {"content": "` + para2 + `"}]`},
			path:   "a.json",
			msg:    []string{"<dir>/a.json record 2: record is a JSON string, want an object"},
			record: 2,
			docs:   []string{"<dir>/a.json record 1", "<dir>/a.json record 3"},
		},
		{
			name:  "field of the wrong type",
			files: map[string]string{"a.jsonl": `{"title": 5, "text": "` + para1 + `"}` + "\n" + `{"text": "` + para2 + `"}`},
			path:  "a.jsonl",
			msg:   []string{"<dir>/a.jsonl:line 1: field \"title\" is a JSON number, want a string"},
			line:  1,
			docs:  []string{"<dir>/a.jsonl:line 2"},
		},
		{
			name:  "text that is not a string",
			files: map[string]string{"a.jsonl": `{"text": "` + para2 + `"}` + "\n" + `{"text": ["` + para1 + `"]}`},
			path:  "a.jsonl",
			msg:   []string{"<dir>/a.jsonl:line 2: text field is a JSON array, want a string"},
			line:  2,
			docs:  []string{"<dir>/a.jsonl:line 1"},
		},
		{
			name:   "array cut short",
			files:  map[string]string{"a.json": `[{"text": "` + para1 + `"}, {"text": "` + para2},
			path:   "a.json",
			msg:    []string{"<dir>/a.json record 2: invalid JSON: unexpected end of input"},
			record: 2,
			docs:   []string{"<dir>/a.json record 1"},
		},
		{
			name:   "syntax error in an array",
			files:  map[string]string{"a.json": `[{"text": "` + para1 + `"}, {"text" "x"}, {"text": "y"}]`},
			path:   "a.json",
			msg:    []string{"<dir>/a.json record 2: invalid JSON at byte "},
			record: 2,
			docs:   []string{"<dir>/a.json record 1"},
		},
		{
			name:  "not JSON",
			files: map[string]string{"a.json": "<html>"},
			path:  "a.json",
			msg:   []string{"<dir>/a.json: not JSON: starts with '<'"},
		},
		{
			name:  "unknown format named",
			files: map[string]string{"a.pdf": "%PDF-1.4"},
			path:  "a.pdf",
			err:   ErrFormat,
			msg:   []string{"<dir>/a.pdf: unknown format"},
		},
		{
			name:  "corrupt zip",
			files: map[string]string{"a.zip": "PK\x03\x04 this is not really an archive"},
			path:  "a.zip",
			msg:   []string{"<dir>/a.zip: zip: not a valid zip file"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, c.files)
			if c.setup != nil {
				c.setup(t, dir)
			}
			path := dir
			if c.path != "" {
				path = filepath.Join(dir, c.path)
			}
			docs, probs := walk(t, &Walker{}, path)
			expand := func(s string) string { return strings.ReplaceAll(s, "<dir>", dir) }

			var wantProbs int
			if c.msg != nil {
				wantProbs = 1
			}
			if len(probs) != wantProbs {
				t.Fatalf("Walk(%q) problems %v, want %d", path, probs, wantProbs)
			}
			if wantProbs == 1 {
				p := probs[0]
				for _, m := range c.msg {
					mustContain(t, p.Error(), expand(m))
				}
				if c.err != nil && !errors.Is(p, c.err) {
					t.Errorf("Problem %v does not wrap %v", p, c.err)
				}
				if p.Line != c.line || p.Record != c.record {
					t.Errorf("Problem %v at line %d record %d, want line %d record %d", p, p.Line, p.Record, c.line, c.record)
				}
			}
			var want []string
			for _, w := range c.docs {
				want = append(want, expand(w))
			}
			if got := wheres(docs); !slices.Equal(got, want) {
				t.Errorf("Walk(%q) documents at %q, want %q", path, got, want)
			}
			if len(docs) > 0 && !slices.Equal(docs[0].Article.Warnings, c.warnings) {
				t.Errorf("first document warnings %q, want %q", docs[0].Article.Warnings, c.warnings)
			}
		})
	}
}

// TestTooLarge reads articles over the size limit: the default limit with
// 50 MB inputs (skipped with -short), and a small limit.
func TestTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPING: writes 100 MB of test files")
	}
	dir := t.TempDir()
	big := strings.Repeat("كلمة ", 10<<20)[:50<<20] // 50 MiB, one line

	txt := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(txt, []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	jsonl := filepath.Join(dir, "big.jsonl")
	f, err := os.Create(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"id": "big", "text": "`)
	f.WriteString(big)
	f.WriteString(`"}` + "\n" + `{"id": "small", "text": "` + para1 + `"}` + "\n")
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	big = ""

	docs, probs := walk(t, &Walker{}, txt, jsonl)
	if len(probs) != 2 {
		t.Fatalf("problems %v, want 2", probs)
	}
	mustContain(t, probs[0].Error(), txt+": article too large (50 MB > 16 MB)")
	mustContain(t, probs[1].Error(), jsonl+":line 1: article too large (50 MB > 16 MB)")
	for _, p := range probs {
		if !errors.Is(p, ErrTooLarge) {
			t.Errorf("Problem %v does not wrap ErrTooLarge", p)
		}
	}
	if len(docs) != 1 || docs[0].Article.ID != "small" {
		t.Errorf("documents %q, want the small record after the big one", wheres(docs))
	}
}

func TestLongLines(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("ب", 1<<20) // 2 MB: far past bufio.Scanner's 64 KB
	escaped := strings.Repeat(`\u0628`, 2000)
	writeFiles(t, dir, map[string]string{
		"long.jsonl":    `{"text": "` + long + `"}` + "\n",
		"limit.jsonl":   `{"text": "` + strings.Repeat("ب", 3000) + `"}` + "\n" + `{"text": "` + escaped + `"}` + "\n" + `{"text": "ok"}`,
		"huge.jsonl":    `{"text": "` + strings.Repeat("x", 20000) + `"}` + "\n" + `{"text": "ok"}`,
		"limit.txt":     strings.Repeat("ب", 3000),
		"limitarr.json": `[{"text": "` + strings.Repeat("ب", 3000) + `"}, {"text": "ok"}]`,
	})
	docs, probs := walk(t, &Walker{}, filepath.Join(dir, "long.jsonl"))
	if len(probs) > 0 || len(docs) != 1 || docs[0].Article.Text != long {
		t.Fatalf("a 2 MB JSON line: %d documents, problems %v", len(docs), probs)
	}

	// With a 4 KB limit: 6000 bytes of text is too large, 4000 bytes
	// written as 12000 bytes of escapes is not, and a 20000-byte line is
	// longer than 4 times the limit.
	w := &Walker{MaxArticle: 4 << 10}
	docs, probs = walk(t, w, filepath.Join(dir, "limit.jsonl"), filepath.Join(dir, "huge.jsonl"),
		filepath.Join(dir, "limit.txt"), filepath.Join(dir, "limitarr.json"))
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, strings.TrimPrefix(p.Error(), dir+"/"))
	}
	want := []string{
		"limit.jsonl:line 1: article too large (5.9 KB > 4 KB)",
		"huge.jsonl:line 1: article too large (line of 20 KB > 16 KB)",
		"limit.txt: article too large (5.9 KB > 4 KB)",
		"limitarr.json record 1: article too large (5.9 KB > 4 KB)",
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("problems\n%q\nwant\n%q", msgs, want)
	}
	for _, p := range probs {
		if !errors.Is(p, ErrTooLarge) {
			t.Errorf("Problem %v does not wrap ErrTooLarge", p)
		}
	}
	if len(docs) != 4 || len([]rune(docs[0].Article.Text)) != 2000 {
		t.Errorf("documents at %q, want 4, the first with 2000 letters", wheres(docs))
	}
}
