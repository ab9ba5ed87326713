package eval

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/isnad-project/isnad/internal/ner"
)

// The NER evaluation tags, with the built-in model, the ANERcorp test split
// (never trained or tuned on) and the 28 AQMAR Wikipedia articles (out of
// domain), as `isnad ner --conll FILE` tags them (documents of
// ner.DefaultWindow sentences around each sentence; an AQMAR article is
// tagged on its own), and scores entities as eval/anercorp/score_ner.py
// does: exact span and type, micro-averaged, AQMAR's PER as PERS and its
// MIS* as MISC.

const (
	anercorpSplit = "anercorp test: CAMeL split (CSabty copy), ANERcorp_test.txt"
	aqmarSplit    = "aqmar: 28 Wikipedia articles, MIS* as MISC (out of domain)"
)

// NERScore is the result of tagging one test set.
type NERScore struct {
	Counts ner.Counts
	Tokens int
	Took   time.Duration
	Gold   []ner.Sentence // in the order tagged
	Pred   [][]string
}

// TagCoNLLFiles tags each file as a document with t and scores the tags
// against the files' own.
func TagCoNLLFiles(t *ner.Tagger, files []string) (*NERScore, error) {
	sc := &NERScore{}
	var gold, pred []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		sents, err := ner.ReadCoNLL(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		toks := make([][]string, len(sents))
		for i, s := range sents {
			toks[i] = s.Tokens
			sc.Tokens += len(s.Tokens)
		}
		start := time.Now()
		tags := t.TagDocument(toks, ner.DefaultWindow)
		sc.Took += time.Since(start)
		for i, s := range sents {
			gold = append(gold, s.Tags...)
			pred = append(pred, tags[i]...)
		}
		sc.Gold = append(sc.Gold, sents...)
		sc.Pred = append(sc.Pred, tags...)
	}
	sc.Counts = ner.Score(gold, pred)
	return sc, nil
}

// writePred writes the predicted tags as `isnad ner --conll` prints them.
func (s *NERScore) writePred(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i, sent := range s.Gold {
		for j, tok := range sent.Tokens {
			fmt.Fprintf(w, "%s\t%s\n", tok, s.Pred[i][j])
		}
		fmt.Fprintln(w)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// NER measures the named-entity tagger: entity-level precision, recall and
// F1 by type and overall on the ANERcorp test split, and on AQMAR.
func NER(ctx context.Context, dir string, opts Options) ([]Figure, error) {
	start := time.Now()
	t := ner.Default()
	opts.logf("ner: model loaded in %s (%d feature rows)", since(start), t.Size())
	var figs []Figure
	sets := []struct {
		split, note string
		files       func() ([]string, error)
	}{
		{anercorpSplit, "CAMeLBERT ≈ 0.83, most-frequent-tag lookup 0.44", func() ([]string, error) {
			return []string{filepath.Join(dir, ner.TestFile)}, nil
		}},
		{aqmarSplit, "Wikipedia, not news; AQMAR's MIS* classes hold far more than ANERcorp's MISC", func() ([]string, error) {
			fs, err := filepath.Glob(filepath.Join(dir, "aqmar", "articles", "*.txt"))
			slices.Sort(fs)
			return fs, err
		}},
	}
	for i, set := range sets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		files, err := set.files()
		if err != nil {
			return nil, err
		}
		missing := len(files) == 0
		for _, f := range files {
			if _, err := os.Stat(f); err != nil {
				missing = true
			}
		}
		if missing {
			figs = append(figs, Figure{Stage: "ner", Metric: "entity micro-F1", Split: set.split,
				Note: "not available: no data under " + dir})
			continue
		}
		s, err := TagCoNLLFiles(t, files)
		if err != nil {
			return nil, err
		}
		opts.logf("ner: %s: %d tokens in %s (%.0f tokens/s)", set.split, s.Tokens, s.Took.Round(time.Millisecond), float64(s.Tokens)/s.Took.Seconds())
		if opts.WorkDir != "" {
			name := filepath.Join(opts.WorkDir, fmt.Sprintf("ner-%s.pred", []string{"anercorp-test", "aqmar"}[i]))
			if err := s.writePred(name); err != nil {
				return nil, err
			}
			opts.logf("ner: predictions in %s (score with eval/anercorp/score_ner.py)", name)
		}
		total := s.Counts.Total()
		figs = append(figs,
			Figure{Stage: "ner", Metric: "entity micro-F1", Value: total.F1(), Split: set.split, Available: true,
				Note: fmt.Sprintf("P %.4f R %.4f; %d gold, %d predicted; %s", total.Precision(), total.Recall(), total.Gold, total.Predicted, set.note)})
		for _, typ := range []string{"PERS", "LOC", "ORG", "MISC"} {
			c := s.Counts[typ]
			figs = append(figs, Figure{Stage: "ner", Metric: typ + " F1", Value: c.F1(), Split: set.split, Available: true,
				Note: fmt.Sprintf("P %.4f R %.4f; %d gold, %d predicted", c.Precision(), c.Recall(), c.Gold, c.Predicted)})
		}
	}
	return figs, nil
}
