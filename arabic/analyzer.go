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

	// SegmentSpans holds, for each of Segments, the bytes of the analyzed
	// text it is written with: the spans tile [Start, End) in order, a
	// segment's harakat and tatweel are inside its span, and an article
	// restored after ل (لل = ل + ال) spans its ل, or nothing in للغة. A
	// fused word (مما = من + ما, Farasa scheme) gives every segment the
	// span of the token.
	SegmentSpans []Span `json:"-"`

	pre  string // normalize(Text) without folding أ إ آ ة ى: what the stemmer reads
	core Span   // the core (isnad's convention) as bytes of Norm
	encl bool   // an enclitic pronoun follows the core
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

	// Scheme is the convention of Token.Segments: SchemeIsnad (the zero
	// value) or SchemeFarasa. Stem and Key do not depend on it.
	Scheme Scheme
}

// A Tokenizer splits a text into tokens, filling Text, Start, End and
// Position.
type Tokenizer interface {
	Tokenize(text string) []Token
}

// TokenizerFunc adapts a function to a Tokenizer.
type TokenizerFunc func(text string) []Token

// Tokenize calls f(text).
func (f TokenizerFunc) Tokenize(text string) []Token { return f(text) }

// A TokenFilter rewrites the tokens of text in the chain of an Analyzer:
// it fills or changes fields, drops or joins tokens, and may reuse the
// slice it is given. It keeps Start and End pointing into text (a joined
// token spans its parts). Unlike bleve's, a filter sees the text: the
// repair of debris must look at what lies between two tokens. A filter of
// an Analyzer must be safe for use by several goroutines.
type TokenFilter interface {
	Filter(text string, toks []Token) []Token
}

// TokenFilterFunc adapts a function to a TokenFilter.
type TokenFilterFunc func(text string, toks []Token) []Token

// Filter calls f(text, toks).
func (f TokenFilterFunc) Filter(text string, toks []Token) []Token { return f(text, toks) }

// An Analyzer runs an analysis chain: a Tokenizer, then its Filters in
// order. NewAnalyzer builds the Arabic chain; a program may build its own,
// with the filters it returns or others. An Analyzer whose parts are safe
// for use by several goroutines is too.
type Analyzer struct {
	Tokenizer Tokenizer
	Filters   []TokenFilter // applied in order
}

// NewAnalyzer returns the Arabic analysis chain with the given options:
//
//	Tokenize              words and numbers with byte offsets
//	NormalizeFilter       Norm: presentation forms, harakat, variants, digits
//	RepairFilter          joins scraper debris (not with Options.NoRepair)
//	StopFilter            Stop, for the stopword list of the options
//	SegmentFilter         Segments and SegmentSpans, in the scheme of the options
//	StemFilter            Stem and Key
//
// Stopwords are marked before segmentation: the list holds the forms of
// function words with their clitics (وفي, لكنه), and a stopword is not
// segmented in isnad's scheme. The analyzer is safe for use by several
// goroutines. The first analysis of the process loads the segmenter's data
// (about a tenth of a second; some 12 MB, shared by all analyzers).
func NewAnalyzer(opts Options) *Analyzer {
	stop := defaultStopSet
	if opts.Stopwords != nil {
		stop = newStopSet(opts.Stopwords)
	}
	a := &Analyzer{Tokenizer: TokenizerFunc(Tokenize)}
	a.Filters = append(a.Filters, NormalizeFilter())
	if !opts.NoRepair {
		a.Filters = append(a.Filters, RepairFilter())
	}
	a.Filters = append(a.Filters, stopFilter{stop}, SegmentFilter(opts.Scheme), StemFilter())
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
// form of a lone haraka, ﹰ) is dropped. With Options.Scheme SchemeFarasa,
// Segments follow the Farasa convention (see SegmentFarasa), stopwords
// included.
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
	toks := a.Tokenizer.Tokenize(text)
	for _, f := range a.Filters {
		if len(toks) == 0 {
			break
		}
		toks = f.Filter(text, toks)
	}
	for i := range toks {
		toks[i].Position = i
	}
	return toks
}

// NormalizeFilter returns the filter that sets Norm to the normalized Text
// (see Normalize) and drops the tokens that normalize to nothing to match.
func NormalizeFilter() TokenFilter { return TokenFilterFunc(normalizeTokens) }

func normalizeTokens(_ string, toks []Token) []Token {
	out := 0
	for i := range toks {
		t := &toks[i]
		t.pre = normalize(t.Text, false)
		t.Norm = foldVariants(t.pre)
		if t.Norm != t.Text && !isArabicWord(t.Norm) && !hasLetterOrDigit(t.Norm) {
			continue // presentation-form harakat (ﹰ), nothing to match
		}
		if out != i {
			toks[out] = *t
		}
		out++
	}
	return toks[:out]
}

// RepairFilter returns the filter that joins scraper debris, as Analyze
// documents. It reads Norm: it comes after NormalizeFilter.
func RepairFilter() TokenFilter { return TokenFilterFunc(repair) }

// stopFilter marks stopwords, whose Segments are then [Norm] and Stem and
// Key Norm.
type stopFilter struct{ stop stopSet }

func (f stopFilter) Filter(_ string, toks []Token) []Token {
	for i := range toks {
		t := &toks[i]
		t.Stop = f.stop.has(t.Norm, t.pre)
	}
	return toks
}

// SegmentFilter returns the filter that sets Segments and SegmentSpans in
// the given scheme, and the core of each Arabic word for StemFilter. It
// reads Norm and Stop: it comes after NormalizeFilter and the stopwords.
func SegmentFilter(scheme Scheme) TokenFilter { return segmentFilter{scheme} }

type segmentFilter struct{ scheme Scheme }

func (f segmentFilter) Filter(text string, toks []Token) []Token {
	l := theLexicon()
	var sg segmenter
	segs := make([]string, 0, 2*len(toks)+8) // backing store for Segments
	spans := make([]Span, 0, 2*len(toks)+8)  // and for SegmentSpans
	for i := range toks {
		t := &toks[i]
		if cap(segs)-len(segs) < 8 {
			segs = make([]string, 0, 2*(len(toks)-i)+8)
			spans = make([]Span, 0, 2*(len(toks)-i)+8)
		}
		start := len(segs)
		t.core = Span{0, len(t.Norm)}
		if len(t.pre) != len(t.Norm) {
			t.pre = t.Norm // Norm set by a filter other than NormalizeFilter
		}
		switch {
		case isArabicWord(t.Norm) && (!t.Stop || f.scheme == SchemeFarasa):
			var p wordParts
			segs, spans, p = sg.analyze(l, segs, spans, t.pre, t.Norm, f.scheme)
			t.core, t.encl = Span{p.coreStart, p.coreEnd}, p.encl != ""
			if t.Stop {
				t.core, t.encl = Span{0, len(t.Norm)}, false
			}
		case !t.Stop && numberClitics(t.Norm) > 0: // و17 = و + 17
			n := numberClitics(t.Norm)
			for j := 0; j < n; j += 2 {
				segs = append(segs, t.Norm[j:j+2])
				spans = append(spans, Span{j, j + 2})
			}
			segs = append(segs, t.Norm[n:])
			spans = append(spans, Span{n, len(t.Norm)})
			t.core = Span{n, len(t.Norm)}
		default:
			segs = append(segs, t.Norm)
			spans = append(spans, Span{0, len(t.Norm)})
		}
		t.Segments = segs[start:len(segs):len(segs)]
		t.SegmentSpans = spans[start:len(spans):len(spans)]
		mapSpans(t)
	}
	return toks
}

// StemFilter returns the filter that sets Stem and Key. It reads the core
// that SegmentFilter found: it comes after it.
func StemFilter() TokenFilter { return TokenFilterFunc(stemTokens) }

func stemTokens(_ string, toks []Token) []Token {
	for i := range toks {
		t := &toks[i]
		switch {
		case t.Stop:
			t.Stem, t.Key = t.Norm, t.Norm
		case isArabicWord(t.Norm):
			t.Stem = endings(t.pre, t.Norm, t.core.Start, t.core.End, t.encl)
			t.Key = makeKey(t.Stem)
		case t.core.Start > 0: // a number with clitics
			t.Stem = t.Norm[t.core.Start:]
			t.Key = t.Stem
		default:
			t.Stem = otherStem(t.Norm)
			t.Key = t.Stem
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

// repair joins scraper debris, as documented on Analyze, compacting toks
// in place.
func repair(text string, toks []Token) []Token {
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
		return toks
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
		if endsWord(letterAt(toks[i].Norm, 0)) || endsWord(unfoldedFirst(toks[i])) {
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
			joinTokens(text, &toks[out-1], toks[i])
		case joinNext:
			toks[out] = toks[i]
			joinTokens(text, &toks[out], toks[i+1])
			out++
			i++
		default:
			toks[out] = toks[i]
			out++
		}
	}
	return toks[:out]
}

// joinTokens extends token t over token u.
func joinTokens(text string, t *Token, u Token) {
	t.End = u.End
	t.Text = text[t.Start:t.End]
	t.Norm += u.Norm
	t.pre += u.pre
}

// unfoldedFirst returns the first letter of the unfolded form of t, a lone
// letter: ة or ى, which Norm folds to ه and ي.
func unfoldedFirst(t Token) rune {
	if len(t.pre) != len(t.Norm) {
		return 0
	}
	return letterAt(t.pre, 0)
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
