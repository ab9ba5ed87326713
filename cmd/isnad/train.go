package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/isnad-project/isnad/internal/eval"
	"github.com/isnad-project/isnad/internal/ner"
)

// nerModelDir is where isnad's NER model lives in the source tree.
var nerModelDir = filepath.Join("internal", "ner", "model")

func trainCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	data := fs.String("data", "", "the evaluation data directory (default: ../shared/eval, looked for from here upwards)")
	out := fs.String("out", "", "the model directory to write (default: "+nerModelDir+" when run from the repository root)")
	reuse := fs.Bool("reuse-clusters", false, "keep the word clusters already in the model directory instead of learning them again")
	seed := fs.Uint64("seed", 1, "seed of the order of the training sentences")
	epochs := fs.Int("epochs", 0, "most passes over the training data (default 12; the best on the dev sentences is kept)")
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		if fs.NArg() != 1 || fs.Arg(0) != "ner" {
			fmt.Fprintln(stderr, `isnad train: want what to train: "ner"`)
			fs.Usage()
			return exitUsage
		}
		dir := *data
		if dir == "" {
			dir = eval.DefaultDir()
		}
		if _, err := os.Stat(dir); err != nil {
			fmt.Fprintf(stderr, "isnad train: evaluation data not found at %s (give --data DIR)\n", dir)
			return exitFailure
		}
		if *out == "" {
			if fi, err := os.Stat(nerModelDir); err != nil || !fi.IsDir() {
				fmt.Fprintf(stderr, "isnad train: %s not found here: run from the repository root or give --out DIR\n", nerModelDir)
				return exitUsage
			}
			*out = nerModelDir
		}
		rep, err := ner.Build(ctx, ner.BuildOptions{
			Data:          dir,
			Out:           *out,
			ReuseClusters: *reuse,
			Train:         ner.TrainOptions{Seed: *seed, Epochs: *epochs},
			Log:           stderr,
		})
		if err != nil {
			fmt.Fprintln(stderr, "isnad train:", err)
			return exitFailure
		}
		fmt.Fprintf(stdout, "model:      %s (%d bytes; feature rows kept %v of features seen %v, by stage)\n", filepath.Join(*out, ner.ModelFile), rep.ModelBytes, rep.Rows, rep.Features)
		fmt.Fprintf(stdout, "clusters:   %d words\n", rep.Clusters)
		fmt.Fprintf(stdout, "dev:        F1 %.4f (stage 1: %.4f) on the last %d of %d training sentences; epochs by stage %v\n",
			rep.DevF1[len(rep.DevF1)-1], rep.DevF1[0], rep.DevSentences, rep.TrainSentences+rep.DevSentences, rep.Epochs)
		fmt.Fprintf(stdout, "time:       %s\n", rep.Elapsed.Round(time.Second))
		return exitOK
	}
}
