package blevebench

import (
	"archive/zip"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar" // registers the "ar" analyzer
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/isnad-project/isnad/arabic"
)

// saudiDay is one day of SaudiNewsNet, read at run time when it is there:
// its licence forbids shipping it (see shared/eval/saudinewsnet).
const saudiDay = "../../../shared/eval/saudinewsnet/dataset/2015-07-21.zip"

// A corpus is a list of documents, analyzed one by one as an indexer
// would, and the number of words in them by arabic.Tokenize: the tokens
// both analyzers are given, whatever each returns.
type corpus struct {
	name  string
	docs  []string
	bytes [][]byte // docs, as bleve takes them
	words int
}

func newCorpus(name string, docs []string) corpus {
	c := corpus{name: name, docs: docs}
	for _, d := range docs {
		c.bytes = append(c.bytes, []byte(d))
		c.words += len(arabic.Tokenize(d))
	}
	return c
}

// corpora returns the texts to measure on: testdata/news.txt, one
// document a line, written for this benchmark, and a day of SaudiNewsNet
// if it is present.
func corpora(tb testing.TB) []corpus {
	tb.Helper()
	b, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		tb.Fatal(err)
	}
	cs := []corpus{newCorpus("testdata", strings.Split(strings.TrimSpace(string(b)), "\n"))}
	if docs, err := readSaudiDay(saudiDay); err == nil {
		cs = append(cs, newCorpus("saudinewsnet", docs))
	} else {
		tb.Logf("no SaudiNewsNet day (%v): measuring on testdata only", err)
	}
	return cs
}

// readSaudiDay returns the titles and texts of the articles of one
// SaudiNewsNet archive.
func readSaudiDay(path string) ([]string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var docs []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		var arts []struct{ Title, Content string }
		err = json.NewDecoder(rc).Decode(&arts)
		rc.Close()
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			docs = append(docs, a.Title+"\n"+a.Content)
		}
	}
	return docs, nil
}

// bleveArabic returns bleve's "ar" analyzer: the unicode tokenizer, lower
// case, NFKC, Arabic stopwords, normalization and light stemming.
func bleveArabic(tb testing.TB) analysis.Analyzer {
	a, err := registry.NewCache().AnalyzerNamed("ar")
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// analyzers are the two chains under comparison; each analyzes one
// document and returns how many tokens it produced.
func analyzers(tb testing.TB) []struct {
	name string
	run  func(c corpus, i int) int
} {
	isnad := arabic.NewAnalyzer(arabic.Options{})
	bleve := bleveArabic(tb)
	// Load what each loads on first use (isnad's lexicon and tables), so
	// that no pass pays for it.
	const warm = "قال المتحدث باسم الوزارة إن الوفد وصل إلى جنيف"
	isnad.Analyze(warm)
	bleve.Analyze([]byte(warm))
	return []struct {
		name string
		run  func(c corpus, i int) int
	}{
		{"isnad", func(c corpus, i int) int { return len(isnad.Analyze(c.docs[i])) }},
		{"bleve", func(c corpus, i int) int { return len(bleve.Analyze(c.bytes[i])) }},
	}
}

// BenchmarkAnalyze measures each analyzer alone: tokens/s counts the words
// of the input (arabic.Tokenize), the same number for both.
func BenchmarkAnalyze(b *testing.B) {
	for _, c := range corpora(b) {
		for _, a := range analyzers(b) {
			b.Run(c.name+"/"+a.name, func(b *testing.B) {
				b.ReportAllocs()
				size := 0
				for _, d := range c.docs {
					size += len(d)
				}
				b.SetBytes(int64(size))
				for b.Loop() {
					for i := range c.docs {
						a.run(c, i)
					}
				}
				b.ReportMetric(float64(c.words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
			})
		}
	}
}

// BenchmarkRatio runs both analyzers in turn over the corpus, timing
// each pass, and reports isnad's speed over bleve's: above 1, isnad is
// faster. Alternating the passes keeps a busy machine from favouring
// either, and a garbage collection before each pass (not timed) keeps one
// analyzer from paying for the other's garbage. ns/op is the time of both
// passes and the collections.
func BenchmarkRatio(b *testing.B) {
	for _, c := range corpora(b) {
		as := analyzers(b)
		b.Run(c.name, func(b *testing.B) {
			var spent [2]time.Duration
			for b.Loop() {
				for k, a := range as {
					runtime.GC()
					start := time.Now()
					for i := range c.docs {
						a.run(c, i)
					}
					spent[k] += time.Since(start)
				}
			}
			words := float64(c.words) * float64(b.N)
			isnad, bleve := words/spent[0].Seconds(), words/spent[1].Seconds()
			b.ReportMetric(isnad, "isnad-tokens/s")
			b.ReportMetric(bleve, "bleve-tokens/s")
			b.ReportMetric(isnad/bleve, "isnad/bleve")
		})
	}
}

// TestRatio prints, with -v, the speed of both analyzers and their ratio,
// measured with testing.Benchmark: a quick look without -bench.
func TestRatio(t *testing.T) {
	if testing.Short() {
		t.Skip("a benchmark: not with -short")
	}
	for _, c := range corpora(t) {
		var speed [2]float64
		for k, a := range analyzers(t) {
			r := testing.Benchmark(func(b *testing.B) {
				for b.Loop() {
					for i := range c.docs {
						a.run(c, i)
					}
				}
			})
			speed[k] = float64(c.words) * float64(r.N) / r.T.Seconds()
		}
		t.Logf("%s (%d documents, %d words): isnad %.0f tokens/s, bleve %.0f tokens/s, isnad/bleve %.2f",
			c.name, len(c.docs), c.words, speed[0], speed[1], speed[0]/speed[1])
	}
}
