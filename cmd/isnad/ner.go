package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/isnad-project/isnad/arabic"
	"github.com/isnad-project/isnad/internal/ner"
)

func nerCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	conll := fs.String("conll", "", `tag a CoNLL file (one token per line, "-" for stdin); without it, print the entities of the text on stdin as JSON Lines`)
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		if fs.NArg() > 0 {
			fs.Usage()
			return exitUsage
		}
		tagger := ner.Default()
		if *conll == "" {
			return nerText(tagger, stdout, stderr)
		}
		in := stdin
		if *conll != "-" {
			f, err := os.Open(*conll)
			if err != nil {
				fmt.Fprintln(stderr, "isnad ner:", err)
				return exitFailure
			}
			defer f.Close()
			in = f
		}
		if err := tagCoNLL(ctx, tagger, in, stdout); err != nil {
			fmt.Fprintln(stderr, "isnad ner:", err)
			return exitFailure
		}
		return exitOK
	}
}

// tagCoNLL copies a CoNLL file to w as token<TAB>tag lines, with the blank
// lines where they were. The sentences are tagged as a document, each with
// the ner.DefaultWindow sentences around it.
func tagCoNLL(ctx context.Context, t *ner.Tagger, r io.Reader, w io.Writer) error {
	var sents [][]string
	var blanks []int // blank lines before each sentence, then at the end
	var cur []string
	nb := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		tok, _, ok := ner.SplitLine(sc.Text())
		if ok {
			if cur == nil {
				blanks = append(blanks, nb)
				nb = 0
			}
			cur = append(cur, tok)
			continue
		}
		if cur != nil {
			sents = append(sents, cur)
			cur = nil
		}
		nb++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", line+1, err)
	}
	if cur != nil {
		sents = append(sents, cur)
	}
	blanks = append(blanks, nb)
	if err := ctx.Err(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for i, tags := range t.TagDocument(sents, ner.DefaultWindow) {
		for range blanks[i] {
			bw.WriteByte('\n')
		}
		for j, tag := range tags {
			bw.WriteString(sents[i][j])
			bw.WriteByte('\t')
			bw.WriteString(tag)
			bw.WriteByte('\n')
		}
	}
	for range blanks[len(sents)] {
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// nerText prints the entities of the text on stdin, one JSON object a line.
func nerText(t *ner.Tagger, stdout, stderr io.Writer) int {
	text, err := readStdin()
	if err != nil {
		fmt.Fprintln(stderr, "isnad ner:", err)
		return exitFailure
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, e := range t.Entities(text, arabic.Tokenize(text)) {
		if err := enc.Encode(e); err != nil {
			fmt.Fprintln(stderr, "isnad ner:", err)
			return exitFailure
		}
	}
	return exitOK
}
