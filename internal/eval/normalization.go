package eval

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/isnad-project/isnad/arabic"
)

// A vector is one test case of Lucene's Arabic analysis tests.
type vector struct{ input, expected, name string }

// readTSV reads the rows of a tab-separated file after its header line,
// skipping blank lines; every row must have at least cols fields.
func readTSV(path string, cols int, want string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 1 || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		p := strings.Split(sc.Text(), "\t")
		if len(p) < cols {
			return nil, fmt.Errorf("%s:%d: want %s", path, line, want)
		}
		rows = append(rows, p)
	}
	return rows, sc.Err()
}

// readVectors reads a file of input, expected and test name.
func readVectors(path string) ([]vector, error) {
	rows, err := readTSV(path, 2, "input<TAB>expected")
	var vs []vector
	for _, p := range rows {
		v := vector{input: p[0], expected: p[1]}
		if len(p) > 2 {
			v.name = p[2]
		}
		vs = append(vs, v)
	}
	return vs, err
}

// Normalization checks arabic.Normalize against Lucene's
// ArabicNormalizationFilter test vectors.
func Normalization(_ context.Context, dir string, _ Options) ([]Figure, error) {
	f, err := vectorFigure("normalization", dir, "lucene_ArabicNormalizationFilter_cases.tsv", "arabic.Normalize", arabic.Normalize)
	if err != nil {
		return nil, err
	}
	return []Figure{f}, nil
}

// vectorFigure runs fn on every case of a Lucene test-vector file in
// dir/stemmer_tests and reports how many give the expected output, naming
// the cases that fail. A missing file gives a figure that is not available.
func vectorFigure(stage, dir, file, fnName string, fn func(string) string) (Figure, error) {
	split := "stemmer_tests/" + file + " (all)"
	path := filepath.Join(dir, "stemmer_tests", file)
	vs, err := readVectors(path)
	if os.IsNotExist(err) {
		return Figure{Stage: stage, Metric: "Lucene vectors passed", Split: split, Note: "not available: no data at " + path}, nil
	}
	if err != nil {
		return Figure{}, err
	}
	pass, failed := 0, []string{}
	for _, v := range vs {
		if fn(v.input) == v.expected {
			pass++
		} else {
			failed = append(failed, v.name)
		}
	}
	note := fnName
	if len(failed) > 0 {
		note += "; failed: " + strings.Join(failed, ", ")
	}
	return Figure{Stage: stage, Metric: "Lucene vectors passed", Value: float64(pass), Format: fmt.Sprintf("%%.0f/%d", len(vs)), Split: split, Note: note, Available: true}, nil
}
