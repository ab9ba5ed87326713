package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// A Sentence is one sentence of a CoNLL file: its tokens and, when the file
// has a second column, their tags.
type Sentence struct {
	Tokens []string
	Tags   []string // nil when the file has no tags
}

// maxLine bounds the length of a line of a CoNLL file.
const maxLine = 1 << 20

// ReadCoNLL reads a file in the CoNLL layout: one token per line, its tag in
// the last column (columns are separated by spaces or tabs), and a blank
// line between sentences. A line with a single column has no tag; Tags is
// then nil for its sentence, and "O" stands in for the missing tags of a
// sentence that has some. Runs of blank lines are one break.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	tagged := false
	flush := func() {
		if len(cur.Tokens) > 0 {
			if !tagged {
				cur.Tags = nil
			}
			out = append(out, cur)
		}
		cur, tagged = Sentence{}, false
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	for sc.Scan() {
		tok, tag, ok := SplitLine(sc.Text())
		if !ok {
			flush()
			continue
		}
		if tag == "" {
			tag = "O"
		} else {
			tagged = true
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading CoNLL: %w", err)
	}
	flush()
	return out, nil
}

// SplitLine splits a line of a CoNLL file into its token (the first column)
// and its tag (the last column, "" when there is only one). It reports false
// for a blank line, which separates sentences.
func SplitLine(line string) (token, tag string, ok bool) {
	line = strings.TrimSpace(line)
	if line == "" {
		return "", "", false
	}
	isSep := func(r rune) bool { return r == ' ' || r == '\t' }
	i := strings.IndexFunc(line, isSep)
	if i < 0 {
		return line, "", true
	}
	j := strings.LastIndexFunc(line, isSep)
	return line[:i], line[j+1:], true
}
