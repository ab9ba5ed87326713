package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/isnad-project/isnad/arabic"
	"github.com/isnad-project/isnad/internal/ingest"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/pipeline"
	"github.com/isnad-project/isnad/internal/store/sqlite"
)

func benchCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "analysis goroutines")
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		if fs.NArg() == 0 {
			fs.Usage()
			return exitUsage
		}
		if err := bench(ctx, fs.Args(), *workers, stdout, stderr); err != nil {
			fmt.Fprintln(stderr, "isnad bench:", err)
			return exitFailure
		}
		return exitOK
	}
}

// bench measures, on the same inputs and in one run: reading alone,
// analysis alone (articles held in memory), and the whole ingest into a
// fresh store in a temporary directory.
func bench(ctx context.Context, paths []string, workers int, stdout, stderr io.Writer) error {
	// 1. Read.
	var arts []news.Article
	var textBytes int64
	problems := 0
	t0 := time.Now()
	err := ingest.Walk(ctx, paths, func(d ingest.Document) error {
		arts = append(arts, d.Article)
		textBytes += int64(len(d.Article.Text) + len(d.Article.Title))
		return nil
	}, func(*ingest.Problem) { problems++ })
	if err != nil {
		return err
	}
	readDur := time.Since(t0)
	if len(arts) == 0 {
		return fmt.Errorf("no articles read from %v (%d problems)", paths, problems)
	}
	fmt.Fprintf(stdout, "inputs: %d articles, %.1f MB of text, %d unreadable inputs; %d analysis workers, GOMAXPROCS %d\n\n",
		len(arts), float64(textBytes)/1e6, problems, workers, runtime.GOMAXPROCS(0))
	row := func(stage string, n int, d time.Duration, extra string) {
		s := d.Seconds()
		fmt.Fprintf(stdout, "%-22s %8d articles  %8.2f s  %9.0f articles/s  %7.2f MB/s%s\n",
			stage, n, s, float64(n)/s, float64(textBytes)/1e6/s, extra)
	}
	row("read + clean", len(arts), readDur, "")

	// 2. Tokenize and analyze alone (the arabic analyzer).
	an := arabic.NewAnalyzer(arabic.Options{})
	var tokens int64
	var mu sync.Mutex
	t0 = time.Now()
	parallel(len(arts), workers, func(i int) {
		n := len(an.Analyze(arts[i].Title)) + len(an.Analyze(arts[i].Text))
		mu.Lock()
		tokens += int64(n)
		mu.Unlock()
	})
	d := time.Since(t0)
	row("arabic analysis", len(arts), d, fmt.Sprintf("  %9.0f tokens/s", float64(tokens)/d.Seconds()))

	// 3. Analysis as the pipeline runs it (index terms, hash, later stages).
	t0 = time.Now()
	parallel(len(arts), workers, func(i int) { pipeline.Analyze(arts[i]) })
	row("pipeline analysis", len(arts), time.Since(t0), "")

	// 4. The whole ingest into a fresh store.
	dir, err := os.MkdirTemp("", "isnad-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		return err
	}
	defer s.Close()
	sum, err := pipeline.Ingest(ctx, s, paths, pipeline.Options{Workers: workers})
	if err != nil {
		return err
	}
	row("ingest (sqlite)", sum.Read, sum.Elapsed, fmt.Sprintf("  (%d new, %d duplicates)", sum.New, sum.Had))
	if fi, err := os.Stat(filepath.Join(dir, "bench.db")); err == nil {
		wal, _ := os.Stat(filepath.Join(dir, "bench.db-wal"))
		size := fi.Size()
		if wal != nil {
			size += wal.Size()
		}
		fmt.Fprintf(stdout, "\nstore size: %.1f MB for %.1f MB of text\n", float64(size)/1e6, float64(textBytes)/1e6)
	}
	return nil
}

// parallel calls f(i) for i in [0, n) on the given number of goroutines.
func parallel(n, workers int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
