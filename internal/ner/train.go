package ner

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"time"
)

// TrainOptions configure Train. The zero value is the default.
type TrainOptions struct {
	// Epochs is the number of passes over the training sentences, for
	// each stage. Default 12. With Dev, a stage stops once Patience epochs
	// have brought no better dev F1, and keeps its best epoch.
	Epochs int
	// Epochs2, if set, is the number of epochs of stage 2; default
	// Epochs.
	Epochs2 int
	// Dev, if set, is scored (entity micro-F1) after every epoch. Its
	// sentences, like the training sentences, are in document order.
	Dev []Sentence
	// Window is the number of sentences on each side that make the
	// document of a sentence. Default DefaultWindow.
	Window int
	// Folds is the number of parts the training sentences are cut into
	// for the stage-1 tags stage 2 learns from: each part is tagged by a
	// stage-1 model trained on the others. Default 5.
	Folds int
	// OneStage trains stage 1 only.
	OneStage bool
	// News, if set, are lines of unlabeled news whose stage-1 tags give
	// stage 2 its silver features (see silver.go).
	News []string
	// Bias is the bias toward names of the last stage (see stage.bias),
	// in perceptron updates. With Dev it is chosen on the dev sentences
	// instead.
	Bias float64
	// Patience is how many epochs without a better dev F1 end training
	// when Dev is set. Default 4.
	Patience int
	// Dropout is the share of training tokens whose lexical features (the
	// word's own forms) are hidden in an epoch, so that the weights of
	// the features that generalize to unseen words grow too. Default 0.2;
	// negative means none.
	Dropout float64
	// Seed orders the sentences in each epoch. The same seed, data and
	// lexicon give the same model, bit for bit.
	Seed uint64
	// Log receives a line per epoch; nil means none.
	Log io.Writer
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Patience <= 0 {
		o.Patience = 4
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Dropout == 0 {
		o.Dropout = 0.2
	}
	if o.Epochs2 <= 0 {
		o.Epochs2 = o.Epochs
	}
	if o.Window == 0 {
		o.Window = DefaultWindow
	}
	if o.Folds <= 1 {
		o.Folds = 5
	}
	return o
}

// An Epoch reports one pass of training.
type Epoch struct {
	N        int     // 1 for the first pass
	Mistakes int     // sentences tagged wrong during the pass
	DevF1    float64 // entity micro-F1 on TrainOptions.Dev, or 0
	Elapsed  time.Duration
}

// A StageReport says how training a stage went.
type StageReport struct {
	Bias     float64 // the bias toward names, chosen on Dev or given
	Epochs   []Epoch
	Best     int // the epoch whose weights were kept
	Features int // distinct features seen in the training data
	Rows     int // feature rows kept in the model
}

// A TrainReport says how training went, stage by stage.
type TrainReport struct {
	Stages []StageReport
}

// DevF1 returns the dev F1 of the last stage at its best epoch, or 0.
func (r TrainReport) DevF1() float64 {
	if len(r.Stages) == 0 {
		return 0
	}
	s := r.Stages[len(r.Stages)-1]
	if s.Best == 0 {
		return 0
	}
	return s.Epochs[s.Best-1].DevF1
}

func (o TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format+"\n", args...)
	}
}

// trainer holds the state of the averaged perceptron. Weights are integers,
// so training gives the same model on every platform.
type trainer struct {
	// w holds rowLen weights per feature: one per tag, then one per entity
	// type, shared by the B- and I- tags of the type. A surname seen
	// mostly inside names (I-PERS) thus also speaks for B-PERS.
	w  []int32
	u  []int64 // the sum of c × update, for averaging
	tw transitions
	tu [numTags + 1][numTags + 1]int64
	c  int64 // updates counter, starting at 1
}

// rowLen is the number of weights per feature in training.
const rowLen = numTags + len(conllTypes)

// sentFeats holds the features of a sentence: token i has the feature
// numbers ids[off[i]:off[i+1]], of which the first lex[i] are lexical.
type sentFeats struct {
	ids  []int32
	off  []int32
	lex  []int32
	gold []int
	// from is the first feature of each token in the current epoch: off[i]
	// or, with the lexical features hidden, off[i]+lex[i].
	from []int32
}

// Train learns a tagger from tagged sentences, in document order, with the
// averaged structured perceptron: Viterbi decoding under first-order tag
// transitions and BIO constraints, and for each wrongly tagged sentence,
// +1 to the features of the gold tags and −1 to those of the predicted
// ones. The averaged weights are scaled to 16-bit integers. It trains
// stage 1, then the stage-1 tags of the training sentences by jackknifing
// (see document.go), then stage 2.
func Train(ctx context.Context, sents []Sentence, lex *Lexicon, opts TrainOptions) (*Tagger, TrainReport, error) {
	opts = opts.withDefaults()
	var rep TrainReport
	data, err := extract(ctx, sents, lex, nil, opts.Window, nil)
	if err != nil {
		return nil, rep, err
	}
	newsSents := silverSentences(opts.News)
	opts.logf("stage 1: %d sentences, %d features", len(sents), len(data.keys))
	s1, r1, err := trainStage(ctx, data, lex, nil, nil, opts, opts.Epochs)
	if err != nil {
		return nil, rep, err
	}
	if opts.OneStage {
		r1.Bias = setBias(lex, nil, s1, nil, opts)
		rep.Stages = append(rep.Stages, r1)
		return newTagger(lex, s1), rep, nil
	}
	rep.Stages = append(rep.Stages, r1)
	// Stage-1 tags of each fold from a model trained on the others, and
	// the silver counts of that model.
	p1 := make([][]int, len(sents))
	var svs []silver
	foldOf := make([]int, len(sents))
	for f := range opts.Folds {
		lo, hi := len(sents)*f/opts.Folds, len(sents)*(f+1)/opts.Folds
		var in []int
		for i := range sents {
			if i < lo || i >= hi {
				in = append(in, i)
			}
		}
		fopts := opts
		fopts.Dev, fopts.Log = nil, nil
		st, _, err := trainStage(ctx, data.subset(in), lex, nil, nil, fopts, r1.Best)
		if err != nil {
			return nil, rep, err
		}
		tf := newTagger(lex, st)
		for i := lo; i < hi; i++ {
			p1[i] = tf.stage1(sents[i].Tokens)
			foldOf[i] = f
		}
		svs = append(svs, countSilver(ctx, tf, newsSents))
		opts.logf("stage 1 tags of sentences %d–%d from a model of the other %d; %d words of the news counted", lo+1, hi, len(in), len(svs[f]))
	}
	sv := countSilver(ctx, newTagger(lex, s1), newsSents)
	data2, err := extract(ctx, sents, lex, p1, opts.Window, func(i int) silver { return svs[foldOf[i]] })
	if err != nil {
		return nil, rep, err
	}
	opts.logf("stage 2: %d features", len(data2.keys))
	s2, r2, err := trainStage(ctx, data2, lex, s1, sv, opts, opts.Epochs2)
	if err != nil {
		return nil, rep, err
	}
	r2.Bias = setBias(lex, s1, s2, sv, opts)
	rep.Stages = append(rep.Stages, r2)
	t := newTagger(lex, s1, s2)
	t.silver = sv
	return t, rep, nil
}

// biases are the biases toward names tried on the dev sentences.
var biases = [...]float64{0, 2, 4, 8, 12, 16, 24, 32, 48}

// setBias sets the bias of the last stage st: opts.Bias, or without it
// the one of biases that gives the best F1 on opts.Dev. first is the
// stage before st, if any. It returns the bias set.
func setBias(lex *Lexicon, first, st *stage, sv silver, opts TrainOptions) float64 {
	tagger := func() *Tagger {
		if first == nil {
			return newTagger(lex, st)
		}
		t := newTagger(lex, first, st)
		t.silver = sv
		return t
	}
	if opts.Dev == nil {
		st.bias = int32(math.Round(opts.Bias / st.scale))
		return opts.Bias
	}
	best, bestF1 := 0.0, -1.0
	for _, b := range biases {
		st.bias = int32(math.Round(b / st.scale))
		f1 := tagger().f1(opts.Dev, opts.Window)
		opts.logf("bias %.2f: dev F1 %.4f", b, f1)
		if f1 > bestF1+1e-9 {
			best, bestF1 = b, f1
		}
	}
	st.bias = int32(math.Round(best / st.scale))
	return best
}

// trainStage trains one stage for the given number of epochs. For stage 2,
// first is the stage-1 model, which tags the dev sentences, and sv its
// silver counts.
func trainStage(ctx context.Context, data *trainData, lex *Lexicon, first *stage, sv silver, opts TrainOptions, epochs int) (*stage, StageReport, error) {
	var rep StageReport
	rep.Features = len(data.keys)
	feats := data.feats
	tr := &trainer{w: make([]int32, len(data.keys)*rowLen), u: make([]int64, len(data.keys)*rowLen), c: 1}
	order := make([]int, len(feats))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x15ad))
	var best *stage
	bestF1, since := -1.0, 0
	var emit [][numTags]int32
	var back [][numTags]uint8
	var pred []int
	for epoch := 1; epoch <= epochs; epoch++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes := 0
		for _, si := range order {
			if err := ctx.Err(); err != nil {
				return nil, rep, err
			}
			sf := &feats[si]
			n := len(sf.gold)
			for i := range n {
				sf.from[i] = sf.off[i]
				if opts.Dropout > 0 && rng.Float64() < opts.Dropout {
					sf.from[i] += sf.lex[i]
				}
			}
			emit, back, pred = grow(emit, n), grow(back, n), grow(pred, n)
			for i := range n {
				e := &emit[i]
				*e = [numTags]int32{}
				for _, f := range sf.ids[sf.from[i]:sf.off[i+1]] {
					w := tr.w[int(f)*rowLen : int(f)*rowLen+rowLen]
					e[0] += w[0]
					for j := 1; j < numTags; j++ {
						e[j] += w[j] + w[numTags+typeOf(j)]
					}
				}
			}
			viterbi(emit, &tr.tw, back, pred)
			if tr.update(sf, pred) {
				mistakes++
			}
			tr.c++
		}
		ep := Epoch{N: epoch, Mistakes: mistakes}
		st := tr.stage(data.keys)
		if opts.Dev != nil {
			if first == nil {
				ep.DevF1 = newTagger(lex, st).f1(opts.Dev, opts.Window)
			} else {
				t := newTagger(lex, first, st)
				t.silver = sv
				ep.DevF1 = t.f1(opts.Dev, opts.Window)
			}
		}
		ep.Elapsed = time.Since(start)
		rep.Epochs = append(rep.Epochs, ep)
		opts.logf("epoch %2d: %5d sentences wrong of %d, dev F1 %.4f, %s", epoch, mistakes, len(feats), ep.DevF1, ep.Elapsed.Round(time.Millisecond))
		if opts.Dev == nil || ep.DevF1 > bestF1 {
			best, bestF1, since, rep.Best = st, ep.DevF1, 0, epoch
		} else if since++; since >= opts.Patience {
			break
		}
	}
	rep.Rows = best.tab.len()
	return best, rep, nil
}

// update applies the perceptron update for a sentence tagged pred, and
// reports whether there was a mistake.
func (tr *trainer) update(sf *sentFeats, pred []int) bool {
	gold := sf.gold
	wrong := false
	for i := range gold {
		g, p := gold[i], pred[i]
		if g == p {
			continue
		}
		wrong = true
		for _, f := range sf.ids[sf.from[i]:sf.off[i+1]] {
			row := int(f) * rowLen
			tr.w[row+g]++
			tr.u[row+g] += tr.c
			tr.w[row+p]--
			tr.u[row+p] -= tr.c
			if g != tagO {
				tr.w[row+numTags+typeOf(g)]++
				tr.u[row+numTags+typeOf(g)] += tr.c
			}
			if p != tagO {
				tr.w[row+numTags+typeOf(p)]--
				tr.u[row+numTags+typeOf(p)] -= tr.c
			}
		}
	}
	if !wrong {
		return false
	}
	for i := 0; i <= len(gold); i++ {
		gp, pp, gc, pc := 0, 0, numTags, numTags // start row, end column
		if i > 0 {
			gp, pp = gold[i-1]+1, pred[i-1]+1
		}
		if i < len(gold) {
			gc, pc = gold[i], pred[i]
		}
		if gp == pp && gc == pc {
			continue
		}
		tr.tw[gp][gc]++
		tr.tu[gp][gc] += tr.c
		tr.tw[pp][pc]--
		tr.tu[pp][pc] -= tr.c
	}
	return true
}

// stage returns the averaged weights, scaled to int16.
func (tr *trainer) stage(keys []uint64) *stage {
	c := float64(tr.c)
	avg := func(w int32, u int64) float64 { return float64(w) - float64(u)/c }
	// The weight of a feature for a tag: its own plus its type's.
	folded := func(f, j int) float64 {
		r := f * rowLen
		v := avg(tr.w[r+j], tr.u[r+j])
		if j != tagO {
			v += avg(tr.w[r+numTags+typeOf(j)], tr.u[r+numTags+typeOf(j)])
		}
		return v
	}
	maxAbs := 0.0
	for f := range keys {
		for j := range numTags {
			maxAbs = max(maxAbs, math.Abs(folded(f, j)))
		}
	}
	for i := range tr.tw {
		for j := range tr.tw[i] {
			maxAbs = max(maxAbs, math.Abs(avg(tr.tw[i][j], tr.tu[i][j])))
		}
	}
	scale := max(maxAbs, 1e-9) / math.MaxInt16
	q := func(w int32, u int64) int32 { return int32(math.Round(avg(w, u) / scale)) }
	qf := func(f, j int) int16 { return int16(math.Round(folded(f, j) / scale)) }
	var trans transitions
	for i := range tr.tw {
		for j := range tr.tw[i] {
			trans[i][j] = q(tr.tw[i][j], tr.tu[i][j])
		}
	}
	rows := 0
	var row [numTags]int16
	keep := make([]bool, len(keys))
	for f := range keys {
		for j := range numTags {
			if qf(f, j) != 0 {
				keep[f] = true
				rows++
				break
			}
		}
	}
	tab := newTable(rows)
	for f, k := range keys {
		if !keep[f] {
			continue
		}
		for j := range numTags {
			row[j] = qf(f, j)
		}
		tab.put(k, &row)
	}
	return &stage{tab: tab, trans: trans, scale: scale}
}

// trainData holds the features of the training sentences.
type trainData struct {
	keys  []uint64 // feature keys, by number
	feats []sentFeats
}

// subset returns the data of some of the sentences; the features keep
// their numbers.
func (d *trainData) subset(idx []int) *trainData {
	out := &trainData{keys: d.keys}
	for _, i := range idx {
		sf := d.feats[i]
		sf.from = make([]int32, len(sf.gold))
		out.feats = append(out.feats, sf)
	}
	return out
}

// extract computes the features of every training sentence and numbers
// them in order of first appearance. With p1, the stage-1 tags of the
// sentences, it computes the features of stage 2, with the silver counts
// silverOf gives for each sentence. Sentences are read in
// parallel; the numbering is sequential, so it does not depend on
// scheduling.
func extract(ctx context.Context, sents []Sentence, lex *Lexicon, p1 [][]int, window int, silverOf func(i int) silver) (*trainData, error) {
	gold := make([][]int, len(sents))
	for i, s := range sents {
		g := make([]int, len(s.Tokens))
		for j := range s.Tokens {
			tag := "O"
			if j < len(s.Tags) {
				tag = s.Tags[j]
			}
			if g[j] = tagIndex(tag); g[j] < 0 {
				return nil, fmt.Errorf("sentence %d token %d: unknown tag %q", i+1, j+1, tag)
			}
		}
		gold[i] = g
	}
	ents := make([][]*entry, len(sents))
	parallel(ctx, len(sents), func(i int) {
		es := make([]*entry, len(sents[i].Tokens))
		for j, t := range sents[i].Tokens {
			es[j] = lex.entry(t)
		}
		ents[i] = es
	})
	var others [][][numTags]int32
	if p1 != nil {
		keys := make([][]string, len(sents))
		for i, es := range ents {
			keys[i] = make([]string, len(es))
			for j, e := range es {
				keys[i][j] = docKey(e)
			}
		}
		others = make([][][numTags]int32, len(sents))
		windows(keys, p1, window, func(i int, dc docCounts) {
			others[i] = dc.others(keys[i], p1[i], nil)
		})
	}
	raw := make([][][]uint64, len(sents))
	lexN := make([][]int32, len(sents))
	parallel(ctx, len(sents), func(i int) {
		var sent sentence
		lex.sentence(ents[i], &sent)
		fs := make([][]uint64, len(ents[i]))
		nl := make([]int32, len(ents[i]))
		for j := range ents[i] {
			var n int
			fs[j], n = appendFeatures(nil, &sent, j)
			if p1 != nil {
				fs[j] = appendDoc(fs[j], p1[i], j, &others[i][j])
				fs[j] = appendSilver(fs[j], silverOf(i), docKey(ents[i][j]))
			}
			nl[j] = int32(n)
		}
		raw[i], lexN[i] = fs, nl
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	dict := map[uint64]int32{}
	data := &trainData{feats: make([]sentFeats, len(sents))}
	for i, fs := range raw {
		sf := sentFeats{gold: gold[i], off: make([]int32, 1, len(fs)+1), lex: lexN[i], from: make([]int32, len(fs))}
		for _, tok := range fs {
			for _, k := range tok {
				id, ok := dict[k]
				if !ok {
					id = int32(len(data.keys))
					dict[k] = id
					data.keys = append(data.keys, k)
				}
				sf.ids = append(sf.ids, id)
			}
			sf.off = append(sf.off, int32(len(sf.ids)))
		}
		data.feats[i] = sf
		raw[i] = nil
	}
	return data, nil
}

// parallel calls fn(i) for i in [0, n) on GOMAXPROCS goroutines.
func parallel(ctx context.Context, n int, fn func(i int)) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n || ctx.Err() != nil {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// f1 tags sentences as one document and returns the entity micro-F1
// against their tags.
func (t *Tagger) f1(sents []Sentence, window int) float64 {
	toks := make([][]string, len(sents))
	var gold, pred []string
	for i, s := range sents {
		toks[i] = s.Tokens
		gold = append(gold, s.Tags...)
	}
	for _, tags := range t.TagDocument(toks, window) {
		pred = append(pred, tags...)
	}
	return Score(gold, pred).Total().F1()
}
