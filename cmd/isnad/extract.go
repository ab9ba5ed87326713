package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/isnad-project/isnad/internal/api"
	"github.com/isnad-project/isnad/internal/ingest"
	"github.com/isnad-project/isnad/internal/pipeline"
)

func extractCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	aliases := aliasFlag(fs)
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		if fs.NArg() == 0 {
			fs.Usage()
			return exitUsage
		}
		if err := useAliases(*aliases); err != nil {
			fmt.Fprintln(stderr, "isnad extract:", err)
			return exitUsage
		}
		out := bufio.NewWriter(stdout)
		defer out.Flush()
		failed := 0
		err := ingest.Walk(ctx, fs.Args(), func(d ingest.Document) error {
			a := pipeline.Analyze(d.Article).Article
			line, err := api.ArticleJSON(a)
			if err != nil {
				return fmt.Errorf("%s: %w", d.Where, err)
			}
			out.Write(line)
			return out.WriteByte('\n')
		}, func(p *ingest.Problem) {
			failed++
			out.Flush()
			fmt.Fprintln(stderr, "isnad extract:", p)
		})
		if err != nil {
			fmt.Fprintln(stderr, "isnad extract:", err)
			return exitFailure
		}
		if failed > 0 {
			return exitFailure
		}
		return exitOK
	}
}
