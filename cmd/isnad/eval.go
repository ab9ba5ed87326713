package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/isnad-project/isnad/internal/eval"
)

func evalCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	data := fs.String("data", "", "the evaluation data directory (default: ../shared/eval, looked for from here upwards)")
	work := fs.String("work", "", "keep run files (e.g. the TREC run of the retrieval task) in this directory")
	only := fs.String("only", "", "comma-separated stages to run (default: all)")
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		dir := *data
		if dir == "" {
			dir = eval.DefaultDir()
		}
		if _, err := os.Stat(dir); err != nil {
			fmt.Fprintf(stdout, "evaluation data not found at %s: every evaluation is not available (give --data DIR)\n", dir)
			return exitOK
		}
		want := map[string]bool{}
		for _, s := range strings.Split(*only, ",") {
			if s = strings.TrimSpace(s); s != "" {
				want[s] = true
			}
		}
		fmt.Fprintf(stdout, "evaluation data: %s\n\n", dir)
		var figs []eval.Figure
		failed := false
		for _, e := range eval.All() {
			if len(want) > 0 && !want[e.Stage] {
				continue
			}
			f, err := e.Run(ctx, dir, eval.Options{WorkDir: *work, Log: stderr})
			if err != nil {
				fmt.Fprintf(stderr, "isnad eval: %s: %v\n", e.Stage, err)
				failed = true
				figs = append(figs, eval.Figure{Stage: e.Stage, Metric: "—", Note: "failed: " + err.Error()})
				continue
			}
			figs = append(figs, f...)
		}
		eval.Print(stdout, figs)
		if failed {
			return exitFailure
		}
		return exitOK
	}
}
