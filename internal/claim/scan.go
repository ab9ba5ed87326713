package claim

import (
	"strings"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
)

// A kind says what a tok is: a word (letters or digits) or one of the
// punctuation marks the frames care about. Other symbols are skipped.
type kind uint8

const (
	word      kind = iota
	comma          // , ، and the Arabic-Indic comma variants
	stop           // . ! ? ؟ … ending a sentence
	colon          // :
	semi           // ; ؛
	quote          // " “ ” „ ″: a mark that may open or close a quotation
	qopen          // « ‹: opens a quotation
	qclose         // » ›: closes one
	popen          // ( [
	pclose         // ) ]
	dash           // - – —
	newline        // a line break: paragraphs end here, and so do sentences
	softbreak      // a line break inside a sentence (hard-wrapped text)
)

// Punctuation that is not in package arabic's table of named runes.
const (
	leftGuillemet   = '\u00AB' // «
	rightGuillemet  = '\u00BB' // »
	leftSingleGuil  = '\u2039' // ‹
	rightSingleGuil = '\u203A' // ›
	leftDoubleQuote = '\u201C' // “
	rightDoubleQuot = '\u201D' // ”
	lowDoubleQuote  = '\u201E' // „
	doublePrime     = '\u2033' // ″
	enDash          = '\u2013' // –
	emDash          = '\u2014' // —
	ellipsis        = '\u2026' // …
	urduFullStop    = arabic.ArabicFullStop
)

// A tok is one word or mark of the text, with its byte span. For a word,
// norm is arabic.Normalize of its text; for a mark it is empty.
type tok struct {
	kind       kind
	start, end int
	norm       string
}

// scan splits text into words (arabic.Tokenize) and the punctuation
// between them. It runs in time linear in len(text).
func scan(text string) []tok {
	words := arabic.Tokenize(text)
	toks := make([]tok, 0, len(words)+len(words)/4+8)
	prev := 0
	for _, w := range words {
		toks = marks(toks, text, prev, w.Start)
		toks = append(toks, tok{kind: word, start: w.Start, end: w.End, norm: arabic.Normalize(w.Text)})
		prev = w.End
	}
	toks = marks(toks, text, prev, len(text))
	softBreaks(toks)
	sentenceEnds(toks, text)
	return toks
}

// sentenceEnds keeps a full stop, question or exclamation mark as the end
// of a sentence only where arabic.Sentences ends one: not after the
// abbreviations and list numbers it knows (د. أ. 1.), nor inside a short
// quotation. The others become softbreaks, which end nothing.
func sentenceEnds(toks []tok, text string) {
	ss := arabic.Sentences(text)
	k := 0
	for i := range toks {
		if toks[i].kind != stop {
			continue
		}
		// The sentence that holds the mark: it ends the sentence when
		// nothing but closing marks and spaces follow it up to the end.
		for k < len(ss) && ss[k].End <= toks[i].start {
			k++
		}
		if k >= len(ss) {
			continue
		}
		// closers: quotation marks and brackets that close after a stop,
		// more stops (?!), and spaces.
		const closers = "\"'\u00BB\u201D\u2019)]}.!?\u061F \t"
		if rest := text[toks[i].end:ss[k].End]; strings.TrimLeft(rest, closers) != "" {
			toks[i].kind = softbreak
		}
	}
}

// softBreaks turns a single line break inside a sentence into a softbreak:
// one that follows a long line with no final punctuation and comes before
// more text (wrapped lines), as opposed to a headline or a paragraph end.
func softBreaks(toks []tok) {
	const minLine = 12 // words: shorter unpunctuated lines are headlines
	words := 0
	for i, t := range toks {
		switch t.kind {
		case word:
			words++
		case newline:
			if words >= minLine && i > 0 && toks[i-1].kind == word && i+1 < len(toks) && toks[i+1].kind == word {
				toks[i].kind = softbreak
			} else {
				words = 0
			}
		case stop:
			words = 0
		}
	}
}

// marks appends the punctuation found in text[from:to], which holds no word.
func marks(toks []tok, text string, from, to int) []tok {
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		k, ok := markKind(r)
		if ok && k == stop && r == '.' && i+size < len(text) {
			// A full stop glued to the next letter (أ.ف.ب, 3.5 is one
			// token already) ends no sentence.
			if next, _ := utf8.DecodeRuneInString(text[i+size:]); isLetterish(next) {
				ok = false
			}
		}
		if ok {
			toks = append(toks, tok{kind: k, start: i, end: i + size})
		}
		i += size
	}
	return toks
}

func markKind(r rune) (kind, bool) {
	switch r {
	case ',', arabic.ArabicComma:
		return comma, true
	case '.', '!', '?', arabic.ArabicQuestionMark, ellipsis, urduFullStop:
		return stop, true
	case ':':
		return colon, true
	case ';', arabic.ArabicSemicolon:
		return semi, true
	case '"', leftDoubleQuote, rightDoubleQuot, lowDoubleQuote, doublePrime:
		return quote, true
	case leftGuillemet, leftSingleGuil:
		return qopen, true
	case rightGuillemet, rightSingleGuil:
		return qclose, true
	case '(', '[':
		return popen, true
	case ')', ']':
		return pclose, true
	case '-', enDash, emDash:
		return dash, true
	case '\n', '\r', '\u2028', '\u2029':
		return newline, true
	}
	return 0, false
}

func isLetterish(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0x0621 && r <= 0x064A
}

// quoteClass groups the marks that may pair with each other: ASCII quotes
// pair with ASCII quotes, typographic ones with typographic ones.
func quoteClass(text string, t tok) int {
	if text[t.start] == '"' {
		return 0
	}
	return 1
}
