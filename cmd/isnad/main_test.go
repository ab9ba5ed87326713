package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/isnad-project/isnad/internal/samples"
	"github.com/isnad-project/isnad/internal/store/sqlite"
)

// runCLI runs the tool in-process and returns its exit code and outputs.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// writeSamples copies the embedded sample corpus into dir/samples.
func writeSamples(t *testing.T, dir string) string {
	t.Helper()
	root := filepath.Join(dir, "samples")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	err := fs.WalkDir(samples.Files(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(samples.Files(), name)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(root, name), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestHelpListsEveryCommand(t *testing.T) {
	code, out, _ := runCLI(t, "help")
	if code != exitOK {
		t.Fatalf("help exit = %d", code)
	}
	for _, c := range commands() {
		if !strings.Contains(out, c.name) {
			t.Errorf("help does not list %q", c.name)
		}
		code, _, errOut := runCLI(t, c.name, "-h")
		if code != exitOK || !strings.Contains(errOut, "Usage: isnad "+c.name) {
			t.Errorf("%s -h: exit %d, output %q", c.name, code, errOut)
		}
	}
	if code, _, _ := runCLI(t, "no-such-command"); code != exitUsage {
		t.Errorf("unknown command exit = %d, want %d", code, exitUsage)
	}
	if code, _, _ := runCLI(t); code != exitUsage {
		t.Errorf("no command exit = %d, want %d", code, exitUsage)
	}
}

func TestDemoPrints(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := runCLI(t, "demo", "--serve=false", "--db", db)
	if code != exitOK {
		t.Fatalf("demo exit %d: %s", code, errOut)
	}
	// 13 files, one an exact copy of another.
	if !strings.Contains(out, "read 13, new 12, already had 1, failed 0") {
		t.Errorf("demo summary wrong:\n%s", out)
	}
	if !strings.Contains(out, "samples/02_nahar_general_wire.txt") {
		t.Errorf("demo search output lacks the wire story:\n%s", out)
	}
	// A second demo run stores nothing new.
	_, out, _ = runCLI(t, "demo", "--serve=false", "--db", db)
	if !strings.Contains(out, "new 0, already had 13") {
		t.Errorf("second demo run stored again:\n%s", out)
	}
}

// searchSources runs a JSON search and returns the base names of the hits.
func searchSources(t *testing.T, db, q string, limit int) []string {
	t.Helper()
	code, out, errOut := runCLI(t, "search", "--db", db, "--json", "--limit", fmt.Sprint(limit), q)
	if code != exitOK {
		t.Fatalf("search %q: exit %d: %s", q, code, errOut)
	}
	var names []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var hit struct {
			ID, Source, Title, Snippet string
			Score                      float64
		}
		if err := json.Unmarshal(sc.Bytes(), &hit); err != nil {
			t.Fatalf("search --json line %q: %v", sc.Text(), err)
		}
		if hit.ID == "" || hit.Source == "" {
			t.Errorf("search hit without id or source: %s", sc.Text())
		}
		names = append(names, filepath.Base(hit.Source))
	}
	return names
}

func TestIngestAndSearchSamples(t *testing.T) {
	dir := t.TempDir()
	root := writeSamples(t, dir)
	db := filepath.Join(dir, "isnad.db")
	code, out, errOut := runCLI(t, "ingest", "--db", db, root)
	if code != exitOK {
		t.Fatalf("ingest exit %d: %s %s", code, out, errOut)
	}
	if !strings.Contains(out, "read 13, new 12, already had 1, failed 0") {
		t.Errorf("summary = %q", out)
	}
	// The general's name is spelled three ways across outlets (README of
	// the samples); every spelling finds the articles of the others.
	general := []string{"02_nahar_general_wire.txt", "03_bayan_general_reprint.txt"}
	for _, q := range []string{"فالينتينوف", "فالنتينوف", "ايجور فالنتينوف", "إيغور فالينتينوف"} {
		got := searchSources(t, db, q, 20)
		for _, want := range general {
			if !slices.Contains(got, want) {
				t.Errorf("search %q = %v, missing %s", q, got, want)
			}
		}
	}
	// The country is spelled نهرانيا and نهرانية.
	a := searchSources(t, db, "نهرانيا", 20)
	b := searchSources(t, db, "نهرانية", 20)
	slices.Sort(a)
	slices.Sort(b)
	if len(a) < 3 || !slices.Equal(a, b) {
		t.Errorf("نهرانيا and نهرانية find different articles:\n%v\n%v", a, b)
	}
	if got := searchSources(t, db, "كلمةغيرموجودةاطلاقا", 10); len(got) != 0 {
		t.Errorf("search for an absent word found %v", got)
	}
	code, out, _ = runCLI(t, "search", "--db", db, "المستودع")
	if code != exitOK || !strings.Contains(out, "[") {
		t.Errorf("text search: exit %d, no highlighted snippet:\n%s", code, out)
	}
	code, out, _ = runCLI(t, "stats", "--db", db, "--json")
	var st map[string]int
	if err := json.Unmarshal([]byte(out), &st); err != nil || code != exitOK {
		t.Fatalf("stats --json = %q (%v)", out, err)
	}
	for _, k := range []string{"articles", "claims", "entities", "stories", "sources"} {
		if _, ok := st[k]; !ok {
			t.Errorf("stats --json lacks %q", k)
		}
	}
	if st["articles"] != 12 {
		t.Errorf("stats articles = %d, want 12", st["articles"])
	}
}

func TestSearchSeedsAcrossSpellings(t *testing.T) {
	seeds := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("SKIPPING: seeds not found at %s", seeds)
	}
	db := filepath.Join(t.TempDir(), "isnad.db")
	if code, out, errOut := runCLI(t, "ingest", "--db", db, seeds); code != exitOK {
		t.Fatalf("ingest seeds: %d %s %s", code, out, errOut)
	}
	// Konashenkov is كوناشينكوف in 002 and 004 and كوناشنكوف in 003.
	want := []string{"002_1518d28b6d65a5fc.txt", "003_55c3f395c06134c6.txt", "004_200334908de8b7f5.txt"}
	for _, q := range []string{"كوناشنكوف", "كوناشينكوف", "ايجور كوناشنكوف", "إيغور كوناشينكوف"} {
		got := searchSources(t, db, q, 3)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("search %q = %v, want %v", q, got, want)
		}
	}
	// Kartapolov (اندري كارتابولوف / أندري كارتابولوف) is in 000 and 001.
	got := searchSources(t, db, "أندري كارتابولوف", 2)
	slices.Sort(got)
	if !slices.Equal(got, []string{"000_1138d6f95186daec.txt", "001_a47c2667547f1f4e.txt"}) {
		t.Errorf("search Kartapolov = %v", got)
	}
}

// extracted is the SCHEMA.md shape of one `isnad extract` line.
type extracted struct {
	ID       *string `json:"id"`
	Source   *string `json:"source"`
	Outlet   *string `json:"outlet"`
	URL      *string `json:"url"`
	Title    *string `json:"title"`
	Text     *string `json:"text"`
	Entities *[]json.RawMessage
	Claims   *[]json.RawMessage
	Figures  *[]json.RawMessage
	Warnings *[]string
}

func TestExtractFollowsSchema(t *testing.T) {
	dir := t.TempDir()
	root := writeSamples(t, dir)
	jsonl := filepath.Join(dir, "feed.jsonl")
	os.WriteFile(jsonl, []byte(`{"id":"r1","url":"https://example.org/1","title":"عنوان","content":"قال المتحدث إن الوضع هادئ.","published":"2025-10-16T08:00:00Z","outlet":"الأفق"}`+"\n"), 0o644)
	code, out, errOut := runCLI(t, "extract", root, jsonl)
	if code != exitOK {
		t.Fatalf("extract exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 14 {
		t.Fatalf("extract printed %d lines, want 14 (13 samples + 1 record)", len(lines))
	}
	sources := map[string]bool{}
	for _, line := range lines {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			t.Fatalf("not JSON: %q", line)
		}
		var e extracted
		json.Unmarshal([]byte(line), &e)
		for _, f := range []string{"id", "source", "outlet", "url", "title", "published", "text", "entities", "claims", "figures", "warnings"} {
			if _, ok := raw[f]; !ok {
				t.Errorf("extract line lacks field %q: %.80s", f, line)
			}
		}
		if e.Entities == nil || e.Claims == nil || e.Figures == nil || e.Warnings == nil {
			t.Errorf("lists must be [] not null: %.200s", line)
		}
		if *e.ID == "" || !utf8.ValidString(*e.Text) || *e.Text == "" {
			t.Errorf("bad id or text: %.120s", line)
		}
		if p := string(raw["published"]); p != "null" {
			var s string
			if err := json.Unmarshal(raw["published"], &s); err != nil {
				t.Errorf("published = %s, want RFC 3339 string or null", p)
			} else if _, err := time.Parse(time.RFC3339, s); err != nil {
				t.Errorf("published = %s: %v", p, err)
			}
		}
		sources[*e.Source] = true
		if strings.HasSuffix(*e.Source, ".jsonl") {
			if *e.ID != "r1" || *e.Outlet != "الأفق" || string(raw["published"]) != `"2025-10-16T08:00:00Z"` {
				t.Errorf("JSON record fields not kept: %s", line)
			}
		}
	}
	// For .txt the source is exactly the path as given.
	if want := filepath.Join(root, "01_ufuq_strike.txt"); !sources[want] {
		t.Errorf("no line with source %q", want)
	}
}

func TestBadInputIsReportedAndSkipped(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("عنوان الخبر\nقال المتحدث إن الغارات أصابت أهدافا في المنطقة.\n"))
	write("empty.txt", nil)
	write("binary.txt", bytes.Repeat([]byte{0xff, 0xfe, 0x00, 0x81}, 100))
	write("mixed.jsonl", []byte(`{"id":"j1","text":"خبر أول سليم"}`+"\n"+`{"id":"j2","text": oops}`+"\n"+`{"id":"j3","text":"خبر ثالث سليم"}`+"\n"))
	big := bytes.Repeat([]byte("كلمة "), 50<<20/len("كلمة "))
	write("huge.txt", big)
	db := filepath.Join(dir, "isnad.db")

	code, out, errOut := runCLI(t, "ingest", "--db", db, in)
	if code != exitFailure {
		t.Errorf("exit = %d, want %d when some input failed", code, exitFailure)
	}
	for _, want := range []string{"empty.txt", "binary.txt", "mixed.jsonl:line 2", "huge.txt"} {
		if !strings.Contains(errOut, want) || !strings.Contains(out, want) {
			t.Errorf("failure %q not named on stderr and in the summary:\nstderr: %s\nstdout: %s", want, errOut, out)
		}
	}
	if !strings.Contains(out, "new 3, already had 0, failed 4") {
		t.Errorf("summary = %q, want 3 new (good.txt, j1, j3) and 4 failed", out)
	}
	// A second run keeps what was stored and stores nothing twice.
	_, out, _ = runCLI(t, "ingest", "--db", db, in)
	if !strings.Contains(out, "new 0, already had 3, failed 4") {
		t.Errorf("second run summary = %q", out)
	}
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, _ := s.Stats(context.Background()); st.Articles != 3 {
		t.Errorf("stored %d articles, want 3", st.Articles)
	}
	// A missing path is a failure too, named.
	code, _, errOut = runCLI(t, "ingest", "--db", db, filepath.Join(dir, "nope"))
	if code != exitFailure || !strings.Contains(errOut, "nope") {
		t.Errorf("missing path: exit %d, stderr %q", code, errOut)
	}
}

// TestMain lets the test binary act as isnad itself, so that a test can
// kill a real ingest process and run it again.
func TestMain(m *testing.M) {
	if os.Getenv("ISNAD_TEST_AS_CLI") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestIngestKilledAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs a subprocess")
	}
	dir := t.TempDir()
	// 12,000 distinct articles in one JSON Lines file.
	const n = 12000
	var buf bytes.Buffer
	for i := range n {
		fmt.Fprintf(&buf, `{"id":"a%d","title":"خبر رقم %d","text":"قال المتحدث باسم الوزارة إن %d غارة استهدفت مواقع في المنطقة الشمالية، وأضاف أن الحصيلة غير نهائية. %s"}`+"\n",
			i, i, i, strings.Repeat("وتابع أن فرق الإنقاذ تواصل عملها في الموقع. ", 5))
	}
	input := filepath.Join(dir, "many.jsonl")
	os.WriteFile(input, buf.Bytes(), 0o644)
	db := filepath.Join(dir, "isnad.db")

	cmd := exec.Command(os.Args[0], "ingest", "--batch", "100", "--db", db, input)
	cmd.Env = append(os.Environ(), "ISNAD_TEST_AS_CLI=1")
	var childErr bytes.Buffer
	cmd.Stderr = &childErr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it (SIGKILL: no chance to clean up) once some batches are in.
	stored := func() int {
		s, err := sqlite.Open(context.Background(), db)
		if err != nil {
			return 0
		}
		defer s.Close()
		st, _ := s.Stats(context.Background())
		return st.Articles
	}
	deadline := time.Now().Add(60 * time.Second)
	for stored() < 200 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	before := stored()
	t.Logf("killed with %d of %d articles stored", before, n)
	if before == 0 {
		t.Fatalf("the ingest stored nothing before it was killed; its stderr:\n%s", childErr.String())
	}

	code, out, errOut := runCLI(t, "ingest", "--db", db, input)
	if code != exitOK {
		t.Fatalf("re-run exit %d: %s", code, errOut)
	}
	if want := fmt.Sprintf("new %d, already had %d", n-before, before); !strings.Contains(out, want) {
		t.Errorf("re-run summary = %q, want %q", out, want)
	}
	if got := stored(); got != n {
		t.Errorf("after re-run: %d articles stored, want exactly %d", got, n)
	}
}

func TestServeOverTheStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "isnad.db")
	if code, _, errOut := runCLI(t, "ingest", "--db", db, writeSamples(t, dir)); code != exitOK {
		t.Fatalf("ingest: %s", errOut)
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mux, err := newMux(s, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, _ := get("/healthz"); code != http.StatusOK {
		t.Errorf("/healthz = %d", code)
	}
	code, body := get("/v1/search?q=" + url.QueryEscape("فالنتينوف"))
	var res struct {
		Results []struct{ ID, Source, Snippet string }
	}
	if err := json.Unmarshal([]byte(body), &res); code != http.StatusOK || err != nil || len(res.Results) == 0 {
		t.Fatalf("/v1/search = %d %q (%v)", code, body, err)
	}
	code, body = get("/v1/articles/" + url.PathEscape(res.Results[0].ID))
	if code != http.StatusOK || !strings.Contains(body, `"claims":[{"speaker":`) {
		t.Errorf("/v1/articles/{id} = %d %.200q", code, body)
	}
	code, body = get("/search?q=" + url.QueryEscape("المستودع"))
	if code != http.StatusOK || !strings.Contains(body, `dir="rtl"`) || !strings.Contains(body, "<mark>") {
		t.Errorf("/search page = %d, want RTL results with marks", code)
	}
	code, body = get("/articles/" + url.PathEscape(res.Results[0].ID))
	if code != http.StatusOK || !strings.Contains(body, "فالينتينوف") && !strings.Contains(body, "فالنتينوف") {
		t.Errorf("/articles/{id} page = %d", code)
	}
	if code, _ := get("/articles/no-such-id"); code != http.StatusNotFound {
		t.Errorf("unknown article page = %d, want 404", code)
	}
	if code, body := get("/v1/openapi.yaml"); code != http.StatusOK || !strings.HasPrefix(body, "openapi: 3") {
		t.Errorf("/v1/openapi.yaml = %d", code)
	}
}

func TestReindex(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "isnad.db")
	if code, _, errOut := runCLI(t, "ingest", "--db", db, writeSamples(t, dir)); code != exitOK {
		t.Fatalf("ingest: %s", errOut)
	}
	before := searchSources(t, db, "المستودع", 20)
	code, out, errOut := runCLI(t, "reindex", "--db", db)
	if code != exitOK || !strings.Contains(out, "reindexed 12 articles") {
		t.Fatalf("reindex: %d %q %q", code, out, errOut)
	}
	if after := searchSources(t, db, "المستودع", 20); !slices.Equal(before, after) {
		t.Errorf("search after reindex = %v, before %v", after, before)
	}
}
