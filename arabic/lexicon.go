package arabic

import (
	"bufio"
	"compress/gzip"
	"embed"
	"hash/maphash"
	"io"
	"strconv"
	"strings"
	"sync"
)

// The segmenter's lexicon is data, embedded from words/ and read once, on
// first use (see words/NOTICE.md for sources and licences):
//
//   - words/hunspell-ar.txt.gz: the words of the Ayaspell hunspell
//     dictionary, with the sections they are listed in (stopwords, tools,
//     nouns, verbs);
//   - words/anercorp-freq.txt.gz: how often each word occurs in the train
//     split of ANERcorp, 125,000 words of news;
//   - words/farasa-train.txt.gz: the train part of the Farasa WikiNews
//     segmentation gold, 11,187 words;
//   - words/segmenter-weights.txt.gz: the weights of the segmenter's
//     ranker, learned from the three (see segment_train_test.go).

//go:embed words/*.gz
var lexFiles embed.FS

// Sections of the hunspell dictionary a word is listed in.
const (
	hunStop uint8 = 1 << iota // stopwords.dic: function words, with their clitics
	hunTool                   // tools.dic: particles and adverbs
	hunNoun                   // names.dic: nouns, adjectives, proper names
	hunVerb                   // verb.huns.dic: verb forms
)

// A lexEntry is what the lexicon knows of one string of letters, the
// folded form (Normalize) of a stem, core or word.
type lexEntry struct {
	hun    uint8  // hunspell sections of the string as a word
	hunFem uint8  // hunspell sections of the string + ة
	aner   uint16 // ANERcorp count of the string as a word
	anerAl uint16 // ANERcorp count of ال + the string
	anerP  uint16 // ANERcorp count of the string after و ب ل (not ال)
	anerT  uint16 // ANERcorp count of the string + ة, ات, ها, ه
	name   uint16 // ANERcorp count of the string as a word of a named entity
	gold   uint16 // times the string is a stem in the Farasa train gold
	memo   bool   // the string is a word of the Farasa train gold
}

// sat returns a + b, or the largest uint16 if that is more.
func sat(a uint16, b int) uint16 { return uint16(min(int(a)+b, 0xFFFF)) }

// goldStats is what the Farasa train gold says of stems and words; the
// trainer builds it from a part of the gold, the segmenter from all.
type goldStats struct {
	stems      map[string]uint16     // folded stem → times it is a stem
	stemSuffix map[stemSuffix]uint16 // times a stem has a suffix
	words      map[string][]memo     // folded word → its segmentations
	// merged says that stems and the keys of words are also in the
	// lexicon's entries (gold, memo), which the segmenter reads first.
	merged bool
}

// A stemSuffix is a stem with the index of a suffix of the table.
type stemSuffix struct {
	stem string
	xi   uint8
}

// A memo is one segmentation of a word seen in the gold, as cut points.
type memo struct {
	cuts  cutSet
	count uint16
	segs  []string // the segments of a fusion (مما = من+ما), or nil
	id    int32    // its index in lexicon.memos
}

// lexicon is the loaded data of the segmenter.
type lexicon struct {
	words *lexTable
	gold  goldStats
	model model
	memos []*memo    // the memos of gold, by id
	cache *wordCache // segmentations with gold and model
}

// A model is the weights of the segmenter's ranker.
type model struct {
	weights []float32 // by feature index
	affix   []float32 // affixScores(weights)
}

func newModel(weights []float32) *model {
	return &model{weights: weights, affix: affixScores(weights)}
}

var (
	lexOnce sync.Once
	lex     *lexicon
)

// theLexicon returns the lexicon, loading it on first use.
func theLexicon() *lexicon {
	lexOnce.Do(func() {
		lex = loadLexicon(true)
	})
	return lex
}

// loadLexicon reads the embedded data. Without gold, the gold statistics
// and weights are left empty (the trainer builds its own).
func loadLexicon(gold bool) *lexicon {
	l := &lexicon{cache: newWordCache()}
	words := make(map[string]*lexEntry, 200_000)
	get := func(k string) *lexEntry {
		e := words[k]
		if e == nil {
			e = &lexEntry{}
			words[k] = e
		}
		return e
	}
	readData("words/hunspell-ar.txt.gz", func(w, v string) {
		var bits uint8
		for _, c := range v {
			switch c {
			case 's':
				bits |= hunStop
			case 't':
				bits |= hunTool
			case 'n':
				bits |= hunNoun
			case 'v':
				bits |= hunVerb
			}
		}
		pre := normalize(w, false)
		k := foldVariants(pre)
		get(k).hun |= bits
		if strings.HasSuffix(pre, string(TehMarbuta)) && len(k) > 2 {
			get(k[:len(k)-2]).hunFem |= bits
		}
	})
	readData("words/anercorp-freq.txt.gz", func(w, v string) {
		count, names, _ := strings.Cut(v, "\t")
		n, _ := strconv.Atoi(count)
		ne, _ := strconv.Atoi(names)
		pre := normalize(w, false)
		k := foldVariants(pre)
		e := get(k)
		e.aner, e.name = sat(e.aner, n), sat(e.name, ne)
		if strings.HasPrefix(k, article) && len(k) > 4 {
			e := get(k[4:])
			e.anerAl = sat(e.anerAl, n)
		} else if len(k) > 4 {
			switch letterAt(k, 0) {
			case Waw, Beh, Lam, Feh:
				e := get(k[2:])
				e.anerP = sat(e.anerP, n)
			}
		}
		for _, suf := range [...]string{string(Heh), sufAt, string(Heh) + string(Alef)} {
			if strings.HasSuffix(k, suf) && len(k)-len(suf) >= 4 {
				e := get(k[:len(k)-len(suf)])
				e.anerT = sat(e.anerT, n)
			}
		}
	})
	// A final hamza changes its seat before a pronoun (أبناء, أبناؤه,
	// أبنائه): the stems أبناؤ and أبنائ are the word أبناء.
	var hamzas []string
	for k := range words {
		if strings.HasSuffix(k, string(Hamza)) && len(k) > 2 {
			hamzas = append(hamzas, k)
		}
	}
	for _, k := range hamzas {
		e := *words[k]
		{
			for _, seat := range [...]string{string(WawHamzaAbove), string(YehHamzaAbove)} {
				v := get(k[:len(k)-2] + seat)
				v.hun |= e.hun
				v.hunFem |= e.hunFem
				v.aner = sat(v.aner, int(e.aner))
				v.anerAl = sat(v.anerAl, int(e.anerAl))
			}
		}
	}
	if gold {
		l.gold = newGoldStats(readFarasaTrain(), nil)
		l.model = *newModel(readWeights())
		for k, n := range l.gold.stems {
			get(k).gold = n
		}
		for k, ms := range l.gold.words {
			get(k).memo = true
			for i := range ms {
				ms[i].id = int32(len(l.memos))
				l.memos = append(l.memos, &ms[i])
			}
		}
		l.gold.merged = true
	}
	l.words = newLexTable(words)
	return l
}

// readData calls f with the two tab-separated fields of each line of the
// embedded gzip file name, skipping # comments.
func readData(name string, f func(a, b string)) {
	file, err := lexFiles.Open(name)
	if err != nil {
		panic("arabic: missing embedded data: " + err.Error()) // a build error
	}
	defer file.Close()
	zr, err := gzip.NewReader(file)
	if err != nil {
		panic("arabic: bad embedded data " + name + ": " + err.Error())
	}
	readLines(zr, f)
}

func readLines(r io.Reader, f func(a, b string)) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		a, b, _ := strings.Cut(line, "\t")
		f(a, b)
	}
}

// readFarasaTrain returns the embedded train part of the Farasa gold:
// the segments of each word, in order.
func readFarasaTrain() [][]string {
	var out [][]string
	readData("words/farasa-train.txt.gz", func(segs, _ string) {
		out = append(out, strings.Split(segs, "+"))
	})
	return out
}

// newGoldStats counts the stems and segmentations of the gold words,
// leaving out those for which skip (if not nil) is true.
func newGoldStats(gold [][]string, skip func(i int) bool) goldStats {
	g := goldStats{stems: map[string]uint16{}, stemSuffix: map[stemSuffix]uint16{}, words: map[string][]memo{}}
	for i, segs := range gold {
		if skip != nil && skip(i) {
			continue
		}
		word := JoinFarasa(segs)
		pre := normalize(word, false)
		norm := foldVariants(pre)
		if !isArabicWord(norm) {
			continue
		}
		cuts, ok := goldCuts(pre, segs)
		m := memo{cuts: cuts, count: 1}
		if !ok {
			m.segs = segs
		} else if st := goldStem(segs); st != "" {
			g.stems[Normalize(st)]++
			for _, c := range candidates(nil, pre, norm) {
				if c.cuts() == cuts {
					g.stemSuffix[stemSuffix{norm[c.s:c.e], c.xi}]++
					break
				}
			}
		}
		ms := g.words[norm]
		found := false
		for j := range ms {
			if ms[j].cuts == m.cuts && (m.segs == nil) == (ms[j].segs == nil) {
				ms[j].count++
				found = true
			}
		}
		if !found {
			g.words[norm] = append(ms, m)
		}
	}
	return g
}

// goldStem returns the stem of a gold segmentation: the longest segment
// that is not a proclitic or suffix of the tables.
func goldStem(segs []string) string {
	best := ""
	for _, s := range segs {
		if len(s) > len(best) && !isAffixSegment(s) {
			best = s
		}
	}
	return best
}

// readWeights returns the embedded weights of the ranker.
func readWeights() []float32 {
	w := make([]float32, numFeatures)
	readData("words/segmenter-weights.txt.gz", func(a, v string) {
		i, err1 := strconv.ParseUint(a, 10, 32)
		x, err2 := strconv.ParseFloat(v, 32)
		if err1 == nil && err2 == nil && i < numFeatures {
			w[i] = float32(x)
		}
	})
	return w
}

// fusions are the words whose Farasa segments are written together with
// a letter less: من + ما is written مما.
var fusions = []struct{ a, b, word string }{
	{"من", "ما", "مما"},
	{"من", "من", "ممن"},
	{"عن", "ما", "عما"},
	{"عن", "من", "عمن"},
	{"أن", "لا", "ألا"},
	{"كن", "نا", "كنا"},
}

// isFused reports whether the segments a, b are a pair of fusions.
func isFused(a, b string) bool {
	for _, f := range fusions {
		if a == f.a && b == f.b {
			return true
		}
	}
	return false
}

// JoinFarasa returns the word written by the segments of a Farasa/ATB
// segmentation (as SegmentFarasa returns them, or as in the Farasa gold):
// their concatenation, but for the spelling rules that join them. ل + ال
// is written لل, and ل + ال + ل… is written لل… (للغة is ل+ال+لغ+ة); the
// fused pairs من+ما, من+من, عن+ما, عن+من, أن+لا and كن+نا are written
// مما, ممن, عما, عمن, ألا and كنا.
func JoinFarasa(segs []string) string {
	var b strings.Builder
	for i := 0; i < len(segs); i++ {
		s := segs[i]
		if s == article && i > 0 && segs[i-1] == string(Lam) {
			if i+1 < len(segs) && strings.HasPrefix(segs[i+1], string(Lam)) {
				continue // ل + ال + ل…: the article leaves no letter
			}
			b.WriteString(string(Lam))
			continue
		}
		if i+1 < len(segs) {
			fused := false
			for _, f := range fusions {
				if s == f.a && segs[i+1] == f.b {
					b.WriteString(f.word)
					i++
					fused = true
					break
				}
			}
			if fused {
				continue
			}
		}
		b.WriteString(s)
	}
	return b.String()
}

// A lexTable maps strings to lexEntries, for the segmenter, which looks up
// a few substrings of every word it ranks: an open-addressing table in one
// array, each slot the 64-bit hash of a string and its entry, so that a
// lookup reads one slot, mostly, and never the string. Two strings of the
// lexicon with the same hash (a chance of 2⁻⁶⁴ per pair) would share an
// entry; a string not in it whose hash equals that of one in it would get
// its entry.
type lexTable struct {
	seed  maphash.Seed
	slots []lexSlot
	mask  uint64
}

type lexSlot struct {
	hash uint64 // 0 for an empty slot; else the hash, with its low bit set
	e    lexEntry
}

func newLexTable(words map[string]*lexEntry) *lexTable {
	n := 1
	for n < len(words)*5/3 { // a load of 0.6 at most
		n *= 2
	}
	t := &lexTable{seed: maphash.MakeSeed(), slots: make([]lexSlot, n), mask: uint64(n - 1)}
	for k, e := range words {
		h := maphash.String(t.seed, k) | 1
		i := h & t.mask
		for t.slots[i].hash != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = lexSlot{h, *e}
	}
	return t
}

// get returns the entry of k, or the zero entry.
func (t *lexTable) get(k string) lexEntry {
	h := maphash.String(t.seed, k) | 1
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.slots[i].hash {
		case h:
			return t.slots[i].e
		case 0:
			return lexEntry{}
		}
	}
}
