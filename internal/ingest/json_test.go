package ingest

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/isnad-project/isnad/internal/extract"
	"github.com/isnad-project/isnad/internal/news"
)

func TestJSONRecord(t *testing.T) {
	date := time.Date(2015, 7, 21, 10, 12, 0, 0, time.UTC)
	for _, c := range []struct {
		name   string
		record string
		want   news.Article // Source is checked separately
	}{
		{
			name:   "SaudiNewsNet record",
			record: `{"source": "daily", "url": "http://daily.example/1", "date_extracted": "2015-07-21 10:12:00", "title": " ` + title1 + ` ", "author": "مراسل", "content": "` + para1 + `\n\n ` + para2 + `"}`,
			want:   news.Article{Outlet: "daily", URL: "http://daily.example/1", Published: date, Title: title1, Text: para1 + "\n" + para2},
		},
		{
			name:   "string id, text over content, outlet over source",
			record: `{"id": " a-1 ", "text": "` + para1 + `", "content": "` + para2 + `", "outlet": "weekly", "source": "daily"}`,
			want:   news.Article{ID: "a-1", Outlet: "weekly", Text: para1},
		},
		{
			name:   "number id as written, empty text gives way to content",
			record: `{"id": 12345678901234567890, "text": "", "content": "` + para2 + `"}`,
			want:   news.Article{ID: "12345678901234567890", Text: para2},
		},
		{
			name:   "id of another type",
			record: `{"id": {"x": 1}, "text": "` + para1 + `"}`,
			want:   news.Article{Text: para1, Warnings: []string{"id is a JSON object, not a string or number; using a hash"}},
		},
		{
			name:   "source that is an address",
			record: `{"source": "https://daily.example/2", "text": "` + para1 + `"}`,
			want:   news.Article{URL: "https://daily.example/2", Text: para1},
		},
		{
			name:   "RFC 3339 date in published",
			record: `{"published": "2015-07-21T13:12:00+03:00", "text": "` + para1 + `"}`,
			want:   news.Article{Published: date, Text: para1},
		},
		{
			name:   "date first, then published",
			record: `{"date": "2015-07-21", "published": "2016-01-01", "text": "` + para1 + `"}`,
			want:   news.Article{Published: time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC), Text: para1},
		},
		{
			name:   "RSS date",
			record: `{"date": "Tue, 21 Jul 2015 10:12:00 +0000", "text": "` + para1 + `"}`,
			want:   news.Article{Published: date, Text: para1},
		},
		{
			name:   "Unix seconds and milliseconds",
			record: `{"date": 1437473520000, "published": 1, "text": "` + para1 + `"}`,
			want:   news.Article{Published: date, Text: para1},
		},
		{
			name:   "unparseable date",
			record: `{"date": "الثلاثاء 21 يوليو", "text": "` + para1 + `"}`,
			want:   news.Article{Text: para1, Warnings: []string{`unparseable date "الثلاثاء 21 يوليو"`}},
		},
		{
			name:   "empty text kept with a warning",
			record: `{"title": "` + title2 + `", "content": " \n "}`,
			want:   news.Article{Title: title2, Warnings: []string{extract.WarnTitleOnly}},
		},
		{
			name:   "nothing but an empty text",
			record: `{"text": ""}`,
			want:   news.Article{Warnings: []string{extract.WarnNoBody}},
		},
		{
			name:   "invalid UTF-8 replaced",
			record: "{\"text\": \"" + para1 + "\xff\"}",
			want:   news.Article{Text: para1 + "\uFFFD", Warnings: []string{extract.WarnReplacement}},
		},
		{
			name:   "escapes and lone surrogate",
			record: `{"title": "\u0628\u064a\u062a", "text": "\ud800 ` + para1 + `"}`,
			want:   news.Article{Title: "بيت", Text: "\uFFFD " + para1, Warnings: []string{extract.WarnReplacement}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.jsonl")
			writeFiles(t, dir, map[string]string{"a.jsonl": c.record + "\n"})
			docs, probs := walk(t, &Walker{}, path)
			if len(probs) > 0 || len(docs) != 1 {
				t.Fatalf("%s: %d documents, problems %v", c.record, len(docs), probs)
			}
			got := docs[0].Article
			want := c.want
			want.Source = path
			if want.ID == "" {
				want.ID = hashID(path, "0")
			}
			if got.ID != want.ID || got.Source != want.Source || got.Outlet != want.Outlet || got.URL != want.URL ||
				got.Title != want.Title || got.Text != want.Text || !got.Published.Equal(want.Published) ||
				!slices.Equal(got.Warnings, want.Warnings) {
				t.Errorf("%s read as\n%+v\nwant\n%+v", c.record, got, want)
			}
		})
	}
}

// TestJSONShapes reads the same two articles written in each shape a .json
// file may take.
func TestJSONShapes(t *testing.T) {
	r1 := `{"id": "1", "text": "` + para1 + `"}`
	r2 := `{"id": "2", "text": "` + para2 + `"}`
	pretty1 := "{\n  \"id\": \"1\",\n  \"text\": \"" + para1 + "\"\n}"
	pretty2 := "{\n  \"id\": \"2\",\n  \"text\": \"" + para2 + "\"\n}"
	for _, c := range []struct {
		name, content string
		wheres        []string // after the path
	}{
		{"array", "[" + r1 + ",\n" + r2 + "]", []string{" record 1", " record 2"}},
		{"pretty array", "[\n  " + pretty1 + ",\n  " + pretty2 + "\n]\n", []string{" record 1", " record 2"}},
		{"JSON Lines", r1 + "\n" + r2 + "\n", []string{":line 1", ":line 2"}},
		{"CRLF JSON Lines", r1 + "\r\n\r\n" + r2 + "\r\n", []string{":line 1", ":line 3"}},
		{"pretty objects in a row", pretty1 + "\n" + pretty2, []string{" record 1", " record 2"}},
		{"byte order mark", "\uFEFF [" + r1 + "," + r2 + "]", []string{" record 1", " record 2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.json")
			writeFiles(t, dir, map[string]string{"a.json": c.content})
			docs, probs := walk(t, &Walker{}, path)
			if len(probs) > 0 {
				t.Fatalf("problems %v", probs)
			}
			var want []string
			for _, w := range c.wheres {
				want = append(want, path+w)
			}
			if got := wheres(docs); !slices.Equal(got, want) {
				t.Fatalf("documents at %q, want %q", got, want)
			}
			if docs[0].Article.ID != "1" || docs[1].Article.Text != para2 {
				t.Errorf("read %+v", docs)
			}
		})
	}

	// One pretty-printed object.
	dir := t.TempDir()
	path := filepath.Join(dir, "one.json")
	writeFiles(t, dir, map[string]string{"one.json": pretty1 + "\n"})
	docs, probs := walk(t, &Walker{}, path)
	if len(probs) > 0 || len(docs) != 1 || docs[0].Article.ID != "1" || docs[0].Where != path+" record 1" {
		t.Errorf("one pretty object: documents %+v, problems %v", docs, probs)
	}
}
