package eval

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/isnad-project/isnad/internal/ner"
)

// Floors of the NER evaluation, just under what the built-in model
// reaches (see internal/ner/model/README.md for the figures).
const (
	nerFloorANERcorp = 0.74
	nerFloorAQMAR    = 0.39
)

// TestNERFloor tags the ANERcorp test split and AQMAR with the built-in
// model and holds the entity micro-F1 floors.
func TestNERFloor(t *testing.T) {
	dir := evalDir(t)
	figs, err := NER(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{anercorpSplit: nerFloorANERcorp, aqmarSplit: nerFloorAQMAR}
	seen := 0
	for _, f := range figs {
		t.Logf("%s %s = %.4f (%s) %s", f.Stage, f.Metric, f.Value, f.Split, f.Note)
		if f.Metric != "entity micro-F1" {
			continue
		}
		if !f.Available {
			t.Errorf("%s: not available: %s", f.Split, f.Note)
			continue
		}
		seen++
		if floor := floors[f.Split]; f.Value < floor {
			t.Errorf("%s: entity micro-F1 %.4f, below the floor %.2f", f.Split, f.Value, floor)
		}
	}
	if seen != len(floors) {
		t.Errorf("%d test sets scored, want %d", seen, len(floors))
	}
}

// TestNERTagFiles tags a small file through the path of the evaluation.
func TestNERTagFiles(t *testing.T) {
	s, err := TagCoNLLFiles(ner.Default(), []string{filepath.Join("testdata", "ner_sample.conll")})
	if err != nil {
		t.Fatal(err)
	}
	if s.Tokens == 0 || len(s.Pred) != len(s.Gold) {
		t.Fatalf("tagged %d tokens, %d of %d sentences", s.Tokens, len(s.Pred), len(s.Gold))
	}
	for i, sent := range s.Gold {
		if len(s.Pred[i]) != len(sent.Tokens) {
			t.Fatalf("sentence %d: %d tags for %d tokens", i, len(s.Pred[i]), len(sent.Tokens))
		}
	}
	tot := s.Counts.Total()
	if tot.Gold != 4 {
		t.Errorf("gold entities = %d, want 4", tot.Gold)
	}
}
