package ner

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Word clusters. isnad learns them itself from unlabeled news, in three
// steps that give a binary tree of classes like Brown clustering (Brown et
// al. 1992) at a small part of its cost:
//
//  1. Exchange clustering (Kneser and Ney 1993; Martin, Liermann and Ney
//     1998) puts the words in Classes flat classes: starting from classes
//     dealt by a hash of the spelling, each word in turn, most frequent
//     first, moves to the class that most raises the likelihood of the
//     corpus under the class bigram model
//     P(w_i | w_i−1) = P(c_i | c_i−1) P(w_i | c_i), for a few passes.
//  2. The classes are joined into a binary tree, the two most alike first
//     (average linkage over the cosine of their bigram rows and columns).
//  3. Each class is split in two, Split times over, the same way but with
//     each word choosing only between the two halves of its class.
//
// A word's path is its class's path in the tree (0 left, 1 right) followed
// by its Split bits, so words that share a long prefix share contexts.
//
// The objective of steps 1 and 3, up to terms that do not depend on the
// classes, is
//
//	Σ_{c,d} N(c,d) log N(c,d) − Σ_c L(c) log L(c) − Σ_d R(d) log R(d)
//
// with N(c,d) the number of bigrams from class c to class d, L(c) and R(d)
// its row and column sums. Moving a word changes two rows and two columns
// of N, so a move is scored in time proportional to the number of classes
// next to the word.

// ClusterOptions configure InduceClusters. The zero value is the default.
type ClusterOptions struct {
	// MinCount is how often a word must occur to be clustered. Default 3.
	MinCount int
	// Classes is the number of flat classes of step 1. Default 256.
	Classes int
	// Passes is the number of exchange passes of step 1. Default 8.
	Passes int
	// Split is the number of times each class is halved in step 3.
	// Default 3.
	Split int
	// Log receives progress lines; nil means none.
	Log io.Writer
}

func (o ClusterOptions) withDefaults() ClusterOptions {
	if o.MinCount <= 0 {
		o.MinCount = 3
	}
	if o.Classes <= 1 {
		o.Classes = 256
	}
	if o.Passes <= 0 {
		o.Passes = 8
	}
	if o.Split < 0 {
		o.Split = 0
	} else if o.Split == 0 {
		o.Split = 3
	}
	return o
}

// A Corpus collects the sentences clusters are learned from: sentences of
// normalized words, counted as they come.
type Corpus struct {
	ids   map[string]int32
	words []string
	count []int64
	// seq holds the word numbers of all sentences, each sentence ended by
	// -1.
	seq []int32
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{ids: map[string]int32{}} }

// Add appends a sentence of words; they should be normalized
// (arabic.Normalize) as the tagger looks clusters up by normalized words.
func (c *Corpus) Add(words []string) {
	for _, w := range words {
		id, ok := c.ids[w]
		if !ok {
			id = int32(len(c.words))
			c.ids[w] = id
			c.words = append(c.words, w)
			c.count = append(c.count, 0)
		}
		c.count[id]++
		c.seq = append(c.seq, id)
	}
	c.seq = append(c.seq, -1)
}

// Tokens returns the number of words added.
func (c *Corpus) Tokens() int { return len(c.seq) - c.sentences() }

func (c *Corpus) sentences() int {
	n := 0
	for _, id := range c.seq {
		if id < 0 {
			n++
		}
	}
	return n
}

// Clusters assign words a path in a binary tree of classes.
type Clusters struct {
	Words []string // sorted by decreasing count, then spelling
	Paths []string // Paths[i] is the path of Words[i]: 0s and 1s
	Count []int64
}

// Write writes the clusters, one word a line: the path, a tab, the word.
// Lexicon.ReadClusters reads it.
func (cl *Clusters) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for i, word := range cl.Words {
		bw.WriteString(cl.Paths[i])
		bw.WriteByte('\t')
		bw.WriteString(word)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// InduceClusters clusters the words of the corpus that occur at least
// MinCount times. It is deterministic: the same corpus, added in the same
// order, gives the same clusters.
func InduceClusters(ctx context.Context, c *Corpus, opts ClusterOptions) (*Clusters, error) {
	opts = opts.withDefaults()
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}
	// Number the kept words by decreasing count.
	var kept []int32
	for id, n := range c.count {
		if n >= int64(opts.MinCount) {
			kept = append(kept, int32(id))
		}
	}
	slices.SortFunc(kept, func(a, b int32) int {
		return cmp.Or(cmp.Compare(c.count[b], c.count[a]), strings.Compare(c.words[a], c.words[b]))
	})
	v := len(kept)
	if v < opts.Classes {
		return nil, fmt.Errorf("too few words to cluster: %d occur %d times or more, fewer than %d classes", v, opts.MinCount, opts.Classes)
	}
	newID := make([]int32, len(c.words))
	for i := range newID {
		newID[i] = -1
	}
	for i, id := range kept {
		newID[id] = int32(i)
	}
	// Bigrams between kept words, as adjacency lists both ways.
	var pairs []uint64
	prev := int32(-1)
	for _, id := range c.seq {
		cur := int32(-1)
		if id >= 0 {
			cur = newID[id]
		}
		if prev >= 0 && cur >= 0 {
			pairs = append(pairs, uint64(prev)<<32|uint64(cur))
		}
		prev = cur
	}
	slices.Sort(pairs)
	g := newBigramGraph(v, pairs)
	pairs = nil
	logf("clusters: %d words of %d occur %d times or more; %d distinct bigrams", v, len(c.words), opts.MinCount, len(g.succ))

	// Step 1: flat classes.
	start := time.Now()
	class := make([]int32, v)
	for w := range class {
		class[w] = int32(hashString(0x5eed, c.words[kept[w]]) % uint64(opts.Classes))
	}
	fx := newFlatExchange(g, class, opts.Classes)
	for p := 1; p <= opts.Passes; p++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		moved := fx.pass()
		logf("clusters: pass %d: %d moves, objective %.0f, %s", p, moved, fx.objective(), time.Since(start).Round(time.Millisecond))
		if moved == 0 {
			break
		}
	}
	// Step 2: the tree over the classes.
	treePaths := classTree(fx)
	// Step 3: halve each class.
	sub := make([]uint32, v)
	sx := newSplitExchange(g, class, opts.Classes)
	for level := 1; level <= opts.Split; level++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := time.Now()
		sx.split(func(w int) bool { return hashString(uint64(level), c.words[kept[w]])&1 == 1 })
		moved := 0
		for range opts.Passes {
			m := sx.pass()
			moved += m
			if m == 0 {
				break
			}
		}
		logf("clusters: split %d: %d classes, %d moves, %s", level, sx.k, moved, time.Since(t).Round(time.Millisecond))
	}
	for w := range sub {
		sub[w] = uint32(sx.class[w]) & (1<<opts.Split - 1)
	}
	cl := &Clusters{}
	for w, id := range kept {
		p := treePaths[class[w]]
		if opts.Split > 0 {
			b := strconv.FormatUint(uint64(sub[w]), 2)
			p += strings.Repeat("0", opts.Split-len(b)) + b
		}
		cl.Words = append(cl.Words, c.words[id])
		cl.Paths = append(cl.Paths, p)
		cl.Count = append(cl.Count, c.count[id])
	}
	return cl, nil
}

// A bigramGraph holds the bigram counts of the kept words: the successors
// of word w are succ[so[w]:so[w+1]], its predecessors pred[po[w]:po[w+1]].
type bigramGraph struct {
	so, po     []int
	succ, pred []edge
	left       []int64 // occurrences of w before a kept word
	right      []int64 // occurrences of w after a kept word
	self       []int64 // bigrams w w
}

type edge struct {
	to int32
	n  int64
}

func newBigramGraph(v int, sorted []uint64) *bigramGraph {
	g := &bigramGraph{so: make([]int, v+1), po: make([]int, v+1), left: make([]int64, v), right: make([]int64, v), self: make([]int64, v)}
	type pairCount struct {
		a, b int32
		n    int64
	}
	var es []pairCount
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		es = append(es, pairCount{int32(sorted[i] >> 32), int32(uint32(sorted[i])), int64(j - i)})
		i = j
	}
	for _, e := range es {
		g.so[e.a+1]++
		g.po[e.b+1]++
		g.left[e.a] += e.n
		g.right[e.b] += e.n
		if e.a == e.b {
			g.self[e.a] += e.n
		}
	}
	for w := range v {
		g.so[w+1] += g.so[w]
		g.po[w+1] += g.po[w]
	}
	g.succ = make([]edge, len(es))
	g.pred = make([]edge, len(es))
	sp := slices.Clone(g.so[:v])
	pp := slices.Clone(g.po[:v])
	for _, e := range es {
		g.succ[sp[e.a]] = edge{e.b, e.n}
		sp[e.a]++
		g.pred[pp[e.b]] = edge{e.a, e.n}
		pp[e.b]++
	}
	return g
}

// xlogx returns x log x, from a table for small x.
func xlogx(x int64) float64 {
	if x < int64(len(xlogxTable)) {
		if x <= 0 {
			return 0
		}
		return xlogxTable[x]
	}
	f := float64(x)
	return f * math.Log(f)
}

var xlogxTable = func() []float64 {
	t := make([]float64, 1<<16)
	for i := 1; i < len(t); i++ {
		t[i] = float64(i) * math.Log(float64(i))
	}
	return t
}()

// neighbours holds the bigram counts between a word and each class, the
// word itself left out: s[c] bigrams from the word to class c, p[c] from
// class c to the word. ss and ps list the classes set.
type neighbours struct {
	s, p   []int64
	ss, ps []int32
}

func newNeighbours(k int) *neighbours {
	return &neighbours{s: make([]int64, k), p: make([]int64, k)}
}

// fill counts the neighbours of w by their class.
func (nb *neighbours) fill(g *bigramGraph, w int, class func(int32) int32) {
	for _, c := range nb.ss {
		nb.s[c] = 0
	}
	for _, c := range nb.ps {
		nb.p[c] = 0
	}
	nb.ss, nb.ps = nb.ss[:0], nb.ps[:0]
	for _, e := range g.succ[g.so[w]:g.so[w+1]] {
		if int(e.to) == w {
			continue
		}
		c := class(e.to)
		if nb.s[c] == 0 {
			nb.ss = append(nb.ss, c)
		}
		nb.s[c] += e.n
	}
	for _, e := range g.pred[g.po[w]:g.po[w+1]] {
		if int(e.to) == w {
			continue
		}
		c := class(e.to)
		if nb.p[c] == 0 {
			nb.ps = append(nb.ps, c)
		}
		nb.p[c] += e.n
	}
}

// flatExchange is the state of step 1: the class of each word and the k×k
// class bigram counts, kept both ways round so that rows and columns are
// read in order.
type flatExchange struct {
	g     *bigramGraph
	class []int32
	k     int
	n, nt []int64 // n[a*k+b] = nt[b*k+a] = N(a, b)
	l, r  []int64
	nb    *neighbours
	gain  []float64
	// workers share the scoring of the classes for a word with many
	// neighbours.
	workers int
}

func newFlatExchange(g *bigramGraph, class []int32, k int) *flatExchange {
	fx := &flatExchange{g: g, class: class, k: k,
		n: make([]int64, k*k), nt: make([]int64, k*k), l: make([]int64, k), r: make([]int64, k),
		nb: newNeighbours(k), gain: make([]float64, k), workers: runtime.GOMAXPROCS(0)}
	for w := range class {
		a := int(class[w])
		for _, e := range g.succ[g.so[w]:g.so[w+1]] {
			b := int(class[e.to])
			fx.n[a*k+b] += e.n
			fx.nt[b*k+a] += e.n
		}
		fx.l[a] += g.left[w]
		fx.r[a] += g.right[w]
	}
	return fx
}

func (fx *flatExchange) objective() float64 {
	s := 0.0
	for _, x := range fx.n {
		s += xlogx(x)
	}
	for c := range fx.k {
		s -= xlogx(fx.l[c]) + xlogx(fx.r[c])
	}
	return s
}

// move adds (sign 1) or removes (sign −1) word w, whose neighbours are in
// fx.nb, to or from class a.
func (fx *flatExchange) move(w, a int, sign int64) {
	k, nb := fx.k, fx.nb
	for _, c := range nb.ss {
		d := sign * nb.s[c]
		fx.n[a*k+int(c)] += d
		fx.nt[int(c)*k+a] += d
	}
	for _, c := range nb.ps {
		d := sign * nb.p[c]
		fx.n[int(c)*k+a] += d
		fx.nt[a*k+int(c)] += d
	}
	d := sign * fx.g.self[w]
	fx.n[a*k+a] += d
	fx.nt[a*k+a] += d
	fx.l[a] += sign * fx.g.left[w]
	fx.r[a] += sign * fx.g.right[w]
}

// pass takes each word out of its class and puts it in the class where it
// raises the objective most (its own unless another is better). It returns
// the number of words that changed class.
func (fx *flatExchange) pass() int {
	k, nb, g := fx.k, fx.nb, fx.g
	moved := 0
	cls := func(x int32) int32 { return fx.class[x] }
	for w := range fx.class {
		nb.fill(g, w, cls)
		a := int(fx.class[w])
		fx.move(w, a, -1)
		if work := k * (len(nb.ss) + len(nb.ps)); work < 1<<14 || fx.workers < 2 {
			fx.gains(w, 0, k)
		} else {
			var wg sync.WaitGroup
			step := (k + fx.workers - 1) / fx.workers
			for lo := 0; lo < k; lo += step {
				wg.Add(1)
				go func() {
					defer wg.Done()
					fx.gains(w, lo, min(lo+step, k))
				}()
			}
			wg.Wait()
		}
		best := a
		for b := range k {
			if fx.gain[b] > fx.gain[best]+1e-9 {
				best = b
			}
		}
		fx.move(w, best, 1)
		if best != a {
			fx.class[w] = int32(best)
			moved++
		}
	}
	return moved
}

// gains computes in fx.gain[lo:hi] what putting word w, taken out of its
// class and with its neighbours in fx.nb, in each class of lo…hi−1 would
// add to the objective.
func (fx *flatExchange) gains(w, lo, hi int) {
	k, nb, g := fx.k, fx.nb, fx.g
	lw, rw, self := g.left[w], g.right[w], g.self[w]
	for b := lo; b < hi; b++ {
		row, col := fx.n[b*k:b*k+k], fx.nt[b*k:b*k+k]
		gain := 0.0
		for _, c := range nb.ss {
			if int(c) != b {
				x := row[c]
				gain += xlogx(x+nb.s[c]) - xlogx(x)
			}
		}
		for _, c := range nb.ps {
			if int(c) != b {
				x := col[c]
				gain += xlogx(x+nb.p[c]) - xlogx(x)
			}
		}
		if bb := nb.s[b] + nb.p[b] + self; bb != 0 {
			gain += xlogx(row[b]+bb) - xlogx(row[b])
		}
		gain -= xlogx(fx.l[b]+lw) - xlogx(fx.l[b]) + xlogx(fx.r[b]+rw) - xlogx(fx.r[b])
		fx.gain[b] = gain
	}
}

// classTree joins the classes of fx into a binary tree by Ward's method
// on their bigram rows and columns (square roots of the relative counts,
// scaled to unit length): the join that least raises the spread within the
// joined groups goes first, which keeps the tree balanced. It returns the
// path of each class.
func classTree(fx *flatExchange) []string {
	k := fx.k
	vec := make([][]float64, k)
	for a := range k {
		v := make([]float64, 2*k)
		for b := range k {
			if fx.l[a] > 0 {
				v[b] = math.Sqrt(float64(fx.n[a*k+b]) / float64(fx.l[a]))
			}
			if fx.r[a] > 0 {
				v[k+b] = math.Sqrt(float64(fx.nt[a*k+b]) / float64(fx.r[a]))
			}
		}
		norm := 0.0
		for _, x := range v {
			norm += x * x
		}
		if norm > 0 {
			norm = 1 / math.Sqrt(norm)
			for i := range v {
				v[i] *= norm
			}
		}
		vec[a] = v
	}
	// Nodes 0…k−1 are the classes; each join makes a new node. dist holds
	// Ward distances, updated by the Lance–Williams formula.
	nodes := 2*k - 1
	dist := make([][]float64, nodes)
	size := make([]float64, nodes)
	children := make([][2]int, nodes)
	alive := make([]bool, nodes)
	for a := range nodes {
		dist[a] = make([]float64, nodes)
	}
	for a := range k {
		size[a], alive[a] = 1, true
		for b := a + 1; b < k; b++ {
			d := 0.0
			for i, x := range vec[a] {
				y := x - vec[b][i]
				d += y * y
			}
			d /= 2 // Ward: n_a n_b / (n_a + n_b) × squared distance
			dist[a][b], dist[b][a] = d, d
		}
	}
	for node := k; node < nodes; node++ {
		ba, bb, best := -1, -1, math.Inf(1)
		for a := range node {
			if !alive[a] {
				continue
			}
			for b := a + 1; b < node; b++ {
				if alive[b] && dist[a][b] < best {
					ba, bb, best = a, b, dist[a][b]
				}
			}
		}
		alive[ba], alive[bb] = false, false
		children[node] = [2]int{ba, bb}
		size[node] = size[ba] + size[bb]
		for c := range node {
			if !alive[c] {
				continue
			}
			na, nb, nc := size[ba], size[bb], size[c]
			d := ((na+nc)*dist[ba][c] + (nb+nc)*dist[bb][c] - nc*best) / (na + nb + nc)
			dist[node][c], dist[c][node] = d, d
		}
		alive[node] = true
	}
	paths := make([]string, k)
	var walk func(node int, path string)
	walk = func(node int, path string) {
		if node < k {
			paths[node] = path
			return
		}
		walk(children[node][0], path+"0")
		walk(children[node][1], path+"1")
	}
	walk(nodes-1, "")
	return paths
}

// splitExchange is the state of step 3: each class of step 1 is split in
// two, again and again, each word choosing only between the two halves of
// its class. Class bigram counts are sparse here.
type splitExchange struct {
	g     *bigramGraph
	class []int32 // top class << level | the bits chosen since
	k     int
	n     []int64 // N(a, b) at a*k+b
	l, r  []int64
	nb    *neighbours
	delta []cellDelta
}

func newSplitExchange(g *bigramGraph, top []int32, k int) *splitExchange {
	return &splitExchange{g: g, class: slices.Clone(top), k: k}
}

// split halves every class: word w goes to the second half if first(w)
// says so. The counts are rebuilt.
func (sx *splitExchange) split(first func(w int) bool) {
	for w := range sx.class {
		sx.class[w] <<= 1
		if first(w) {
			sx.class[w] |= 1
		}
	}
	sx.k *= 2
	k := int64(sx.k)
	sx.n = make([]int64, sx.k*sx.k)
	sx.l, sx.r = make([]int64, sx.k), make([]int64, sx.k)
	sx.nb = newNeighbours(sx.k)
	for w := range sx.class {
		a := int64(sx.class[w])
		for _, e := range sx.g.succ[sx.g.so[w]:sx.g.so[w+1]] {
			sx.n[a*k+int64(sx.class[e.to])] += e.n
		}
		sx.l[a] += sx.g.left[w]
		sx.r[a] += sx.g.right[w]
	}
}

// A cellDelta is a change of one class bigram count.
type cellDelta struct {
	cell int64
	dn   int64
}

// pass offers every word, most frequent first, a move to the other half of
// its class, and makes the moves that raise the objective. It returns the
// number of moves.
func (sx *splitExchange) pass() int {
	moved := 0
	cls := func(x int32) int32 { return sx.class[x] }
	for w := range sx.class {
		a := int(sx.class[w])
		b := a ^ 1
		sx.nb.fill(sx.g, w, cls)
		d := sx.moveDelta(w, a, b)
		gain := 0.0
		for _, c := range d {
			x := sx.n[c.cell]
			gain += xlogx(x+c.dn) - xlogx(x)
		}
		lw, rw := sx.g.left[w], sx.g.right[w]
		gain -= xlogx(sx.l[a]-lw) - xlogx(sx.l[a]) + xlogx(sx.l[b]+lw) - xlogx(sx.l[b])
		gain -= xlogx(sx.r[a]-rw) - xlogx(sx.r[a]) + xlogx(sx.r[b]+rw) - xlogx(sx.r[b])
		if gain > 1e-9 {
			for _, c := range d {
				sx.n[c.cell] += c.dn
			}
			sx.l[a] -= lw
			sx.l[b] += lw
			sx.r[a] -= rw
			sx.r[b] += rw
			sx.class[w] = int32(b)
			moved++
		}
	}
	return moved
}

// moveDelta returns the changes of the class bigram counts if word w, whose
// neighbours are in sx.nb, moved from class a to class b: one per cell, in
// increasing cell order, so that sums over them are deterministic.
func (sx *splitExchange) moveDelta(w, a, b int) []cellDelta {
	k := int64(sx.k)
	nb := sx.nb
	self := sx.g.self[w]
	d := sx.delta[:0]
	for _, c := range nb.ss {
		d = append(d, cellDelta{int64(a)*k + int64(c), -nb.s[c]}, cellDelta{int64(b)*k + int64(c), nb.s[c]})
	}
	for _, c := range nb.ps {
		d = append(d, cellDelta{int64(c)*k + int64(a), -nb.p[c]}, cellDelta{int64(c)*k + int64(b), nb.p[c]})
	}
	d = append(d, cellDelta{int64(a)*k + int64(a), -self}, cellDelta{int64(b)*k + int64(b), self})
	slices.SortFunc(d, func(x, y cellDelta) int { return cmp.Compare(x.cell, y.cell) })
	out := d[:0]
	for _, c := range d {
		if len(out) > 0 && out[len(out)-1].cell == c.cell {
			out[len(out)-1].dn += c.dn
			continue
		}
		out = append(out, c)
	}
	kept := out[:0]
	for _, c := range out {
		if c.dn != 0 {
			kept = append(kept, c)
		}
	}
	sx.delta = kept
	return kept
}
