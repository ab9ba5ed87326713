package ner

import "math/bits"

// Features. Each token is first read on its own into atoms: 64-bit hashes
// of (kind, value) such as (norm, "الرئيس") or (cluster prefix of 6 bits,
// 101101). A feature of token i is an atom of token i+d for an offset d in
// -2…2, or a pair of atoms of neighbours, hashed once more with the
// template that made it. The model keeps the top featureKeyBits bits of a
// feature's hash as its key: two features that share a key share weights.

// The kinds of atoms, one slot each in atoms.
const (
	aRaw = iota
	aNorm
	aCore
	aStem
	aPre
	aSuf
	aP1 // first letters of the core
	aP2
	aP3
	aS1 // last letters of the core
	aS2
	aS3
	aS4
	aShape
	aCl4 // cluster path prefixes of 4, 6, 10 and 14 bits, and the whole path
	aCl6
	aCl10
	aCl14
	aClAll
	numAtoms
)

// clusterPrefixes are the lengths of the cluster path prefixes of aCl4…aCl14.
var clusterPrefixes = [...]int{4, 6, 10, 14}

// featureKeyBits is the width of a feature key.
const featureKeyBits = 40

// FeatureVersion names the feature templates. A model records it, and
// loading a model made with other templates fails.
const FeatureVersion = 1

// atoms are the atoms of one token.
type atoms struct {
	a [numAtoms]uint64
	// grams are the hashes of the letter trigrams of the core, with its
	// ends marked (<بل, بلي, لير, ير>), at most maxGrams of them.
	grams  [maxGrams]uint64
	nGrams int
}

const maxGrams = 12

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(kind uint64, s string) uint64 {
	h := uint64(fnvOffset) ^ kind
	h *= fnvPrime
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix is the finalizer of SplitMix64: it spreads every input bit over the
// output.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// prefix returns the first n runes of s, or "" when s is shorter.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	if n == 0 {
		return s
	}
	return ""
}

// suffix returns the last n runes of s, or "" when s is shorter.
func suffix(s string, n int) string {
	i := len(s)
	for i > 0 && n > 0 {
		i--
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
		n--
	}
	if n > 0 {
		return ""
	}
	return s[i:]
}

// atomize hashes the forms of a word into its atoms.
func atomize(w *word, out *atoms) {
	a := &out.a
	a[aRaw] = hashString(aRaw, w.raw)
	a[aNorm] = hashString(aNorm, w.norm)
	a[aCore] = hashString(aCore, w.core)
	a[aStem] = hashString(aStem, w.stem)
	a[aPre] = hashString(aPre, w.pre)
	a[aSuf] = hashString(aSuf, w.suf)
	a[aP1] = hashString(aP1, prefix(w.core, 1))
	a[aP2] = hashString(aP2, prefix(w.core, 2))
	a[aP3] = hashString(aP3, prefix(w.core, 3))
	a[aS1] = hashString(aS1, suffix(w.core, 1))
	a[aS2] = hashString(aS2, suffix(w.core, 2))
	a[aS3] = hashString(aS3, suffix(w.core, 3))
	a[aS4] = hashString(aS4, suffix(w.core, 4))
	a[aShape] = hashString(aShape, w.shape)
	for i, n := range clusterPrefixes {
		p := w.cluster
		if len(p) > n {
			p = p[:n]
		}
		a[aCl4+i] = hashString(uint64(aCl4+i), p)
	}
	a[aClAll] = hashString(aClAll, w.cluster)
	out.nGrams = 0
	var r [3]rune
	n := 0
	push := func(c rune) {
		r[0], r[1], r[2] = r[1], r[2], c
		if n++; n >= 3 && out.nGrams < maxGrams {
			out.grams[out.nGrams] = mix(uint64(r[0])<<42 ^ uint64(r[1])<<21 ^ uint64(r[2]) ^ 0x6a09e667f3bcc908)
			out.nGrams++
		}
	}
	push('<')
	for _, c := range w.core {
		push(c)
	}
	push('>')
}

// boundary holds the atoms of the positions before the first token and
// after the last.
var boundary = func() (b [2]atoms) {
	for k := range numAtoms {
		b[0].a[k] = hashString(uint64(k), "\x00<s>")
		b[1].a[k] = hashString(uint64(k), "\x00</s>")
	}
	return b
}()

// A sentence is what features are made from: the atoms of each token and
// the word lists each starts (begin) or continues (inside).
type sentence struct {
	at            []*atoms
	begin, inside []uint16
}

// atom returns the atoms of position j, which may lie outside the sentence.
func (s *sentence) atom(j int) *atoms {
	switch {
	case j < 0:
		return &boundary[0]
	case j >= len(s.at):
		return &boundary[1]
	}
	return s.at[j]
}

// Atoms looked at in the neighbours: at one token's distance, and at two.
var (
	near = [...]int{aNorm, aCore, aStem, aPre, aShape, aS2, aCl4, aCl6, aCl10, aCl14, aClAll}
	far  = [...]int{aNorm, aCore, aShape, aCl6, aCl10}
)

// Pairs of atoms of neighbours: (atom at i+d1, atom at i+d2).
var pairs = [...]struct {
	d1, k1, d2, k2 int
	lexical        bool // holds a lexical atom of the token itself
}{
	{-1, aNorm, 0, aNorm, true},
	{0, aNorm, 1, aNorm, true},
	{-1, aCore, 0, aCore, true},
	{0, aCore, 1, aCore, true},
	{-1, aCl6, 0, aCl6, false},
	{0, aCl6, 1, aCl6, false},
	{-1, aShape, 1, aShape, false},
	{-2, aNorm, -1, aNorm, false},
	{1, aNorm, 2, aNorm, false},
}

// salt makes the feature of a template from an atom: template t at
// offset d.
func salt(t, d int) uint64 { return uint64(t+1)<<8 | uint64(d+8) }

const (
	tBias = 100 + iota
	tGazBegin
	tGazInside
	tPair
	tGazPair
	tGram
)

// lexical are the atoms that name the word itself. Training hides them
// now and then (see TrainOptions.Dropout), so that the model learns to
// tag words it has never seen from their shape, cluster and neighbours.
var lexical = [...]int{aRaw, aNorm, aCore, aStem}

func key(h uint64) uint64 { return mix(h) >> (64 - featureKeyBits) }

// The features of token i of a sentence fall in groups. Those that depend
// on one token only (appendSelf: token i itself; appendContext: token i+d
// at offset d) are the same wherever the token stands, so the tagger sums
// their weights once per distinct token; the others (appendJoint: pairs of
// neighbours and word-list hits) are looked up for each token.

// appendSelfLexical appends the lexical features of the token itself.
func appendSelfLexical(dst []uint64, a *atoms) []uint64 {
	for _, k := range lexical {
		dst = append(dst, key(a.a[k]^salt(k, 0)))
	}
	return dst
}

// appendSelfOther appends the other features of the token itself.
func appendSelfOther(dst []uint64, a *atoms) []uint64 {
	dst = append(dst, key(salt(tBias, 0)))
	for k := range numAtoms {
		if k != aRaw && k != aNorm && k != aCore && k != aStem {
			dst = append(dst, key(a.a[k]^salt(k, 0)))
		}
	}
	for _, g := range a.grams[:a.nGrams] {
		dst = append(dst, key(g^salt(tGram, 0)))
	}
	return dst
}

// appendContext appends the features that token a gives the token at
// offset −d from it (a is at i+d); d is −2, −1, 1 or 2.
func appendContext(dst []uint64, a *atoms, d int) []uint64 {
	ks := near[:]
	if d == -2 || d == 2 {
		ks = far[:]
	}
	for _, k := range ks {
		dst = append(dst, key(a.a[k]^salt(k, d)))
	}
	return dst
}

// appendJoint appends the features of token i that look at several
// tokens or at the word lists; the lexical pairs first when lex is set,
// the others when it is not.
func appendJoint(dst []uint64, s *sentence, i int, lex bool) []uint64 {
	for p, pr := range pairs {
		if pr.lexical == lex {
			h := s.atom(i + pr.d1).a[pr.k1]*31 ^ s.atom(i + pr.d2).a[pr.k2]
			dst = append(dst, key(mix(h)^salt(tPair, p)))
		}
	}
	if lex {
		return dst
	}
	for d := -2; d <= 2; d++ {
		j := i + d
		if j < 0 || j >= len(s.at) {
			continue
		}
		b, in := s.begin[j], s.inside[j]
		for b|in != 0 {
			l := bits.TrailingZeros16(b | in)
			if b&(1<<l) != 0 {
				dst = append(dst, key(uint64(l)<<20^salt(tGazBegin, d)))
			}
			if in&(1<<l) != 0 {
				dst = append(dst, key(uint64(l)<<20^salt(tGazInside, d)))
			}
			b &^= 1 << l
			in &^= 1 << l
		}
	}
	return dst
}

// offsets are the offsets of the neighbours that give features.
var offsets = [...]int{-2, -1, 1, 2}

// appendFeatures appends the keys of all the features of token i of a
// sentence to dst. The first nLex of them name the word itself: its
// lexical atoms and the pairs that hold one of them.
func appendFeatures(dst []uint64, s *sentence, i int) (out []uint64, nLex int) {
	start := len(dst)
	dst = appendSelfLexical(dst, s.at[i])
	dst = appendJoint(dst, s, i, true)
	nLex = len(dst) - start
	dst = appendSelfOther(dst, s.at[i])
	for _, d := range offsets {
		dst = appendContext(dst, s.atom(i+d), d)
	}
	dst = appendJoint(dst, s, i, false)
	return dst, nLex
}
