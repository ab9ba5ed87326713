package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRead reads arbitrary bytes as each format: it must not panic, and
// what it reports must be valid UTF-8 and name the input.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"", "{", "[", "[]", "{}", `{"text": "نص"}`, "[{\"content\": \"\xff\"}, 1, null]",
		"{\"text\": \"a\"}\n{\"text\": 5}\n\n{", `{"id": 1e400, "text": "x", "date": 1e300}`,
		"\uFEFF{\n\"text\": \"x\"\n}\n{\"text\": \"y\"}", "&عنوان\n\nنص.\nالتعليقات", "\x00\x01",
	} {
		for kind := range names {
			f.Add([]byte(s), uint8(kind))
		}
	}
	f.Add(zipBytes(f, map[string]string{"a.json": `[{"text": "x"}]`, "b.txt": "y"}, 0), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		name := names[int(kind)%len(names)]
		in := Input{
			Name:       name,
			R:          bytes.NewReader(data),
			At:         bytes.NewReader(data),
			Size:       int64(len(data)),
			MaxArticle: 1 << 10,
		}
		err := read(context.Background(), in, func(d Document) error {
			a := d.Article
			for _, s := range []string{a.Text, a.Title, a.Outlet, a.URL, string(a.ID), a.Source} {
				if !utf8.ValidString(s) {
					t.Fatalf("%s: invalid UTF-8 in %+v", name, a)
				}
			}
			if !strings.HasPrefix(d.Where, name) || !strings.HasPrefix(a.Source, name) || a.ID == "" {
				t.Fatalf("%s: document %q from %q with ID %q", name, d.Where, a.Source, a.ID)
			}
			if int64(len(a.Text)) > in.MaxArticle {
				t.Fatalf("%s: text of %d bytes over the limit", name, len(a.Text))
			}
			return nil
		}, func(p *Problem) {
			if !strings.HasPrefix(p.Error(), name) || p.Err == nil {
				t.Fatalf("%s: problem %q does not name the input", name, p.Error())
			}
		})
		if err != nil {
			t.Fatalf("read(%s) = %v, want nil (no cancel, emit never fails)", name, err)
		}
	})
}

var names = []string{"in.txt", "in.json", "in.jsonl", "in.zip"}
