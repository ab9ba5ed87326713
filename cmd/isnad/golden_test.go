package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "update golden files in testdata/")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got; go test -update rewrites it after review):\n%s", path, diff)
	}
}

// TestExtractGolden pins the extract output for the sample corpus: cleaned
// text, titles, ids and every field of the contract.
func TestExtractGolden(t *testing.T) {
	dir := t.TempDir()
	writeSamples(t, dir)
	// Run from dir so that sources are the stable relative paths.
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code, out, errOut := runCLI(t, "extract", "samples")
	os.Chdir(wd)
	if code != exitOK {
		t.Fatalf("extract: %d %s", code, errOut)
	}
	golden(t, "extract_samples.jsonl", out)
}

// TestAnalyzeGolden pins the token analysis of a sentence written for it.
func TestAnalyzeGolden(t *testing.T) {
	text := "وقال المتحدّث باسم وزارة الدفاع لـ«الأفق» إنّ الغاراتِ أصابت ٢٤ هدفاً في سوريا، وأضاف: \"لم نستهدف المدنيين\". ي مكن التحقق من ذلك طبيعي ا."
	stdin = strings.NewReader(text)
	defer func() { stdin = os.Stdin }()
	code, out, errOut := runCLI(t, "analyze")
	if code != exitOK {
		t.Fatalf("analyze: %d %s", code, errOut)
	}
	golden(t, "analyze_sentence.jsonl", out)
}
