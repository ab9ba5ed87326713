package arabic

import (
	"strings"
)

// This file holds the clitic segmenter. It splits an Arabic word into
// proclitics, stem and suffixes in two conventions:
//
//   - isnad's, for search and claims: proclitics (و ف ب ك ل س ال), the
//     core, and an enclitic pronoun (ه ها هم هما هن كم كما كن نا ني);
//     feminine, plural and verb endings stay in the core, as do ي and ك,
//     which cannot be told from a relational ي or a ك of the word. A core
//     keeps two letters: له stays له. Token.Segments and Segments follow
//     it.
//   - Farasa's (the ATB convention of the Farasa segmenter and its
//     WikiNews gold): feminine ة, plural ات ون ين ان, dual, case ا and the
//     subject suffixes of verbs (ت وا ن …) are segments too:
//     ب+ال+محكم+ة, أعلن+ت, ترشيح+ات+ها. SegmentFarasa follows it.
//
// Both come from one analysis. The segmenter lists the candidate
// segmentations of the word (candidates): every sequence of proclitics of
// the prefix table that begins it, times every sequence of suffixes of the
// suffix table that ends it, with the stem between (at least one letter).
// Spelling and grammar rule some out: the article takes no pronoun, the
// future prefix س wants an imperfect verb after it, لل is ل + ال; and the
// hand-written lists of words/ keep the first letter of their words
// (وزير, بريطانيا) and the final ه of theirs (يواجه). Each candidate gets
// a score (segment_rank.go), the sum of the weights of its features: its
// prefixes and suffixes, the length, first and last letters and shape of
// the stem, whether the stem, the stem with ة, the word without its
// pronoun and the whole word are words of the hunspell-ar dictionary and
// of which kind, how often they occur in ANERcorp alone, after ال, after
// و ب ل, before a pronoun and in names, how often the stem was a stem in
// the Farasa train gold and with which suffix, and whether the gold
// segmented this very word so. The best candidate wins; a word of the gold
// that no candidate segments as the gold does (a fusion such as مما =
// من+ما, or لابد = لا+بد) takes the gold's segmentation. The weights are
// learned on the train part of the Farasa gold by a log-linear ranker
// (segment_train_test.go); the data is in words/ (see words/NOTICE.md).
// A cache (segment_cache.go) remembers the segmentation of the words seen
// last.
//
// On the held-out sections of the Farasa WikiNews gold, 98.5% of the words
// are segmented exactly as the gold (Farasa itself reports 98.9%). A word
// the ranker knows nothing of, such as a foreign name never seen, is
// decided by the prior of its prefixes and suffixes: an unknown بلانكو may
// still lose its ب. That is the price of a statistical segmenter.

// A Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// A Segment is one part of a word, as Segments returns it: its text, and
// the bytes of the word it is written with.
type Segment struct {
	Text string
	Span
}

// A Scheme is a convention of segmentation.
type Scheme uint8

const (
	// SchemeIsnad splits the clitics only: و+ب+ال+مدينه, كتاب+هم. Its
	// segments are in the form of Normalize.
	SchemeIsnad Scheme = iota
	// SchemeFarasa splits as the Farasa segmenter does (see
	// SegmentFarasa): ب+ال+مدين+ة, كتاب+هم, أعلن+ت. Its segments keep أ
	// إ آ ة ى as written.
	SchemeFarasa
)

// String returns "isnad" or "farasa".
func (s Scheme) String() string {
	if s == SchemeFarasa {
		return "farasa"
	}
	return "isnad"
}

// Proclitic and suffix segments.
const (
	segWaw     = string(Waw)
	segFeh     = string(Feh)
	segBeh     = string(Beh)
	segKaf     = string(Kaf)
	segLam     = string(Lam)
	segSeen    = string(Seen)
	segTeh     = string(Teh)
	segTehM    = string(TehMarbuta)
	segAlef    = string(Alef)
	segYeh     = string(Yeh)
	segNoon    = string(Noon)
	segHeh     = string(Heh)
	segHa      = string(Heh) + string(Alef)
	segHum     = string(Heh) + string(Meem)
	segHuma    = string(Heh) + string(Meem) + string(Alef)
	segHunna   = string(Heh) + string(Noon)
	segKum     = string(Kaf) + string(Meem)
	segKuma    = string(Kaf) + string(Meem) + string(Alef)
	segKunna   = string(Kaf) + string(Noon)
	segNa      = string(Noon) + string(Alef)
	segNi      = string(Noon) + string(Yeh)
	segAt      = sufAt
	segUn      = sufUn
	segIn      = sufIn
	segAn      = string(Alef) + string(Noon)
	segWa      = string(Waw) + string(Alef)
	segTa      = string(Teh) + string(Alef)
	segTum     = string(Teh) + string(Meem)
	segTuma    = string(Teh) + string(Meem) + string(Alef)
	segTunna   = string(Teh) + string(Noon)
	alLamLam   = 1 // the article of لل: ل + ال, the article's lam written
	alLamStem  = 2 // the article of للغة: ل + ال + لغة, the article unwritten
	maxLetters = 63
)

// A prefix is a sequence of proclitics as written at the start of a word.
type prefix struct {
	surf string   // as written: وبال, لل
	segs []string // the proclitics: و ب ال
	al   uint8    // alLamLam or alLamStem when the article is restored
	fut  bool     // ends with the future prefix س
	def  bool     // ends with the article
}

// A suffix is a sequence of suffixes as written at the end of a word: a
// nominal or verbal ending (ة ات ين ون ت وا …) then a pronoun, each
// optional.
type suffix struct {
	surf string   // as written: تها
	segs []string // ت ها
	pron int      // byte length of the final pronoun, or 0
}

// prefixes and suffixes are the tables of the segmenter; their index is
// a feature of a candidate, so their order is part of the learned model.
var prefixes, suffixes = makeAffixes()

// suffixesByLast lists, for each letter of the Arabic block, the indexes of
// the non-empty suffixes that end with it.
var suffixesByLast = func() (t [256][]uint8) {
	for i, x := range suffixes {
		if x.surf != "" {
			l := letterAt(x.surf, len(x.surf)-2) - 0x600
			t[l] = append(t[l], uint8(i))
		}
	}
	return t
}()

// isCliticLetter reports whether a word beginning with l may have a
// proclitic: و ف ب ك ل س, or ا of the article.
func isCliticLetter(l rune) bool {
	switch l {
	case Waw, Feh, Beh, Kaf, Lam, Seen, Alef:
		return true
	}
	return false
}

func makeAffixes() ([]prefix, []suffix) {
	var ps []prefix
	for _, conj := range []string{"", segWaw, segFeh} {
		add := func(p prefix) {
			if conj != "" {
				p.surf = conj + p.surf
				p.segs = append([]string{conj}, p.segs...)
			}
			ps = append(ps, p)
		}
		add(prefix{})
		add(prefix{surf: segBeh, segs: []string{segBeh}})
		add(prefix{surf: segKaf, segs: []string{segKaf}})
		add(prefix{surf: segLam, segs: []string{segLam}})
		add(prefix{surf: segSeen, segs: []string{segSeen}, fut: true})
		add(prefix{surf: article, segs: []string{article}, def: true})
		add(prefix{surf: segBeh + article, segs: []string{segBeh, article}, def: true})
		add(prefix{surf: segKaf + article, segs: []string{segKaf, article}, def: true})
		add(prefix{surf: lamLam, segs: []string{segLam, article}, def: true, al: alLamLam})
		add(prefix{surf: segLam, segs: []string{segLam, article}, def: true, al: alLamStem})
	}
	ps[0].segs = nil

	prons := []string{"", segHeh, segHa, segHum, segHuma, segHunna, segKaf, segKum, segKuma, segKunna, segNa, segYeh, segNi}
	type ending struct {
		segs     []string
		withPron bool // may take a pronoun after it
		alone    bool // may end the word
	}
	endings := []ending{
		{nil, true, true},
		{[]string{segTehM}, false, true},
		{[]string{segAt}, true, true},
		{[]string{segIn}, false, true},
		{[]string{segUn}, true, true},
		{[]string{segAn}, true, true},
		{[]string{segYeh}, true, false}, // يد+ي+ه; a final ي is the pronoun
		{[]string{segWaw}, true, true},
		{[]string{segAlef}, true, true},
		{[]string{segTeh}, true, true},
		{[]string{segTeh, segIn}, false, true},
		{[]string{segTeh, segAn}, false, true},
		{[]string{segTa}, false, true},
		{[]string{segWa}, false, true},
		{[]string{segNoon}, false, true},
		{[]string{segTum}, false, true},
		{[]string{segTuma}, false, true},
		{[]string{segTunna}, false, true},
	}
	var ss []suffix
	for _, e := range endings {
		for _, p := range prons {
			if p == "" && !e.alone || p != "" && !e.withPron {
				continue
			}
			s := suffix{segs: append([]string(nil), e.segs...), pron: len(p)}
			if p != "" {
				s.segs = append(s.segs, p)
			}
			s.surf = strings.Join(s.segs, "")
			ss = append(ss, s)
		}
	}
	return ps, ss
}

// isAffixSegment reports whether s is a segment of the prefix or suffix
// tables.
func isAffixSegment(s string) bool {
	return affixSegments[s]
}

var affixSegments = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range prefixes {
		for _, s := range p.segs {
			m[s] = true
		}
	}
	for _, x := range suffixes {
		for _, s := range x.segs {
			m[s] = true
		}
	}
	return m
}()

// A cutSet is a segmentation of a word of at most maxLetters letters:
// bit i is set when a segment ends after letter i (the last letter's bit
// is never set), and al says whether and how an article is restored after
// the proclitic ل (alLamLam, alLamStem).
type cutSet struct {
	bits uint64
	al   uint8
}

// goldCuts returns the cutSet of segs, a Farasa segmentation of the word
// pre (normalize(word, false)), or false if the segments do not spell it
// letter for letter (a fusion such as مما = من+ما).
func goldCuts(pre string, segs []string) (cutSet, bool) {
	var c cutSet
	pos := 0 // byte offset in pre
	for i, s := range segs {
		s = normalize(s, false)
		if s == article && i > 0 && segs[i-1] == segLam && i+1 < len(segs) {
			if strings.HasPrefix(segs[i+1], segLam) {
				c.al = alLamStem
				continue
			}
			c.al = alLamLam
			s = segLam
		}
		if !strings.HasPrefix(pre[pos:], s) || s == "" {
			return cutSet{}, false
		}
		pos += len(s)
		if pos < len(pre) {
			if pos/2-1 >= maxLetters {
				return cutSet{}, false
			}
			c.bits |= 1 << (pos/2 - 1)
		}
	}
	return c, pos == len(pre)
}

// A cand is a candidate segmentation: prefix, stem pre[s:e], suffix.
type cand struct {
	p    *prefix
	x    *suffix
	pi   uint8 // index of p in prefixes
	xi   uint8 // index of x in suffixes
	s, e int
}

// cuts returns the cutSet of c.
func (c cand) cuts() cutSet {
	var cs cutSet
	cs.al = c.p.al
	pos := 0
	set := func() {
		if pos > 0 && pos/2-1 < maxLetters {
			cs.bits |= 1 << (pos/2 - 1)
		}
	}
	for _, s := range c.p.segs {
		if s == article && c.p.al != 0 {
			if c.p.al == alLamLam {
				pos += 2
				set()
			}
			continue
		}
		pos += len(s)
		set()
	}
	pos = c.e
	for _, s := range c.x.segs {
		set() // the end of the stem, then of each suffix but the last
		pos += len(s)
	}
	return cs
}

// candidates appends to buf the candidate segmentations of the Arabic word
// pre (normalize(word, false)); norm is foldVariants(pre).
//
// The hand-written word lists of words/ rule candidates out: a word whose
// stem is in conj.txt keeps its first و or ف, in prep.txt its ب or ل (after
// a conjunction too), in future.txt its س, and a word of encl.txt its
// final ه or ها.
func candidates(buf []cand, pre, norm string) []cand {
	var keep [2]bool // the letter at 0 (and at 2, after a conjunction) is the word's
	if l := letterAt(pre, 0); l == Waw || l == Feh {
		keep[0] = conjKeep.holds(pre, norm, 0)
	}
	for i, pos := range [2]int{0, 2} {
		if pos+6 > len(pre) || i == 1 && keep[0] {
			continue
		}
		switch letterAt(pre, pos) {
		case Beh, Lam, Kaf:
			keep[i] = keep[i] || prepKeep.holds(pre, norm, pos)
		case Seen:
			keep[i] = keep[i] || futureKeep.holds(pre, norm, pos)
		}
	}
	np := len(prefixes)
	if !isCliticLetter(letterAt(pre, 0)) {
		np = 1 // only the empty prefix
	}
	byLast := suffixesByLast[letterAt(pre, len(pre)-2)-0x600]
	for pi := range np {
		p := &prefixes[pi]
		if !strings.HasPrefix(pre, p.surf) {
			continue
		}
		s := len(p.surf)
		if s >= len(pre) {
			continue
		}
		if p.al == alLamStem && !strings.HasPrefix(pre[s:], segLam) ||
			p.al == alLamLam && strings.HasPrefix(pre[s:], segLam) { // ل+ال+ل… is written لل…
			continue
		}
		if p.fut && !isImperfectPrefix(letterAt(pre, s)) {
			continue
		}
		if len(p.segs) > 0 && keep[0] || len(p.segs) > 1 && p.segs[0] != article && len(p.segs[0]) == 2 && len(p.segs[1]) == 2 && keep[1] {
			continue
		}
		for j := -1; j < len(byLast); j++ {
			var xi uint8 // the empty suffix first
			if j >= 0 {
				xi = byLast[j]
			}
			x := &suffixes[xi]
			e := len(pre) - len(x.surf)
			if e <= s || !strings.HasSuffix(pre, x.surf) {
				continue
			}
			if p.def && x.pron > 0 {
				continue
			}
			if x.pron > 0 && x.pron <= 4 && enclKeep.has(norm[s:]) && (x.surf == segHeh || x.surf == segHa) {
				continue
			}
			if e-s == 4 && (len(x.segs) > 0 && isFused(pre[s:e], x.segs[0]) ||
				p.al == 0 && len(p.segs) > 0 && p.segs[len(p.segs)-1] == segLam && pre[s:e] == article) {
				// كن+نا is written كنا (كننا is no such word), and ل+ال
				// is the article after ل: JoinFarasa must spell the word.
				continue
			}
			buf = append(buf, cand{p: p, x: x, pi: uint8(pi), xi: xi, s: s, e: e})
		}
	}
	return buf
}

// A segmenter holds the buffers of one analysis; its zero value is ready.
type segmenter struct {
	cands []cand
	feats []uint32
}

// best returns the best candidate segmentation of the Arabic word pre
// (normalize(word, false); norm is foldVariants(pre)), or the gold's
// segmentation of the word when no candidate has it: a fusion (مما =
// من+ما) or a split the tables do not make (لابد = لا+بد).
func (sg *segmenter) best(l *lexicon, g *goldStats, mo *model, pre, norm string) (c cand, m *memo) {
	w := l.newWordCtx(pre, norm, g)
	var top *memo
	for i := range w.mem {
		if top == nil || w.mem[i].count > top.count {
			top = &w.mem[i]
		}
	}
	if top != nil && top.segs != nil {
		return cand{}, top
	}
	sg.cands = candidates(sg.cands[:0], pre, norm)
	if len(sg.cands) == 1 && top == nil {
		return sg.cands[0], nil
	}
	bestScore := float32(0)
	covered := top == nil
	for i, k := range sg.cands {
		sg.feats = w.features(sg.feats[:0], k)
		s := mo.affix[int(k.pi)*len(suffixes)+int(k.xi)] + score(mo.weights, sg.feats)
		if i == 0 || s > bestScore {
			c, bestScore = k, s
		}
		if !covered && k.cuts() == top.cuts {
			covered = true
		}
	}
	if !covered {
		return cand{}, top
	}
	return c, nil
}

// analyze appends the segments of the Arabic word pre, norm in scheme, and
// their spans as bytes of pre, to segs and spans, and returns its parts in
// isnad's convention.
func (sg *segmenter) analyze(l *lexicon, segs []string, spans []Span, pre, norm string, scheme Scheme) ([]string, []Span, wordParts) {
	var c cand
	var m *memo
	if !isCliticLetter(letterAt(pre, 0)) && len(suffixesByLast[letterAt(pre, len(pre)-2)-0x600]) == 0 && !l.entry(norm).memo {
		// No candidate but the word whole.
		c = cand{p: &prefixes[0], x: &suffixes[0], e: len(pre)}
	} else if pi, xi, mi, h, ok := l.cache.get(pre); ok {
		if mi > 0 {
			m = l.memos[mi-1]
		} else {
			p, x := &prefixes[pi], &suffixes[xi]
			c = cand{p: p, x: x, pi: pi, xi: xi, s: len(p.surf), e: len(pre) - len(x.surf)}
		}
	} else {
		c, m = sg.best(l, &l.gold, &l.model, pre, norm)
		if m != nil {
			l.cache.put(h, pre, 0, 0, int(m.id)+1)
		} else {
			l.cache.put(h, pre, c.pi, c.xi, 0)
		}
	}
	return sg.parts(segs, spans, c, m, pre, norm, scheme)
}

// analyzeWith is analyze with the given gold statistics and weights, and
// no cache.
func (sg *segmenter) analyzeWith(l *lexicon, g *goldStats, mo *model, segs []string, spans []Span, pre, norm string, scheme Scheme) ([]string, []Span, wordParts) {
	c, m := sg.best(l, g, mo, pre, norm)
	return sg.parts(segs, spans, c, m, pre, norm, scheme)
}

// parts appends the segments of pre in scheme, segmented as c or by the
// memo m, to segs and their spans as bytes of pre to spans, and returns
// its parts in isnad's convention.
func (sg *segmenter) parts(segs []string, spans []Span, c cand, m *memo, pre, norm string, scheme Scheme) ([]string, []Span, wordParts) {
	if m != nil { // a word of the gold that no candidate segments so
		p := wholeParts(pre, norm)
		switch {
		case scheme == SchemeIsnad:
			segs, spans = append(segs, norm), append(spans, Span{0, len(norm)})
		case m.segs != nil: // a fusion: every segment spans the word
			for _, s := range m.segs {
				segs, spans = append(segs, s), append(spans, Span{0, len(pre)})
			}
		default:
			segs, spans = cutSpans(segs, spans, pre, m.cuts)
		}
		return segs, spans, p
	}
	p := isnadParts(c, pre, norm)
	if scheme == SchemeFarasa {
		segs, spans = appendFarasa(segs, spans, c, pre)
		return segs, spans, p
	}
	for i := range p.npro {
		segs, spans = append(segs, p.pro[i]), append(spans, p.proSpan[i])
	}
	segs, spans = append(segs, p.core), append(spans, Span{p.coreStart, p.coreEnd})
	if p.encl != "" {
		segs, spans = append(segs, p.encl), append(spans, Span{p.coreEnd, len(norm)})
	}
	return segs, spans, p
}

// wholeParts returns the parts of a word taken whole, in isnad's
// convention: no clitics.
func wholeParts(pre, norm string) wordParts {
	return wordParts{core: norm, coreEnd: len(norm), stem: endings(pre, norm, 0, len(norm), false)}
}

// isnadParts returns the parts in isnad's convention of the word pre, norm
// segmented as c: its proclitics, then the core (stem, endings and a
// pronoun that is no enclitic for isnad: ي ك), then an enclitic. A core
// of one letter (ل+ه, و+هم) leaves the word whole: a stem has two letters
// or more.
func isnadParts(c cand, pre, norm string) wordParts {
	end := len(norm)
	if c.x.pron > 0 && isnadEnclitic(norm[end-c.x.pron:]) {
		end -= c.x.pron
	}
	if end-c.s < 4 {
		return wholeParts(pre, norm)
	}
	var p wordParts
	pos := 0
	for _, seg := range c.p.segs {
		sp := Span{pos, pos + len(seg)}
		if seg == article && c.p.al != 0 {
			sp = Span{pos, pos}
			if c.p.al == alLamLam {
				sp.End += 2
			}
		}
		p.pro[p.npro], p.proSpan[p.npro] = seg, sp
		p.npro++
		pos = sp.End
	}
	p.coreStart, p.coreEnd, p.core = c.s, end, norm[c.s:end]
	if end < len(norm) {
		p.encl = norm[end:]
	}
	p.stem = endings(pre, norm, c.s, end, p.encl != "")
	return p
}

// appendFarasa appends the segments of pre in the Farasa convention, as
// candidate c cuts it, to segs, and their spans as bytes of pre to spans.
func appendFarasa(segs []string, spans []Span, c cand, pre string) ([]string, []Span) {
	pos := 0
	for _, seg := range c.p.segs {
		sp := Span{pos, pos + len(seg)}
		if seg == article && c.p.al != 0 {
			sp = Span{pos, pos}
			if c.p.al == alLamLam {
				sp.End += 2
			}
		}
		segs, spans = append(segs, seg), append(spans, sp)
		pos = sp.End
	}
	segs, spans = append(segs, pre[c.s:c.e]), append(spans, Span{c.s, c.e})
	pos = c.e
	for _, x := range c.x.segs {
		segs, spans = append(segs, x), append(spans, Span{pos, pos + len(x)})
		pos += len(x)
	}
	return segs, spans
}

// cutSpans appends the segments of pre cut at cs to segs, and their spans
// as bytes of pre to spans.
func cutSpans(segs []string, spans []Span, pre string, cs cutSet) ([]string, []Span) {
	start := 0
	n0 := len(segs)
	for i := 2; i <= len(pre); i += 2 {
		if i < len(pre) && (i/2-1 >= maxLetters || cs.bits&(1<<(i/2-1)) == 0) {
			continue
		}
		seg, sp := pre[start:i], Span{start, i}
		start = i
		n := len(segs)
		switch {
		case cs.al == alLamLam && seg == segLam && n > n0 && segs[n-1] == segLam:
			seg = article
		case cs.al == alLamStem && n > n0 && segs[n-1] == segLam && strings.HasPrefix(seg, segLam):
			segs, spans = append(segs, article), append(spans, Span{sp.Start, sp.Start})
		}
		segs, spans = append(segs, seg), append(spans, sp)
	}
	return segs, spans
}

// SegmentFarasa returns the segments of one word in the Farasa/ATB
// convention of the Farasa segmenter and its WikiNews gold: proclitics,
// stem, then the feminine, plural, dual, case and verb-subject suffixes
// and an enclitic pronoun, each a segment: والستين → و ال ست ين,
// بالمحكمة → ب ال محكم ة, ترشيحاتها → ترشيح ات ها, أعلنت → أعلن ت.
// The word may be written with harakat and tatweel: segments are in the
// form normalize gives without folding the spelling variants (أ إ آ ة ى
// kept as written; harakat, tatweel and format characters dropped). For
// لل the article is restored (للمدينة → ل ال مدين ة), and a few fused
// words are split (مما → من ما); JoinFarasa is the inverse. A word that
// is not made of Arabic letters (a number, a Latin word) is one segment;
// an empty word has none.
func SegmentFarasa(word string) []string {
	segs, _ := segmentWord(nil, nil, word, SchemeFarasa)
	return segs
}

// Segments returns the segments of one word in scheme, each with the bytes
// of word it is written with, as Token.Segments and Token.SegmentSpans
// give them for a token: Segments("وبالمدينة", SchemeIsnad) is و [0,2),
// ب [2,4), ال [4,8), مدينه [8,18). Unlike Analyze, it splits stopwords
// too. A word that is not made of Arabic letters is one segment, its
// normalized form, and an empty word has none.
func Segments(word string, scheme Scheme) []Segment {
	segs, spans := segmentWord(nil, nil, word, scheme)
	out := make([]Segment, len(segs))
	for i := range segs {
		out[i] = Segment{segs[i], spans[i]}
	}
	return out
}

// segmentWord appends the segments of word in scheme and their spans as
// bytes of word to segs and spans.
func segmentWord(segs []string, spans []Span, word string, scheme Scheme) ([]string, []Span) {
	pre := normalize(word, false)
	if pre == "" {
		return segs, spans
	}
	norm := foldVariants(pre)
	start := len(spans)
	if !isArabicWord(norm) {
		if scheme == SchemeIsnad {
			pre = norm
		}
		segs, spans = append(segs, pre), append(spans, Span{0, len(pre)})
	} else {
		var sg segmenter
		segs, spans, _ = sg.analyze(theLexicon(), segs, spans, pre, norm, scheme)
	}
	mapOffsets(word, pre, spans[start:])
	return segs, spans
}
