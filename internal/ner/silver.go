package ner

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/isnad-project/isnad/arabic"
)

// Silver counts. Stage 1 tags a few million words of unlabeled news, and
// stage 2 learns from how it tagged each word there: a name met once in a
// test sentence has often been met before, in the news, beside a title or
// a place word that gave it away (وزير الدفاع الأمريكي دونالد رامسفيلد).
// The counts ship inside the model file. In training, the counts that the
// features of a sentence see come from the stage-1 model that did not see
// the sentence, as for the document features.

// silver maps a docKey to how often stage 1 tagged the word as each type
// (tags[0] is O, then PERS, LOC, ORG, MISC).
type silver map[string]*[1 + len(conllTypes)]int32

// minSilver is how often a word must occur in the news for its counts to
// be kept.
const minSilver = 3

// silverSentences cuts lines of text into sentences of tokens as Entities
// does: words of arabic.Tokenize and the punctuation between them.
func silverSentences(lines []string) [][]string {
	var out [][]string
	for _, line := range lines {
		toks := arabic.Tokenize(line)
		k := 0
		for _, s := range arabic.Sentences(line) {
			var ps []piece
			pos := s.Start
			for ; k < len(toks) && toks[k].Start < s.End; k++ {
				if toks[k].Start < pos {
					continue
				}
				ps = appendPunct(ps, line, pos, toks[k].Start)
				ps = append(ps, piece{toks[k].Start, toks[k].End, true})
				pos = toks[k].End
			}
			ps = appendPunct(ps, line, pos, max(s.End, pos))
			if len(ps) < 3 {
				continue
			}
			ws := make([]string, len(ps))
			for i, p := range ps {
				ws[i] = line[p.start:p.end]
			}
			out = append(out, ws)
		}
	}
	return out
}

// countSilver tags sents with stage 1 of t and counts, for each word, how
// often it was tagged as each type. Words seen fewer than minSilver times
// are dropped.
func countSilver(ctx context.Context, t *Tagger, sents [][]string) silver {
	var mu sync.Mutex
	all := silver{}
	const chunk = 256
	parallel(ctx, (len(sents)+chunk-1)/chunk, func(c int) {
		local := silver{}
		sc := t.scratch()
		for _, toks := range sents[c*chunk : min((c+1)*chunk, len(sents))] {
			tags := t.tag(0, toks, sc, nil, nil)
			for j, e := range sc.te {
				if e.key == "" {
					continue
				}
				n := local[e.key]
				if n == nil {
					n = new([1 + len(conllTypes)]int32)
					local[e.key] = n
				}
				if tags[j] == tagO {
					n[0]++
				} else {
					n[1+typeOf(tags[j])]++
				}
			}
		}
		t.pool.Put(sc)
		mu.Lock()
		for k, n := range local {
			m := all[k]
			if m == nil {
				m = new([1 + len(conllTypes)]int32)
				all[strings.Clone(k)] = m
			}
			for i := range n {
				m[i] += n[i]
			}
		}
		mu.Unlock()
	})
	for k, n := range all {
		total := int32(0)
		for _, v := range n {
			total += v
		}
		if total < minSilver || total == n[0] {
			delete(all, k) // rare, or never a name: the default
		}
	}
	return all
}

// Templates of the silver features.
const (
	tSilverShare = 300 + iota
	tSilverMajor
	tSilverNone
)

// shareBucket puts a share of occurrences in one of a few buckets.
func shareBucket(n, total int32) uint64 {
	switch r := float64(n) / float64(total); {
	case r == 0:
		return 0
	case r < 0.1:
		return 1
	case r < 0.3:
		return 2
	case r < 0.6:
		return 3
	case r < 0.9:
		return 4
	}
	return 5
}

// appendSilver appends the silver features of a word with docKey k.
func appendSilver(dst []uint64, sv silver, k string) []uint64 {
	n := sv[k]
	if k == "" || n == nil {
		return append(dst, key(salt(tSilverNone, 0)))
	}
	total := int32(0)
	for _, v := range n {
		total += v
	}
	best := 0
	for typ := range conllTypes {
		if c := n[1+typ]; c > 0 {
			dst = append(dst, key(uint64(typ)<<16^shareBucket(c, total)<<8^salt(tSilverShare, 0)))
			if c > n[1+best] || n[1+best] == 0 {
				best = typ
			}
		}
	}
	dst = append(dst, key(uint64(best)<<16^shareBucket(n[1+best], total)<<8^salt(tSilverMajor, 0)))
	return dst
}

// sortedKeys returns the keys of sv in order.
func (sv silver) sortedKeys() []string {
	ks := make([]string, 0, len(sv))
	for k := range sv {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
