package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path"
	"testing/fstest"

	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/pipeline"
	"github.com/isnad-project/isnad/internal/samples"
)

// demoQueries are searched after the demo ingest, to show spelling-aware
// search on the sample corpus.
var demoQueries = []string{"فالينتينوف", "ايجور فالنتينوف", "المستودع"}

func demoCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	db := fs.String("db", "isnad-demo.db", "the store to fill: a SQLite file path")
	addr := fs.String("addr", defaultAddr, "serve on this HOST:PORT")
	doServe := fs.Bool("serve", true, "serve the result after ingesting (--serve=false only prints)")
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		s, err := openStore(ctx, *db)
		if err != nil {
			fmt.Fprintln(stderr, "isnad demo:", err)
			return exitFailure
		}
		defer s.Close()
		fmt.Fprintf(stdout, "isnad demo: ingesting the sample corpus (fictional articles shipped with isnad) into %s\n", *db)
		fsys, err := samplesFS()
		if err != nil {
			fmt.Fprintln(stderr, "isnad demo:", err)
			return exitFailure
		}
		sum, err := pipeline.Ingest(ctx, s, []string{"samples"}, pipeline.Options{FS: fsys})
		printSummary(stdout, sum)
		if err != nil {
			fmt.Fprintln(stderr, "isnad demo:", err)
			return exitFailure
		}
		st, err := s.Stats(ctx)
		if err != nil {
			fmt.Fprintln(stderr, "isnad demo:", err)
			return exitFailure
		}
		fmt.Fprintf(stdout, "store: %d articles, %d claims, %d entities, %d sources\n", st.Articles, st.Claims, st.Entities, st.Sources)
		for _, q := range demoQueries {
			results, err := index.Search(ctx, s, q, 3)
			if err != nil {
				fmt.Fprintln(stderr, "isnad demo:", err)
				return exitFailure
			}
			fmt.Fprintf(stdout, "\nsearch %q: %d results\n", q, len(results))
			for i, r := range results {
				fmt.Fprintf(stdout, "  %d. %s (%s)\n     ", i+1, r.Title, r.Source)
				for _, p := range r.Snippet.Parts {
					if p.Hit {
						fmt.Fprintf(stdout, "[%s]", p.Text)
					} else {
						fmt.Fprint(stdout, p.Text)
					}
				}
				fmt.Fprintln(stdout)
			}
		}
		if !*doServe {
			return exitOK
		}
		fmt.Fprintln(stdout)
		if err := serve(ctx, s, *addr, false, stdout, stderr); err != nil {
			fmt.Fprintln(stderr, "isnad demo:", err)
			return exitFailure
		}
		return exitOK
	}
}

// samplesFS presents the embedded corpus as a directory "samples", so the
// stored sources read samples/01_….txt.
func samplesFS() (fs.FS, error) {
	m := fstest.MapFS{}
	err := fs.WalkDir(samples.Files(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(samples.Files(), name)
		m[path.Join("samples", name)] = &fstest.MapFile{Data: data, Mode: 0o444}
		return err
	})
	return m, err
}
