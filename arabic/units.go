package arabic

import (
	_ "embed"
	"strings"
)

// The counted nouns of FindNumbers: the table of words/units.txt, which
// singularizes the nouns that most often follow numbers in news, and the
// rules for the others.

//go:embed words/units.txt
var unitsFile string

// A unitTable holds words/units.txt, keyed by numFold.
type unitTable struct {
	forms map[string]string   // a form → its singular, as written in the table
	duals map[string]string   // a dual → its singular
	not   map[string]struct{} // words that count nothing
}

var unitWords = loadUnits(unitsFile)

// loadUnits reads the table; see words/units.txt for its format.
func loadUnits(data string) *unitTable {
	t := &unitTable{forms: map[string]string{}, duals: map[string]string{}, not: map[string]struct{}{}}
	key := func(w string) string {
		k, ok := numFold(nil, w)
		if !ok {
			panic("arabic: bad word in words/units.txt: " + w) // a build error
		}
		return string(k)
	}
	var sing []string // the singulars, for their duals
	var sound []bool  // whether their sound plural ون/ين is listed
	section := ""
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "["):
			section = line
			continue
		}
		words := strings.Fields(line)
		switch section {
		case "[units]":
			hasSound := false
			for _, w := range words {
				k := key(w)
				if _, dup := t.forms[k]; !dup {
					t.forms[k] = words[0]
				}
				hasSound = hasSound || w != words[0] && (strings.HasSuffix(k, unitSufIn) || strings.HasSuffix(k, unitSufUn))
			}
			sing = append(sing, words[0])
			sound = append(sound, hasSound)
		case "[not units]":
			for _, w := range words {
				t.not[key(w)] = struct{}{}
			}
		default:
			panic("arabic: words/units.txt: a word outside a section: " + line)
		}
	}
	for i, s := range sing {
		k := key(s)
		if len(k) < 6 { // two letters: طن, حي (طنين is a buzz)
			continue
		}
		var duals []string
		switch last := unitLetter(k, len(k)-2); {
		case last == Heh: // ة: سنة → سنتان, سنتين
			stem := k[:len(k)-2] + string(Teh)
			duals = []string{stem + unitSufAn, stem + unitSufIn}
		case last == Yeh: // مدنيين is the plural
			duals = []string{k + unitSufAn}
		case last == AlefMaksura, last == Alef, last == Waw:
			continue // مبنى → مبنيان: not worth the rule
		case sound[i]:
			duals = []string{k + unitSufAn}
		default:
			duals = []string{k + unitSufAn, k + unitSufIn}
		}
		for _, d := range duals {
			_, isForm := t.forms[d]
			_, isNumber := numLexicon[d]
			_, isNot := t.not[d]
			if !isForm && !isNumber && !isNot {
				t.duals[d] = s
			}
		}
	}
	return t
}

// Endings, as strings of named letters.
const (
	unitSufAn = string(Alef) + string(Noon) // ان, of the dual
	unitSufIn = string(Yeh) + string(Noon)  // ين
	unitSufUn = string(Waw) + string(Noon)  // ون
	unitSufWa = string(Waw) + string(Alef)  // وا, of a plural verb
	unitYiyn  = string(Yeh) + unitSufIn     // يين
	unitYun   = string(Yeh) + unitSufUn     // يون
	unitTeh   = string(Teh)                 // ت
	unitHa    = string(Heh) + string(Alef)  // ها
	unitHum   = string(Heh) + string(Meem)  // هم
	unitHun   = string(Heh) + string(Noon)  // هن
)

// unitLetter returns the two-byte letter at s[i:i+2].
func unitLetter(s string, i int) rune {
	return rune(s[i]&0x1F)<<6 | rune(s[i+1]&0x3F)
}

// unitOf returns the counted noun that word, the word after a number,
// stands for, or false if it is no counted noun; see FindNumbers for the
// rules. Construct says the number is a plural that takes a noun with the
// article (عشرات القتلى); year that the number may be a year, after which
// only a noun of the table or an accusative counts.
func unitOf(word string, construct, year bool) (string, bool) {
	if len(word) > 2*numKeyMax {
		return "", false
	}
	var buf [2 * numKeyMax]byte
	k, ok := numFold(buf[:0], word)
	if !ok || len(k) < 4 {
		return "", false
	}
	key := string(k)
	if u, ok := unitWords.forms[key]; ok {
		return u, true
	}
	if _, no := unitWords.not[key]; no || IsStopword(word) || numIsWord(k) {
		return "", false
	}
	pre := normalize(word, false) // harakat dropped, أ ة ى kept
	switch {
	case strings.HasPrefix(pre, numAl) && len(pre) >= 8:
		if !construct {
			return "", false
		}
		pre = pre[len(numAl):]
		k = k[len(numAl):]
		if u, ok := unitWords.forms[string(k)]; ok {
			return u, true
		}
		if _, no := unitWords.not[string(k)]; no {
			return "", false
		}
	case strings.HasPrefix(pre, numLamLam), strings.HasPrefix(pre, numWaw),
		strings.HasPrefix(pre, numBiAl), strings.HasPrefix(pre, string(Feh)+numAl),
		strings.HasPrefix(pre, string(Kaf)+numAl), unitHamzaAfterPreposition(pre):
		return "", false // a preposition or و before it: a noun of the table only
	}
	key = string(k)
	if len(k) >= 6 {
		switch unitLetter(key, 0) {
		case Beh, Lam, Kaf: // لسنة, بعام: a preposition before a noun of the table
			if _, ok := unitWords.forms[key[2:]]; ok {
				return "", false
			}
		}
	}
	accusative := strings.HasSuffix(key, string(Alef))
	if year && !accusative || unitNotNoun(key) {
		return "", false
	}
	u := unitSingular(pre)
	if k, ok := numFold(buf[:0], u); ok {
		if s, ok := unitWords.forms[string(k)]; ok {
			return s, true
		}
	}
	return u, true
}

// unitNotNoun reports whether a key has the ending of a plural verb, وا
// (قتلوا) or ي or ت with ون or ان (يعملون, تعملان) but not the relational
// يون, or of a pronoun, which a counted noun never carries: تها (نفذتها),
// هم, هما, هن.
func unitNotNoun(k string) bool {
	for _, end := range [...]string{unitSufWa, unitTeh + unitHa, unitHum, unitHum + string(Alef), unitHun} {
		if strings.HasSuffix(k, end) {
			return true
		}
	}
	if len(k) < 10 {
		return false
	}
	switch unitLetter(k, 0) {
	case Yeh, Teh:
		return (strings.HasSuffix(k, unitSufUn) || strings.HasSuffix(k, unitSufAn)) && !strings.HasSuffix(k, unitYun)
	}
	return false
}

// unitHamzaAfterPreposition reports whether w begins with ب, ل or ك and a
// hamza on alef: a preposition before a noun (بأسلحة, لأسباب, كأول).
func unitHamzaAfterPreposition(w string) bool {
	if len(w) < 4 {
		return false
	}
	switch unitLetter(w, 0) {
	case Beh, Lam, Kaf:
		switch unitLetter(w, 2) {
		case AlefHamzaAbove, AlefHamzaBelow, AlefMadda:
			return true
		}
	}
	return false
}

// unitSingular undoes the regular endings of a noun not in the table: the
// plural يين/يون of a relational adjective (مدنيين → مدني), the plural
// ين/ون of a participle in م (مسلحين → مسلح, but not ميادين), and the
// accusative ا (شخصا → شخص).
func unitSingular(w string) string {
	n := len(w) / 2 // letters
	switch {
	case n >= 5 && (strings.HasSuffix(w, unitYiyn) || strings.HasSuffix(w, unitYun)):
		return w[:len(w)-4]
	case n >= 6 && unitLetter(w, 0) == Meem && (strings.HasSuffix(w, unitSufIn) || strings.HasSuffix(w, unitSufUn)) &&
		!(n == 6 && unitLetter(w, 4) == Alef):
		return w[:len(w)-4]
	case n >= 3 && unitLetter(w, len(w)-2) == Alef && unitLetter(w, len(w)-4) != Alef:
		return w[:len(w)-2]
	}
	return w
}

// unitDual returns the singular of a dual noun of the table, given its
// key without clitics.
func unitDual(k []byte) (string, bool) {
	s, ok := unitWords.duals[string(k)]
	return s, ok
}
