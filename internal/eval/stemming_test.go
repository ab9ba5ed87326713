package eval

import (
	"context"
	"strings"
	"testing"
)

// TestStemmingVectors requires every Lucene test vector to pass, and holds
// floors for the golden-corpus figures.
func TestStemmingVectors(t *testing.T) {
	figs, err := Stemming(context.Background(), evalDir(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	vectors := 0
	for _, f := range figs {
		t.Logf("%s %s = %.4f on %s (%s)", f.Stage, f.Metric, f.Value, f.Split, f.Note)
		if !f.Available {
			continue
		}
		switch {
		case f.Metric == "Lucene vectors passed":
			vectors++
			if strings.Contains(f.Note, "failed") {
				t.Errorf("%s on %s: %s", f.Metric, f.Split, f.Note)
			}
		case strings.HasPrefix(f.Note, "arabic.Stem "):
			// Measured 0.4936 when written.
			if f.Value < 0.48 {
				t.Errorf("light stem accuracy %.4f, want at least 0.48", f.Value)
			}
		case strings.HasPrefix(f.Note, "arabic.Root"):
			// Measured 0.7682 when written.
			if f.Value < 0.75 {
				t.Errorf("root accuracy %.4f, want at least 0.75", f.Value)
			}
		}
	}
	if vectors != 2 {
		t.Errorf("%d files of Lucene vectors measured, want 2", vectors)
	}
}
