package arabic

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
type Options struct{}

// An Analyzer runs the analysis chain: tokenize, normalize, segment,
// stopwords, stem, key. It is safe for use by several goroutines.
type Analyzer struct{ opts Options }

// NewAnalyzer returns an analyzer with the given options.
func NewAnalyzer(opts Options) *Analyzer { return &Analyzer{opts: opts} }

// Analyze returns the tokens of text with every field filled. Stopwords
// are kept with Stop set.
func (a *Analyzer) Analyze(text string) []Token {
	// PLACEHOLDER: to be replaced by the real chain (being written now).
	toks := Tokenize(text)
	for i := range toks {
		toks[i].Norm = toks[i].Text
		toks[i].Segments = []string{toks[i].Text}
		toks[i].Stem = toks[i].Text
		toks[i].Key = toks[i].Text
	}
	return toks
}

// Tokenize splits text into word and number tokens, filling Text, Start,
// End and Position only.
func Tokenize(text string) []Token {
	// PLACEHOLDER: to be replaced (being written now).
	var toks []Token
	start := -1
	for i, r := range text {
		letter := r > ' ' && r != '.' && r != ',' && r != '"'
		if letter && start < 0 {
			start = i
		} else if !letter && start >= 0 {
			toks = append(toks, Token{Text: text[start:i], Start: start, End: i, Position: len(toks)})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, Token{Text: text[start:], Start: start, End: len(text), Position: len(toks)})
	}
	return toks
}

// Normalize returns s in the form used for matching (never for display).
func Normalize(s string) string { return s /* PLACEHOLDER */ }
