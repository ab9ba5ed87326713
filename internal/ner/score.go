package ner

import (
	"slices"
	"strings"
)

// A Count holds the entities of one type in gold and predicted tags, and
// how many of them agree in type and exact span.
type Count struct {
	Gold, Predicted, Correct int
}

// Precision, Recall and F1 of the count; 0 when undefined.
func (c Count) Precision() float64 { return ratio(c.Correct, c.Predicted) }
func (c Count) Recall() float64    { return ratio(c.Correct, c.Gold) }
func (c Count) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Counts are the counts of each entity type.
type Counts map[string]Count

// Total returns the counts over all types: micro-averaged figures.
func (cs Counts) Total() Count {
	var t Count
	for _, c := range cs {
		t.Gold += c.Gold
		t.Predicted += c.Predicted
		t.Correct += c.Correct
	}
	return t
}

// Types returns the types of the counts, sorted.
func (cs Counts) Types() []string {
	var ts []string
	for t := range cs {
		ts = append(ts, t)
	}
	slices.Sort(ts)
	return ts
}

// Score compares predicted tags with gold tags, entity by entity, as
// conlleval does and as eval/anercorp/score_ner.py does: the two sequences
// are read whole (pass every sentence of a file, in order, in one slice),
// tags are first mapped by NormalizeTag, and an entity counts as correct
// when a predicted entity has its type and exact span. The sequences must
// have the same length; extra predicted tags are ignored.
func Score(gold, pred []string) Counts {
	norm := func(tags []string) []string {
		out := make([]string, len(tags))
		for i, t := range tags {
			out[i] = NormalizeTag(t)
		}
		return out
	}
	pred = pred[:min(len(pred), len(gold))]
	gs, ps := Chunks(norm(gold)), Chunks(norm(pred))
	cs := Counts{}
	inGold := map[Chunk]bool{}
	for _, c := range gs {
		inGold[c] = true
		n := cs[c.Type]
		n.Gold++
		cs[c.Type] = n
	}
	for _, c := range ps {
		n := cs[c.Type]
		n.Predicted++
		if inGold[c] {
			n.Correct++
		}
		cs[c.Type] = n
	}
	return cs
}

// NormalizeTag maps the spellings of other corpora to the ANERcorp scheme:
// PER becomes PERS, and MIS with any suffix (AQMAR's MIS0…MIS3, MIS-1,
// MIS1`) becomes MISC. Other tags are kept, "" becomes O.
func NormalizeTag(t string) string {
	if t == "" || t == "O" {
		return "O"
	}
	p, ty, _ := strings.Cut(t, "-")
	if ty == "PER" {
		ty = "PERS"
	}
	if strings.HasPrefix(ty, "MIS") {
		ty = "MISC"
	}
	return p + "-" + ty
}
