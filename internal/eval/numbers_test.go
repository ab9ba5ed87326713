package eval

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"
)

// TestNumeralsDuckling requires every numeral and every ordinal of the
// Duckling Arabic corpus to be read whole, with its value.
func TestNumeralsDuckling(t *testing.T) {
	dir := evalDir(t)
	for _, c := range numberCorpora {
		t.Run(c.file, func(t *testing.T) {
			total, failed, err := numberResults(dir, c)
			if errors.Is(err, fs.ErrNotExist) {
				t.Skipf("SKIPPING: %s not found (it sits beside the repository under ../shared/eval)", filepath.Join(dir, "numerals_duckling_ar", c.file))
			}
			if err != nil {
				t.Fatal(err)
			}
			if total == 0 {
				t.Fatalf("%s holds no cases", c.file)
			}
			for _, e := range failed {
				t.Error(e)
			}
			t.Logf("%s: %d/%d expressions parsed", c.file, total-len(failed), total)
		})
	}
}

// TestNumbersFigures checks the figures `isnad eval` prints.
func TestNumbersFigures(t *testing.T) {
	figs, err := Numbers(context.Background(), evalDir(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != len(numberCorpora) {
		t.Fatalf("Numbers gave %d figures, want %d", len(figs), len(numberCorpora))
	}
	for _, f := range figs {
		if !f.Available {
			t.Skipf("SKIPPING: %s", f.Note)
		}
		if f.Stage != "numbers" || f.Metric != "expressions parsed" || f.Format == "" {
			t.Errorf("figure %+v: want stage numbers, metric expressions parsed and a format", f)
		}
	}
}

// TestNumbersMissingData checks that missing data is reported, not an
// error.
func TestNumbersMissingData(t *testing.T) {
	figs, err := Numbers(context.Background(), t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figs {
		if f.Available {
			t.Errorf("figure %+v is available without data", f)
		}
	}
}

func TestCheckNumber(t *testing.T) {
	for _, c := range []struct {
		text    string
		want    float64
		ordinal bool
		ok      bool
	}{
		{"ثلاثمائة وخمسون", 350, false, true},
		{"الثالث عشر", 13, true, true},
		{"الثالث عشر", 13, false, false}, // an ordinal, not a numeral
		{"24 هدفا", 24, false, false},    // not the whole text
		{"خمسة ستة", 5, false, false},    // two expressions
		{"عشرون", 21, false, false},
	} {
		err := checkNumber(c.text, c.want, c.ordinal)
		if (err == nil) != c.ok {
			t.Errorf("checkNumber(%q, %v, %v) = %v, want ok %v", c.text, c.want, c.ordinal, err, c.ok)
		}
	}
}
