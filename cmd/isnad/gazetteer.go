package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/isnad-project/isnad/internal/eval"
	"github.com/isnad-project/isnad/internal/geo"
)

// gazetteerCmd regenerates the shipped gazetteer data (build) or shows what
// the gazetteer makes of a name (lookup).
func gazetteerCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	src := fs.String("src", "", "build: the GeoNames data directory (default: gazetteer_geonames under ../shared/eval)")
	out := fs.String("o", filepath.Join("internal", "geo", "data", geo.CitiesFile), "build: the file to write")
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		switch fs.Arg(0) {
		case "build":
			if fs.NArg() != 1 {
				fs.Usage()
				return exitUsage
			}
			return gazetteerBuild(*src, *out, stdout, stderr)
		case "lookup":
			if fs.NArg() < 2 {
				fs.Usage()
				return exitUsage
			}
			return gazetteerLookup(strings.Join(fs.Args()[1:], " "), stdout, stderr)
		}
		fs.Usage()
		return exitUsage
	}
}

func gazetteerBuild(src, out string, stdout, stderr io.Writer) int {
	if src == "" {
		src = filepath.Join(eval.DefaultDir(), "gazetteer_geonames")
	}
	in := filepath.Join(src, "cities15000_with_arabic.tsv")
	f, err := os.Open(in)
	if err != nil {
		fmt.Fprintln(stderr, "isnad gazetteer build:", err)
		return exitFailure
	}
	defer f.Close()
	tmp, err := os.CreateTemp(filepath.Dir(out), ".cities-*.tmp")
	if err != nil {
		fmt.Fprintf(stderr, "isnad gazetteer build: %v (run it from the repository root, or give -o)\n", err)
		return exitFailure
	}
	defer os.Remove(tmp.Name())
	n, err := geo.Build(f, tmp)
	if err == nil {
		err = tmp.Close()
	} else {
		tmp.Close()
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		fmt.Fprintf(stderr, "isnad gazetteer build: %s: %v\n", in, err)
		return exitFailure
	}
	fi, _ := os.Stat(out)
	fmt.Fprintf(stdout, "wrote %s: %d cities, %d bytes\n", out, n, fi.Size())
	return exitOK
}

func gazetteerLookup(name string, stdout, stderr io.Writer) int {
	g, err := geo.New()
	if err != nil {
		fmt.Fprintln(stderr, "isnad gazetteer lookup:", err)
		return exitFailure
	}
	places := g.Lookup(name)
	if len(places) == 0 {
		fmt.Fprintf(stdout, "%s: no place\n", name)
		return exitFailure
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tCOUNTRY\tKIND\tPOPULATION\tLAT\tLON")
	for _, p := range places {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%.5f\t%.5f\n", p.ID, p.Name, p.Country, p.Kind, p.Population, p.Lat, p.Lon)
	}
	tw.Flush()
	if p, ok := g.Resolve("", name); ok {
		fmt.Fprintf(stdout, "\nwith no context: %s %s (%.5f, %.5f)\n", p.ID, p.Name, p.Lat, p.Lon)
	} else {
		fmt.Fprintln(stdout, "\nwith no context: ambiguous, left unresolved")
	}
	return exitOK
}
