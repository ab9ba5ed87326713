// Package extract turns what ingest read into an article's title and body:
// it removes the boilerplate that sites and aggregators wrap around news
// (separators, view counters, copyright footers, follow-us lines) and keeps
// the original letters of everything else. Nothing here normalizes Arabic for
// display: the body is the text every later offset refers to, so it is made
// only of (trimmed) lines of the input. Matching boilerplate does fold letter
// variants, on a copy (see fold).
//
// All functions are pure and safe for concurrent use.
package extract

import (
	"strings"
	"unicode/utf8"
)

// Warnings that Text and Tidy may return.
const (
	WarnNoBody      = "no body text after cleaning"
	WarnTitleOnly   = "title only"
	WarnReplacement = "text contains U+FFFD replacement characters"
)

// replacement is U+FFFD REPLACEMENT CHARACTER, which decoders put where
// bytes were not valid UTF-8. (strings.Contains finds it faster than
// strings.ContainsRune(s, utf8.RuneError), which decodes every rune.)
const replacement = "\uFFFD"

// Limits of the title heuristic: a first line longer than this is a
// paragraph, not a headline.
const (
	maxTitleRunes = 150
	maxTitleWords = 25
)

// Text cleans one plain-text article, as found in a .txt file with one
// article per file, and splits it into title and body.
//
// The title is the first non-empty line when it looks like a headline (see
// isTitle) and is not the only line; copies of it on the following lines are
// dropped. When the first line is a short kicker printed above a headline
// that the page repeats (kicker, headline, headline), the repeated line is
// the title and the kicker stays in the body. Otherwise title is "" and the
// first line stays in the body.
//
// The body is the remaining lines, each trimmed of surrounding white space
// and invisible marks, with the boilerplate lines of the rules table removed
// and blank lines dropped: paragraphs are separated by a single "\n". Letters
// are kept exactly; the only change inside a line is a leading "&" separator
// glued to the text.
//
// Invalid UTF-8 is replaced by U+FFFD. Warnings (WarnNoBody, WarnTitleOnly,
// WarnReplacement) describe non-fatal problems; they are nil when there are
// none.
func Text(raw string) (title, body string, warnings []string) {
	if !utf8.ValidString(raw) {
		raw = strings.ToValidUTF8(raw, replacement)
	}
	lines := cleanLines(raw)

	title, lines = splitTitle(lines)
	body = strings.Join(lines, "\n")

	switch {
	case body == "" && title != "":
		warnings = append(warnings, WarnTitleOnly)
	case body == "":
		warnings = append(warnings, WarnNoBody)
	}
	if strings.Contains(title, replacement) || strings.Contains(body, replacement) {
		warnings = append(warnings, WarnReplacement)
	}
	return title, body, warnings
}

// cleanLines splits raw into trimmed lines and drops blank lines and
// boilerplate.
func cleanLines(raw string) []string {
	var lines []string
	for line := range strings.Lines(raw) {
		line = unglue(trim(line))
		if line == "" || isBoilerplate(line, false) {
			continue
		}
		lines = append(lines, line)
	}
	// Tail rules ("التعليقات") apply only to what ends the text; once one
	// line is removed, the one before it is the end.
	for len(lines) > 0 && isBoilerplate(lines[len(lines)-1], true) {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// splitTitle picks the title from the first lines, as Text describes, and
// returns it with the lines left for the body.
func splitTitle(lines []string) (title string, rest []string) {
	if len(lines) < 2 || !isTitle(lines[0]) {
		return "", lines
	}
	// kicker, headline, headline: the repeated line is the headline.
	if len(lines) >= 3 && lines[1] == lines[2] && lines[1] != lines[0] && isTitle(lines[1]) {
		title = lines[1]
		rest = append([]string{lines[0]}, dropRepeats(lines[2:], title)...)
		return title, rest
	}
	return lines[0], dropRepeats(lines[1:], lines[0])
}

// dropRepeats removes the leading lines of lines equal to s.
func dropRepeats(lines []string, s string) []string {
	for len(lines) > 0 && lines[0] == s {
		lines = lines[1:]
	}
	return lines
}

// isTitle reports whether line looks like a headline: short, with a letter in
// it, and not ending like a sentence or a lead-in (".", ":", "،", ","). An
// ellipsis ("..." or "…") is allowed; headlines use it.
func isTitle(line string) bool {
	if utf8.RuneCountInString(line) > maxTitleRunes || len(strings.Fields(line)) > maxTitleWords {
		return false
	}
	if !hasLetter(line) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case ':', ArabicComma, ',', ';', ArabicSemicolon:
		return false
	case '.':
		return strings.HasSuffix(line, "...")
	}
	return true
}
