package arabic

import (
	"unicode"
	"unicode/utf8"
)

// Tokenize splits text into word and number tokens, filling Text, Start,
// End and Position only; Analyze fills the rest.
//
// A token is a maximal run of letters of any script, digits of any script,
// combining marks and tatweel that holds at least one letter or digit, so
// harakat stay inside their word and a line of tatweel used as a rule is no
// token. Inside a run:
//   - a separator between two digits is kept, so that a number stays one
//     token: 1,631 and 3.5 and ١٬٥٠٠ and ٢٫٥ (the separators . , ٫ ٬);
//   - invisible joiners and bidi marks (ZWNJ, ZWJ, LRM, RLM, ALM, the soft
//     hyphen, the BOM and the bidi controls) are kept when a letter, digit or
//     mark follows them, and otherwise end the token.
//
// Everything else separates tokens and is not emitted: spaces, the zero
// width space, punctuation (، ؛ ؟ . , : " « » “ ” ( ) - …), symbols, and
// bytes that are not valid UTF-8. Start and End are byte offsets into text,
// Text is text[Start:End], and the tokens are in order and do not overlap.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/12+1)
	var s scanner
	s.Init(text)
	for {
		start, end, ok := s.Scan()
		if !ok {
			return toks
		}
		toks = append(toks, Token{Text: text[start:end], Start: start, End: end, Position: len(toks)})
	}
}

// A scanner finds the tokens of a text one at a time, in the manner of
// go/scanner: Init once, then call Scan until it reports false. Its zero
// value is an empty text. It does not allocate.
type scanner struct {
	src string
	off int // where the next Scan starts reading
}

// Init prepares s to scan src from the beginning.
func (s *scanner) Init(src string) { s.src, s.off = src, 0 }

// Scan returns the byte span [start, end) of the next token, or ok false
// when there are no more tokens.
func (s *scanner) Scan() (start, end int, ok bool) {
	src := s.src
	for s.off < len(src) {
		r, size := decode(src, s.off)
		c := classify(r)
		if c != classWord && c != classDigit && c != classMark {
			s.off += size
			continue
		}
		start = s.off
		end = s.off + size
		hasWord := c != classMark
		prevDigit := c == classDigit
		i := end
	run:
		for i < len(src) {
			r, size := decode(src, i)
			switch c := classify(r); c {
			case classWord, classDigit, classMark:
				hasWord = hasWord || c != classMark
				prevDigit = c == classDigit
				i += size
				end = i
			case classJoiner:
				// Keep a run of joiners only if the word goes on after it.
				j := i + size
				for j < len(src) {
					r, n := decode(src, j)
					if classify(r) != classJoiner {
						break
					}
					j += n
				}
				if j == len(src) {
					break run
				}
				r, _ := decode(src, j)
				if c := classify(r); c != classWord && c != classDigit && c != classMark {
					break run
				}
				i = j
			case classNumSep:
				// Keep a separator between two digits: 1,631 and ٢٫٥.
				if !prevDigit || i+size >= len(src) {
					break run
				}
				r, n := decode(src, i+size)
				if classify(r) != classDigit {
					break run
				}
				i += size + n
				end = i
			default:
				break run
			}
		}
		s.off = end
		if hasWord {
			return start, end, true
		}
	}
	return 0, 0, false
}

// decode returns the rune at src[i:] and its size. An invalid byte decodes
// as utf8.RuneError of size 1, which classifies as a separator.
func decode(src string, i int) (rune, int) {
	if c := src[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(src[i:])
}

// A class is the part a rune plays in tokenization.
type class uint8

const (
	classSep    class = iota // ends a token and is not part of any
	classWord                // a letter: starts or continues a token
	classDigit               // a decimal digit: starts or continues a token
	classMark                // a combining mark or tatweel: part of a token
	classJoiner              // invisible: part of a token if the token goes on
	classNumSep              // . , ٫ ٬: part of a token between two digits
)

// asciiClass and arabicClass are classify's tables for ASCII and for the
// Arabic block U+0600–U+06FF.
var asciiClass, arabicClass = func() (a [utf8.RuneSelf]class, b [256]class) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		a[r] = classifySlow(r)
	}
	for r := rune(0x600); r <= 0x6FF; r++ {
		b[r-0x600] = classifySlow(r)
	}
	return a, b
}()

func classify(r rune) class {
	switch {
	case r < utf8.RuneSelf:
		return asciiClass[r]
	case 0x600 <= r && r <= 0x6FF:
		return arabicClass[r-0x600]
	}
	return classifySlow(r)
}

func classifySlow(r rune) class {
	switch {
	case r == Tatweel: // a modifier letter for Unicode, a stretch for us
		return classMark
	case r == '.', r == ',', r == ArabicDecimalSeparator, r == ArabicThousandsSeparator:
		return classNumSep
	case r == ZeroWidthSpace: // an invisible space
		return classSep
	case isIgnorable(r):
		return classJoiner
	case unicode.IsLetter(r):
		return classWord
	case unicode.IsDigit(r):
		return classDigit
	case unicode.IsMark(r):
		return classMark
	}
	return classSep
}
