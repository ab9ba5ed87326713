package arabic

import (
	"math/bits"
	"strings"
)

// The ranker of the segmenter: features of a candidate, hashed into a
// table of weights, and the choice of the best candidate.

// numFeatures is the size of the weight table; feature indexes are hashed
// into it.
const numFeatures = 1 << 16

// Feature templates. Their numbers are part of the learned model: add new
// ones at the end, and retrain after any change.
const (
	ftPrefix = iota + 1
	ftSuffix
	ftPrefixSuffix
	ftStemLen
	ftPrefixFirst
	ftSuffixLast
	ftSuffixStemLen
	ftStemHun
	ftSuffixStemHun
	ftSuffixStemFem
	ftStemAner
	ftSplitStemAner
	ftSuffixCore
	ftWhole
	ftStemGold
	ftMemory
	ftSuffixStemAl
	ftPrefixStemHun
	ftPrefixStemAner
	ftPrefixStemAl
	ftSuffixStemT
	ftPrefixStemP
	ftSuffixFirst
	ftWholeName
	ftStemShape
	ftPrefixCore
	ftRelFreq
	ftKnown
	ftSuffixStemGold
	ftSuffixLast2
	ftPrefixFirst2
	ftGoldStemSuffix
	ftInnerHun
	ftInnerAner
	ftInnerFirst
	ftConjHun
	ftInnerSuffix
)

// hashFeature maps a template and its values to an index of the weight
// table (FNV-1a over the values, then a final mix).
func hashFeature(t uint32, vs ...uint32) uint32 {
	h := uint32(2166136261) ^ t
	h *= 16777619
	for _, v := range vs {
		h ^= v
		h *= 16777619
	}
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	return h & (numFeatures - 1)
}

// bucket is a rough logarithm of a count: 0 for 0, else 1 + log2(n),
// at most 8.
func bucket[T uint16 | uint32](n T) uint32 {
	if n == 0 {
		return 0
	}
	return min(uint32(bits.Len32(uint32(n))), 8)
}

func b2u(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// A wordCtx is what the features of every candidate of one word share.
type wordCtx struct {
	pre, norm string
	whole     lexEntry // the lexicon entry of the word
	mem       []memo   // the gold's segmentations of the word
	memTotal  uint32
	gold      *goldStats
	lex       *lexicon
}

// entry returns what the lexicon knows of k (nothing: the zero entry).
func (l *lexicon) entry(k string) lexEntry { return l.words.get(k) }

// affixFeatures appends the features of candidate c that depend on its
// prefix and suffix only: the ranker adds their weights from a table
// (affixScores) instead.
func affixFeatures(buf []uint32, pi, xi uint8) []uint32 {
	inner := uint32(pi) % uint32(len(prefixes)/3) // the prefix less its conjunction
	return append(buf,
		hashFeature(ftPrefix, uint32(pi)),
		hashFeature(ftSuffix, uint32(xi)),
		hashFeature(ftPrefixSuffix, uint32(pi), uint32(xi)),
		hashFeature(ftInnerSuffix, inner, uint32(xi)),
	)
}

// affixScores returns, for each prefix and suffix, the sum of the weights
// of its affixFeatures, at index pi*len(suffixes)+xi.
func affixScores(weights []float32) []float32 {
	t := make([]float32, len(prefixes)*len(suffixes))
	var buf []uint32
	for pi := range prefixes {
		for xi := range suffixes {
			buf = affixFeatures(buf[:0], uint8(pi), uint8(xi))
			t[pi*len(suffixes)+xi] = score(weights, buf)
		}
	}
	return t
}

// features appends the features of candidate c to buf, but for its
// affixFeatures.
func (w *wordCtx) features(buf []uint32, c cand) []uint32 {
	norm := w.norm
	stem := norm[c.s:c.e]
	se := w.lex.entry(stem)
	ce := se // the entry of the core: the stem with its endings
	if ce0 := len(norm) - c.x.pron; ce0 == len(norm) && c.s == 0 {
		ce = w.whole
	} else if ce0 != c.e {
		ce = w.lex.entry(norm[c.s:ce0])
	}
	pi, xi := uint32(c.pi), uint32(c.xi)
	n := uint32(min((c.e-c.s)/2, 8))
	split := b2u(c.pi != 0)<<1 | b2u(c.xi != 0)
	first := uint32(letterAt(norm, c.s))
	last := uint32(letterAt(norm, c.e-2))
	gs := uint32(se.gold)
	if !w.gold.merged {
		gs = uint32(w.gold.stems[stem])
	}
	al, pf, tf := se.anerAl, se.anerP, se.anerT
	if own := w.whole.aner; own > 0 {
		// Counts of the stem with a clitic must not count this word.
		switch {
		case c.e != len(norm):
			if c.s == 0 && len(norm)-c.e <= 4 {
				tf -= min(tf, own)
			}
		case c.s == 4 && strings.HasPrefix(norm, article):
			al -= min(al, own)
		case c.s == 2:
			pf -= min(pf, own)
		}
	}

	buf = append(buf,
		hashFeature(ftStemLen, n, split),
		hashFeature(ftPrefixFirst, pi, first),
		hashFeature(ftSuffixLast, xi, last),
		hashFeature(ftSuffixStemLen, xi, n),
		hashFeature(ftStemHun, uint32(se.hun), split),
		hashFeature(ftSuffixStemHun, xi, uint32(se.hun)),
		hashFeature(ftSuffixStemFem, xi, uint32(se.hunFem)),
		hashFeature(ftStemAner, bucket(se.aner)),
		hashFeature(ftSplitStemAner, split, bucket(se.aner)),
		hashFeature(ftSuffixCore, xi, uint32(ce.hun), bucket(ce.aner)),
		hashFeature(ftWhole, split, uint32(w.whole.hun), bucket(w.whole.aner)),
		hashFeature(ftStemGold, bucket(gs), split),
		hashFeature(ftSuffixStemAl, xi, bucket(al)),
		hashFeature(ftPrefixStemHun, pi, uint32(se.hun)),
		hashFeature(ftPrefixStemAner, pi, bucket(se.aner)),
		hashFeature(ftPrefixStemAl, pi, bucket(al)),
		hashFeature(ftSuffixStemT, xi, bucket(tf)),
		hashFeature(ftPrefixStemP, pi, bucket(pf)),
	)
	buf = append(buf,
		hashFeature(ftSuffixFirst, xi, first),
		hashFeature(ftWholeName, split, bucket(w.whole.name), bucket(w.whole.aner)),
		hashFeature(ftStemShape, xi, shape(norm[c.s:c.e])),
		hashFeature(ftPrefixCore, pi, uint32(ce.hun), bucket(ce.aner)),
		hashFeature(ftRelFreq, split, uint32(int32(bucket(se.aner))-int32(bucket(w.whole.aner))+8)),
		hashFeature(ftKnown, pi, xi, known(se)<<2|known(w.whole)<<1|b2u(se.hunFem != 0)),
		hashFeature(ftSuffixStemGold, xi, min(bucket(gs), 3)),
		hashFeature(ftSuffixLast2, xi, last, uint32(letterAt(norm, max(c.e-4, c.s)))),
		hashFeature(ftPrefixFirst2, pi, first, uint32(letterAt(norm, min(c.s+2, c.e-2)))),
		hashFeature(ftGoldStemSuffix, xi, min(bucket(w.goldStemSuffix(stem, c.xi, gs)), 3), b2u(gs > 0)),
	)
	inner := uint32(c.pi) % uint32(len(prefixes)/3) // the prefix less its conjunction
	conj := uint32(c.pi) / uint32(len(prefixes)/3)
	buf = append(buf,
		hashFeature(ftInnerHun, inner, uint32(se.hun)),
		hashFeature(ftInnerAner, inner, bucket(se.aner), bucket(al)),
		hashFeature(ftInnerFirst, inner, first),
		hashFeature(ftConjHun, conj, uint32(se.hun), uint32(w.whole.hun)),
	)
	if len(w.mem) > 0 {
		cs := c.cuts()
		var hit uint32
		for _, m := range w.mem {
			if m.segs == nil && m.cuts == cs {
				hit = uint32(m.count)
			}
		}
		buf = append(buf, hashFeature(ftMemory, b2u(hit > 0), bucket(hit), bucket(w.memTotal-hit)))
	}
	return buf
}

// goldStemSuffix returns how often the gold has stem with suffix xi; gs is
// how often it has the stem.
func (w *wordCtx) goldStemSuffix(stem string, xi uint8, gs uint32) uint32 {
	if gs == 0 {
		return 0
	}
	return uint32(w.gold.stemSuffix[stemSuffix{stem, xi}])
}

// newWordCtx prepares the features of the word pre, norm.
func (l *lexicon) newWordCtx(pre, norm string, g *goldStats) wordCtx {
	w := wordCtx{pre: pre, norm: norm, whole: l.entry(norm), gold: g, lex: l}
	if w.whole.memo || !g.merged {
		w.mem = g.words[norm]
	}
	for _, m := range w.mem {
		w.memTotal += uint32(m.count)
	}
	return w
}

// score returns the sum of the weights of feats.
func score(weights []float32, feats []uint32) float32 {
	var s float32
	for _, f := range feats {
		s += weights[f]
	}
	return s
}

// shape returns a code of the letters of a stem by kind (long vowel,
// hamza, the letters of patterns ت م ن, other), for stems of up to 10
// letters; longer stems share one code.
func shape(stem string) uint32 {
	if len(stem) > 20 {
		return 1
	}
	h := uint32(2)
	for i := 0; i < len(stem); i += 2 {
		var k uint32
		switch letterAt(stem, i) {
		case Alef, Waw, Yeh, AlefMaksura:
			k = 1
		case Hamza, AlefHamzaAbove, AlefHamzaBelow, AlefMadda, WawHamzaAbove, YehHamzaAbove:
			k = 2
		case Teh:
			k = 3
		case Meem:
			k = 4
		case Noon:
			k = 5
		}
		h = h*6 + k
	}
	return h
}

// known reports whether the lexicon knows e as a word.
func known(e lexEntry) uint32 { return b2u(e.hun != 0 || e.aner > 0) }
