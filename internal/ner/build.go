package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// newsWords is how many words of news stage 1 tags for the silver counts.
const newsWords = 2_000_000

// Where Build finds its data under the evaluation directory.
const (
	TrainFile  = "anercorp/camel_split_approx_csabty/ANERcorp_train.txt"
	TestFile   = "anercorp/camel_split_approx_csabty/ANERcorp_test.txt"
	PlacesData = "gazetteer_geonames/cities15000_with_arabic.tsv"
)

// BuildOptions configure Build.
type BuildOptions struct {
	// Data is the evaluation data directory (../shared/eval).
	Data string
	// Out is the model directory written: ModelFile, PlacesFile,
	// ClustersFile, and ListsFile when it is missing there (the built-in
	// word lists are copied).
	Out string
	// ReuseClusters keeps the ClustersFile already in Out instead of
	// learning clusters again (it takes most of the time).
	ReuseClusters bool
	// DevShare is the share of the training sentences, taken from the end,
	// held out to choose the number of epochs. Default 0.1.
	DevShare float64
	// Train and Clusters configure the two learners.
	Train    TrainOptions
	Clusters ClusterOptions
	// Log receives progress lines; nil means none.
	Log io.Writer
}

// A BuildReport says what Build made.
type BuildReport struct {
	TrainSentences, DevSentences int
	// DevF1 is the dev F1 of each stage trained without the dev
	// sentences, at the epoch chosen (Epochs).
	DevF1          []float64
	Epochs         []int
	Bias           float64 // toward names, chosen on the dev sentences
	Clusters       int     // words clustered
	Features, Rows []int   // of each stage of the final model
	ModelBytes     int64
	Elapsed        time.Duration
}

// Build trains the tagger from the data under opts.Data and writes the
// model directory: place names from GeoNames, word clusters from the
// unlabeled news, and weights from the ANERcorp training split. The
// weights are first trained on all but the last DevShare of the sentences
// to choose the number of epochs, then on all of them for that many
// epochs. Everything is deterministic: the same data gives the same files.
func Build(ctx context.Context, opts BuildOptions) (*BuildReport, error) {
	start := time.Now()
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}
	if opts.DevShare <= 0 || opts.DevShare >= 1 {
		opts.DevShare = 0.1
	}
	rep := &BuildReport{}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return nil, err
	}
	lists := filepath.Join(opts.Out, ListsFile)
	if _, err := os.Stat(lists); errors.Is(err, fs.ErrNotExist) {
		b, err := embedded.ReadFile("model/" + ListsFile)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(lists, b, 0o644); err != nil {
			return nil, err
		}
	}

	f, err := os.Open(filepath.Join(opts.Data, PlacesData))
	if err != nil {
		return nil, err
	}
	places, err := Places(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", PlacesData, err)
	}
	err = writeGzip(filepath.Join(opts.Out, PlacesFile), func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		fmt.Fprintln(bw, "# Arabic names of the places of GeoNames cities15000 (www.geonames.org, CC BY 4.0), normalized; see README.md.")
		for _, p := range places {
			fmt.Fprintln(bw, p)
		}
		return bw.Flush()
	})
	if err != nil {
		return nil, err
	}
	logf("places: %d names", len(places))

	f, err = os.Open(filepath.Join(opts.Data, TrainFile))
	if err != nil {
		return nil, err
	}
	sents, err := ReadCoNLL(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", TrainFile, err)
	}
	cut := len(sents) - int(float64(len(sents))*opts.DevShare)
	train, dev := sents[:cut], sents[cut:]
	rep.TrainSentences, rep.DevSentences = len(train), len(dev)

	clusters := filepath.Join(opts.Out, ClustersFile)
	if _, err := os.Stat(clusters); !opts.ReuseClusters || err != nil {
		t := time.Now()
		c := NewCorpus()
		counts, err := AddNews(c, opts.Data)
		if err != nil {
			return nil, err
		}
		AddSentences(c, sents)
		logf("clusters: corpus of %d words (distinct lines: %d baly2018, %d saudinewsnet; %d ANERcorp train sentences), read in %s",
			c.Tokens(), counts["baly2018"], counts["saudinewsnet"], len(sents), time.Since(t).Round(time.Millisecond))
		copts := opts.Clusters
		if copts.Log == nil {
			copts.Log = opts.Log
		}
		cl, err := InduceClusters(ctx, c, copts)
		if err != nil {
			return nil, err
		}
		if err := writeGzip(clusters, cl.Write); err != nil {
			return nil, err
		}
	}

	lex, err := ReadLexicon(os.DirFS(opts.Out))
	if err != nil {
		return nil, err
	}
	rep.Clusters = len(lex.clusters)
	topts := opts.Train
	if topts.Log == nil {
		topts.Log = opts.Log
	}
	topts.Dev = dev
	if topts.News == nil {
		t := time.Now()
		topts.News, err = NewsLines(opts.Data, newsWords)
		if err != nil {
			return nil, err
		}
		logf("silver: %d lines of news, read in %s", len(topts.News), time.Since(t).Round(time.Millisecond))
	}
	logf("training on %d sentences, %d held out", len(train), len(dev))
	_, trep, err := Train(ctx, train, lex, topts)
	if err != nil {
		return nil, err
	}
	for _, st := range trep.Stages {
		rep.Epochs = append(rep.Epochs, st.Best)
		rep.DevF1 = append(rep.DevF1, st.Epochs[st.Best-1].DevF1)
	}
	logf("best epochs %v, dev F1 %.4f without bias; training on all %d sentences", rep.Epochs, trep.DevF1(), len(sents))
	rep.Bias = trep.Stages[len(trep.Stages)-1].Bias
	topts.Dev = nil
	topts.Bias = rep.Bias
	topts.Epochs = rep.Epochs[0]
	if len(rep.Epochs) > 1 {
		topts.Epochs2 = rep.Epochs[1]
	}
	tg, trep, err := Train(ctx, sents, lex, topts)
	if err != nil {
		return nil, err
	}
	for _, st := range trep.Stages {
		rep.Features = append(rep.Features, st.Features)
		rep.Rows = append(rep.Rows, st.Rows)
	}
	model := filepath.Join(opts.Out, ModelFile)
	err = writeFile(model, tg.Write)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(model); err == nil {
		rep.ModelBytes = fi.Size()
	}
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// writeFile writes a file through fn, replacing it only once it is whole.
func writeFile(name string, fn func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := fn(&buf); err != nil {
		return err
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// writeGzip writes a gzip file through fn.
func writeGzip(name string, fn func(io.Writer) error) error {
	return writeFile(name, func(w io.Writer) error {
		zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
		if err != nil {
			return err
		}
		if err := fn(zw); err != nil {
			return err
		}
		return zw.Close()
	})
}

// Write writes the tagger's model file (ModelFile).
func (t *Tagger) Write(w io.Writer) error {
	return writeModel(w, t.stages, t.silver, t.lex.Fingerprint())
}
