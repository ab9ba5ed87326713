package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeZip writes an archive at path with the members in name order,
// deflated.
func writeZip(t *testing.T, path string, members map[string]string) {
	t.Helper()
	if err := os.WriteFile(path, zipBytes(t, members, zip.Deflate), 0o644); err != nil {
		t.Fatal(err)
	}
}

func zipBytes(t testing.TB, members map[string]string, method uint16) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(members))
	for name := range members {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(members[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestZip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.zip")
	writeZip(t, path, map[string]string{
		"a.txt":              title1 + "\n\n" + para1,
		"data/":              "",
		"data/b.json":        `[{"id": 7, "source": "daily", "text": "` + para2 + `"}, {"text": "` + para3 + `"}]`,
		"data/c.jsonl":       `{"text": "x"}` + "\n" + "oops\n",
		"data/empty.txt":     "",
		"inner.zip":          "PK",
		"readme.md":          "# not read",
		".hidden.txt":        para1,
		"__MACOSX/._a.txt":   "\x00\x05",
		"data/.DS_Store.txt": "",
	})
	docs, probs := walk(t, &Walker{}, path)
	want := []string{
		path + "!a.txt",
		path + "!data/b.json record 1",
		path + "!data/b.json record 2",
		path + "!data/c.jsonl:line 1",
	}
	if got := wheres(docs); !slices.Equal(got, want) {
		t.Errorf("Walk(%q) documents at\n%q\nwant\n%q", path, got, want)
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.Error())
	}
	wantProbs := []string{
		path + "!data/c.jsonl:line 2: invalid JSON at byte 1 of the line: invalid character 'o' looking for beginning of value",
		path + "!data/empty.txt: empty file",
		path + "!inner.zip: archive inside an archive is not read",
	}
	if !slices.Equal(msgs, wantProbs) {
		t.Errorf("Walk(%q) problems\n%q\nwant\n%q", path, msgs, wantProbs)
	}
	if len(docs) < 3 {
		t.FailNow()
	}
	if a := docs[0].Article; a.Source != path+"!a.txt" || a.Title != title1 || a.ID != hashID(path+"!a.txt", "0") {
		t.Errorf("a.txt in the archive read as %+v", a)
	}
	if a := docs[1].Article; a.ID != "7" || a.Outlet != "daily" || a.Source != path+"!data/b.json" {
		t.Errorf("b.json record 1 read as %+v", a)
	}
	if a := docs[2].Article; a.ID != hashID(path+"!data/b.json", "1") {
		t.Errorf("b.json record 2 ID = %q, want hash of position 1", a.ID)
	}
}

func TestZipCorruptMember(t *testing.T) {
	// Stored members whose bytes change after the archive is written: the
	// JSON still parses, and only the CRC-32 tells. The error shows when the
	// member is first read (small) or after its last record (large).
	path := filepath.Join(t.TempDir(), "bad.zip")
	for _, c := range []struct {
		name   string
		member string
		docs   int
	}{
		{"small", `[{"text": "` + para1 + `"}]`, 0},
		{"large", `[{"text": "` + strings.Repeat(para1, 1000) + `"}]`, 1},
	} {
		b := zipBytes(t, map[string]string{"a.json": c.member}, zip.Store)
		b[bytes.Index(b, []byte("text"))] = 'T' // still the same field
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		docs, probs := walk(t, &Walker{}, path)
		if len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), path+"!a.json: ") || !errors.Is(probs[0], zip.ErrChecksum) {
			t.Errorf("%s member: problems %v, want one checksum error naming the member", c.name, probs)
		}
		if len(docs) != c.docs {
			t.Errorf("%s member: %d documents, want %d", c.name, len(docs), c.docs)
		}
	}

	// A deflated member damaged in the middle.
	b := zipBytes(t, map[string]string{"a.json": `[{"text": "` + strings.Repeat(para1, 200) + `"}]`}, zip.Deflate)
	i := bytes.Index(b, []byte("PK\x01\x02")) // central directory
	copy(b[i/2:], bytes.Repeat([]byte{0xff}, 64))
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs := walk(t, &Walker{}, path)
	if len(probs) != 1 || !strings.HasPrefix(probs[0].Error(), path+"!a.json") {
		t.Errorf("damaged deflated member: problems %v, want one naming the member", probs)
	}
}
