package ner

import "math"

// transitions scores tag bigrams: trans[i+1][j] is the score of tag j after
// tag i, with row 0 for the start of a sentence; column numTags is the end
// of a sentence.
type transitions [numTags + 1][numTags + 1]int32

// forbidden stands for minus infinity; sums of a few of them stay far from
// overflow.
const forbidden = math.MinInt32 / 4

// viterbi writes to out the best tag sequence under emission scores emit
// and transitions tr, among the sequences that are valid BIO (an I- tag
// only after a B- or I- of its own type). back is scratch space of at least
// len(emit) rows. Ties go to the lower tag number, so the result is
// deterministic.
func viterbi(emit [][numTags]int32, tr *transitions, back [][numTags]uint8, out []int) {
	n := len(emit)
	if n == 0 {
		return
	}
	var prev, cur [numTags]int32
	for j := range numTags {
		prev[j] = forbidden
		if allowed(-1, j) {
			prev[j] = tr[0][j] + emit[0][j]
		}
	}
	for t := 1; t < n; t++ {
		for j := range numTags {
			best, arg := int32(forbidden), 0
			for i := range numTags {
				if !allowed(i, j) || prev[i] == forbidden {
					continue
				}
				if s := prev[i] + tr[i+1][j]; s > best {
					best, arg = s, i
				}
			}
			if best != forbidden {
				best += emit[t][j]
			}
			cur[j], back[t][j] = best, uint8(arg)
		}
		prev = cur
	}
	best, arg := int32(forbidden), 0
	for j := range numTags {
		if prev[j] == forbidden {
			continue
		}
		if s := prev[j] + tr[j+1][numTags]; s > best {
			best, arg = s, j
		}
	}
	out[n-1] = arg
	for t := n - 1; t > 0; t-- {
		out[t-1] = int(back[t][out[t]])
	}
}
