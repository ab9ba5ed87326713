package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/isnad-project/isnad/internal/index"
)

func searchCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON Lines (see SCHEMA.md) instead of text")
	limit := fs.Int("limit", 10, "at most this many results")
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		q := strings.Join(fs.Args(), " ")
		if strings.TrimSpace(q) == "" {
			fs.Usage()
			return exitUsage
		}
		if *limit <= 0 {
			fmt.Fprintln(stderr, "isnad search: --limit must be positive")
			return exitUsage
		}
		s, ok := openExisting(ctx, "search", *db, stderr)
		if !ok {
			return exitFailure
		}
		defer s.Close()
		results, err := index.Search(ctx, s, q, *limit)
		if err != nil {
			fmt.Fprintln(stderr, "isnad search:", err)
			return exitFailure
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			for _, r := range results {
				enc.Encode(struct {
					ID      string  `json:"id"`
					Source  string  `json:"source"`
					Title   string  `json:"title"`
					Score   float64 `json:"score"`
					Snippet string  `json:"snippet"`
					Outlet  string  `json:"outlet"`
				}{string(r.ID), r.Source, r.Title, r.Score, r.Snippet.String(), r.Outlet})
			}
			return exitOK
		}
		if len(results) == 0 {
			fmt.Fprintf(stdout, "no results for %q\n", q)
			return exitOK
		}
		color := false
		if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) && os.Getenv("NO_COLOR") == "" {
			color = true
		}
		for i, r := range results {
			title := r.Title
			if title == "" {
				title = r.Source
			}
			fmt.Fprintf(stdout, "%d. %s  [%.2f]\n   %s", i+1, title, r.Score, r.Source)
			if r.Outlet != "" {
				fmt.Fprintf(stdout, " · %s", r.Outlet)
			}
			if !r.Published.IsZero() {
				fmt.Fprintf(stdout, " · %s", r.Published.Format("2006-01-02"))
			}
			fmt.Fprintf(stdout, " · id %s\n   ", r.ID)
			for _, p := range r.Snippet.Parts {
				switch {
				case p.Hit && color:
					fmt.Fprintf(stdout, "\x1b[1;33m%s\x1b[0m", p.Text)
				case p.Hit:
					fmt.Fprintf(stdout, "[%s]", p.Text)
				default:
					fmt.Fprint(stdout, p.Text)
				}
			}
			fmt.Fprint(stdout, "\n\n")
		}
		return exitOK
	}
}
