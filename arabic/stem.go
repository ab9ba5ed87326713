package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the light stemmer, the first layer of clitic segmentation,
// and the spelling-variant key. The stemmer works on two forms of a word
// that have the same length byte for byte: norm, the output of Normalize,
// and pre, the same text before أ إ آ ة ى are folded. It reads pre where
// the folding loses what it needs (أ in أل is no article; ة is no pronoun)
// and cuts norm. Every letter of an Arabic word is two bytes in UTF-8, so
// i/2 counts letters.
//
// What the stemmer does, in order:
//
//  1. A conjunction: و if at least 3 letters remain; ف only before the
//     article, the future prefix or a hamza on alef (فالحكومة, فسيقول,
//     فأكد), since far more words begin with ف (فبراير, فيلم) than are
//     prefixed by it. Not if the word begins with that letter (وزير,
//     فرنسا; see words/conj.txt).
//  2. The article and what comes with it: ال (not أل, إل, آل: a hamza says
//     the alef belongs to the word), لل (ل + ال, but ل + لبنان), بال and
//     كال, if at least 2 letters remain. Otherwise a single preposition ب
//     or ل, if at least 3 letters remain and the word does not begin with
//     that letter (بريطانيا, لبنان; see words/prep.txt). Otherwise the
//     future prefix س, if the word looks like a verb: س, then ي ت ن or أ,
//     then no long vowel ا ي, at least 3 letters after س, no noun ending
//     (ة ات ا ي), and not a word of words/future.txt (سيطرة, سنتين). A
//     single ك is never split: a noun begins with ك far more often than a
//     word is prefixed by it.
//  3. An enclitic pronoun, only when there is no article: ه ها هم هما هن
//     (not after ا: اتجاه, تفاهم; ه not after ي: توجيه) if at least 3
//     letters remain; كم كما نا if at least 4 remain (نا not after ا و ي:
//     احيانا, كورونا, فيينا); never in the words of words/encl.txt, whose ه
//     is their own (يواجه, الله). The first person ي is never split: it
//     cannot be told from the relational ي of سوري without a lexicon.
//  4. The stem is what remains, less its endings: a plural ات (if 3 letters
//     remain) or ون ين (if 4 remain, and not in words/plural.txt:
//     فلسطين); then a plural verb ending وا, a feminine ة, an accusative or
//     country-name ا, or the ت of a feminine noun before a pronoun
//     (مدينته); then a relational ي or ى; then a final hamza, whose seat
//     changes with the case (أبناء أبناؤه أبنائه). Each only if 3 letters
//     remain.
//
// The word lists of steps 1–3 are checked on stems: the entry وزير keeps
// the و of وزيرا and وزيرها too.
//
// So سوريا سورية السورية السوري السوريين لسوريا all stem to سور, and
// روسيا الروسية الروسي الروس بروسيا to روس. What it does not do: broken
// plurals (دول and دولة meet by chance; مدن and مدينة do not), verb
// inflection (قالت and قال stay apart), the dual ان (a letter of too many
// nouns: لبنان, بيان), and infixes. A name that begins with و ب ل and is
// not in the lists loses that letter (an unknown بلانكو stems to لانكو),
// though the same way in all its forms but those with another ب or ل
// before it. A full segmenter will replace steps 1–3.

// Clitics and endings, as strings of named letters.
const (
	article  = string(Alef) + string(Lam) // ال
	lamLam   = string(Lam) + string(Lam)  // لل = ل + ال
	allah    = article + string(Lam) + string(Heh)
	allahumm = allah + string(Meem)
	sufAt    = string(Alef) + string(Teh) // ات
	sufUn    = string(Waw) + string(Noon) // ون
	sufIn    = string(Yeh) + string(Noon) // ين
)

// enclitics are the pronouns split by step 3, longest first.
var enclitics = []struct {
	suffix  string
	min     int  // letters that must remain
	hehLike bool // a pronoun beginning with ه: not after ا
}{
	{string(Heh) + string(Meem) + string(Alef), 3, true},  // هما
	{string(Kaf) + string(Meem) + string(Alef), 4, false}, // كما
	{string(Heh) + string(Meem), 3, true},                 // هم
	{string(Heh) + string(Noon), 3, true},                 // هن
	{string(Heh) + string(Alef), 3, true},                 // ها
	{string(Kaf) + string(Meem), 4, false},                // كم
	{string(Noon) + string(Alef), 4, false},               // نا
	{string(Heh), 3, true},                                // ه
}

// wordParts is the analysis of one Arabic word; all strings but the
// restored article of لل are substrings of the word's norm.
type wordParts struct {
	pro  [3]string // proclitics, in order
	npro int
	core string // the word without its clitics
	encl string // an enclitic pronoun, or ""
	stem string
}

// letterAt returns the two-byte letter at s[i:i+2].
func letterAt(s string, i int) rune {
	return rune(s[i]&0x1F)<<6 | rune(s[i+1]&0x3F)
}

// isArabicWord reports whether s is made only of letters of the Arabic
// block, the form Normalize gives an Arabic word.
func isArabicWord(s string) bool {
	if len(s) == 0 || len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		if s[i] < 0xD8 || s[i] > 0xDB || s[i+1]&0xC0 != 0x80 {
			return false
		}
		if arabicClass[letterAt(s, i)-0x600] != classWord {
			return false
		}
	}
	return true
}

// splitWord segments and stems one Arabic word (isArabicWord(norm)).
func splitWord(pre, norm string) (p wordParts) {
	pos := 0
	left := func() int { return (len(norm) - pos) / 2 }
	push := func(s string) { p.pro[p.npro] = s; p.npro++ }

	// 1. Conjunction.
	if l := letterAt(pre, pos); (l == Waw || l == Feh && fehJoins(pre, pos+2)) &&
		left()-1 >= 3 && !conjKeep.holds(pre, norm, pos) {
		push(norm[pos : pos+2])
		pos += 2
	}

	// 2. Article, preposition or future prefix.
	definite := false
	switch l := letterAt(pre, pos); {
	case strings.HasPrefix(pre[pos:], article) && left()-2 >= 2 &&
		norm[pos:] != allah && norm[pos:] != allahumm:
		push(norm[pos : pos+4])
		pos += 4
		definite = true
	case strings.HasPrefix(pre[pos:], lamLam) && left() >= 4 && prepKeep.holds(pre, norm, pos+2): // للبنان
		push(norm[pos : pos+2])
		pos += 2
	case strings.HasPrefix(pre[pos:], lamLam) && left()-2 >= 2:
		push(norm[pos : pos+2])
		push(article) // restored: لل is ل + ال
		pos += 4
		definite = true
	case (l == Beh || l == Kaf) && strings.HasPrefix(pre[pos+2:], article) && left()-3 >= 2 &&
		!prepKeep.holds(pre, norm, pos):
		push(norm[pos : pos+2])
		push(norm[pos+2 : pos+6])
		pos += 6
		definite = true
	case (l == Beh || l == Lam) && left()-1 >= 3 && !prepKeep.holds(pre, norm, pos):
		push(norm[pos : pos+2])
		pos += 2
	case l == Seen && left()-1 >= 3 && isFutureVerb(pre, pos) && !futureKeep.holds(pre, norm, pos):
		push(norm[pos : pos+2])
		pos += 2
	}

	p.core, p.encl, p.stem = tail(pre, norm, pos, definite)
	return p
}

// tail returns the core, enclitic and stem of norm[pos:], a word whose
// proclitics end at pos (steps 3 and 4). After the article (definite) a
// word takes no pronoun.
func tail(pre, norm string, pos int, definite bool) (core, encl, stem string) {
	end := len(norm)

	// 3. Enclitic pronoun.
	if !definite {
		for _, e := range enclitics {
			k := len(e.suffix)
			if !strings.HasSuffix(norm[pos:], e.suffix) || (end-pos-k)/2 < e.min {
				continue
			}
			before := letterAt(norm, end-k-2)
			if e.hehLike && before == Alef || e.suffix == string(Heh) && before == Yeh ||
				e.suffix == string(Noon)+string(Alef) && (before == Alef || before == Waw || before == Yeh) {
				break
			}
			if letterAt(pre, end-2) == TehMarbuta || enclKeep.has(norm[pos:]) ||
				strings.HasSuffix(norm, allah) {
				break // a feminine ending, or a ه of the word
			}
			encl = norm[end-k : end]
			end -= k
			break
		}
	}
	core = norm[pos:end]

	// 4. Endings.
	se := end
	n := func() int { return (se - pos) / 2 }
	switch {
	case strings.HasSuffix(core, sufAt) && n()-2 >= 3:
		se -= 4
	case (strings.HasSuffix(core, sufUn) || strings.HasSuffix(core, sufIn)) && n()-2 >= 4 && !pluralKeep.has(core):
		se -= 4
	}
	if n() < 4 {
		return core, encl, norm[pos:se]
	}
	switch l := letterAt(pre, se-2); {
	case l == Alef && letterAt(pre, se-4) == Waw && n() >= 5: // قالوا
		se -= 4
	case l == TehMarbuta, l == Alef:
		se -= 2
	case l == Teh && encl != "" && se == end:
		se -= 2
	}
	if n() >= 4 && letterAt(norm, se-2) == Yeh {
		se -= 2
	}
	// A final hamza changes its seat with the case: أبناء أبناؤه أبنائه.
	if n() >= 4 {
		if l := letterAt(norm, se-2); l == Hamza || l == WawHamzaAbove || l == YehHamzaAbove {
			se -= 2
		}
	}
	return core, encl, norm[pos:se]
}

// fehJoins reports whether pre[pos:] is a word that a ف before it joins
// as a conjunction: one that begins with the article (ال, لل, بال, كال),
// with the future prefix س, or with a hamza on alef (فأكد, فإذا). Elsewhere
// the stemmer keeps ف, since far more words begin with ف (فبراير, فيلم,
// فترة) than are prefixed by it.
func fehJoins(pre string, pos int) bool {
	if len(pre)-pos < 6 {
		return false
	}
	s := pre[pos:]
	switch l := letterAt(s, 0); {
	case strings.HasPrefix(s, article), strings.HasPrefix(s, lamLam):
		return true
	case l == AlefHamzaAbove, l == AlefHamzaBelow, l == AlefMadda:
		return true
	case l == Beh || l == Kaf:
		return strings.HasPrefix(s[2:], article)
	case l == Seen:
		return len(s) >= 8 && isFutureVerb(s, 0)
	}
	return false
}

// isFutureVerb reports whether pre[pos:], which begins with س and has at
// least 4 letters, looks like an imperfect verb with the future prefix:
// س, then ي ت ن or أ, then no long vowel ا ي (which begin foreign names:
// سياق, ستيفن, ستاندرد), and no ending of a noun or a name (ة ات ا ي).
func isFutureVerb(pre string, pos int) bool {
	if !isImperfectPrefix(letterAt(pre, pos+2)) {
		return false
	}
	if third := letterAt(pre, pos+4); third == Alef || third == Yeh {
		return false
	}
	switch letterAt(pre, len(pre)-2) {
	case TehMarbuta, Alef, Yeh:
		return false
	}
	return !strings.HasSuffix(pre, sufAt)
}

// isImperfectPrefix reports whether l can begin an imperfect verb after
// the future prefix س: سيقول ستكون سنعمل سأكون.
func isImperfectPrefix(l rune) bool {
	return l == Yeh || l == Teh || l == Noon || l == AlefHamzaAbove
}

// A wordSet is a set of normalized words.
type wordSet map[string]struct{}

// newWordSet returns the set of the words in list, a space-separated list
// of words as written.
func newWordSet(list string) wordSet {
	s := wordSet{}
	for _, w := range strings.Fields(list) {
		s[Normalize(w)] = struct{}{}
	}
	return s
}

func (s wordSet) has(w string) bool { _, ok := s[w]; return ok }

// A keepSet lists words that begin with a letter that could be a
// proclitic but is not: و in وزير, ب in بريطانيا. It holds their stems,
// so that one entry keeps every form: وزير keeps وزيرا and وزيرها.
type keepSet map[string]struct{}

// newKeepSet returns the keepSet of the words in list, a space-separated
// list of words as written.
func newKeepSet(list string) keepSet {
	s := keepSet{}
	for _, w := range strings.Fields(list) {
		pre := normalize(w, false)
		_, _, stem := tail(pre, foldVariants(pre), 0, false)
		s[stem] = struct{}{}
	}
	return s
}

// holds reports whether the word norm[pos:], read whole, has the stem of
// a word of s: whether its first letter belongs to it.
func (s keepSet) holds(pre, norm string, pos int) bool {
	_, _, stem := tail(pre, norm, pos, false)
	_, ok := s[stem]
	return ok
}

// Stem returns the light stem of one word, as Analyze computes it for a
// token: Stem("والسورية") == "سور". The word may be written with harakat,
// hamza and tatweel; it is normalized first. A number gives its normalized
// digits, and a word of other scripts its lower case. Stem does not repair
// scraper debris and does not know stopwords: pass whole words.
func Stem(word string) string {
	pre := normalize(word, false)
	norm := foldVariants(pre)
	if isArabicWord(norm) {
		return splitWord(pre, norm).stem
	}
	return otherStem(norm)
}

// otherStem is the stem and key of a token that is not an Arabic word:
// its Norm in lower case, which leaves a number as it is.
func otherStem(norm string) string { return strings.ToLower(norm) }

// hasDigit reports whether s holds a decimal digit of any script.
func hasDigit(s string) bool {
	for _, r := range s {
		if '0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
