package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
)

// A word is what the tagger reads in one token before it looks at the
// neighbours: its forms, affixes, shape, cluster and word-list hits.
type word struct {
	raw   string // as given, Latin letters in lower case
	norm  string // arabic.Normalize of the whole token
	pre   string // proclitics, joined: "و+ال"; "" when none
	core  string // the segment after the proclitics
	suf   string // what follows the core: enclitic pronouns
	stem  string // arabic.Stem of the main word
	keyAl string // norm less proclitics other than ال: وبالقاهره → القاهره
	shape string
	// cluster is the word's path in the cluster tree, or "".
	cluster string
}

// proclitics are the segments arabic.Analyzer puts before a core.
var proclitics = map[string]bool{"و": true, "ف": true, "ب": true, "ك": true, "ل": true, "س": true, "ال": true}

// analyze fills a word from a token as written. a must not repair debris
// (a token is one word here).
func analyze(a *arabic.Analyzer, tok string) word {
	w := word{raw: tok, norm: arabic.Normalize(tok)}
	if hasUpper(tok) {
		w.raw = strings.ToLower(tok)
	}
	toks := a.Analyze(tok)
	main := -1
	for i := range toks {
		if main < 0 || len(toks[i].Norm) > len(toks[main].Norm) {
			main = i
		}
	}
	if main < 0 {
		w.core, w.stem, w.keyAl = w.norm, w.norm, w.norm
		w.shape = shapeOf(tok, w.norm)
		return w
	}
	t := toks[main]
	segs := t.Segments
	i := 0
	for i < len(segs)-1 && proclitics[segs[i]] {
		i++
	}
	w.pre = strings.Join(segs[:i], "+")
	if len(segs) > 0 {
		w.core = segs[i]
		w.suf = strings.Join(segs[i+1:], "+")
	}
	if i > 0 && segs[i-1] == "ال" {
		w.keyAl = "ال" + w.core
	} else {
		w.keyAl = w.core
	}
	w.stem = t.Stem
	w.shape = shapeOf(tok, w.norm)
	return w
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// shapeOf classes a token by its script, length and mix of characters:
// "A5" is an Arabic word of five letters, "D4" four digits, "Lc" a
// capitalized Latin word, "P" punctuation, "X" a mix.
func shapeOf(raw, norm string) string {
	var letters, arabicLetters, digits, upper, other int
	for _, r := range norm {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= 0x0621 && r <= 0x064A:
			letters++
			arabicLetters++
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		default:
			other++
		}
	}
	switch {
	case letters == 0 && digits == 0:
		return "P"
	case letters == 0 && other == 0:
		return fmt.Sprintf("D%d", min(digits, 5))
	case letters == 0:
		return "D."
	case arabicLetters == letters && digits == 0 && other == 0:
		return fmt.Sprintf("A%d", min(letters, 10))
	case arabicLetters == letters && digits == 0:
		return "A."
	case arabicLetters == 0 && digits == 0:
		first, _ := utf8.DecodeRuneInString(raw)
		switch {
		case upper == letters && letters > 1:
			return "LU"
		case unicode.IsUpper(first):
			return "Lc"
		}
		return "Ll"
	}
	return "X"
}

// The word lists, in the order of their bits in a gazetteer mask. "geo"
// holds the GeoNames places; the others are sections of gazetteer.txt.
var listNames = []string{"title", "org", "placecue", "event", "first", "placename", "nationality", "say", "geo"}

// A gazetteer finds the entries of the word lists in a sentence.
type gazetteer struct {
	// phrases maps an entry, its words normalized and joined by a space,
	// to the lists that hold it (bit i for listNames[i]).
	phrases map[string]uint16
	// maxWords is the most words an entry has.
	maxWords int
	// firsts holds the first words of the entries of several words.
	firsts map[string]bool
}

func newGazetteer() *gazetteer {
	return &gazetteer{phrases: map[string]uint16{}, firsts: map[string]bool{}, maxWords: 1}
}

// add puts an entry in list number list.
func (g *gazetteer) add(list int, entry string) {
	words := strings.Fields(arabic.Normalize(entry))
	if len(words) == 0 {
		return
	}
	g.phrases[strings.Join(words, " ")] |= 1 << list
	if len(words) > 1 {
		g.firsts[words[0]] = true
		g.maxWords = max(g.maxWords, len(words))
	}
}

// readLists reads gazetteer.txt: "## name" starts a list, # starts a
// comment, every other non-blank line is an entry.
func (g *gazetteer) readLists(r io.Reader) error {
	list := -1
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		switch {
		case s == "":
		case strings.HasPrefix(s, "## "):
			list = -1
			for i, n := range listNames {
				if n == strings.TrimSpace(s[3:]) {
					list = i
				}
			}
			if list < 0 {
				return fmt.Errorf("line %d: unknown list %q", line, s[3:])
			}
		case strings.HasPrefix(s, "#"):
		case list < 0:
			return fmt.Errorf("line %d: entry before the first list", line)
		default:
			g.add(list, s)
		}
	}
	return sc.Err()
}

// readPlaces reads a list of place names, one a line, into list "geo".
func (g *gazetteer) readPlaces(r io.Reader) error {
	geo := len(listNames) - 1
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" && !strings.HasPrefix(s, "#") {
			g.add(geo, s)
		}
	}
	return sc.Err()
}

// lookup returns the lists that hold the phrase of words.
func (g *gazetteer) lookup(words string) uint16 { return g.phrases[words] }

// match marks the entries found in a sentence: begin[i] gets the lists of
// the entries that start at token i, inside[i] those of entries that cover
// token i without starting there. The first word of an
// entry matches a token less its proclitics, with or without ال; the other
// words match the normalized token.
func (g *gazetteer) match(ents []*entry, begin, inside []uint16) {
	var b strings.Builder
	for i, e := range ents {
		for _, first := range [2]string{e.w.keyAl, e.w.core} {
			if first == "" {
				continue
			}
			begin[i] |= g.lookup(first)
			if g.firsts[first] {
				b.Reset()
				b.WriteString(first)
				for n := 2; n <= g.maxWords && i+n <= len(ents); n++ {
					b.WriteByte(' ')
					b.WriteString(ents[i+n-1].w.norm)
					if m := g.lookup(b.String()); m != 0 {
						begin[i] |= m
						for j := i + 1; j < i+n; j++ {
							inside[j] |= m
						}
					}
				}
			}
			if e.w.keyAl == e.w.core {
				break
			}
		}
	}
}
