package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/isnad-project/isnad/arabic"
)

// Stemming checks arabic.LuceneNormalize and arabic.LuceneStem against the
// test vectors of Lucene's TestArabicNormalizationFilter and
// TestArabicStemFilter, and measures the light stemmer (arabic.Stem),
// LuceneStem and arabic.Root against the word/stem/root gold of
// golden-corpus-arabic. That gold is Quranic and classical vocabulary with
// hand-made stems that also strip the prefixes of verbs (يطلب → طلب), so
// a light stemmer for news is far from it by design; the figure tracks
// changes, it is no target. Stems and roots are compared after
// arabic.Normalize on both sides (the gold's are hamza-normalized).
func Stemming(_ context.Context, dir string, _ Options) ([]Figure, error) {
	var figs []Figure
	for _, c := range []struct {
		file, fn string
		f        func(string) string
	}{
		{"lucene_ArabicNormalizationFilter_cases.tsv", "arabic.LuceneNormalize", arabic.LuceneNormalize},
		{"lucene_ArabicStemFilter_cases.tsv", "arabic.LuceneStem", arabic.LuceneStem},
	} {
		f, err := vectorFigure("stemming", dir, c.file, c.fn, c.f)
		if err != nil {
			return nil, err
		}
		figs = append(figs, f)
	}

	const goldName = "golden_corpus_arabic_word_stem_root.tsv"
	split := "stemmer_tests/" + goldName + " (all)"
	path := filepath.Join(dir, "stemmer_tests", goldName)
	words, err := readStemGold(path)
	if os.IsNotExist(err) {
		return append(figs, Figure{Stage: "stemming", Metric: "stem accuracy", Split: split, Note: "not available: no data at " + path}), nil
	}
	if err != nil {
		return nil, err
	}
	for _, c := range []struct {
		metric, fn string
		f          func(string) string
		root       bool
	}{
		{"stem accuracy", "arabic.Stem (light stemmer, isnad's search term)", arabic.Stem, false},
		{"stem accuracy", "arabic.LuceneStem", arabic.LuceneStem, false},
		{"root accuracy", "arabic.Root (pattern-based, no lexicon)", arabic.Root, true},
	} {
		right := 0
		for _, w := range words {
			want := w.stem
			if c.root {
				want = w.root
			}
			if arabic.Normalize(c.f(w.word)) == arabic.Normalize(want) {
				right++
			}
		}
		figs = append(figs, Figure{Stage: "stemming", Metric: c.metric, Value: float64(right) / float64(len(words)), Split: split,
			Available: true, Note: fmt.Sprintf("%s: %d/%d words; classical vocabulary, stems without verb prefixes", c.fn, right, len(words))})
	}
	return figs, nil
}

// A stemGold is one line of the golden-corpus-arabic gold.
type stemGold struct{ word, stem, root string }

// readStemGold reads the word, stem and root columns of the TSV gold,
// after its header.
func readStemGold(path string) ([]stemGold, error) {
	rows, err := readTSV(path, 3, "word<TAB>stem<TAB>root")
	var out []stemGold
	for _, p := range rows {
		out = append(out, stemGold{p[0], p[1], p[2]})
	}
	return out, err
}
