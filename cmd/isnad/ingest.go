package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/isnad-project/isnad/internal/ingest"
	"github.com/isnad-project/isnad/internal/pipeline"
	"github.com/isnad-project/isnad/internal/store"
)

func ingestCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	db := dbFlag(fs)
	batch := fs.Int("batch", 500, "articles per transaction")
	quiet := fs.Bool("q", false, "no progress, only the summary")
	aliases := aliasFlag(fs)
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		if fs.NArg() == 0 {
			fs.Usage()
			return exitUsage
		}
		if err := useAliases(*aliases); err != nil {
			fmt.Fprintln(stderr, "isnad ingest:", err)
			return exitUsage
		}
		s, err := openStore(ctx, *db)
		if err != nil {
			fmt.Fprintln(stderr, "isnad ingest:", err)
			return exitFailure
		}
		defer s.Close()
		sum, err := ingestPaths(ctx, s, fs.Args(), *batch, *quiet, stderr)
		printSummary(stdout, sum)
		if err != nil {
			fmt.Fprintln(stderr, "isnad ingest:", err)
			return exitFailure
		}
		if sum.Failed > 0 {
			return exitFailure
		}
		return exitOK
	}
}

// ingestPaths runs the pipeline with progress on stderr: a bar on a
// terminal, a plain line every few seconds otherwise. Problems are printed
// as they are met.
func ingestPaths(ctx context.Context, w store.Writer, paths []string, batch int, quiet bool, stderr io.Writer) (pipeline.Summary, error) {
	count, _ := ingest.CountFiles(ctx, paths)
	total := count.Bytes
	prog := newProgress(stderr, total, quiet)
	sum, err := pipeline.Ingest(ctx, w, paths, pipeline.Options{
		BatchSize: batch,
		Progress:  prog.update,
		Failed: func(p *ingest.Problem) {
			prog.clear()
			fmt.Fprintln(stderr, "isnad: skipped:", p)
		},
	})
	prog.finish()
	return sum, err
}

func printSummary(w io.Writer, sum pipeline.Summary) {
	secs := sum.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(sum.Read) / secs
	}
	fmt.Fprintf(w, "read %d, new %d, already had %d, failed %d in %s (%.0f articles/s, %.1f MB/s of text)\n",
		sum.Read, sum.New, sum.Had, sum.Failed, sum.Elapsed.Round(time.Millisecond), rate, float64(sum.TextBytes)/1e6/max(secs, 1e-9))
	if len(sum.Failures) > 0 {
		fmt.Fprintln(w, "failed:")
		for _, p := range sum.Failures {
			fmt.Fprintln(w, "  ", p)
		}
	}
}

// progress draws ingest progress.
type progress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	quiet bool
	last  time.Time
	cur   pipeline.Progress
}

func newProgress(w io.Writer, total int64, quiet bool) *progress {
	p := &progress{w: w, quiet: quiet, last: time.Now()}
	if quiet {
		return p
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *progress) update(pr pipeline.Progress) {
	p.cur = pr
	if p.quiet {
		return
	}
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("ingest: %d articles (%d new, %d had, %d failed)", pr.Read, pr.New, pr.Had, pr.Failed))
		p.bar.Set64(pr.Bytes)
		return
	}
	if time.Since(p.last) >= 2*time.Second && !pr.Done {
		p.last = time.Now()
		fmt.Fprintf(p.w, "ingest: %d articles read, %d new, %d already had, %d failed, %.1f MB\n", pr.Read, pr.New, pr.Had, pr.Failed, float64(pr.Bytes)/1e6)
	}
}

func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
