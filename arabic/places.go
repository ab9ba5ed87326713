package arabic

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// This file keys the countries, regions and cities of words/places.txt:
// one key for a place however it is written, with the clitics, the
// article and the adjectives and plurals that name its people.

//go:embed words/places.txt
var placesFile string

// A placeForm is what a single word of the place table stands for.
type placeForm struct {
	key         string // the place's key
	needArticle bool   // the form is written with the article ال
}

// A placePhrase is a form of several words: the first as a placeForm
// (clitics allowed), the others as their Normalize.
type placePhrase struct {
	first placeForm
	core  string   // Normalize of the first word, less its article
	rest  []string // Normalize of the other words
}

// placeTable is the loaded place table.
type placeTable struct {
	words   map[string]placeForm     // Normalize of a one-word form, less a required article
	phrases map[string][]placePhrase // by core of the first word, longest first
	byStem  map[string]string        // light stem of a one-word form → key, if only one key has it
	keys    []string                 // every key, in the order of the file
}

// thePlaces returns the place table, loaded on first use.
var thePlaces = sync.OnceValue(func() *placeTable {
	t, err := parsePlaces(placesFile)
	if err != nil {
		panic("arabic: words/places.txt: " + err.Error()) // a build error, caught by the tests
	}
	return t
})

// placeByStem returns the map from the light stem of a one-word place form
// to the place's key, for makeKey.
func placeByStem() map[string]string { return thePlaces().byStem }

// nisbaEndings are the inflections a nisba form روسي+ stands for, added
// to its ي: روسي روسية روسيان روسيين روسيون روسيات روسيتان روسيتين.
var nisbaEndings = []string{
	"",
	string(TehMarbuta),
	string(Alef) + string(Noon),
	string(Yeh) + string(Noon),
	string(Waw) + string(Noon),
	string(Alef) + string(Teh),
	string(Teh) + string(Alef) + string(Noon),
	string(Teh) + string(Yeh) + string(Noon),
}

// parsePlaces reads the place table in the format of words/places.txt.
func parsePlaces(src string) (*placeTable, error) {
	t := &placeTable{
		words:   map[string]placeForm{},
		phrases: map[string][]placePhrase{},
		byStem:  map[string]string{},
	}
	stemKeys := map[string]map[string]bool{}
	lineNo := 0
	for line := range strings.Lines(src) {
		lineNo++
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, rest, _ := strings.Cut(line, ":")
		key := Normalize(strings.TrimSpace(name))
		if !isArabicPhrase(key) {
			return nil, fmt.Errorf("line %d: name %q is not Arabic words", lineNo, name)
		}
		t.keys = append(t.keys, key)
		forms := []string{name}
		if rest != "" {
			forms = append(forms, strings.Split(rest, ",")...)
		}
		for _, f := range forms {
			f = strings.TrimSpace(f)
			expanded, base := []string{f}, ""
			if b, ok := strings.CutSuffix(f, "+"); ok {
				if !strings.HasSuffix(b, string(Yeh)) || strings.Contains(b, " ") {
					return nil, fmt.Errorf("line %d: nisba %q must be one word ending in ي", lineNo, f)
				}
				expanded, base = nil, b
				for _, e := range nisbaEndings {
					expanded = append(expanded, b+e)
				}
			}
			for _, e := range expanded {
				if err := t.add(key, e, base, stemKeys); err != nil {
					return nil, fmt.Errorf("line %d: %v", lineNo, err)
				}
			}
		}
	}
	for stem, keys := range stemKeys {
		if len(keys) == 1 {
			for k := range keys {
				t.byStem[stem] = k
			}
		}
	}
	return t, nil
}

// add enters the form f of the place key into t; nisba is the nisba
// form (روسي) f inflects, or "".
func (t *placeTable) add(key, f, nisba string, stemKeys map[string]map[string]bool) error {
	words := strings.Fields(f)
	if len(words) == 0 {
		return fmt.Errorf("empty form")
	}
	pre := normalize(words[0], false)
	norm := foldVariants(pre)
	if !isArabicWord(norm) {
		return fmt.Errorf("form %q is not Arabic words", f)
	}
	first := placeForm{key: key}
	core := norm
	if strings.HasPrefix(pre, article) && len(pre) > len(article)+2 {
		first.needArticle = true
		core = norm[len(article):]
	}
	if len(words) > 1 {
		ph := placePhrase{first: first, core: core}
		for _, w := range words[1:] {
			n := Normalize(w)
			if !isArabicWord(n) {
				return fmt.Errorf("form %q is not Arabic words", f)
			}
			ph.rest = append(ph.rest, n)
		}
		list := append(t.phrases[core], ph)
		// Longest first, so that كوريا الشمالية wins over كوريا.
		for i := len(list) - 1; i > 0 && len(list[i].rest) > len(list[i-1].rest); i-- {
			list[i], list[i-1] = list[i-1], list[i]
		}
		t.phrases[core] = list
		return nil
	}
	if old, ok := t.words[core]; ok {
		if old.key != key {
			return fmt.Errorf("form %q is a form of both %q and %q", f, old.key, key)
		}
		first.needArticle = first.needArticle && old.needArticle
	}
	t.words[core] = first
	stem := splitWord(pre, norm).stem
	if !stemOfForm(core, stem, nisba) {
		return nil
	}
	if stemKeys[stem] == nil {
		stemKeys[stem] = map[string]bool{}
	}
	stemKeys[stem][key] = true
	return nil
}

// stemOfForm reports whether stem, the light stem of a place form whose
// core (less a required article) is core, is a stem that makeKey may give
// the place's key: what is left when the endings are cut, and no more.
// For a name (nisba "") the stemmer may cut ا ة ي يا ية (سوريا → سور);
// for an inflection of a nisba, the nisba's ي and what follows
// (السوريين → سور). A stem that loses more, or letters at the start,
// is another word the stemmer took the form for (البحرين → بحر, the
// sea; فلبينية → بين): it keeps its own key.
func stemOfForm(core, stem, nisba string) bool {
	if !strings.HasPrefix(core, stem) || len(stem) < 4 {
		return false
	}
	if nisba != "" {
		return len(stem) >= len(Normalize(nisba))-2
	}
	switch core[len(stem):] {
	case "", string(Alef), string(Heh), string(Yeh), string(Yeh) + string(Alef), string(Yeh) + string(Heh):
		return true
	}
	return false
}

// isArabicPhrase reports whether s is Arabic words separated by single
// spaces.
func isArabicPhrase(s string) bool {
	for _, w := range strings.Split(s, " ") {
		if !isArabicWord(w) {
			return false
		}
	}
	return true
}

// PlaceKey returns the key of the country, region or city that word names,
// and ok false if it names none of words/places.txt. The key is the
// place's name, normalized: روسيا, لروسيا, بروسيا, الروسية, الروسي and
// الروس all have the key روسيا; سوريا, سورية, السورية and السوريين the
// key سوريا; أمريكا, أميركا, الأمريكية and الأميركيون the key امريكا.
//
// The word may carry the conjunctions و ف, the prepositions ب ل ك and the
// article. A nisba adjective keeps its place's key whatever it qualifies:
// الروسي ("the Russian", a person) has the key روسيا, "where meaning
// allows" being left to the caller. A name written as several words
// (الولايات المتحدة) is found by FindPlaces, not PlaceKey. See
// words/places.txt for the places and the words left out because they
// have a common meaning too (مالي).
func PlaceKey(word string) (key string, ok bool) {
	pre := normalize(word, false)
	norm := foldVariants(pre)
	if !isArabicWord(norm) {
		return "", false
	}
	t := thePlaces()
	var k string
	ok = eachCore(pre, norm, func(core string, definite bool) bool {
		f, found := t.words[core]
		if found && (definite || !f.needArticle) {
			k = f.key
			return true
		}
		return false
	})
	return k, ok
}

// eachCore calls f with each reading of the word norm (isArabicWord; pre
// its unfolded form) as proclitics and a core of two letters or more:
// first the word whole, then with و or ف, then with ب ل ك, then with the
// article (ال, لل = ل + ال, بال, كال), fewer letters cut first. definite
// says whether the article was cut. It stops when f returns true and
// reports whether one did.
func eachCore(pre, norm string, f func(core string, definite bool) bool) bool {
	try := func(pos int, definite bool) bool {
		return len(norm)-pos >= 4 && f(norm[pos:], definite)
	}
	for _, conj := range []int{0, 2} {
		if conj == 2 {
			if l := letterAt(norm, 0); len(norm) < 6 || l != Waw && l != Feh {
				break
			}
		}
		if try(conj, false) {
			return true
		}
		if len(norm)-conj < 6 {
			continue
		}
		switch letterAt(norm, conj) {
		case Beh, Lam, Kaf:
			if try(conj+2, false) {
				return true
			}
		}
		if strings.HasPrefix(pre[conj:], article) && try(conj+4, true) {
			return true
		}
		if strings.HasPrefix(pre[conj:], lamLam) && try(conj+4, true) {
			return true
		}
		if l := letterAt(norm, conj); (l == Beh || l == Kaf) && strings.HasPrefix(pre[conj+2:], article) && try(conj+6, true) {
			return true
		}
	}
	return false
}

// A Place is a mention of a country, region or city, found by FindPlaces.
type Place struct {
	Key   string // the place's key, as PlaceKey gives it
	Start int    // byte offset of the mention's first token in the text
	End   int    // byte offset of the end of its last token (exclusive)
}

// FindPlaces returns the mentions of the places of words/places.txt in
// text, in order: single words as PlaceKey reads them, and names of
// several words (الولايات المتحدة, كوريا الشمالية, المملكة العربية
// السعودية), the longest first, whose words are separated by spaces only.
// Only the first word of a name may carry clitics (بالولايات المتحدة).
// text[Start:End] is the mention, with its clitics.
func FindPlaces(text string) []Place {
	toks := Tokenize(text)
	t := thePlaces()
	var out []Place
	for i := 0; i < len(toks); i++ {
		pre := normalize(toks[i].Text, false)
		norm := foldVariants(pre)
		if !isArabicWord(norm) {
			continue
		}
		matched := false
		eachCore(pre, norm, func(core string, definite bool) bool {
			for _, ph := range t.phrases[core] {
				if ph.first.needArticle && !definite || i+len(ph.rest) >= len(toks) {
					continue
				}
				j := i
				for _, w := range ph.rest {
					if !onlySpaces(text[toks[j].End:toks[j+1].Start]) || Normalize(toks[j+1].Text) != w {
						break
					}
					j++
				}
				if j == i+len(ph.rest) {
					out = append(out, Place{Key: ph.first.key, Start: toks[i].Start, End: toks[j].End})
					i = j
					matched = true
					return true
				}
			}
			return false
		})
		if matched {
			continue
		}
		if k, ok := PlaceKey(toks[i].Text); ok {
			out = append(out, Place{Key: k, Start: toks[i].Start, End: toks[i].End})
		}
	}
	return out
}

// onlySpaces reports whether gap, the text between two words, is one or
// more spaces on one line.
func onlySpaces(gap string) bool {
	if gap == "" {
		return false
	}
	for _, r := range gap {
		switch r {
		case ' ', '\t', noBreakSpace:
		default:
			if r == utf8.RuneError || !isIgnorable(r) {
				return false
			}
		}
	}
	return true
}
