package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
)

func reindexCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	db := dbFlag(fs)
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		s, ok := openExisting(ctx, "reindex", *db, stderr)
		if !ok {
			return exitFailure
		}
		defer s.Close()
		ri, ok := s.(reindexer)
		if !ok {
			fmt.Fprintln(stderr, "isnad reindex: this store cannot rebuild its index")
			return exitFailure
		}
		start := time.Now()
		n, err := ri.Reindex(ctx, index.Document)
		if err != nil {
			fmt.Fprintln(stderr, "isnad reindex:", err)
			return exitFailure
		}
		fmt.Fprintf(stdout, "reindexed %d articles in %s\n", n, time.Since(start).Round(time.Millisecond))
		return exitOK
	}
}

// A reindexer is a store that can rebuild its full-text index.
type reindexer interface {
	Reindex(ctx context.Context, terms func(news.Article) store.Terms) (int, error)
}
