package arabic

import (
	"unicode"
	"unicode/utf8"
)

// A Token is one word of a text, with where it stands and what the analysis
// made of it. Text is always the original bytes text[Start:End]; the other
// fields are derived forms for matching and never replace the text.
type Token struct {
	Text     string   `json:"text"`     // as written: text[Start:End]
	Start    int      `json:"start"`    // byte offset into the analyzed text
	End      int      `json:"end"`      // exclusive
	Position int      `json:"-"`        // ordinal among the tokens of the text
	Norm     string   `json:"norm"`     // Normalize(Text), debris repaired
	Segments []string `json:"segments"` // clitic segments of Norm: و ب ال مدينه
	Stem     string   `json:"stem"`     // light stem: the search term
	Key      string   `json:"key"`      // spelling-variant key: joins spellings of one name
	Stop     bool     `json:"-"`        // a stopword (kept, but not indexed)
}

// Options configure an Analyzer. The zero value is the default chain.
type Options struct {
	// Stopwords, when not nil, replaces the default stopword list (see
	// Stopwords). Words may be given as written; they are normalized. An
	// empty, non-nil list makes no word a stopword.
	Stopwords []string

	// NoRepair turns off the repair of scraper debris: each token then
	// stands for itself, and Tokenize and Analyze give the same spans.
	NoRepair bool
}

// An Analyzer runs the analysis chain: tokenize, normalize (presentation
// forms, harakat, spelling variants, digits), repair scraper debris,
// stopwords, clitic segmentation, stem, key. It is safe for use by several
// goroutines.
type Analyzer struct {
	stop     stopSet
	noRepair bool
}

// NewAnalyzer returns an analyzer with the given options.
func NewAnalyzer(opts Options) *Analyzer {
	a := &Analyzer{stop: defaultStopSet, noRepair: opts.NoRepair}
	if opts.Stopwords != nil {
		a.stop = newStopSet(opts.Stopwords)
	}
	return a
}

// Analyze returns the tokens of text with every field filled. Stopwords are
// kept, with Stop set. The returned slice and its strings belong to the
// caller; Text shares the memory of text.
//
// For a token of Arabic letters, Segments are its clitics and core (و ب ال
// مدينه; joined they give Norm, except that the ل of لل is followed by a
// restored ال), Stem is the light stem and Key the spelling-variant key
// (see Stem and Key). A stopword is not segmented: Segments is [Norm] and
// Stem and Key are Norm. A number has Norm, Stem and Key in ASCII digits
// with its separators (١٬٥٠٠ → 1,500); written with a proclitic, as in و17,
// its Segments are و and 17 and its Stem 17. A word of another script has
// Stem and Key in lower case. Position counts the tokens Analyze returns.
// A token of Tokenize that normalizes to nothing to match (a presentation
// form of a lone haraka, ﹰ) is dropped.
//
// Scraper debris. Pages that went through a careless extractor hold words
// broken by a stray space: طبيعي ا for طبيعيا, ي مكننا for يمكننا, ي بدأ for
// يبدأ. Unless Options.NoRepair is set, Analyze joins a token made of one
// Arabic letter to its neighbour when only spaces (no line break, no
// punctuation) separate them:
//   - ا ى ه ة, which end words, join the word before; every other letter
//     joins the word after;
//   - و never joins: it is a word;
//   - a letter next to another lone letter joins nothing: أ ف ب and د ب أ
//     are abbreviations;
//   - a letter never joins a number, and a letter after a number joins
//     nothing: 1441 هـ, 2020 م;
//   - the neighbour must be an Arabic word of two letters or more.
//
// The joined token has the Start of its first part, the End of its second,
// Text = text[Start:End] (space included) and the Norm of the whole word.
// Limits: a word split after two letters or more (الم حتوى for المحتوى) is
// not repaired, because both halves look like words; a lone letter that
// really is a word (the abbreviation د for doctor, written without its
// dot) is joined wrongly.
func (a *Analyzer) Analyze(text string) []Token {
	toks := Tokenize(text)
	if len(toks) == 0 {
		return toks
	}
	pres := make([]string, 0, len(toks)) // the unfolded form of each Norm
	kept := toks[:0]
	for _, t := range toks {
		pre := normalize(t.Text, false)
		t.Norm = foldVariants(pre)
		if t.Norm != t.Text && !isArabicWord(t.Norm) && !hasLetterOrDigit(t.Norm) {
			continue // presentation-form harakat (ﹰ), nothing to match
		}
		kept = append(kept, t)
		pres = append(pres, pre)
	}
	toks = kept
	if !a.noRepair {
		toks, pres = repair(text, toks, pres)
	}

	segs := make([]string, 0, 2*len(toks)) // backing store for Segments
	for i := range toks {
		t := &toks[i]
		t.Position = i
		pre := pres[i]
		if cap(segs)-len(segs) < len(wordParts{}.pro)+2 {
			segs = make([]string, 0, 2*(len(toks)-i)+8)
		}
		switch {
		case a.stop.has(t.Norm, pre):
			t.Stop = true
			t.Stem, t.Key = t.Norm, t.Norm
			t.Segments, segs = carve(segs, t.Norm)
		case isArabicWord(t.Norm):
			p := splitWord(pre, t.Norm)
			start := len(segs)
			segs = append(segs, p.pro[:p.npro]...)
			segs = append(segs, p.core)
			if p.encl != "" {
				segs = append(segs, p.encl)
			}
			t.Segments = segs[start:len(segs):len(segs)]
			t.Stem = p.stem
			t.Key = makeKey(p.stem)
		default:
			if n := numberClitics(t.Norm); n > 0 { // و17 = و + 17
				start := len(segs)
				for j := 0; j < n; j += 2 {
					segs = append(segs, t.Norm[j:j+2])
				}
				segs = append(segs, t.Norm[n:])
				t.Segments = segs[start:len(segs):len(segs)]
				t.Stem, t.Key = t.Norm[n:], t.Norm[n:]
				break
			}
			t.Stem = otherStem(t.Norm)
			t.Key = t.Stem
			t.Segments, segs = carve(segs, t.Norm)
		}
	}
	return toks
}

// hasLetterOrDigit reports whether s holds a letter or a digit.
func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// numberClitics returns the byte length of the proclitics of a number
// written with them, such as و17 or ب2020 (one or two of و ف ب ل ك,
// then ASCII digits and separators), or 0.
func numberClitics(norm string) int {
	n := 0
	for n < 4 && n+2 < len(norm) && isArabicWord(norm[n:n+2]) {
		switch letterAt(norm, n) {
		case Waw, Feh, Beh, Lam, Kaf:
			n += 2
			continue
		}
		return 0
	}
	if n == 0 || norm[n] < '0' || norm[n] > '9' {
		return 0
	}
	for i := n; i < len(norm); i++ {
		if c := norm[i]; (c < '0' || c > '9') && c != '.' && c != ',' {
			return 0
		}
	}
	return n
}

// carve returns a one-element slice holding s, cut from the free capacity
// of buf, and what is left of buf.
func carve(buf []string, s string) ([]string, []string) {
	n := len(buf)
	buf = append(buf, s)
	return buf[n : n+1 : n+1], buf
}

// repair joins scraper debris, as documented on Analyze. It returns the
// tokens and their unfolded forms, compacted in place.
func repair(text string, toks []Token, pres []string) ([]Token, []string) {
	lone := func(i int) bool { // a lone letter, not و
		return 0 <= i && i < len(toks) && len(toks[i].Norm) == 2 &&
			isArabicWord(toks[i].Norm) && letterAt(toks[i].Norm, 0) != Waw
	}
	found := false
	for i := range toks {
		if lone(i) {
			found = true
			break
		}
	}
	if !found {
		return toks, pres
	}
	word := func(i int) bool { // an Arabic word of two letters or more
		return 0 <= i && i < len(toks) && len(toks[i].Norm) >= 4 && isArabicWord(toks[i].Norm)
	}
	near := func(i, j int) bool { // only spaces between tokens i and j = i+1
		return 0 <= i && j < len(toks) && spaces(text[toks[i].End:toks[j].Start])
	}

	// Decide on the original tokens, then join.
	const (
		keep = iota
		joinPrev
		joinNext
	)
	act := make([]uint8, len(toks))
	for i := range toks {
		if !lone(i) || lone(i-1) || lone(i+1) {
			continue
		}
		if endsWord(letterAt(pres[i], 0)) {
			if word(i-1) && near(i-1, i) {
				act[i] = joinPrev
			}
		} else if word(i+1) && near(i, i+1) && !(near(i-1, i) && hasDigit(toks[i-1].Norm)) {
			act[i] = joinNext
		}
	}
	out := 0 // toks[:out] are done
	for i := 0; i < len(toks); i++ {
		switch act[i] {
		case joinPrev: // act[i-1] is not joinNext: token i is no word
			joinTokens(text, &toks[out-1], &pres[out-1], toks[i], pres[i])
		case joinNext:
			toks[out], pres[out] = toks[i], pres[i]
			joinTokens(text, &toks[out], &pres[out], toks[i+1], pres[i+1])
			out++
			i++
		default:
			toks[out], pres[out] = toks[i], pres[i]
			out++
		}
	}
	return toks[:out], pres[:out]
}

// joinTokens extends token t, whose unfolded form is *pre, over token u.
func joinTokens(text string, t *Token, pre *string, u Token, upre string) {
	t.End = u.End
	t.Text = text[t.Start:t.End]
	t.Norm += u.Norm
	*pre += upre
}

// endsWord reports whether a lone letter l is the end of the word before
// it: ا (tanween alef), ى, ه, ة.
func endsWord(l rune) bool {
	return l == Alef || l == AlefMaksura || l == Heh || l == TehMarbuta
}

// spaces reports whether gap, the text between two tokens, is a run of
// spaces on one line: a stray space of a broken word.
func spaces(gap string) bool {
	if gap == "" {
		return false
	}
	for _, r := range gap {
		switch {
		case r == ' ', r == '\t', r == noBreakSpace, isIgnorable(r):
		case r == utf8.RuneError, r == '\n', r == '\r':
			return false
		case !unicode.Is(unicode.Zs, r):
			return false
		}
	}
	return true
}
