package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the light stemmer. It works on two forms of a word that
// have the same length byte for byte: norm, the output of Normalize, and
// pre, the same text before أ إ آ ة ى are folded. It reads pre where the
// folding loses what it needs (ة is not the pronoun ه) and cuts norm.
// Every letter of an Arabic word is two bytes in UTF-8, so i/2 counts
// letters.
//
// What the stemmer does, in order:
//
//  1. The clitics: the segmenter (segment.go) splits the word into
//     proclitics (و ف ب ك ل س ال), core and enclitic pronoun (ه ها هم هما
//     هن كم كما كن نا ني), in isnad's convention. It is a ranker learned
//     from data; the hand-written lists of words/ overrule it: a word whose
//     stem is in conj.txt keeps its و or ف (وزير), in prep.txt its ب or ل
//     (بريطانيا, لبنان), in future.txt its س (سيارة), and a word of
//     encl.txt its final ه (يواجه).
//  2. The stem is the core less its endings: a plural ات (if 3 letters
//     remain) or ون ين (if 4 remain, and not in words/plural.txt:
//     فلسطين); then a plural verb ending وا, a feminine ة, an accusative or
//     country-name ا, or the ت of a feminine noun before a pronoun
//     (مدينته); then a relational ي or ى; then a final hamza, whose seat
//     changes with the case (أبناء أبناؤه أبنائه). Each only if 3 letters
//     remain.
//
// The word lists are checked on stems: the entry وزير keeps the و of وزيرا
// and وزيرها too. The stem used for that lookup comes from the rules the
// stemmer used before it had a segmenter (keepStem): a pronoun ه ها هم
// هما هن (not after ا; ه not after ي) if 3 letters remain, كم كما نا if 4
// remain, then the endings of step 2.
//
// So سوريا سورية السورية السوري السوريين لسوريا all stem to سور, and
// روسيا الروسية الروسي الروس بروسيا to روس. What it does not do: broken
// plurals (دول and دولة meet by chance; مدن and مدينة do not), verb
// inflection (قالت and قال stay apart), the dual ان (a letter of too many
// nouns: لبنان, بيان), and infixes.

// Clitics and endings, as strings of named letters.
const (
	article = string(Alef) + string(Lam) // ال
	lamLam  = string(Lam) + string(Lam)  // لل = ل + ال
	allah   = article + string(Lam) + string(Heh)
	sufAt   = string(Alef) + string(Teh) // ات
	sufUn   = string(Waw) + string(Noon) // ون
	sufIn   = string(Yeh) + string(Noon) // ين
)

// enclitics are the pronouns keepStem removes, longest first.
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

// wordParts is the analysis of one Arabic word in isnad's convention; all
// strings but the restored article of لل are substrings of the word's
// norm, and the spans are byte ranges of norm.
type wordParts struct {
	pro     [3]string // proclitics, in order
	proSpan [3]Span   // where each is written; a restored ال spans its ل, or nothing
	npro    int
	core    string // the word without its clitics: norm[coreStart:coreEnd]
	encl    string // an enclitic pronoun, or ""
	stem    string
	// coreStart and coreEnd are the bytes of norm the core spans; the
	// enclitic is norm[coreEnd:].
	coreStart, coreEnd int
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

// splitWord segments and stems one Arabic word (isArabicWord(norm)) in
// isnad's convention.
func splitWord(pre, norm string) wordParts {
	var sg segmenter
	var segs [8]string
	var spans [8]Span
	_, _, p := sg.analyze(theLexicon(), segs[:0], spans[:0], pre, norm, SchemeIsnad)
	return p
}

// isnadEnclitic reports whether pron, a pronoun the segmenter split off,
// is an enclitic in isnad's convention: not ي and ك, which cannot be told
// from the relational ي (سوري) and a final ك of the word without a wider
// lexicon.
func isnadEnclitic(pron string) bool {
	return pron != segYeh && pron != segKaf
}

// keepStem returns the stem of norm[pos:] by the stemmer's rules before the
// segmenter: the stem under which the word lists of words/ are kept.
func keepStem(pre, norm string, pos int) string {
	end := len(norm)
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
		end -= k
		break
	}
	return endings(pre, norm, pos, end, end != len(norm))
}

// endings returns the stem of the core norm[pos:end] (step 2); encl says
// whether an enclitic pronoun followed it.
func endings(pre, norm string, pos, end int, encl bool) string {
	core := norm[pos:end]
	se := end
	n := func() int { return (se - pos) / 2 }
	switch {
	case strings.HasSuffix(core, sufAt) && n()-2 >= 3:
		se -= 4
	case (strings.HasSuffix(core, sufUn) || strings.HasSuffix(core, sufIn)) && n()-2 >= 4 && !pluralKeep.has(core):
		se -= 4
	}
	if n() < 4 {
		return norm[pos:se]
	}
	switch l := letterAt(pre, se-2); {
	case l == Alef && letterAt(pre, se-4) == Waw && n() >= 5: // قالوا
		se -= 4
	case l == TehMarbuta, l == Alef:
		se -= 2
	case l == Teh && encl && se == end:
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
	return norm[pos:se]
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
		s[keepStem(pre, foldVariants(pre), 0)] = struct{}{}
	}
	return s
}

// holds reports whether the word norm[pos:], read whole, has the stem of
// a word of s: whether its first letter belongs to it.
func (s keepSet) holds(pre, norm string, pos int) bool {
	_, ok := s[keepStem(pre, norm, pos)]
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

// Root returns a rough triliteral root of one word, for grouping words of
// one family (مدرسة, المدرس, دروس → درس): the light stem (Stem), with
// every hamza seat read as ا, less the remaining affixes of verbs and
// pronouns, then less the letters of the common patterns of derivation, in
// the manner of the ISRI stemmer (Taghva, Elkhoury and Coombs, 2005):
// مفعول, فاعل, فعيل, افتعل, انفعل, تفاعل, استفعل, مستفعل, استفعال and
// their imperfect forms. It knows no lexicon: hollow and weak roots
// (قال from قول), broken plurals and quadriliteral words come out wrong
// as often as not. A word that is not Arabic is returned as Stem returns
// it.
func Root(word string) string {
	s := Stem(word)
	if !isArabicWord(s) {
		return s
	}
	r := []rune(s)
	for i, c := range r {
		switch c {
		case Hamza, WawHamzaAbove, YehHamzaAbove:
			r[i] = Alef
		}
	}
	// Suffixes of verbs and pronouns that the light stem keeps: an object
	// pronoun, then a subject (أسخطتماهن).
	for range 2 {
		for _, suf := range rootSuffixes {
			if n := utf8.RuneCountInString(suf); len(r) >= n+3 && string(r[len(r)-n:]) == suf {
				r = r[:len(r)-n]
				break
			}
		}
	}
	for len(r) > 3 {
		n := len(r)
		r = rootPattern(r)
		if len(r) == n {
			break
		}
	}
	return string(r)
}

// rootSuffixes are the suffixes Root removes before the patterns, longest
// first: subject and object pronouns of verbs.
var rootSuffixes = []string{
	"تموها", "تموه", "تماها", "تماهم", "تمو", "تما", "تان", "تين", "كما", "هما",
	"تم", "تن", "كم", "كن", "هم", "هن", "ها", "نا", "ني", "وا", "ون", "ان", "ين", "ات",
	"ك", "ه", "ت", "ن", "و",
}

// rootPattern removes the letters of one pattern of derivation from r, or
// one affix letter, and returns r unchanged if there is none to remove.
func rootPattern(r []rune) []rune {
	is := func(i int, cs string) bool { return i < len(r) && strings.ContainsRune(cs, r[i]) }
	cat := func(parts ...[]rune) []rune {
		var out []rune
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	const (
		imperfect = "يتنا" // letters that begin an imperfect verb or أفعل
		vowels    = "اوي"
	)
	switch len(r) {
	case 4:
		switch {
		case is(0, "م"): // مفعل
			return r[1:]
		case is(1, "ا"): // فاعل
			return cat(r[:1], r[2:])
		case is(2, vowels): // فعال فعول فعيل
			return cat(r[:2], r[3:])
		case is(0, imperfect): // يفعل أفعل
			return r[1:]
		case is(3, "هت"): // فعلة
			return r[:3]
		}
	case 5:
		switch {
		case is(0, "م") && is(3, vowels): // مفعول مفعيل
			return cat(r[1:3], r[4:])
		case is(0, "ا") && is(2, "ت"), is(0, "م") && is(2, "ت"), is(0, imperfect) && is(2, "ت"): // افتعل مفتعل يفتعل
			return cat(r[1:2], r[3:])
		case is(0, "ام") && is(1, "ن"): // انفعل منفعل
			return r[2:]
		case is(0, imperfect) && is(1, "ت"): // يتفعل تتفعل
			return r[2:]
		case is(0, "تمي") && is(2, "ا"): // تفاعل مفاعل يفاعل
			return cat(r[1:2], r[3:])
		case is(0, "ت") && is(3, "ي"): // تفعيل
			return cat(r[1:3], r[4:])
		case is(0, "ا") && is(3, "ا"): // افعال
			return cat(r[1:3], r[4:])
		case is(3, "ا") && is(4, "ن"): // فعلان
			return r[:3]
		}
	case 6:
		switch {
		case is(0, "امتيني") && is(1, "س") && is(2, "ت"): // استفعل مستفعل يستفعل
			return r[3:]
		case is(0, "ا") && is(2, "ت") && is(4, "ا"): // افتعال
			return cat(r[1:2], r[3:4], r[5:])
		case is(0, "ا") && is(1, "ن") && is(4, "ا"): // انفعال
			return cat(r[2:4], r[5:])
		}
	case 7:
		if is(0, "ا") && is(1, "س") && is(2, "ت") && is(5, "ا") { // استفعال
			return cat(r[3:5], r[6:])
		}
	}
	switch {
	case is(len(r)-1, "هيكتان"): // one suffix letter
		return r[:len(r)-1]
	case is(0, "اىتنم"): // one prefix letter
		return r[1:]
	}
	return r
}
