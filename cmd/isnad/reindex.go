package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/store/sqlite"
)

func reindexCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	db := dbFlag(fs)
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		if _, err := os.Stat(*db); err != nil {
			fmt.Fprintf(stderr, "isnad reindex: no store at %s\n", *db)
			return exitFailure
		}
		s, err := sqlite.Open(ctx, *db)
		if err != nil {
			fmt.Fprintln(stderr, "isnad reindex:", err)
			return exitFailure
		}
		defer s.Close()
		start := time.Now()
		n, err := s.Reindex(ctx, index.Document)
		if err != nil {
			fmt.Fprintln(stderr, "isnad reindex:", err)
			return exitFailure
		}
		fmt.Fprintf(stdout, "reindexed %d articles in %s\n", n, time.Since(start).Round(time.Millisecond))
		return exitOK
	}
}
