package arabic

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This file reproduces the Arabic analysis of Apache Lucene's
// ArabicNormalizationFilter and ArabicStemFilter, for programs that must
// produce the same terms as a Lucene or Elasticsearch index. It is written
// from the description of the algorithm (Larkey, Ballesteros and Connell's
// light stemmer as Lucene implements it), not from Lucene's code; the test
// vectors of Lucene's own tests (TestArabicNormalizationFilter,
// TestArabicStemFilter) check it.
//
// Lucene works on UTF-16 code units, so lengths here count them too: an
// Arabic letter is one unit, a character outside the Basic Multilingual
// Plane two.

// LuceneNormalize returns s normalized as Lucene's ArabicNormalizer does:
// آ أ إ → ا, ى → ي, ة → ه, and tatweel, the tanween (ً ٌ ٍ), the short
// vowels (َ ُ ِ), shadda and sukun removed. Nothing else changes: other
// harakat, Persian letters, digits, hamza on و and ي, and other scripts stay
// as they are. Bytes that are not valid UTF-8 become U+FFFD, as when Java
// decodes them. Use Normalize for isnad's own, wider normalization.
func LuceneNormalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, string(utf8.RuneError))
	}
	var buf []rune
	for i, r := range s {
		to, drop := luceneNormRune(r)
		if !drop && to == r {
			if buf != nil {
				buf = append(buf, r)
			}
			continue
		}
		if buf == nil {
			buf = []rune(s[:i])
		}
		if !drop {
			buf = append(buf, to)
		}
	}
	if buf == nil {
		return s
	}
	return string(buf)
}

// luceneNormRune returns what Lucene's normalizer makes of r: a letter, or
// drop.
func luceneNormRune(r rune) (to rune, drop bool) {
	switch r {
	case AlefMadda, AlefHamzaAbove, AlefHamzaBelow:
		return Alef, false
	case AlefMaksura:
		return Yeh, false
	case TehMarbuta:
		return Heh, false
	case Tatweel, Fathatan, Dammatan, Kasratan, Fatha, Damma, Kasra, Shadda, Sukun:
		return 0, true
	}
	return r, false
}

// Lucene's prefixes and suffixes, in the order it tries them.
var (
	lucenePrefixes = [][]uint16{
		units(Alef, Lam),      // ال
		units(Waw, Alef, Lam), // وال
		units(Beh, Alef, Lam), // بال
		units(Kaf, Alef, Lam), // كال
		units(Feh, Alef, Lam), // فال
		units(Lam, Lam),       // لل
		units(Waw),            // و
	}
	luceneSuffixes = [][]uint16{
		units(Heh, Alef),       // ها
		units(Alef, Noon),      // ان
		units(Alef, Teh),       // ات
		units(Waw, Noon),       // ون
		units(Yeh, Noon),       // ين
		units(Yeh, Heh),        // يه
		units(Yeh, TehMarbuta), // ية
		units(Heh),             // ه
		units(TehMarbuta),      // ة
		units(Yeh),             // ي
	}
)

func units(rs ...rune) []uint16 { return utf16.Encode(rs) }

// LuceneStem returns the term Lucene's ArabicNormalizationFilter followed
// by its ArabicStemFilter makes of one word: LuceneNormalize, then
//
//   - at most one prefix, the first of ال وال بال كال فال لل و that begins
//     the word, if at least two letters remain (three for و);
//   - then each suffix of ها ان ات ون ين يه ية ه ة ي in turn, once, when it
//     ends what is left and at least two letters remain.
//
// So والحسن → حسن, ساهدهات → ساهد (ات, then ه), الو → الو. A word of
// another script comes back as LuceneNormalize leaves it. The light
// stemmer of this package (Stem) is a different one: it segments clitics
// with a ranker and keeps more of the word.
func LuceneStem(word string) string {
	s := utf16.Encode([]rune(LuceneNormalize(word)))
	n := len(s)
	for _, p := range lucenePrefixes {
		if luceneStartsWith(s[:n], p) {
			s = s[len(p):]
			n -= len(p)
			break
		}
	}
	for _, x := range luceneSuffixes {
		if luceneEndsWith(s[:n], x) {
			n -= len(x)
		}
	}
	return string(utf16.Decode(s[:n]))
}

// luceneStartsWith reports whether s begins with prefix p and keeps enough
// letters without it: three for و, two for the others.
func luceneStartsWith(s, p []uint16) bool {
	if len(p) == 1 && len(s) < 4 || len(s) < len(p)+2 {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}

// luceneEndsWith reports whether s ends with suffix x and keeps two
// letters without it.
func luceneEndsWith(s, x []uint16) bool {
	if len(s) < len(x)+2 {
		return false
	}
	for i := range x {
		if s[len(s)-len(x)+i] != x[i] {
			return false
		}
	}
	return true
}
