package eval

import (
	"context"
	"strings"
	"testing"
)

// TestSegmentationFloor holds the accuracy of arabic.SegmentFarasa on the
// held-out sections of the Farasa WikiNews gold.
func TestSegmentationFloor(t *testing.T) {
	figs, err := Segmentation(context.Background(), evalDir(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Floors: measured 0.9847 (all words), 0.9827 (Arabic words) and
	// 0.9898 (clitics, isnad's scheme) on sections 5-7 when written.
	floors := map[string]float64{
		"word accuracy (Farasa scheme)":        0.98,
		"Arabic-word accuracy (Farasa scheme)": 0.978,
		"clitic accuracy (isnad scheme)":       0.985,
	}
	checked := 0
	for _, f := range figs {
		t.Logf("%s = %.4f on %s (%s)", f.Metric, f.Value, f.Split, f.Note)
		floor, ok := floors[f.Metric]
		if !ok || !f.Available || !strings.Contains(f.Split, "held out") {
			continue
		}
		checked++
		if f.Value < floor {
			t.Errorf("%s = %.4f on %s, want at least %.3f", f.Metric, f.Value, f.Split, floor)
		}
	}
	if checked != len(floors) {
		t.Errorf("checked %d held-out figures, want %d: %+v", checked, len(floors), figs)
	}
}
