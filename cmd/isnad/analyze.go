package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
)

// stdin is where analyze reads; tests replace it.
var stdin io.Reader = os.Stdin

// maxAnalyzeInput bounds what analyze reads from stdin.
const maxAnalyzeInput = 64 << 20

func analyzeCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	scheme := fs.String("scheme", "", `segmentation convention: "" or "isnad" (clitics only), or "farasa" (Farasa/ATB: ال+بريطاني+ة)`)
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		var opts arabic.Options
		switch *scheme {
		case "", "isnad":
		case "farasa": // segments in the Farasa/ATB convention: ال+بريطاني+ة
			opts.Scheme = arabic.SchemeFarasa
		default:
			fmt.Fprintf(stderr, "isnad analyze: unknown --scheme %q (want farasa)\n", *scheme)
			return exitUsage
		}
		text, err := readStdin()
		if err != nil {
			fmt.Fprintln(stderr, "isnad analyze:", err)
			return exitFailure
		}
		if !utf8.ValidString(text) {
			fmt.Fprintln(stderr, "isnad analyze: warning: stdin is not valid UTF-8; invalid bytes are skipped")
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, t := range arabic.NewAnalyzer(opts).Analyze(text) {
			if t.Segments == nil {
				t.Segments = []string{}
			}
			if err := enc.Encode(t); err != nil {
				fmt.Fprintln(stderr, "isnad analyze:", err)
				return exitFailure
			}
		}
		return exitOK
	}
}

// readStdin reads the text of stdin, at most maxAnalyzeInput bytes.
func readStdin() (string, error) {
	data, err := io.ReadAll(io.LimitReader(stdin, maxAnalyzeInput+1))
	if err != nil {
		return "", fmt.Errorf("reading stdin: %w", err)
	}
	if len(data) > maxAnalyzeInput {
		return "", fmt.Errorf("stdin is larger than %d MB", maxAnalyzeInput>>20)
	}
	return string(data), nil
}
