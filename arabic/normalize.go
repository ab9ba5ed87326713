package arabic

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in the form used for matching. It never changes
// stored text: a Token keeps the bytes as written in Text and carries the
// normalized form in Norm.
//
// Normalize, in this order:
//   - drops bytes that are not valid UTF-8 (they carry no letter to match,
//     and a U+FFFD would glue the neighbours to a symbol);
//   - drops invisible format characters: ZWNJ, ZWJ, ZWSP, LRM, RLM, ALM,
//     the bidi embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069), the word joiner, the soft hyphen and the BOM;
//   - applies Unicode NFKC, which folds presentation forms and ligatures
//     (ﺍﻟﺴﻼﻢ → السلام, ﻻ → لا) and composes decomposed hamza (ا + U+0654 → أ);
//   - drops tatweel and every haraka and Quranic mark: U+064B–U+065F,
//     the superscript alef U+0670, U+06D6–U+06ED, U+0610–U+061A and the
//     marks of Arabic Extended-A;
//   - folds spelling variants: أ إ آ ٱ ٲ ٳ → ا, ى → ي, ة → ه, and the
//     Persian and Urdu letters ی → ي, ک → ك, ە ھ ہ ۀ → ه;
//   - maps Arabic-Indic (٠–٩) and Persian (۰–۹) digits to ASCII, and the
//     Arabic decimal and thousands separators ٫ ٬ to '.' and ','.
//
// Hamza on its own seat is kept: ؤ and ئ stay as they are, as does ء.
// Latin letters keep their case. The result is valid UTF-8, and
// Normalize(Normalize(s)) == Normalize(s). Text that needs no change is
// returned without allocating; pure ASCII is returned at once.
func Normalize(s string) string { return normalize(s, true) }

// normalize is Normalize with the folding of أ إ آ ة ى made optional.
// With fold false the result keeps those letters, which the light stemmer
// reads (a hamza on the alef says ال is not the article; ة is not the
// pronoun ه). Each of them is two bytes, as are ا ه ي, so the folded and
// unfolded forms of a word have the same length, byte for byte.
func normalize(s string, fold bool) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	if out, ok := mapRunes(s, i, fold, true); ok {
		return out
	}
	return normalizeSlow(s, fold)
}

// normalizeSlow is the general path, for text holding runes whose NFKC form
// may differ from themselves.
func normalizeSlow(s string, fold bool) string {
	// Drop invalid bytes and format characters first: a ZWJ or LRM between
	// a letter and a combining mark blocks composition, and removing it
	// later would leave a string that NFKC still changes.
	s = strip(s)
	out, _ := mapRunes(norm.NFKC.String(s), 0, fold, false)
	// Dropping a mark can unblock a composition (e + U+0654 + U+0301: the
	// hamza blocks é, and we drop the hamza). Each round can only shorten the
	// text, so this ends; in practice it never runs twice, and the bound is
	// only a guard.
	for round := 0; round < 8 && !norm.NFKC.IsNormalString(out); round++ {
		out, _ = mapRunes(norm.NFKC.String(out), 0, fold, false)
	}
	return out
}

// strip removes invalid UTF-8 and the format characters of isIgnorable.
func strip(s string) string {
	var buf []byte
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r == utf8.RuneError && size == 1 || isIgnorable(r) {
			if buf == nil {
				buf = make([]byte, i, len(s))
				copy(buf, s[:i])
			}
		} else if buf != nil {
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	if buf == nil {
		return s
	}
	return string(buf)
}

// An op says what the normalizer does with one rune of the Arabic block.
type op uint8

const (
	opKeep op = iota
	opDrop    // tatweel, harakat, Quranic marks, ALM
	opMap     // always replaced: digits, wasla, Persian letters
	opFold    // replaced when folding spelling variants: أ إ آ ة ى
	opNFKC    // NFKC may change it: composing hamza and madda, ٵ ٶ ٷ ٸ
)

type rule struct {
	op op
	to rune
}

// arabicRules holds the rule for each rune of the Arabic block U+0600–U+06FF.
var arabicRules = func() (t [256]rule) {
	set := func(r rune, o op, to rune) { t[r-0x600] = rule{o, to} }
	for r := rune(0x600); r <= 0x6FF; r++ {
		if isHaraka(r) || isIgnorable(r) {
			set(r, opDrop, 0)
		}
	}
	set(Tatweel, opDrop, 0)
	for _, r := range []rune{MaddahAbove, HamzaAbove, HamzaBelow, '\u0675', '\u0676', '\u0677', '\u0678'} {
		set(r, opNFKC, 0) // the last four are letters with a high hamza
	}
	for _, r := range []rune{AlefMadda, AlefHamzaAbove, AlefHamzaBelow} {
		set(r, opFold, Alef)
	}
	set(TehMarbuta, opFold, Heh)
	set(AlefMaksura, opFold, Yeh)
	for _, r := range []rune{AlefWasla, AlefWavyHamzaAbove, AlefWavyHamzaBelow} {
		set(r, opMap, Alef)
	}
	set(FarsiYeh, opMap, Yeh)
	set(Keheh, opMap, Kaf)
	for _, r := range []rune{Ae, HehDoachashmee, HehGoal, HehYehAbove} {
		set(r, opMap, Heh)
	}
	for d := rune(0); d < 10; d++ {
		set(ArabicIndicZero+d, opMap, '0'+d)
		set(ExtendedArabicIndicZero+d, opMap, '0'+d)
	}
	set(ArabicDecimalSeparator, opMap, '.')
	set(ArabicThousandsSeparator, opMap, ',')
	return t
}()

// mapRunes applies arabicRules and drops format characters, invalid bytes
// and the marks outside the Arabic block, starting at s[from:] (s[:from] is
// ASCII). In strict mode it gives up, returning ok false, at the first rune
// whose NFKC form might differ: the caller must then take the slow path.
// It allocates only when the text changes.
func mapRunes(s string, from int, fold, strict bool) (out string, ok bool) {
	var stack [64]byte
	var buf []byte // nil until the first change
	for i := from; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if buf != nil {
				buf = append(buf, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		to, drop := r, false
		switch {
		case r == utf8.RuneError && size == 1:
			drop = true
		case 0x600 <= r && r <= 0x6FF:
			switch rl := arabicRules[r-0x600]; rl.op {
			case opDrop:
				drop = true
			case opMap:
				to = rl.to
			case opFold:
				if fold {
					to = rl.to
				}
			case opNFKC:
				if strict {
					return "", false
				}
				drop = isHaraka(r)
			}
		case isIgnorable(r), isHaraka(r):
			drop = true
		case strict:
			return "", false
		}
		switch {
		case drop || to != r:
			if buf == nil {
				buf = stack[:0]
				if len(s) > len(stack) {
					buf = make([]byte, 0, len(s))
				}
				buf = append(buf, s[:i]...)
			}
			if !drop {
				buf = utf8.AppendRune(buf, to)
			}
		case buf != nil:
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	if buf == nil {
		return s, true
	}
	return string(buf), true
}

// foldVariants maps the letters that normalize(s, false) keeps to those of
// Normalize: أ إ آ → ا, ة → ه, ى → ي. Its input is the output of
// normalize(s, false), and the result has the same length.
func foldVariants(pre string) string {
	var stack [64]byte
	var buf []byte
	for i := 0; i+1 < len(pre); i++ {
		if pre[i] < 0xD8 || pre[i] > 0xD9 { // not a lead byte of U+0600–U+067F
			continue
		}
		r, size := utf8.DecodeRuneInString(pre[i:])
		if size != 2 || r > 0x6FF || arabicRules[r-0x600].op != opFold {
			continue
		}
		if buf == nil {
			buf = stack[:0]
			if len(pre) > len(stack) {
				buf = make([]byte, 0, len(pre))
			}
			buf = append(buf, pre...)
		}
		utf8.EncodeRune(buf[i:], arabicRules[r-0x600].to)
		i++
	}
	if buf == nil {
		return pre
	}
	return string(buf)
}

// FoldPresentation replaces Arabic presentation forms (U+FB50–U+FDFF and
// U+FE70–U+FEFF: contextual letter shapes and ligatures, as produced by old
// encodings and PDF extraction) with the letters they stand for, using their
// NFKC decomposition: ﺍﻟﺴﻼﻢ → السلام. Everything else, harakat and invalid
// UTF-8 included, is returned unchanged, so the result is still fit for
// display. A few ligatures become several words: ﷺ → صلى الله عليه وسلم.
func FoldPresentation(s string) string {
	var buf []byte
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			if buf != nil {
				buf = append(buf, s[i])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isPresentationForm(r) {
			if buf != nil {
				buf = append(buf, s[i:i+size]...)
			}
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isPresentationForm(r) {
				break
			}
			j += n
		}
		if buf == nil {
			buf = make([]byte, i, len(s)+8)
			copy(buf, s[:i])
		}
		buf = norm.NFKC.AppendString(buf, s[i:j])
		i = j
	}
	if buf == nil {
		return s
	}
	return string(buf)
}
