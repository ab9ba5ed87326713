package ner

import (
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
)

// Documents. A name is often written in full once (وزير الدفاع الأمريكي
// دونالد رامسفيلد) and then alone (رامسفيلد); a tagger that reads one
// sentence at a time misses the later mentions that the first one
// explains. The tagger therefore works in two stages (Krishnan and Manning
// 2006; Ratinov and Roth 2009): stage 1 tags every sentence of a document
// on its own; stage 2 tags them again with features that say how stage 1
// tagged the token and its neighbours, and how it tagged the other
// occurrences of the token's word in the document. In training, the stage-1
// tags come from models that did not see the sentence (jackknifing), so
// that stage 2 learns how far to trust them.
//
// A document is an article when Entities tags one; for a CoNLL file, which
// has no article breaks, it is the sentences within Window of the sentence
// tagged.

// DefaultWindow is the number of sentences on each side that make the
// document of a sentence of a CoNLL file.
const DefaultWindow = 20

// docKey returns the form under which the stage-1 tags of a token are
// pooled in a document: its normalized form less proclitics other than
// ال; "" for a token that is not pooled (punctuation, numbers, stopwords,
// words of one letter).
func docKey(e *entry) string {
	k := e.w.keyAl
	if utf8.RuneCountInString(k) < 2 || e.w.shape == "P" || e.w.shape[0] == 'D' || arabic.IsStopword(k) {
		return ""
	}
	return k
}

// docCounts counts stage-1 tags by docKey over a window of sentences.
type docCounts map[string]*[numTags]int32

func (dc docCounts) add(keys []string, tags []int, sign int32) {
	for j, k := range keys {
		if k == "" {
			continue
		}
		c := dc[k]
		if c == nil {
			c = new([numTags]int32)
			dc[k] = c
		}
		c[tags[j]] += sign
	}
}

// others returns, for each token of a sentence, the stage-1 tags of the
// other occurrences of its word in the document counted in dc.
func (dc docCounts) others(keys []string, tags []int, out [][numTags]int32) [][numTags]int32 {
	out = grow(out, len(keys))
	for j, k := range keys {
		out[j] = [numTags]int32{}
		if c := dc[k]; k != "" && c != nil {
			out[j] = *c
			out[j][tags[j]]--
		}
	}
	return out
}

// windows calls fn for each sentence i of a document of n sentences with
// the counts of the stage-1 tags over the sentences within window of i
// (all of them when window < 0).
func windows(keys [][]string, tags [][]int, window int, fn func(i int, dc docCounts)) {
	n := len(keys)
	dc := docCounts{}
	if window < 0 || window >= n {
		for i := range n {
			dc.add(keys[i], tags[i], 1)
		}
		for i := range n {
			fn(i, dc)
		}
		return
	}
	hi := 0 // sentences [lo, hi) are counted
	for i := range n {
		for ; hi < n && hi <= i+window; hi++ {
			dc.add(keys[hi], tags[hi], 1)
		}
		if lo := i - window - 1; lo >= 0 {
			dc.add(keys[lo], tags[lo], -1)
		}
		fn(i, dc)
	}
}

// Templates of the stage-2 features.
const (
	tP1 = 200 + iota
	tP1Pair
	tDocType
	tDocBegin
	tDocInside
	tDocMajority
	tDocNone
)

// appendDoc appends the stage-2 features of token i of a sentence whose
// stage-1 tags are p1: the stage-1 tags of the token and of its
// neighbours, and others, the stage-1 tags of the other occurrences of its
// word in the document.
func appendDoc(dst []uint64, p1 []int, i int, others *[numTags]int32) []uint64 {
	tagAt := func(j int) uint64 {
		if j < 0 || j >= len(p1) {
			return numTags // outside the sentence
		}
		return uint64(p1[j])
	}
	for d := -1; d <= 1; d++ {
		dst = append(dst, key(tagAt(i+d)<<16^salt(tP1, d)))
	}
	dst = append(dst, key(tagAt(i-1)<<24^tagAt(i)<<16^salt(tP1Pair, 0)))
	dst = append(dst, key(tagAt(i)<<24^tagAt(i+1)<<16^salt(tP1Pair, 1)))
	total, best, bestN := int32(0), -1, int32(0)
	for typ := range conllTypes {
		b, in := others[1+2*typ], others[2+2*typ]
		total += b + in
		if b+in > 0 {
			dst = append(dst, key(uint64(typ)<<16^salt(tDocType, 0)))
		}
		if b > 0 {
			dst = append(dst, key(uint64(typ)<<16^salt(tDocBegin, 0)))
		}
		if in > 0 {
			dst = append(dst, key(uint64(typ)<<16^salt(tDocInside, 0)))
		}
		if b+in > bestN {
			best, bestN = typ, b+in
		}
	}
	switch {
	case total+others[tagO] == 0:
		dst = append(dst, key(salt(tDocNone, 0)))
	case bestN > others[tagO]:
		dst = append(dst, key(uint64(best)<<16^salt(tDocMajority, 0)))
	default:
		dst = append(dst, key(uint64(len(conllTypes))<<16^salt(tDocMajority, 0)))
	}
	return dst
}
