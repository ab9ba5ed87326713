package arabic

import (
	"unicode"
	"unicode/utf8"
)

// mapOffsets turns spans, byte offsets of pre = normalize(src, false)
// (or of the concatenation of the normalized parts of src, for a token
// that joins debris across a space), into byte offsets of src, in place.
// An offset that starts a segment maps to the first byte of the rune that
// writes its first letter; the harakat, tatweel and format characters
// after a letter stay with it, and an offset at the end maps to len(src).
// The spans must be in order, as segments are.
func mapOffsets(src, pre string, spans []Span) {
	if len(spans) == 0 || src == pre {
		return
	}
	var stack [66]int
	pos := stack[:0]
	if len(pre)+1 > len(stack) {
		pos = make([]int, 0, len(pre)+1)
	}
	pos, ok := offsetTable(pos, src, len(pre), false)
	if !ok {
		pos, ok = offsetTable(pos[:0], src, len(pre), true)
	}
	for i := range spans {
		if ok {
			spans[i] = Span{pos[spans[i].Start], pos[spans[i].End]}
			continue
		}
		// The forms do not line up (never seen): scale, then move to a
		// rune boundary.
		sc := func(v int) int {
			x := v * len(src) / max(len(pre), 1)
			for x < len(src) && !utf8.RuneStart(src[x]) {
				x++
			}
			return x
		}
		spans[i] = Span{sc(spans[i].Start), sc(spans[i].End)}
	}
}

// offsetTable appends to pos, for each byte offset b of the normalized form
// of src (n bytes long), the offset of src that writes it, and reports
// whether the normalized lengths of the runes of src add up to n. With
// skipSpace, white space normalizes to nothing, as between the parts of
// a repaired token.
func offsetTable(pos []int, src string, n int, skipSpace bool) ([]int, bool) {
	for i := 0; i < len(src); {
		r, size := decode(src, i)
		k := runeNormLen(r)
		if skipSpace && unicode.IsSpace(r) || r == utf8.RuneError && size == 1 {
			k = 0 // invalid bytes are dropped
		}
		for j := 0; j < k; j++ {
			if j == 0 {
				pos = append(pos, i)
			} else {
				pos = append(pos, i+size) // inside a rune that writes several letters
			}
		}
		i += size
	}
	if len(pos) != n {
		return pos, false
	}
	if n > 0 {
		pos[0] = 0 // leading marks belong to the first segment
	}
	return append(pos, len(src)), true
}

// runeNormLen returns the length in bytes of what normalize(_, false)
// makes of r alone.
func runeNormLen(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		return 1
	case 0x600 <= r && r <= 0x6FF:
		switch rl := arabicRules[r-0x600]; rl.op {
		case opDrop:
			return 0
		case opMap:
			return utf8.RuneLen(rl.to)
		case opKeep, opFold:
			return 2
		}
		if isHaraka(r) { // a combining hamza or madda: it joins the letter before
			return 0
		}
	case isIgnorable(r), isHaraka(r):
		return 0
	}
	return len(normalize(string(r), false))
}

// mapSpans turns t.SegmentSpans from offsets of t.Norm into offsets of
// the analyzed text.
func mapSpans(t *Token) {
	mapOffsets(t.Text, t.pre, t.SegmentSpans)
	for i := range t.SegmentSpans {
		t.SegmentSpans[i].Start += t.Start
		t.SegmentSpans[i].End += t.Start
	}
}
