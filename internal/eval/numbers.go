package eval

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/isnad-project/isnad/arabic"
)

// numberCorpus is one file of the Duckling corpus transcribed under
// numerals_duckling_ar (see its PROVENANCE.md).
type numberCorpus struct {
	file    string
	ordinal bool // the expressions are ordinals
}

var numberCorpora = []numberCorpus{
	{"duckling_ar_numeral_corpus.tsv", false},
	{"duckling_ar_ordinal_corpus.tsv", true},
}

// A numberCase is one line of a corpus: an expression and its value.
type numberCase struct {
	line  int
	value float64
	text  string
}

// readNumberCases reads a TSV file of value<TAB>text with a header line.
func readNumberCases(path string) ([]numberCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cs []numberCase
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 1 || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		value, text, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want value<TAB>text", path, line)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		cs = append(cs, numberCase{line: line, value: v, text: text})
	}
	return cs, sc.Err()
}

// checkNumber reports why text is not read as exactly one expression of
// value want, spanning the whole text, ordinal or not as said, by both
// arabic.FindNumbers and arabic.ParseNumber; nil if it is.
func checkNumber(text string, want float64, ordinal bool) error {
	s := strings.TrimSpace(text)
	ns := arabic.FindNumbers(s)
	if len(ns) != 1 {
		return fmt.Errorf("FindNumbers(%q) found %d expressions, want 1", s, len(ns))
	}
	n := ns[0]
	switch {
	case n.Start != 0 || n.End != len(s):
		return fmt.Errorf("FindNumbers(%q) = %q [%d,%d), want the whole text", s, n.Text, n.Start, n.End)
	case !sameValue(n.Value, want):
		return fmt.Errorf("FindNumbers(%q) = %v, want %v", s, n.Value, want)
	case n.Ordinal != ordinal:
		return fmt.Errorf("FindNumbers(%q).Ordinal = %v, want %v", s, n.Ordinal, ordinal)
	}
	if v, ok := arabic.ParseNumber(text); !ok || !sameValue(v, want) {
		return fmt.Errorf("ParseNumber(%q) = %v, %v; want %v, true", text, v, ok, want)
	}
	return nil
}

// sameValue reports whether two values agree to a relative 1e-12.
func sameValue(got, want float64) bool {
	return math.Abs(got-want) <= 1e-12*math.Max(1, math.Abs(want))
}

// numberResults checks every case of one corpus and returns how many
// there are and the failures.
func numberResults(dir string, c numberCorpus) (total int, failed []error, err error) {
	cs, err := readNumberCases(filepath.Join(dir, "numerals_duckling_ar", c.file))
	if err != nil {
		return 0, nil, err
	}
	for _, nc := range cs {
		if err := checkNumber(nc.text, nc.value, c.ordinal); err != nil {
			failed = append(failed, fmt.Errorf("line %d: %w", nc.line, err))
		}
	}
	return len(cs), failed, nil
}

// Numbers checks arabic.FindNumbers and arabic.ParseNumber on the numeral
// and ordinal examples of Duckling's Arabic corpus: an expression passes
// when it is found whole, as one expression, with its value, and as an
// ordinal exactly when it is one.
func Numbers(_ context.Context, dir string, _ Options) ([]Figure, error) {
	var figs []Figure
	for _, c := range numberCorpora {
		split := "numerals_duckling_ar/" + c.file + " (all)"
		path := filepath.Join(dir, "numerals_duckling_ar", c.file)
		total, failed, err := numberResults(dir, c)
		if os.IsNotExist(err) {
			figs = append(figs, Figure{Stage: "numbers", Metric: "expressions parsed", Split: split, Note: "not available: no data at " + path})
			continue
		}
		if err != nil {
			return nil, err
		}
		note := "arabic.FindNumbers and ParseNumber"
		if len(failed) > 0 {
			var lines []string
			for _, e := range failed {
				lines = append(lines, strings.SplitN(e.Error(), ":", 2)[0])
			}
			note += "; failed: " + strings.Join(lines, ", ")
		}
		figs = append(figs, Figure{
			Stage:     "numbers",
			Metric:    "expressions parsed",
			Value:     float64(total - len(failed)),
			Format:    fmt.Sprintf("%%.0f/%d", total),
			Split:     split,
			Note:      note,
			Available: true,
		})
	}
	return figs, nil
}
