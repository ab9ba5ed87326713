package ner

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// tag numbers, for readability.
var (
	bPers = tagIndex("B-PERS")
	iPers = tagIndex("I-PERS")
	bLoc  = tagIndex("B-LOC")
	iLoc  = tagIndex("I-LOC")
)

// TestViterbiHand decodes a tiny hand-made model.
func TestNERViterbiHand(t *testing.T) {
	var tr transitions
	tr[1+bPers][iPers] = 5 // names go on
	tr[1+tagO][tagO] = 1
	emit := func(scores map[int]int32) [numTags]int32 {
		var e [numTags]int32
		for k, v := range scores {
			e[k] = v
		}
		return e
	}
	for _, c := range []struct {
		name string
		emit [][numTags]int32
		want []int
	}{
		{"all O", [][numTags]int32{emit(map[int]int32{tagO: 3}), emit(map[int]int32{tagO: 3})}, []int{tagO, tagO}},
		{"a name of two", [][numTags]int32{emit(map[int]int32{bPers: 3}), emit(map[int]int32{iPers: 1})}, []int{bPers, iPers}},
		// I-PERS scores best at the start, but may not start a sentence.
		{"no I- at the start", [][numTags]int32{emit(map[int]int32{iPers: 9, bPers: 2})}, []int{bPers}},
		// I-LOC after B-PERS is not allowed: B-LOC it is.
		{"no I- of another type", [][numTags]int32{emit(map[int]int32{bPers: 4, bLoc: -9}), emit(map[int]int32{iLoc: 9, bLoc: 1, iPers: -9})}, []int{bPers, bLoc}},
		// The transition bonus carries a weak second word into the name.
		{"transition", [][numTags]int32{emit(map[int]int32{bPers: 4}), emit(map[int]int32{tagO: 3})}, []int{bPers, iPers}},
	} {
		back := make([][numTags]uint8, len(c.emit))
		out := make([]int, len(c.emit))
		viterbi(c.emit, &tr, back, out)
		if !slices.Equal(out, c.want) {
			t.Errorf("%s: viterbi = %v, want %v", c.name, names(out), names(c.want))
		}
	}
}

func names(ids []int) []string {
	var out []string
	for _, id := range ids {
		out = append(out, tagNames[id])
	}
	return out
}

// TestViterbiExhaustive compares Viterbi with a search of every valid
// sequence on random small models.
func TestNERViterbiExhaustive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := range 300 {
		n := 1 + rng.IntN(4)
		var tr transitions
		for i := range tr {
			for j := range tr[i] {
				tr[i][j] = rng.Int32N(21) - 10
			}
		}
		emit := make([][numTags]int32, n)
		for i := range emit {
			for j := range emit[i] {
				emit[i][j] = rng.Int32N(41) - 20
			}
		}
		out := make([]int, n)
		viterbi(emit, &tr, make([][numTags]uint8, n), out)
		if !validBIO(out) {
			t.Fatalf("iteration %d: invalid sequence %v", iter, names(out))
		}
		score := func(seq []int) int32 {
			s, prev := int32(0), 0
			for i, tag := range seq {
				s += tr[prev][tag] + emit[i][tag]
				prev = tag + 1
			}
			return s + tr[prev][numTags]
		}
		best := int32(forbidden)
		seq := make([]int, n)
		var walk func(i int)
		walk = func(i int) {
			if i == n {
				if validBIO(seq) {
					best = max(best, score(seq))
				}
				return
			}
			for tag := range numTags {
				seq[i] = tag
				walk(i + 1)
			}
		}
		walk(0)
		if got := score(out); got != best {
			t.Fatalf("iteration %d: viterbi scores %d, best valid sequence %d", iter, got, best)
		}
	}
}

// validBIO reports whether every I- tag follows a B- or I- of its type.
func validBIO(seq []int) bool {
	prev := -1
	for _, tag := range seq {
		if !allowed(prev, tag) {
			return false
		}
		prev = tag
	}
	return true
}

func TestNERTagIndex(t *testing.T) {
	for _, c := range []struct {
		tag  string
		want int
	}{
		{"O", 0}, {"B-PERS", 1}, {"I-PERS", 2}, {"B-PER", 1}, {"B-LOC", 3}, {"I-ORG", 6},
		{"B-MISC", 7}, {"I-MIS2", 8}, {"X-PERS", -1}, {"B-FOO", -1}, {"", -1},
	} {
		if got := tagIndex(c.tag); got != c.want {
			t.Errorf("tagIndex(%q) = %d, want %d", c.tag, got, c.want)
		}
	}
}
