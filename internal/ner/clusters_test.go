package ner

import (
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// testCorpus makes sentences from a tiny grammar: cities follow في,
// people follow قال, and verbs start sentences.
func testCorpus(seed uint64) *Corpus {
	rng := rand.New(rand.NewPCG(seed, 7))
	pick := func(ws ...string) string { return ws[rng.IntN(len(ws))] }
	c := NewCorpus()
	for range 3000 {
		s := strings.Fields(pick("قصف", "ضرب", "هاجم") + " الجيش " + "في " + pick("حلب", "دمشق", "حمص", "ادلب") +
			" و" + pick("قال", "اكد") + " " + pick("بوتين", "ترامب", "الاسد", "اردوغان") + " ان")
		c.Add(s)
	}
	return c
}

// objective computes the class bigram objective from scratch.
func objective(g *bigramGraph, class func(w int) int, k int) float64 {
	n := make([]int64, k*k)
	l := make([]int64, k)
	r := make([]int64, k)
	for w := range g.left {
		a := class(w)
		for _, e := range g.succ[g.so[w]:g.so[w+1]] {
			n[a*k+class(int(e.to))] += e.n
		}
		l[a] += g.left[w]
		r[a] += g.right[w]
	}
	s := 0.0
	for _, x := range n {
		s += xlogx(x)
	}
	for c := range k {
		s -= xlogx(l[c]) + xlogx(r[c])
	}
	return s
}

// TestExchangeGains checks the incremental scores of the flat and split
// exchanges against the objective computed from scratch.
func TestNERExchangeGains(t *testing.T) {
	c := testCorpus(1)
	var pairs []uint64
	prev := int32(-1)
	for _, id := range c.seq {
		if prev >= 0 && id >= 0 {
			pairs = append(pairs, uint64(prev)<<32|uint64(id))
		}
		prev = id
	}
	sortUint64(pairs)
	g := newBigramGraph(len(c.words), pairs)
	k := 4
	class := make([]int32, len(c.words))
	for w := range class {
		class[w] = int32(w % k)
	}
	fx := newFlatExchange(g, class, k)
	for w := range class {
		before := fx.objective()
		fx.nb.fill(g, w, func(x int32) int32 { return fx.class[x] })
		a := int(fx.class[w])
		fx.move(w, a, -1)
		fx.gains(w, 0, k)
		removed := fx.objective()
		b := (a + 1) % k
		fx.move(w, b, 1)
		fx.class[w] = int32(b)
		after := fx.objective()
		if scratch := objective(g, func(x int) int { return int(fx.class[x]) }, k); math.Abs(scratch-after) > 1e-6 {
			t.Fatalf("word %d: kept counts give %v, counted from scratch %v", w, after, scratch)
		}
		if d := after - removed - fx.gain[b]; math.Abs(d) > 1e-6 {
			t.Fatalf("word %d: gain of class %d is %v, the objective rose by %v", w, b, fx.gain[b], after-removed)
		}
		_ = before
	}
	sx := newSplitExchange(g, fx.class, k)
	sx.split(func(w int) bool { return w%2 == 0 })
	for range 2 {
		for w := range sx.class {
			a := int(sx.class[w])
			before := objective(g, func(x int) int { return int(sx.class[x]) }, sx.k)
			sx.nb.fill(g, w, func(x int32) int32 { return sx.class[x] })
			d := sx.moveDelta(w, a, a^1)
			gain := 0.0
			for _, c := range d {
				x := sx.n[c.cell]
				gain += xlogx(x+c.dn) - xlogx(x)
			}
			lw, rw := g.left[w], g.right[w]
			gain -= xlogx(sx.l[a]-lw) - xlogx(sx.l[a]) + xlogx(sx.l[a^1]+lw) - xlogx(sx.l[a^1])
			gain -= xlogx(sx.r[a]-rw) - xlogx(sx.r[a]) + xlogx(sx.r[a^1]+rw) - xlogx(sx.r[a^1])
			sx.class[w] ^= 1
			after := objective(g, func(x int) int { return int(sx.class[x]) }, sx.k)
			sx.class[w] ^= 1
			if math.Abs(after-before-gain) > 1e-6 {
				t.Fatalf("split: word %d: gain %v, objective change %v", w, gain, after-before)
			}
		}
		sx.pass()
	}
}

func sortUint64(s []uint64) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// TestInduceClusters checks that words of the same role share a class,
// and that clustering is deterministic.
func TestNERInduceClusters(t *testing.T) {
	opts := ClusterOptions{MinCount: 1, Classes: 6, Split: 1}
	a, err := InduceClusters(context.Background(), testCorpus(2), opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := InduceClusters(context.Background(), testCorpus(2), opts)
	if err != nil {
		t.Fatal(err)
	}
	path := map[string]string{}
	for i, w := range a.Words {
		path[w] = a.Paths[i]
		if b.Words[i] != w || b.Paths[i] != a.Paths[i] {
			t.Fatalf("two runs differ at word %d: %s %s, %s %s", i, w, a.Paths[i], b.Words[i], b.Paths[i])
		}
	}
	top := func(w string) string { return path[w][:len(path[w])-1] } // less the split bit
	for _, group := range [][]string{{"حلب", "دمشق", "حمص", "ادلب"}, {"بوتين", "ترامب", "الاسد", "اردوغان"}} {
		for _, w := range group[1:] {
			if top(w) != top(group[0]) {
				t.Errorf("%s (%s) and %s (%s) are in different classes", w, path[w], group[0], path[group[0]])
			}
		}
	}
	if top("حلب") == top("بوتين") {
		t.Errorf("cities and people share a class: %s", path["حلب"])
	}
}
