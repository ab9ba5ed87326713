package arabic

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// newsText returns the texts of the articles of one day of SaudiNewsNet
// (about 1,700 articles, a million words), read at run time from
// ../shared/eval for benchmarks only (its licence forbids shipping it).
func newsText(b testing.TB, day string) []string {
	path := filepath.Join(evalDir, "saudinewsnet", "dataset", day+".zip")
	zr, err := zip.OpenReader(path)
	if err != nil {
		b.Skipf("SKIPPING: no SaudiNewsNet at %s: %v", path, err)
	}
	defer zr.Close()
	var out []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			b.Fatal(err)
		}
		var arts []struct{ Title, Content string }
		if err := json.Unmarshal(data, &arts); err != nil {
			b.Fatal(err)
		}
		for _, a := range arts {
			out = append(out, a.Title+"\n"+a.Content)
		}
	}
	return out
}

// analyzeAll analyzes each text and returns the number of tokens and bytes.
func analyzeAll(a *Analyzer, texts []string) (toks, bytes int) {
	for _, t := range texts {
		toks += len(a.Analyze(t))
		bytes += len(t)
	}
	return toks, bytes
}

// BenchmarkAnalyzeNews analyzes a day of real news: unlike the repeated
// paragraph of BenchmarkAnalyze, most words are new to the segmenter's
// cache. "cold" starts each time from an empty cache, "warm" from a cache
// filled by the news of the next day, as in a long ingest.
func BenchmarkAnalyzeNews(b *testing.B) {
	text := newsText(b, "2015-07-21")
	other := newsText(b, "2015-07-22")
	for _, bc := range []struct {
		name string
		warm bool
	}{{"cold", false}, {"warm", true}} {
		b.Run(bc.name, func(b *testing.B) {
			a := NewAnalyzer(Options{})
			n, size := analyzeAll(a, text)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				theLexicon().cache = newWordCache()
				if bc.warm {
					analyzeAll(a, other)
				}
				b.StartTimer()
				analyzeAll(a, text)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

func BenchmarkSegmentFarasa(b *testing.B) {
	toks := Tokenize(benchText())
	theLexicon()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range toks {
			SegmentFarasa(t.Text)
		}
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestThroughputCPU reports tokens per CPU second (of the whole process,
// garbage collection included) of the analyzer on a day of news, cold and
// after a warm-up on another day. Benchmarks measure wall time, which a
// busy machine inflates; CPU time does not depend on the neighbours.
//
//	ISNAD_THROUGHPUT=1 go test -run TestThroughputCPU -v ./arabic
func TestThroughputCPU(t *testing.T) {
	if os.Getenv("ISNAD_THROUGHPUT") == "" {
		t.Skip("set ISNAD_THROUGHPUT=1")
	}
	b := &testing.B{}
	text, other := newsText(b, "2015-07-21"), newsText(b, "2015-07-22")
	para := benchText()
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	a := NewAnalyzer(Options{})
	measure := func(name string, texts []string, rounds int) {
		runtime.GC()
		start := cpu()
		n := 0
		for range rounds {
			k, _ := analyzeAll(a, texts)
			n += k
		}
		d := cpu() - start
		t.Logf("%-10s %8.0f tokens per CPU second (%d tokens, %v)", name, float64(n)/d.Seconds(), n, d)
	}
	a.Analyze(para[:100])
	measure("cold news", text, 1)
	analyzeAll(a, other)
	measure("warm news", text, 1)
	measure("paragraph", []string{para}, 300)
}
