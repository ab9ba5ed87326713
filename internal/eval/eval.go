// Package eval runs isnad's evaluations on the public gold data under
// ../shared/eval (never shipped with isnad) and reports figures with the
// split each was measured on. `isnad eval` prints them; the tests in this
// package hold the quality floors.
package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"
)

// A Figure is one measured number.
type Figure struct {
	Stage  string  // e.g. "retrieval", "normalization"
	Metric string  // e.g. "nDCG@10"
	Value  float64 // NaN-free; meaningful only when Available
	Format string  // how to print Value, e.g. "%.4f"; default "%.4f"
	Split  string  // the data and split it was measured on
	Note   string  // what it is compared with, or why it is not available
	// Available is false for a stage that is not built yet or whose data
	// is missing; Note says which.
	Available bool
}

// An Evaluation measures one stage.
type Evaluation struct {
	Stage string
	// Run measures the stage on the data under dir (../shared/eval) and
	// returns its figures. Data it cannot find yields a figure with
	// Available false, not an error.
	Run func(ctx context.Context, dir string, opts Options) ([]Figure, error)
}

// Options configure a run of the evaluations.
type Options struct {
	// WorkDir receives run files (e.g. the TREC run of the retrieval
	// evaluation). Empty means a temporary directory, removed afterwards.
	WorkDir string
	// Log receives progress lines; nil means none.
	Log io.Writer
}

func (o Options) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// All lists every evaluation, in the order `isnad eval` runs them.
func All() []Evaluation {
	return []Evaluation{
		{"normalization", Normalization},
		{"retrieval", Retrieval},
		{"segmentation", Segmentation},
		{"stemming", Stemming},
		{"numbers", Numbers},
		{"claims", Claims},
		{"ner", NER},
		{"geocoding", Geocoding},
		{"stance", notBuilt("stance", "macro-F1", "baly2018 Fold_5", "stance detection lands with a later issue")},
	}
}

func notBuilt(stage, metric, split, why string) func(context.Context, string, Options) ([]Figure, error) {
	return func(context.Context, string, Options) ([]Figure, error) {
		return []Figure{{Stage: stage, Metric: metric, Split: split, Note: "not available: " + why}}, nil
	}
}

// DefaultDir returns the evaluation data directory isnad looks for when
// none is given: ../shared/eval from the working directory, else from the
// directories above it.
func DefaultDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return filepath.Join("..", "shared", "eval")
	}
	for range 4 {
		p := filepath.Join(dir, "..", "shared", "eval")
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return filepath.Clean(p)
		}
		dir = filepath.Dir(dir)
	}
	return filepath.Join("..", "shared", "eval")
}

// Print writes figures as a table.
func Print(w io.Writer, figs []Figure) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STAGE\tMETRIC\tVALUE\tSPLIT\tNOTE")
	for _, f := range figs {
		v := "—"
		if f.Available {
			format := f.Format
			if format == "" {
				format = "%.4f"
			}
			v = fmt.Sprintf(format, f.Value)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", f.Stage, f.Metric, v, f.Split, f.Note)
	}
	tw.Flush()
}

// since formats an elapsed time for log lines.
func since(t time.Time) string { return time.Since(t).Round(time.Millisecond).String() }
