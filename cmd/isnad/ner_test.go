package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/isnad-project/isnad/internal/news"
)

// TestNerConll tags a CoNLL file through run: one token<TAB>tag line per
// token, the blank lines where they were, extra columns ignored.
func TestNerConll(t *testing.T) {
	in := "\nقال O x\nالرئيس O\nبشار B-PERS\nالأسد I-PERS\nفي O\nدمشق B-LOC\n. O\n\n\nوأعلنت\nوزارة\nالدفاع\nالروسية\n.\n"
	file := filepath.Join(t.TempDir(), "in.conll")
	if err := os.WriteFile(file, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "ner", "--conll", file)
	if code != exitOK {
		t.Fatalf("ner --conll: exit %d, stderr %q", code, errOut)
	}
	inLines := strings.Split(strings.TrimSuffix(in, "\n"), "\n")
	outLines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(outLines) != len(inLines) {
		t.Fatalf("ner --conll: %d lines out for %d in:\n%s", len(outLines), len(inLines), out)
	}
	valid := map[string]bool{"O": true}
	for _, typ := range []string{"PERS", "LOC", "ORG", "MISC"} {
		valid["B-"+typ], valid["I-"+typ] = true, true
	}
	for i, l := range inLines {
		if strings.TrimSpace(l) == "" {
			if outLines[i] != "" {
				t.Errorf("line %d: %q, want a blank line", i+1, outLines[i])
			}
			continue
		}
		tok, tag, ok := strings.Cut(outLines[i], "\t")
		if !ok || tok != strings.Fields(l)[0] || !valid[tag] {
			t.Errorf("line %d: %q, want %q, a tab and a tag", i+1, outLines[i], strings.Fields(l)[0])
		}
	}
	if !strings.Contains(out, "بشار\tB-PERS\nالأسد\tI-PERS\n") {
		t.Errorf("ner --conll does not tag بشار الأسد as a person:\n%s", out)
	}

	if code, _, _ := runCLI(t, "ner", "--conll", filepath.Join(t.TempDir(), "missing")); code != exitFailure {
		t.Errorf("ner --conll of a missing file: exit %d, want %d", code, exitFailure)
	}
	if code, _, _ := runCLI(t, "ner", "extra"); code != exitUsage {
		t.Errorf("ner with an argument: exit %d, want %d", code, exitUsage)
	}
}

// TestNerText prints the entities of a text on stdin.
func TestNerText(t *testing.T) {
	text := "قال الرئيس السوري بشار الأسد في دمشق إن الجيش سيواصل عملياته."
	old := stdin
	stdin = strings.NewReader(text)
	defer func() { stdin = old }()
	code, out, errOut := runCLI(t, "ner")
	if code != exitOK {
		t.Fatalf("ner: exit %d, stderr %q", code, errOut)
	}
	var found bool
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var e news.Entity
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("ner: line %q: %v", l, err)
		}
		if e.Text != text[e.Start:e.End] {
			t.Errorf("entity %+v: text is not text[start:end]", e)
		}
		found = found || (e.Type == "PER" && e.Text == "بشار الأسد")
	}
	if !found {
		t.Errorf("ner: no PER بشار الأسد in\n%s", out)
	}
}

func TestNerTrainUsage(t *testing.T) {
	if code, _, errOut := runCLI(t, "train"); code != exitUsage || !strings.Contains(errOut, "ner") {
		t.Errorf("train without a subject: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "train", "pos"); code != exitUsage {
		t.Errorf("train pos: exit %d, want %d", code, exitUsage)
	}
}
