package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/isnad-project/isnad/internal/ingest"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/pipeline"
	"github.com/isnad-project/isnad/internal/samples"
)

// The claims task: ../shared/eval/claims/dev.jsonl holds gold claims for
// the articles of claims/dev/, made by claims/GUIDELINE.md; ScoreClaims
// scores extracted claims against it exactly as claims/score_claims.py
// does, so that `isnad eval` and
//
//	python3 score_claims.py dev.jsonl <(isnad extract dev/)
//
// print the same figures.

// A GoldClaim is one claim of the gold, in the guideline's format.
type GoldClaim struct {
	Speaker []string `json:"speaker"` // acceptable names, most specific first
	Role    string   `json:"role"`
	Verb    string   `json:"verb"`
	Act     string   `json:"act"`
	Direct  bool     `json:"direct"`
	Content string   `json:"content"`
	Via     []string `json:"via"`
}

// A GoldDoc is the gold of one article.
type GoldDoc struct {
	Doc    string      `json:"doc"` // the article's file name
	Claims []GoldClaim `json:"claims"`
}

// LoadGoldClaims reads gold claims in JSON Lines.
func LoadGoldClaims(r io.Reader) ([]GoldDoc, error) {
	var docs []GoldDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var d GoldDoc
		if err := json.Unmarshal(line, &d); err != nil {
			return nil, fmt.Errorf("gold line %d: %w", n, err)
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// ClaimScore is the outcome of ScoreClaims.
type ClaimScore struct {
	Docs, Gold, Predicted, Matched int
	ActCorrect                     int // matched claims whose act agrees with the gold
	P, R, F1, ActAccuracy          float64
	// Misses and Extras list, per document, the gold claims not matched
	// and the predicted claims not matched (for -v output).
	Misses, Extras []string
}

// ScoreClaims scores predicted claims (by article file name) against the
// gold with the rule of score_claims.py: a predicted claim matches a gold
// claim when some gold speaker string, normalized, shares at least half of
// its tokens with the predicted speaker and role, and the token F1 of the
// two contents is at least 0.5; matching is one-to-one, greedy by content
// F1. Predictions for documents not in the gold are ignored.
func ScoreClaims(gold []GoldDoc, pred map[string][]news.Claim) ClaimScore {
	var s ClaimScore
	s.Docs = len(gold)
	for _, g := range gold {
		ps := pred[g.Doc]
		s.Predicted += len(ps)
		s.Gold += len(g.Claims)
		type pair struct {
			f    float64
			i, j int
		}
		var pairs []pair
		ptoks := make([][]string, len(ps))
		pspk := make([]map[string]bool, len(ps))
		for j, p := range ps {
			ptoks[j] = scoreTokens(p.Content)
			pspk[j] = map[string]bool{}
			for _, t := range scoreTokens(p.Speaker) {
				pspk[j][t] = true
			}
			for _, t := range scoreTokens(p.SpeakerRole) {
				pspk[j][t] = true
			}
		}
		for i, gc := range g.Claims {
			gt := scoreTokens(gc.Content)
			for j := range ps {
				f := tokenF1(gt, ptoks[j])
				if f >= 0.5 && speakerOK(gc.Speaker, pspk[j]) {
					pairs = append(pairs, pair{f, i, j})
				}
			}
		}
		// Python sorts the (f, i, j) tuples in reverse: ties go to the
		// larger i, then the larger j.
		sort.Slice(pairs, func(a, b int) bool {
			pa, pb := pairs[a], pairs[b]
			if pa.f != pb.f {
				return pa.f > pb.f
			}
			if pa.i != pb.i {
				return pa.i > pb.i
			}
			return pa.j > pb.j
		})
		usedG, usedP := map[int]bool{}, map[int]bool{}
		for _, p := range pairs {
			if usedG[p.i] || usedP[p.j] {
				continue
			}
			usedG[p.i], usedP[p.j] = true, true
			s.Matched++
			if ps[p.j].Act == g.Claims[p.i].Act {
				s.ActCorrect++
			}
		}
		for i, gc := range g.Claims {
			if !usedG[i] {
				sp := ""
				if len(gc.Speaker) > 0 {
					sp = gc.Speaker[0]
				}
				s.Misses = append(s.Misses, fmt.Sprintf("MISS %s: %s | %s", g.Doc, sp, gc.Content))
			}
		}
		for j, p := range ps {
			if !usedP[j] {
				s.Extras = append(s.Extras, fmt.Sprintf("EXTRA %s: %s | %s", g.Doc, p.Speaker, p.Content))
			}
		}
	}
	if s.Predicted > 0 {
		s.P = float64(s.Matched) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.R = float64(s.Matched) / float64(s.Gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	if s.Matched > 0 {
		s.ActAccuracy = float64(s.ActCorrect) / float64(s.Matched)
	}
	return s
}

func speakerOK(gold []string, pred map[string]bool) bool {
	for _, g := range gold {
		gt := map[string]bool{}
		for _, t := range scoreTokens(g) {
			gt[t] = true
		}
		if len(gt) == 0 {
			continue
		}
		n := 0
		for t := range gt {
			if pred[t] {
				n++
			}
		}
		if float64(n)/float64(len(gt)) >= 0.5 {
			return true
		}
	}
	return false
}

// tokenF1 is the F1 of the token multisets a (gold) and b (predicted).
func tokenF1(a, b []string) float64 {
	ca := map[string]int{}
	for _, t := range a {
		ca[t]++
	}
	ov := 0
	for _, t := range b {
		if ca[t] > 0 {
			ca[t]--
			ov++
		}
	}
	if ov == 0 {
		return 0
	}
	p, r := float64(ov)/float64(len(b)), float64(ov)/float64(len(a))
	return 2 * p * r / (p + r)
}

// scoreTokens splits s at white space and normalizes each token as
// score_claims.py's norm_tok does, dropping the empty ones.
func scoreTokens(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, isPySpace) {
		if t := scoreNorm(w); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// isPySpace is Python's str.isspace, which re's \s follows for str.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// scoreNorm is norm_tok of score_claims.py: drop harakat, the dagger alef
// and tatweel; fold أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي; keep word
// characters only; strip one article prefix (وال بال فال كال لل ال) when two
// letters remain, then a leading و or ف from a word of four letters or more.
func scoreNorm(t string) string {
	var b strings.Builder
	for _, r := range t {
		switch {
		case r >= '\u064B' && r <= '\u0652', r == '\u0670', r == '\u0640':
			continue
		case r == 'إ', r == 'أ', r == 'آ', r == 'ٱ':
			r = 'ا'
		case r == 'ى':
			r = 'ي'
		case r == 'ة':
			r = 'ه'
		case r == 'ؤ':
			r = 'و'
		case r == 'ئ':
			r = 'ي'
		}
		if unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	for _, p := range []string{"وال", "بال", "فال", "كال", "لل", "ال"} {
		if strings.HasPrefix(s, p) && utf8.RuneCountInString(s)-utf8.RuneCountInString(p) >= 2 {
			s = s[len(p):]
			break
		}
	}
	if utf8.RuneCountInString(s) > 3 && (strings.HasPrefix(s, "و") || strings.HasPrefix(s, "ف")) {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}

// ExtractClaims runs the real extraction path on paths (read from fsys
// when it is not nil): ingest.Walk, then pipeline.Analyze. It returns the
// claims of each article by the base name of its source, as score_claims.py
// keys them.
func ExtractClaims(ctx context.Context, fsys fs.FS, paths []string) (map[string][]news.Claim, error) {
	pred := map[string][]news.Claim{}
	var problems []string
	w := ingest.Walker{FS: fsys}
	err := w.Walk(ctx, paths, func(d ingest.Document) error {
		a := pipeline.Analyze(d.Article).Article
		name := path.Base(filepath.ToSlash(a.Source))
		pred[name] = append(pred[name], a.Claims...)
		return nil
	}, func(p *ingest.Problem) { problems = append(problems, p.Error()) })
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return pred, fmt.Errorf("%s (and %d more)", problems[0], len(problems)-1)
	}
	return pred, nil
}

// Claims measures claim extraction: on claims/dev.jsonl under dir (the 20
// gold articles of claims/dev/), and on the sample corpus's own gold
// (samples.GoldClaims), which ships with isnad.
func Claims(ctx context.Context, dir string, opts Options) ([]Figure, error) {
	var figs []Figure
	t0 := time.Now()
	devDir := filepath.Join(dir, "claims")
	split := "claims/dev.jsonl (20 articles of claims/dev)"
	goldPath := filepath.Join(devDir, "dev.jsonl")
	if f, err := os.Open(goldPath); err != nil {
		figs = append(figs, Figure{Stage: "claims", Metric: "F1", Split: split, Note: "not available: no gold at " + goldPath})
	} else {
		gold, err := LoadGoldClaims(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		pred, err := ExtractClaims(ctx, nil, []string{filepath.Join(devDir, "dev")})
		if err != nil {
			return nil, err
		}
		s := ScoreClaims(gold, pred)
		opts.logf("claims: dev scored in %s: gold=%d predicted=%d matched=%d", since(t0), s.Gold, s.Predicted, s.Matched)
		figs = append(figs, claimFigures(s, split, "naive regex extractor: F1 0.19 on the held-back gold; target ≥ 0.80")...)
	}
	gold, err := LoadGoldClaims(bytes.NewReader(samples.GoldClaims))
	if err != nil {
		return nil, err
	}
	pred, err := ExtractClaims(ctx, samples.Files(), []string{"."})
	if err != nil {
		return nil, err
	}
	s := ScoreClaims(gold, pred)
	figs = append(figs, claimFigures(s, "internal/samples/claims.jsonl (13 sample articles)", "")...)
	return figs, nil
}

func claimFigures(s ClaimScore, split, note string) []Figure {
	counts := fmt.Sprintf("gold %d, predicted %d, matched %d", s.Gold, s.Predicted, s.Matched)
	return []Figure{
		{Stage: "claims", Metric: "P", Value: s.P, Format: "%.3f", Split: split, Note: counts, Available: true},
		{Stage: "claims", Metric: "R", Value: s.R, Format: "%.3f", Split: split, Available: true},
		{Stage: "claims", Metric: "F1", Value: s.F1, Format: "%.3f", Split: split, Note: note, Available: true},
		{Stage: "claims", Metric: "act accuracy", Value: s.ActAccuracy, Format: "%.3f", Split: split, Note: "of matched claims", Available: true},
	}
}
