package ner

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/isnad-project/isnad/arabic"
)

// benchSentences returns the ANERcorp test sentences, or the sample
// sentences many times over when the data is not there.
func benchSentences(b *testing.B) [][]string {
	var out [][]string
	if f, err := os.Open(filepath.Join("..", "..", "..", "shared", "eval", TestFile)); err == nil {
		sents, err := ReadCoNLL(f)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range sents {
			out = append(out, s.Tokens)
		}
		return out
	}
	for range 200 {
		out = append(out, sampleSentences...)
	}
	return out
}

// BenchmarkTag measures tagging on one core: sentence by sentence (Tag),
// and as documents (TagDocument, as isnad ner --conll tags a file).
func BenchmarkTag(b *testing.B) {
	tg := Default()
	sents := benchSentences(b)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	tg.TagDocument(sents, DefaultWindow) // read every word once
	b.Run("sentences", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			for _, s := range sents {
				tg.Tag(s)
			}
		}
		reportSpeed(b, n, cpuTime()-cpu)
	})
	b.Run("document", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			tg.TagDocument(sents, DefaultWindow)
		}
		reportSpeed(b, n, cpuTime()-cpu)
	})
}

// reportSpeed reports tokens per second of wall time, which is per core
// since tagging runs on one goroutine, and tokens per second of the
// process's CPU time (garbage collection included), which a busy machine
// does not skew.
func reportSpeed(b *testing.B, tokensPerOp int, cpu time.Duration) {
	tokens := float64(tokensPerOp) * float64(b.N)
	b.ReportMetric(tokens/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(tokens/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkEntities measures Entities on a text made of the sample
// sentences.
func BenchmarkEntities(b *testing.B) {
	tg := Default()
	var sb strings.Builder
	for range 50 {
		for _, s := range sampleSentences {
			sb.WriteString(strings.Join(s, " "))
			sb.WriteString("\n")
		}
	}
	text := sb.String()
	toks := arabic.Tokenize(text)
	tg.Entities(text, toks)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		tg.Entities(text, toks)
	}
	reportSpeed(b, len(toks), cpuTime()-cpu)
}

// BenchmarkLoad measures loading the built-in model.
func BenchmarkLoad(b *testing.B) {
	sub, err := fs.Sub(embedded, "model")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := Load(sub); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu; cpu > 0 {
		b.ReportMetric(cpu.Seconds()/float64(b.N)*1000, "cpu-ms/op")
	}
}
