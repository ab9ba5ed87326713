package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran but something failed (e.g. some inputs unreadable)
	exitUsage   = 2
)

// A command describes a subcommand of the tool.
type command struct {
	name, args, summary string
	// flags binds the command's flags to fs and returns the function that
	// runs it once fs is parsed.
	flags func(fs *flag.FlagSet) func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"demo", "", "ingest the bundled sample corpus into a store and serve it", demoCmd},
		{"ingest", "PATH...", "read files, directories and zips into the store", ingestCmd},
		{"search", "QUERY", "search the store (Arabic-aware), best first", searchCmd},
		{"extract", "PATH...", "print articles with their analysis as JSON Lines (no store)", extractCmd},
		{"analyze", "", "print the Arabic analysis of stdin, one token per line (JSON Lines)", analyzeCmd},
		{"serve", "", "serve the web pages and the JSON API", serveCmd},
		{"stats", "", "count what is stored", statsCmd},
		{"reindex", "", "rebuild the search index from the stored articles (after an upgrade of the analysis)", reindexCmd},
		{"eval", "", "run every evaluation found under the data directory", evalCmd},
		{"ner", "--conll FILE", "tag named entities of a CoNLL file (one token per line)", nerCmd},
		{"train", "ner", "train the NER tagger from the evaluation data and write its model", trainCmd},
		{"bench", "PATH...", "measure ingest and analysis throughput on the given inputs", benchCmd},
		{"gazetteer", "build | lookup NAME", "regenerate the shipped gazetteer from GeoNames data, or look a place name up", gazetteerCmd},
		{"version", "", "print the version", versionCmd},
	}
}

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func versionCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	return func(_ context.Context, _ *flag.FlagSet, stdout, _ io.Writer) int {
		fmt.Fprintln(stdout, "isnad", version)
		return exitOK
	}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `isnad reads Arabic news in bulk and answers who said what, through whom,
and where the reports disagree.

Usage: isnad COMMAND [flags] [args]

Commands:
`)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, c := range commands() {
		fmt.Fprintf(tw, "  %s %s\t%s\n", c.name, c.args, c.summary)
	}
	tw.Flush()
	fmt.Fprint(w, `
Run "isnad COMMAND -h" for a command's flags.
`)
}

// run is the whole program: it parses args, runs one command and returns
// the exit code. Tests call it directly.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return run([]string{args[1], "-h"}, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		fs := flag.NewFlagSet("isnad "+c.name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		runFn := c.flags(fs)
		fs.Usage = func() {
			fmt.Fprintf(stderr, "Usage: isnad %s [flags] %s\n\n%s.\n", c.name, c.args, capitalize(c.summary))
			var hasFlags bool
			fs.VisitAll(func(*flag.Flag) { hasFlags = true })
			if hasFlags {
				fmt.Fprintln(stderr, "\nFlags:")
				fs.PrintDefaults()
			}
		}
		if err := fs.Parse(reorder(fs, args[1:])); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return runFn(ctx, fs, stdout, stderr)
	}
	fmt.Fprintf(stderr, "isnad: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

// reorder moves flags after positional arguments to the front, so that
// "isnad search سوريا --limit 5" works as users expect. A lone "--" ends
// the flags.
func reorder(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
					continue
				}
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
