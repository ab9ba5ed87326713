package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Sentence is a sentence of a text: the half-open byte range [Start, End)
// into the text given to Sentences, without surrounding space.
type Sentence struct{ Start, End int }

// Quotation marks, ellipsis and line separators, which letters.go does not
// name.
const (
	guillemetOpen      = '\u00AB' // « (the usual Arabic quotation marks)
	guillemetClose     = '\u00BB' // »
	curlyOpen          = '\u201C' // “
	curlyClose         = '\u201D' // ” (also used alone at both ends)
	lowCurlyOpen       = '\u201E' // „
	singleCurlyClose   = '\u2019' // ’
	horizontalEllipsis = '\u2026' // …
	doubleExclamation  = '\u203C' // ‼
	exclamationQuery   = '\u2049' // ⁉
	nextLine           = '\u0085' // NEL
	lineSeparator      = '\u2028'
	paragraphSeparator = '\u2029'
	arabicBlock        = '\u0600' // the first rune of the Arabic block
)

// Limits of quote tracking, in bytes.
const (
	// maxQuoteSpan is how far a quotation mark may be from the mark that
	// closes it. A quote left open longer is taken as broken: it never
	// protects its sentence ends, so it cannot swallow the article.
	maxQuoteSpan = 1000

	// longQuote is the length above which a quote is split into its own
	// sentences. A shorter quote stays in the sentence of its reporting
	// verb; a longer one holds several sentences, and its quotation marks,
	// which stay in the first and last of them, let a reader of the
	// sentences join them again.
	longQuote = 500
)

// Sentences splits text into sentences. The sentences are in order, do not
// overlap, and together hold every character of text that is not space
// (unicode.IsSpace): a line of punctuation alone is a sentence too. It is
// safe for concurrent use and runs in time linear in len(text).
//
// A sentence ends:
//   - at a line break (\n, \r, U+2028, U+2029, NEL), which ends a
//     paragraph, a title or a dateline;
//   - after . ! ? ؟ ۔ ‼ ⁉ (a run of them, ?! or ؟!, ends one sentence),
//     with the closing quotation marks and brackets that follow at once:
//     قال: "لن نتراجع." is one sentence, quote included.
//
// The Arabic comma ، never ends a sentence, nor does the semicolon ؛: in
// Arabic news it joins a statement to its reason or its consequence (أكد
// الجيش…؛ في نفي للتهم), and splitting there would cut a claim from what
// it claims.
//
// A full stop does not end a sentence:
//   - when a digit, a Latin letter or a symbol follows it at once: 3.5,
//     17.00, ٢.٥, www.example.com, name@example.org, U.S.A. An Arabic
//     letter after it at once is taken as a missing space (انتهى.وقال),
//     and ends the sentence;
//   - after a single letter, Arabic or Latin: the abbreviations د. م. أ.
//     ص.ب. ج.م.ع. U.S. J. Smith. Except: م and هـ after a number, the
//     calendar markers (عام 2015 م.), and the last letter of an
//     abbreviation spelled with spaces (بحسب أ ف ب.), end the sentence;
//   - after a few Latin titles (Mr. Dr. Prof. St. vs. No. …);
//   - after the number of a list at the start of a sentence (1. ٢.);
//   - before a lower-case Latin letter (approx. the).
//
// An ellipsis (... or … or ..) does not end a sentence: Arabic writers use
// it for a pause (قال إنه… لن يعود) and Arabic has no capital letter to
// show that a new sentence starts. It ends one only before a capital Latin
// letter. Abbreviations written without dots (أ ف ب) contain nothing to
// split at. ? and ! inside a URL (?q=1) are followed by a Latin letter or
// a symbol, and end nothing.
//
// Quotes. Inside a quotation (« », “ ”, ” ”, „ ”, " ") of at most
// longQuote bytes, sentence ends are ignored, unless the quotation closes
// right after them. A longer quotation is split like the text around it.
// A quotation mark counts only if it is closed on the same line within
// maxQuoteSpan bytes; otherwise it is broken and ignored, so an unclosed
// quote never joins sentences.
func Sentences(text string) []Sentence {
	quotes, closers := pairQuotes(text)
	s := sentenceSplitter{text: text, quotes: quotes, closers: closers}
	return s.split()
}

// A quoteSpan is a pair of quotation marks: [start, end) runs from the
// first byte of the opening mark to the end of the closing one.
type quoteSpan struct{ start, end int }

// A quoteKind is a family of quotation marks, each closed by its own mark.
type quoteKind uint8

const (
	quoteGuillemet quoteKind = iota // « »
	quoteCurly                      // “ ” and „ ”
	quoteCurlyBoth                  // ” ”: one mark at both ends
	quoteStraight                   // " "
	nQuoteKinds
)

// pairQuotes matches the quotation marks of text, as documented on
// Sentences. It returns the quotations of at most longQuote bytes that no
// other such quotation contains, in order, and the offsets of the straight
// quotes (") that close a quotation, in order. It runs in linear time: each
// mark is pushed and popped at most once.
func pairQuotes(text string) (short []quoteSpan, closers []int) {
	type open struct {
		pos  int
		kind quoteKind
	}
	var stack []open
	lo := 0 // stack[:lo] have expired
	var live [nQuoteKinds]int
	closeKind := func(k quoteKind, end int) { // pop down to the innermost k
		for {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			live[top.kind]--
			if top.kind == k {
				if end-top.pos <= longQuote {
					for len(short) > 0 && short[len(short)-1].start >= top.pos {
						short = short[:len(short)-1] // inside this one
					}
					short = append(short, quoteSpan{top.pos, end})
				}
				return
			}
		}
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '\n' && c != '\r' && c != '\v' && c != '\f' {
			i++
			continue
		}
		r, size := decode(text, i)
		if isSentenceBreak(r) {
			stack, lo, live = stack[:0], 0, [nQuoteKinds]int{}
			i += size
			continue
		}
		kind, opens, closes := quoteRole(r)
		if !opens && !closes {
			i += size
			continue
		}
		for lo < len(stack) && i-stack[lo].pos > maxQuoteSpan {
			live[stack[lo].kind]--
			lo++
		}
		if lo > len(stack)/2 { // drop the expired marks: at most maxQuoteSpan stay live
			stack, lo = stack[:copy(stack, stack[lo:])], 0
		}
		if r == curlyClose && live[quoteCurly] == 0 {
			kind, opens = quoteCurlyBoth, true // ”…”
		}
		switch {
		case closes && live[kind] > 0:
			closeKind(kind, i+size)
			if r == '"' {
				closers = append(closers, i)
			}
		case opens:
			stack = append(stack, open{i, kind})
			live[kind]++
		}
		i += size
	}
	return short, closers
}

// quoteRole says which family a quotation mark belongs to and whether it
// may open or close a quotation.
func quoteRole(r rune) (kind quoteKind, opens, closes bool) {
	switch r {
	case guillemetOpen:
		return quoteGuillemet, true, false
	case guillemetClose:
		return quoteGuillemet, false, true
	case curlyOpen, lowCurlyOpen:
		return quoteCurly, true, false
	case curlyClose:
		return quoteCurly, false, true
	case '"':
		return quoteStraight, true, true
	}
	return 0, false, false
}

// isSentenceBreak reports whether r ends a line, and so a sentence.
func isSentenceBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', nextLine, lineSeparator, paragraphSeparator:
		return true
	}
	return false
}

// isTerminator reports whether r may end a sentence.
func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', ArabicQuestionMark, ArabicFullStop, horizontalEllipsis, doubleExclamation, exclamationQuery:
		return true
	}
	return false
}

// A sentenceSplitter holds the state of Sentences.
type sentenceSplitter struct {
	text    string
	quotes  []quoteSpan // short quotations, in order
	closers []int       // straight quotes that close a quotation, in order
	out     []Sentence
}

func (s *sentenceSplitter) split() []Sentence {
	text := s.text
	s.out = make([]Sentence, 0, len(text)/100+1)
	start := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' && c != '\n' && c != '\r' && c != '\v' && c != '\f' {
			i++
			continue
		}
		r, size := decode(text, i)
		if isSentenceBreak(r) {
			s.emit(start, i)
			i += size
			start = i
			continue
		}
		if !isTerminator(r) {
			i += size
			continue
		}
		j := i // the run of terminators
		for j < len(text) {
			r, n := decode(text, j)
			if !isTerminator(r) {
				break
			}
			j += n
		}
		k := j // and the closing marks after it
		for k < len(text) {
			r, n := decode(text, k)
			if !s.isCloser(r, k) {
				break
			}
			k += n
		}
		if s.ends(start, i, j, k) {
			s.emit(start, k)
			start = k
		}
		i = k
	}
	s.emit(start, len(text))
	return s.out
}

// isCloser reports whether r at offset i closes a quotation or a bracket.
func (s *sentenceSplitter) isCloser(r rune, i int) bool {
	switch r {
	case guillemetClose, curlyClose, singleCurlyClose, ')', ']', '}':
		return true
	case '"':
		for len(s.closers) > 0 && s.closers[0] < i {
			s.closers = s.closers[1:]
		}
		return len(s.closers) > 0 && s.closers[0] == i
	}
	return false
}

// inQuote reports whether offset k lies strictly inside a short quotation.
// Calls must come with k increasing.
func (s *sentenceSplitter) inQuote(k int) bool {
	for len(s.quotes) > 0 && s.quotes[0].end <= k {
		s.quotes = s.quotes[1:]
	}
	return len(s.quotes) > 0 && s.quotes[0].start < k
}

// ends reports whether the terminators text[i:j], with the closing marks
// text[j:k] after them, end the sentence that begins at start.
func (s *sentenceSplitter) ends(start, i, j, k int) bool {
	text := s.text
	if s.inQuote(k) {
		return false
	}
	strong, dots := false, 0
	for _, r := range text[i:j] {
		switch r {
		case '.':
			dots++
		case horizontalEllipsis:
			dots += 3
		default:
			strong = true
		}
	}
	if k == len(text) {
		return true
	}
	next, _ := decode(text, k)
	spaced := unicode.IsSpace(next)
	if spaced { // look at what begins the next sentence
		for n := k; n < len(text); {
			r, size := decode(text, n)
			if !unicode.IsSpace(r) || isSentenceBreak(r) {
				next = r
				break
			}
			n += size
		}
	}
	switch {
	case strong:
		// ?! ends, unless glued to a Latin letter or a symbol (a URL).
		return spaced || !isGlued(next)
	case dots > 1: // an ellipsis
		return spaced && next < utf8.RuneSelf && unicode.IsUpper(next)
	}
	// A single full stop.
	if !spaced && isGlued(next) || spaced && next < utf8.RuneSelf && unicode.IsLower(next) {
		return false
	}
	return !s.abbreviation(start, i)
}

// isGlued reports whether r, right after a terminator with no space,
// makes the terminator part of a token: a digit, a Latin letter, a symbol
// or punctuation (3.5, U.S, example.com/, ?q=1, ".،"). An Arabic letter, an
// opening quotation mark or bracket is not glued: the space is missing.
func isGlued(r rune) bool {
	switch {
	case r == guillemetOpen || r == curlyOpen || r == lowCurlyOpen || r == '"' || r == '(' || r == '[':
		return false
	case unicode.IsDigit(r):
		return true
	case unicode.IsLetter(r):
		return r < arabicBlock // Latin, Greek, Cyrillic…: the alphabets before the Arabic block
	}
	return true
}

// latinTitles are Latin abbreviations that a full stop follows without
// ending the sentence, in lower case.
var latinTitles = strings.Fields("mr mrs ms dr prof st jr sr vs no gen col lt sgt capt gov sen rep mt fig")

// abbreviation reports whether the full stop at text[i] ends an
// abbreviation rather than the sentence that begins at start.
func (s *sentenceSplitter) abbreviation(start, i int) bool {
	text := s.text
	// The word before the stop: letters and marks, at most 16 bytes back.
	w := i
	letters := 0
	var letter rune
	for w > start {
		if i-w >= 16 {
			return false // a long word
		}
		r, n := utf8.DecodeLastRuneInString(text[:w])
		if c := classify(r); c == classWord {
			letters++
			letter = r
		} else if c != classMark {
			break
		}
		w -= n
	}
	if letters == 0 {
		// The number of a list item: "1." alone at the start of a sentence.
		body := strings.TrimFunc(text[start:i], unicode.IsSpace)
		return body != "" && len(body) <= 6 && strings.IndexFunc(body, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
	}
	if letters == 1 {
		if letter == Meem || letter == Heh { // 2015 م. and 1436 هـ.
			before := strings.TrimRightFunc(text[start:w], unicode.IsSpace)
			if r, _ := utf8.DecodeLastRuneInString(before); unicode.IsDigit(r) {
				return false
			}
		}
		// The last letter of an abbreviation spelled with spaces, أ ف ب.
		if before := strings.TrimRightFunc(text[start:w], unicode.IsSpace); len(before) < w-start {
			r, n := utf8.DecodeLastRuneInString(before)
			prev, _ := utf8.DecodeLastRuneInString(before[:len(before)-n])
			if classify(r) == classWord && classify(prev) != classWord && classify(prev) != classMark {
				return false
			}
		}
		return true // د. م. ص.ب. U.S.
	}
	if i-w <= 4 && text[w] < utf8.RuneSelf {
		for _, t := range latinTitles {
			if strings.EqualFold(text[w:i], t) {
				return true
			}
		}
	}
	return false
}

// emit appends text[a:b], without surrounding space, if anything remains.
func (s *sentenceSplitter) emit(a, b int) {
	text := s.text
	for a < b {
		r, n := decode(text, a)
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	if a < b {
		s.out = append(s.out, Sentence{a, b})
	}
}
