package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/samples"
)

func TestScoreNorm(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"والسورية", "سوريه"},
		{"أكّدَ", "اكد"},
		{"الـ24", "24"},
		{"«الدفاع»،", "دفاع"},
		{"فالإرهاب", "ارهاب"},
		{"وزير", "زير"}, // the scorer strips و from any word of four letters or more
		{"لل", "لل"},
		{"ئ", "ي"},
		{"...", ""},
	} {
		if got := scoreNorm(c.in); got != c.want {
			t.Errorf("scoreNorm(%q) = %q, want %q (% x)", c.in, got, c.want, got)
		}
	}
}

// TestScoreClaims checks the matching rule of score_claims.py on claims
// written for the test.
func TestScoreClaims(t *testing.T) {
	gold := []GoldDoc{{Doc: "a.txt", Claims: []GoldClaim{
		{Speaker: []string{"الوزير سامر الحلبي", "الحلبي"}, Act: "assert", Content: "الجسر سيفتح الأسبوع المقبل"},
		{Speaker: []string{"مصدر أمني"}, Act: "deny", Content: "وقوع إصابات بين المدنيين في القصف"},
		{Speaker: []string{"البلدية"}, Act: "assert", Content: "المياه عادت"},
	}}}
	pred := map[string][]news.Claim{
		"a.txt": {
			// Matches the first: the bare name is half of no string, but
			// "الحلبي" is all of the second; content F1 is 1.
			{Speaker: "سامر الحلبي", Act: "assert", Content: "الجسر سيفتح الأسبوع المقبل"},
			// The speaker is in the role; content F1 = 2·(4/5·4/6)/(4/5+4/6) ≈ 0.73; act differs.
			{Speaker: "", SpeakerRole: "مصدر أمني", Act: "assert", Content: "وقوع إصابات بين المدنيين أمس"},
			// Right speaker, content F1 0: no match.
			{Speaker: "البلدية", Act: "assert", Content: "الكهرباء انقطعت"},
			// A second copy of the first claim: one-to-one, so an extra.
			{Speaker: "الحلبي", Act: "assert", Content: "الجسر سيفتح الأسبوع المقبل"},
		},
		"other.txt": {{Speaker: "x", Content: "y"}}, // not in the gold: ignored
	}
	s := ScoreClaims(gold, pred)
	if s.Gold != 3 || s.Predicted != 4 || s.Matched != 2 || s.ActCorrect != 1 {
		t.Fatalf("ScoreClaims = gold %d, predicted %d, matched %d, act %d; want 3, 4, 2, 1\n%s\n%s",
			s.Gold, s.Predicted, s.Matched, s.ActCorrect, strings.Join(s.Misses, "\n"), strings.Join(s.Extras, "\n"))
	}
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	near("P", s.P, 0.5)
	near("R", s.R, 2.0/3)
	near("F1", s.F1, 2*0.5*(2.0/3)/(0.5+2.0/3))
	near("act accuracy", s.ActAccuracy, 0.5)
}

// devDir returns ../shared/eval/claims, or skips the test.
func devDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(DefaultDir(), "claims")
	if _, err := os.Stat(filepath.Join(dir, "dev.jsonl")); err != nil {
		t.Skipf("SKIPPING: no claims gold at %s (the evaluation data lives in ../shared/eval, outside the repository)", dir)
	}
	return dir
}

// Quality floors, just under what the extractor reaches: a change that
// loses claims fails here. Raise them when the extractor improves.
const (
	devF1Floor     = 0.80
	samplesF1Floor = 0.93
)

func TestClaimsDevFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPING in -short mode")
	}
	dir := devDir(t)
	figs, err := Claims(context.Background(), filepath.Dir(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range figs {
		if f.Metric == "F1" && f.Available {
			got[f.Split] = f.Value
		}
		t.Logf("%s %s = %.3f (%s) %s", f.Stage, f.Metric, f.Value, f.Split, f.Note)
	}
	for split, floor := range map[string]float64{
		"claims/dev.jsonl (20 articles of claims/dev)":       devF1Floor,
		"internal/samples/claims.jsonl (13 sample articles)": samplesF1Floor,
	} {
		if v, ok := got[split]; !ok || v < floor {
			t.Errorf("claims F1 on %s = %.3f, want ≥ %.2f", split, v, floor)
		}
	}
}

// TestSamplesFloor needs no outside data: the sample corpus and its gold
// ship with isnad.
func TestSamplesFloor(t *testing.T) {
	gold, err := LoadGoldClaims(bytes.NewReader(samples.GoldClaims))
	if err != nil {
		t.Fatal(err)
	}
	pred, err := ExtractClaims(context.Background(), samples.Files(), []string{"."})
	if err != nil {
		t.Fatal(err)
	}
	if s := ScoreClaims(gold, pred); s.F1 < samplesF1Floor {
		t.Errorf("claims F1 on the samples = %.3f, want ≥ %.2f\n%s\n%s", s.F1, samplesF1Floor, strings.Join(s.Misses, "\n"), strings.Join(s.Extras, "\n"))
	}
}

// TestClaimsAgreeWithPython runs score_claims.py on the same predictions
// and checks that it prints the figures ScoreClaims computes.
func TestClaimsAgreeWithPython(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPING in -short mode")
	}
	dir := devDir(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("SKIPPING: python3 is not on PATH")
	}
	f, err := os.Open(filepath.Join(dir, "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	gold, err := LoadGoldClaims(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	pred, err := ExtractClaims(context.Background(), nil, []string{filepath.Join(dir, "dev")})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for name, cs := range pred {
		line, _ := json.Marshal(map[string]any{"source": name, "claims": cs})
		b.Write(append(line, '\n'))
	}
	predPath := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(predPath, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, filepath.Join(dir, "score_claims.py"), filepath.Join(dir, "dev.jsonl"), predPath).CombinedOutput()
	if err != nil {
		t.Fatalf("score_claims.py: %v\n%s", err, out)
	}
	s := ScoreClaims(gold, pred)
	want := fmt.Sprintf("docs=%d gold=%d predicted=%d matched=%d act_accuracy=%.3f\nP=%.3f R=%.3f\nF1=%.3f\n",
		s.Docs, s.Gold, s.Predicted, s.Matched, s.ActAccuracy, s.P, s.R, s.F1)
	if string(out) != want {
		t.Errorf("score_claims.py printed\n%s\nScoreClaims gives\n%s", out, want)
	}
}
