package arabic

import (
	"encoding/binary"
	"hash/maphash"
	"sync/atomic"
)

// A wordCache remembers the segmentation of the words seen last, so that a
// frequent word is ranked once: news repeats its words, and ranking is the
// costly part of the analysis.
//
// It is a table of cacheSets sets of two slots, each slot 32 bytes, so
// that a set is one cache line: the word itself (up to cacheKeyBytes
// bytes, 12 letters; longer words are not cached) and the answer. A word
// evicts one of the two slots of its set. It is safe for use by several
// goroutines without locks: every word of a slot is read and written
// atomically, and a version in the slot (a seqlock) lets a reader see
// whether a writer changed the slot while it read.
type wordCache struct {
	seed  maphash.Seed
	slots []cacheSlot
}

const (
	cacheSets     = 1 << 16 // 2 slots of 32 bytes: 4 MB
	cacheKeyBytes = 24
)

// A cacheSlot holds one word and its segmentation. meta packs:
//
//	bits  0–15  version: odd while a writer fills the slot
//	bits 16–23  prefix index
//	bits 24–31  suffix index
//	bits 32–39  length of the word in bytes
//	bits 40–59  1 + index of a memo of the gold in lexicon.memos, or 0
//	bit  63     the slot holds a word
type cacheSlot struct {
	meta atomic.Uint64
	key  [cacheKeyBytes / 8]atomic.Uint64
}

const cacheValid = 1 << 63

func newWordCache() *wordCache {
	return &wordCache{seed: maphash.MakeSeed(), slots: make([]cacheSlot, 2*cacheSets)}
}

// cacheKey packs pre, of at most cacheKeyBytes bytes, into words.
func cacheKey(pre string) (k [cacheKeyBytes / 8]uint64) {
	var b [cacheKeyBytes]byte
	copy(b[:], pre)
	for i := range k {
		k[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return k
}

// get returns the cached segmentation of pre: the prefix and suffix
// indexes of its candidate, or 1 + the index of its memo, and whether pre
// was found. h is the hash to give put.
func (wc *wordCache) get(pre string) (pi, xi uint8, memo int, h uint64, ok bool) {
	if len(pre) > cacheKeyBytes {
		return 0, 0, 0, 0, false
	}
	h = maphash.String(wc.seed, pre)
	k := cacheKey(pre)
	set := wc.slots[2*(h&(cacheSets-1)):][:2]
	for i := range set {
		s := &set[i]
		m := s.meta.Load()
		if m&cacheValid == 0 || m&1 != 0 || int(m>>32&0xFF) != len(pre) {
			continue
		}
		if s.key[0].Load() != k[0] || s.key[1].Load() != k[1] || s.key[2].Load() != k[2] {
			continue
		}
		if s.meta.Load() != m {
			continue // a writer came by
		}
		return uint8(m >> 16), uint8(m >> 24), int(m >> 40 & 0xFFFFF), h, true
	}
	return 0, 0, 0, h, false
}

// put caches the segmentation of pre, whose hash get returned: the
// candidate of indexes pi, xi or, if memo > 0, the memo of index memo-1.
func (wc *wordCache) put(h uint64, pre string, pi, xi uint8, memo int) {
	if len(pre) > cacheKeyBytes || memo >= 1<<20 {
		return
	}
	set := wc.slots[2*(h&(cacheSets-1)):][:2]
	s := &set[h>>32&1]
	if set[0].meta.Load()&cacheValid == 0 {
		s = &set[0]
	}
	old := s.meta.Load()
	if old&1 != 0 || !s.meta.CompareAndSwap(old, old+1) {
		return // another writer has it
	}
	k := cacheKey(pre)
	for i := range k {
		s.key[i].Store(k[i])
	}
	version := (old + 2) & 0xFFFE
	s.meta.Store(cacheValid | uint64(memo)<<40 | uint64(len(pre))<<32 | uint64(xi)<<24 | uint64(pi)<<16 | version)
}
