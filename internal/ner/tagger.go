package ner

import (
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
	"github.com/isnad-project/isnad/internal/news"
)

// A Tagger finds named entities: people, places, organizations and other
// names (events, agreements, works). It is safe for concurrent use.
type Tagger struct {
	lex    *Lexicon
	stages []*stage  // stage 1, then stage 2 if any (see document.go)
	silver silver    // the silver counts of stage 2 (see silver.go)
	pool   sync.Pool // *scratch
	// cache holds the tokens read so far (string → *tagEntry), up to
	// maxCache of them.
	cache  sync.Map
	cached atomic.Int64
}

// A stage is one set of weights.
type stage struct {
	tab   table
	trans transitions
	scale float64 // the weight an int16 unit stands for
	// bias is taken from the score of O at every token: the perceptron
	// learns to be sure before it tags a name, and a small bias, chosen
	// on held-out sentences, trades some of that precision for recall.
	bias int32
	// bound holds the weights of the context features of the positions
	// outside a sentence: bound[0] before it, bound[1] after it, indexed
	// like tagEntry.sum.
	bound [2][5][numTags]int32
}

// A tagEntry is a token as the tagger has read it: its lexicon entry and,
// for each stage, the sums of the weights of the features that depend on
// it alone: sum[s][2] when it is the token tagged, sum[s][d+2] when it is
// the neighbour at offset d of the token tagged.
type tagEntry struct {
	entry
	key string // docKey
	sum [2][5][numTags]int32
}

// maxCache bounds the number of tokens a tagger keeps read.
const maxCache = 1 << 17

// scratch is the working memory of one call.
type scratch struct {
	te     []*tagEntry
	ents   []*entry
	sent   sentence
	feats  []uint64
	emit   [][numTags]int32
	back   [][numTags]uint8
	out    []int
	keys   []string
	others [][numTags]int32
}

// newTagger returns a tagger with the given stages.
func newTagger(lex *Lexicon, stages ...*stage) *Tagger {
	t := &Tagger{lex: lex, stages: stages}
	var buf []uint64
	for _, st := range stages {
		st.bound = [2][5][numTags]int32{}
		for side := range st.bound {
			for _, d := range offsets {
				buf = appendContext(buf[:0], &boundary[side], d)
				for _, f := range buf {
					st.tab.add(f, &st.bound[side][d+2])
				}
			}
		}
	}
	return t
}

// entry returns what the tagger makes of a token, from the cache when it
// is there.
func (t *Tagger) entry(tok string) *tagEntry {
	if e, ok := t.cache.Load(tok); ok {
		return e.(*tagEntry)
	}
	e := &tagEntry{entry: *t.lex.entry(tok)}
	e.key = docKey(&e.entry)
	var buf [64]uint64
	self := appendSelfLexical(buf[:0], &e.at)
	self = appendSelfOther(self, &e.at)
	for s, st := range t.stages {
		for _, f := range self {
			st.tab.add(f, &e.sum[s][2])
		}
	}
	for _, d := range offsets {
		ctx := appendContext(buf[len(self):len(self)], &e.at, d)
		for s, st := range t.stages {
			for _, f := range ctx {
				st.tab.add(f, &e.sum[s][d+2])
			}
		}
	}
	if t.cached.Load() < maxCache {
		t.cached.Add(1)
		t.cache.Store(strings.Clone(tok), e)
	}
	return e
}

func (t *Tagger) scratch() *scratch {
	if s, ok := t.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// Files of a model directory (internal/ner/model, embedded in isnad).
const (
	ModelFile    = "ner.model.gz"
	ListsFile    = "gazetteer.txt"
	PlacesFile   = "places.txt.gz"
	ClustersFile = "clusters.txt.gz"
)

//go:embed model/ner.model.gz model/gazetteer.txt model/places.txt.gz model/clusters.txt.gz
var embedded embed.FS

// ReadLexicon reads the word lists, places and clusters of a model
// directory. Places and clusters are optional.
func ReadLexicon(fsys fs.FS) (*Lexicon, error) {
	lex := NewLexicon()
	f, err := fsys.Open(ListsFile)
	if err != nil {
		return nil, err
	}
	err = lex.ReadLists(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ListsFile, err)
	}
	for _, file := range []struct {
		name string
		read func(io.Reader) error
	}{{PlacesFile, lex.ReadPlaces}, {ClustersFile, lex.ReadClusters}} {
		if err := readGzip(fsys, file.name, file.read); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, fmt.Errorf("%s: %w", file.name, err)
		}
	}
	return lex, nil
}

func readGzip(fsys fs.FS, name string, read func(io.Reader) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	return read(zr)
}

// Load reads a tagger from a model directory: the weights of ModelFile and
// the lexicon it was trained with (ListsFile, PlacesFile, ClustersFile). It
// fails if the lexicon is not the one the weights were trained with.
func Load(fsys fs.FS) (*Tagger, error) {
	lex, err := ReadLexicon(fsys)
	if err != nil {
		return nil, err
	}
	f, err := fsys.Open(ModelFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	stages, sv, print, err := readModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ModelFile, err)
	}
	if print != lex.Fingerprint() {
		return nil, fmt.Errorf("%s was trained with other word lists or clusters than those beside it: run isnad train ner", ModelFile)
	}
	t := newTagger(lex, stages...)
	t.silver = sv
	return t, nil
}

var defaultTagger = sync.OnceValues(func() (*Tagger, error) {
	sub, err := fs.Sub(embedded, "model")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// Default returns the tagger built into isnad, loading it on the first call
// (see LoadTime). It panics if the built-in model is damaged, which the
// package's tests rule out.
func Default() *Tagger {
	t, err := defaultTagger()
	if err != nil {
		panic("ner: built-in model: " + err.Error())
	}
	return t
}

// LoadTime measures how long loading the built-in model takes, without
// keeping it.
func LoadTime() (time.Duration, error) {
	start := time.Now()
	sub, err := fs.Sub(embedded, "model")
	if err != nil {
		return 0, err
	}
	_, err = Load(sub)
	return time.Since(start), err
}

// Size returns the number of feature rows of the model, over its stages.
func (t *Tagger) Size() int {
	n := 0
	for _, st := range t.stages {
		n += st.tab.len()
	}
	return n
}

// Tag returns the BIO tag of each token of one sentence ("B-PERS", "I-LOC",
// "O", …, the ANERcorp scheme). Tokens are words and punctuation marks as
// written, clitics attached (وبدمشق is one token). The tags always form a
// valid BIO sequence. The sentence is its own document: TagDocument sees
// more.
func (t *Tagger) Tag(tokens []string) []string {
	return t.TagDocument([][]string{tokens}, 0)[0]
}

// TagDocument tags the sentences of a document, in order: each sentence is
// tagged with the sentences within window of it (all of them if window <
// 0) as its document (see document.go).
func (t *Tagger) TagDocument(sents [][]string, window int) [][]string {
	ids := t.tagDocument(sents, window)
	out := make([][]string, len(ids))
	for i, s := range ids {
		out[i] = make([]string, len(s))
		for j, id := range s {
			out[i][j] = tagNames[id]
		}
	}
	return out
}

// tagDocument returns the tag numbers of the sentences of a document.
func (t *Tagger) tagDocument(sents [][]string, window int) [][]int {
	sc := t.scratch()
	defer t.pool.Put(sc)
	p1 := make([][]int, len(sents))
	var keys [][]string
	if len(t.stages) > 1 {
		keys = make([][]string, len(sents))
	}
	for i, toks := range sents {
		p1[i] = slices.Clone(t.tag(0, toks, sc, nil, nil))
		if keys != nil {
			keys[i] = make([]string, len(toks))
			for j, e := range sc.te {
				keys[i][j] = e.key
			}
		}
	}
	if len(t.stages) == 1 {
		return p1
	}
	out := make([][]int, len(sents))
	windows(keys, p1, window, func(i int, dc docCounts) {
		sc.others = dc.others(keys[i], p1[i], sc.others)
		out[i] = slices.Clone(t.tag(1, sents[i], sc, p1[i], sc.others))
	})
	return out
}

// stage1 returns the stage-1 tags of a sentence.
func (t *Tagger) stage1(tokens []string) []int {
	sc := t.scratch()
	defer t.pool.Put(sc)
	return slices.Clone(t.tag(0, tokens, sc, nil, nil))
}

// tag computes the tag numbers of a sentence with stage s into sc.out.
// Stage 2 needs the stage-1 tags p1 and the document counts others.
func (t *Tagger) tag(s int, tokens []string, sc *scratch, p1 []int, others [][numTags]int32) []int {
	st := t.stages[s]
	n := len(tokens)
	sc.te, sc.ents = sc.te[:0], sc.ents[:0]
	for _, tok := range tokens {
		e := t.entry(tok)
		sc.te = append(sc.te, e)
		sc.ents = append(sc.ents, &e.entry)
	}
	t.lex.sentence(sc.ents, &sc.sent)
	sc.emit = grow(sc.emit, n)
	sc.back = grow(sc.back, n)
	sc.out = grow(sc.out, n)
	for i := range n {
		e := &sc.emit[i]
		*e = sc.te[i].sum[s][2]
		for _, d := range offsets {
			var ctx *[numTags]int32
			switch j := i + d; {
			case j < 0:
				ctx = &st.bound[0][d+2]
			case j >= n:
				ctx = &st.bound[1][d+2]
			default:
				ctx = &sc.te[j].sum[s][d+2]
			}
			for k := range numTags {
				e[k] += ctx[k]
			}
		}
		sc.feats = appendJoint(sc.feats[:0], &sc.sent, i, true)
		sc.feats = appendJoint(sc.feats, &sc.sent, i, false)
		if s == 1 {
			sc.feats = appendDoc(sc.feats, p1, i, &others[i])
			sc.feats = appendSilver(sc.feats, t.silver, sc.te[i].key)
		}
		for _, f := range sc.feats {
			st.tab.add(f, e)
		}
	}
	if st.bias != 0 {
		for i := range sc.emit {
			sc.emit[i][tagO] -= st.bias
		}
	}
	viterbi(sc.emit, &st.trans, sc.back, sc.out)
	return sc.out
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// A piece is a token of the sequence Entities tags: a word of the given
// tokens, or a punctuation mark between them.
type piece struct {
	start, end int
	word       bool
}

// Entities returns the named entities of text, in order, given its tokens
// (arabic.Tokenize or arabic.Analyzer.Analyze; only Text, Start and End are
// read, and tokens out of order or out of bounds are skipped). The text is
// cut into sentences (arabic.Sentences), the punctuation between tokens
// becomes tokens of its own, as in the training data, and the sentences
// are tagged as one document (see TagDocument).
//
// Type is PER, ORG, LOC or MISC. The span runs from the first word of the
// entity to the end of its last word, less the proclitics of the first
// word (وروسيا gives روسيا; ال stays; see Lexicon.trimProclitics); Text is
// text[Start:End] and Name is Text. Key joins the arabic.Key of each word:
// a placeholder until a later stage resolves entities (and places to
// coordinates: Lat and Lon are left nil).
func (t *Tagger) Entities(text string, toks []arabic.Token) []news.Entity {
	var pieces [][]piece
	var words [][]string
	k := 0
	for _, sent := range arabic.Sentences(text) {
		var ps []piece
		pos := sent.Start
		for ; k < len(toks) && toks[k].Start < sent.End; k++ {
			tk := toks[k]
			if tk.Start < pos || tk.End > len(text) || tk.Start >= tk.End {
				continue // out of order or out of bounds: skip it
			}
			ps = appendPunct(ps, text, pos, tk.Start)
			ps = append(ps, piece{tk.Start, tk.End, true})
			pos = tk.End
		}
		ps = appendPunct(ps, text, pos, max(sent.End, pos))
		if len(ps) == 0 {
			continue
		}
		ws := make([]string, len(ps))
		for i, p := range ps {
			ws[i] = text[p.start:p.end]
		}
		pieces = append(pieces, ps)
		words = append(words, ws)
	}
	var out []news.Entity
	for si, tags := range t.tagDocument(words, -1) {
		for i := 0; i < len(tags); {
			if tags[i] == tagO {
				i++
				continue
			}
			j := i + 1
			for j < len(tags) && isInside(tags[j]) && typeOf(tags[j]) == typeOf(tags[i]) {
				j++
			}
			if e, ok := entity(t.lex, text, pieces[si][i:j], typeOf(tags[i])); ok {
				out = append(out, e)
			}
			i = j
		}
	}
	return out
}

// appendPunct appends the punctuation of text[from:to] as pieces: each
// character that is not space is one.
func appendPunct(ps []piece, text string, from, to int) []piece {
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		switch {
		case r == utf8.RuneError && size <= 1: // not UTF-8: no character
		case unicode.IsSpace(r) || r == arabic.RightToLeftMark || r == arabic.LeftToRightMark || r == arabic.ArabicLetterMark:
		default:
			ps = append(ps, piece{i, i + size, false})
		}
		i += size
	}
	return ps
}

// entity makes the entity of type typ over pieces, trimmed to its words.
func entity(lex *Lexicon, text string, ps []piece, typ int) (news.Entity, bool) {
	for len(ps) > 0 && !ps[0].word {
		ps = ps[1:]
	}
	for len(ps) > 0 && !ps[len(ps)-1].word {
		ps = ps[:len(ps)-1]
	}
	if len(ps) == 0 {
		return news.Entity{}, false
	}
	start := lex.trimProclitics(text[ps[0].start:ps[0].end]) + ps[0].start
	end := ps[len(ps)-1].end
	surface := text[start:end]
	var key strings.Builder
	for _, w := range strings.Fields(surface) {
		if k := arabic.Key(w); k != "" {
			if key.Len() > 0 {
				key.WriteByte(' ')
			}
			key.WriteString(k)
		}
	}
	return news.Entity{
		Type: newsTypes[typ],
		Text: surface,
		Span: news.Span{Start: start, End: end},
		Key:  key.String(),
		Name: surface,
	}, true
}

// entityAnalyzer segments the first word of an entity.
var entityAnalyzer = arabic.NewAnalyzer(arabic.Options{NoRepair: true, Stopwords: []string{}})

// trimProclitics returns the byte length of the proclitics و ف ب ك ل at
// the start of word, as arabic.Analyzer segments it, or 0. It trims the
// most proclitics that leave a word the lexicon knows (in its clusters or
// word lists), or else a lone و or ف before the core; and only where the
// rest of the word, normalized, is exactly the remaining segments: the ل of
// للأمم (ل + الأمم) stays, and so does the و of ولنغتون (Wellington, which
// the analyzer reads as و + ل + نغتون).
func (l *Lexicon) trimProclitics(w string) int {
	toks := entityAnalyzer.Analyze(w)
	if len(toks) != 1 || toks[0].Start != 0 {
		return 0
	}
	segs := toks[0].Segments
	var cuts []int // cuts[k] is the byte length of the first k+1 proclitics
	n := 0
	for k := 0; k < len(segs)-1; k++ {
		s := segs[k]
		if s != "و" && s != "ف" && s != "ب" && s != "ك" && s != "ل" {
			break
		}
		if !strings.HasPrefix(w[n:], s) {
			break
		}
		m := n + len(s)
		for m < len(w) && isMark(w[m:]) {
			m += 2 // harakat and tatweel are two bytes in UTF-8
		}
		if arabic.Normalize(w[m:]) != strings.Join(segs[k+1:], "") {
			break
		}
		n = m
		cuts = append(cuts, n)
	}
	for k := len(cuts) - 1; k >= 0; k-- {
		if l.known(arabic.Normalize(w[cuts[k]:])) {
			return cuts[k]
		}
	}
	if len(cuts) > 0 && len(segs) == 2 && (segs[0] == "و" || segs[0] == "ف") {
		return cuts[0]
	}
	return 0
}

// isMark reports whether s starts with a haraka or tatweel.
func isMark(s string) bool {
	if len(s) < 2 {
		return false
	}
	r := rune(s[0]&0x1F)<<6 | rune(s[1]&0x3F)
	return s[0]&0xE0 == 0xC0 && (r == arabic.Tatweel || (r >= arabic.Fathatan && r <= arabic.Sukun))
}
