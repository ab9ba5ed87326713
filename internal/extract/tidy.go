package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Invisible marks that pages leave at the ends of lines. They are trimmed with
// white space (unicode.IsSpace already covers U+00A0 NO-BREAK SPACE, which
// pages use for empty paragraphs) but never removed inside a line.
const (
	ZeroWidthSpace   = '\u200B'
	LeftToRightMark  = '\u200E'
	RightToLeftMark  = '\u200F'
	ArabicLetterMark = '\u061C'
	WordJoiner       = '\u2060'
	ByteOrderMark    = '\uFEFF' // also ZERO WIDTH NO-BREAK SPACE
)

// Arabic punctuation the title heuristic looks at.
const (
	ArabicComma     = '\u060C' // ،
	ArabicSemicolon = '\u061B' // ؛
)

// Tidy is the light cleaning for text that arrives already separated from its
// page, such as the text field of a JSON record: it trims each line, drops
// blank lines and joins the rest with a single "\n". Letters are kept exactly;
// there is no title heuristic and no boilerplate removal. Invalid UTF-8 is
// replaced by U+FFFD.
func Tidy(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, replacement)
	}
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.Lines(s) {
		line = trim(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}

// TidyLine cleans a one-line field such as a title: every run of white space,
// line breaks included, becomes one space, and the ends are trimmed.
func TidyLine(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, replacement)
	}
	s = trim(s)
	if !strings.ContainsFunc(s, isBlank) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isBlank(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// trim removes white space and invisible marks from both ends of s.
func trim(s string) string { return strings.TrimFunc(s, isBlank) }

func isBlank(r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case ZeroWidthSpace, LeftToRightMark, RightToLeftMark, ArabicLetterMark, WordJoiner, ByteOrderMark:
		return true
	}
	return false
}

// unglue removes "&" separators glued to the start of a line of text
// ("&بعد التصريحات" → "بعد التصريحات"). An "&" that starts an HTML entity
// ("&amp;", "&#1576;") or precedes a Latin letter or digit is kept.
func unglue(line string) string {
	if !strings.HasPrefix(line, "&") {
		return line
	}
	rest := strings.TrimLeft(line, "&")
	r, _ := utf8.DecodeRuneInString(rest)
	if r == '#' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return line
	}
	return trim(rest)
}

func hasLetter(s string) bool { return strings.ContainsFunc(s, unicode.IsLetter) }
