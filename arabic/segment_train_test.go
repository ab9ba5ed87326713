package arabic

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// The ranker of the segmenter is trained by hand, on the train part of the
// Farasa WikiNews gold (sections 1–4), and its weights are committed:
//
//	go test ./arabic -run TestTrainSegmenter -train-segmenter
//
// rewrites words/segmenter-weights.txt.gz. With -cv it reports 5-fold
// cross-validated accuracy on the train part instead, which is what to
// look at when changing features: the held-out sections 5–7 are for the
// final report only.
var (
	trainSegmenter = flag.Bool("train-segmenter", false, "train the segmenter's ranker and rewrite words/segmenter-weights.txt.gz")
	segmenterCV    = flag.Bool("cv", false, "with -train-segmenter: 5-fold cross-validation on the train part, no file written")
	trainEpochs    = flag.Int("epochs", 12, "with -train-segmenter: training epochs")
	trainAlgo      = flag.String("algo", "loglinear", "with -train-segmenter: perceptron or loglinear")
	trainL2        = flag.Float64("l2", 1e-4, "with -train-segmenter -algo loglinear: L2 penalty per update")
	trainRate      = flag.Float64("rate", 0.05, "with -train-segmenter -algo loglinear: AdaGrad learning rate")
)

// farasaTrainWords is the number of words in sections 1–4 of
// WikiNews.pos.ref (lines 2–11188), the train part; sections 5–7 (lines
// 11189–18301, 7,113 words) are held out.
const farasaTrainWords = 11187

// A goldWord is one line of the Farasa gold.
type goldWord struct {
	segs, tags string
}

// readFarasaGold reads WikiNews.pos.ref: a header, then one word a line,
// its segments joined by + and a tab and their tags.
func readFarasaGold(path string) ([]goldWord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []goldWord
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue
		}
		segs, tags, ok := strings.Cut(strings.TrimRight(sc.Text(), "\r"), "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want segments<TAB>tags", path, line)
		}
		out = append(out, goldWord{segs, tags})
	}
	return out, sc.Err()
}

// An instance is a gold word prepared for training: its candidates, the
// features of each, and which ones are right.
type instance struct {
	feats [][]uint32
	right []bool
}

// prepare makes the instances of the gold words idx, with the gold
// statistics g; words whose right segmentation is not a candidate are
// counted in missed.
func prepare(l *lexicon, g *goldStats, gold [][]string, idx []int) (out []instance, missed int) {
	for _, i := range idx {
		segs := gold[i]
		pre := normalize(JoinFarasa(segs), false)
		norm := foldVariants(pre)
		if !isArabicWord(norm) {
			continue
		}
		want, ok := goldCuts(pre, segs)
		if !ok {
			continue
		}
		w := l.newWordCtx(pre, norm, g)
		var in instance
		anyRight := false
		for _, c := range candidates(nil, pre, norm) {
			in.feats = append(in.feats, w.features(affixFeatures(nil, c.pi, c.xi), c))
			r := c.cuts() == want
			in.right = append(in.right, r)
			anyRight = anyRight || r
		}
		if !anyRight {
			missed++
			continue
		}
		if len(in.feats) > 1 {
			out = append(out, in)
		}
	}
	return out, missed
}

// trainPerceptron learns weights from instances with an averaged
// perceptron.
func trainPerceptron(ins []instance, epochs int) []float32 {
	w := make([]float32, numFeatures)
	acc := make([]float32, numFeatures) // sum of c × update, for averaging
	c := float32(1)
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(ins))
	for i := range order {
		order[i] = i
	}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			in := ins[k]
			pred, gold := -1, -1
			var ps, gs float32
			for j, f := range in.feats {
				s := score(w, f)
				if pred < 0 || s > ps {
					pred, ps = j, s
				}
				if in.right[j] && (gold < 0 || s > gs) {
					gold, gs = j, s
				}
			}
			if !in.right[pred] {
				for _, f := range in.feats[gold] {
					w[f]++
					acc[f] += c
				}
				for _, f := range in.feats[pred] {
					w[f]--
					acc[f] -= c
				}
			}
			c++
		}
	}
	for i := range w {
		w[i] -= acc[i] / c
	}
	return w
}

// trainLogLinear learns weights from instances with a log-linear model
// over the candidates of each word (the right ones are one event),
// AdaGrad and an L2 penalty applied to the features an update touches.
func trainLogLinear(ins []instance, epochs int, rate, l2 float32) []float32 {
	w := make([]float32, numFeatures)
	g2 := make([]float32, numFeatures) // sum of squared gradients
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(ins))
	for i := range order {
		order[i] = i
	}
	var p, q []float64
	grad := map[uint32]float32{}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			in := ins[k]
			p, q = p[:0], q[:0]
			top := math.Inf(-1)
			for _, f := range in.feats {
				s := float64(score(w, f))
				p = append(p, s)
				top = max(top, s)
			}
			var z, zr float64
			for j := range p {
				p[j] = math.Exp(p[j] - top)
				z += p[j]
				if in.right[j] {
					zr += p[j]
				}
			}
			for j := range p {
				r := 0.0
				if in.right[j] {
					r = p[j] / zr
				}
				q = append(q, r-p[j]/z)
			}
			clear(grad)
			for j, f := range in.feats {
				if q[j] == 0 {
					continue
				}
				for _, x := range f {
					grad[x] += float32(q[j])
				}
			}
			for x, gx := range grad {
				gx -= l2 * w[x]
				g2[x] += gx * gx
				w[x] += rate * gx / float32(math.Sqrt(float64(g2[x]))+1e-6)
			}
		}
	}
	return w
}

// evalFarasa returns how many of the gold words idx SegmentFarasa gets
// exactly right with lexicon l, gold statistics g and weights, and how
// many of them are Arabic words (and of those, right).
func evalFarasa(l *lexicon, g *goldStats, weights []float32, gold [][]string, idx []int, errs func(word string, got, want []string)) (right, n, arRight, arN int) {
	var sg segmenter
	mo := newModel(weights)
	for _, i := range idx {
		want := gold[i]
		word := JoinFarasa(want)
		got := segmentFarasaWith(&sg, l, g, mo, word)
		ok := slices.Equal(got, want)
		n++
		if ok {
			right++
		}
		if isArabicWord(Normalize(word)) {
			arN++
			if ok {
				arRight++
			} else if errs != nil {
				errs(word, got, want)
			}
		}
	}
	return
}

// segmentFarasaWith is SegmentFarasa with the given data.
func segmentFarasaWith(sg *segmenter, l *lexicon, g *goldStats, mo *model, word string) []string {
	pre := normalize(word, false)
	if pre == "" {
		return nil
	}
	norm := foldVariants(pre)
	if !isArabicWord(norm) {
		return []string{pre}
	}
	segs, _, _ := sg.analyzeWith(l, g, mo, nil, nil, pre, norm, SchemeFarasa)
	return segs
}

const weightsHeader = `# Weights of the segmenter's ranker: feature index, a tab, the weight.
# Learned by TestTrainSegmenter (segment_train_test.go) from the train part
# of the Farasa WikiNews gold and the word lists of words/; see NOTICE.md.
`

const folds = 5

// trainFolds trains on the train words idx (indexes into gold), each
// word's gold statistics leaving out its own fold and the folds in skip.
func trainFolds(t *testing.T, l *lexicon, gold [][]string, idx []int, fold func(int) int, skip func(int) bool) []float32 {
	var ins []instance
	missed := 0
	for f := range folds {
		if skip(f) {
			continue
		}
		var part []int
		for _, i := range idx {
			if fold(i) == f {
				part = append(part, i)
			}
		}
		g := newGoldStats(gold, func(i int) bool { return i >= farasaTrainWords || fold(i) == f || skip(fold(i)) })
		in, m := prepare(l, &g, gold, part)
		ins = append(ins, in...)
		missed += m
	}
	t.Logf("training on %d instances (%d words whose segmentation is no candidate)", len(ins), missed)
	if *trainAlgo == "perceptron" {
		return trainPerceptron(ins, *trainEpochs)
	}
	return trainLogLinear(ins, *trainEpochs, float32(*trainRate), float32(*trainL2))
}

func TestTrainSegmenter(t *testing.T) {
	if !*trainSegmenter {
		t.Skip("run with -train-segmenter to retrain words/segmenter-weights.txt.gz")
	}
	all, err := readFarasaGold(farasaPath)
	if err != nil {
		t.Fatal(err)
	}
	gold := make([][]string, len(all))
	for i, g := range all {
		gold[i] = strings.Split(g.segs, "+")
	}
	train := make([]int, farasaTrainWords)
	for i := range train {
		train[i] = i
	}
	fold := func(i int) int { return i * folds / farasaTrainWords }
	l := loadLexicon(false)

	if *segmenterCV {
		var right, n, arRight, arN int
		errs := map[string]int{}
		for k := range folds {
			w := trainFolds(t, l, gold, train, fold, func(f int) bool { return f == k })
			g := newGoldStats(gold, func(i int) bool { return i >= farasaTrainWords || fold(i) == k })
			var test []int
			for _, i := range train {
				if fold(i) == k {
					test = append(test, i)
				}
			}
			r, m, ar, an := evalFarasa(l, &g, w, gold, test, func(word string, got, want []string) {
				errs[fmt.Sprintf("%s\t%s\t%s", word, strings.Join(got, "+"), strings.Join(want, "+"))]++
			})
			t.Logf("fold %d: %d/%d = %.4f (Arabic words %d/%d = %.4f)", k, r, m, float64(r)/float64(m), ar, an, float64(ar)/float64(an))
			right, n, arRight, arN = right+r, n+m, arRight+ar, arN+an
		}
		t.Logf("5-fold CV on the train part: all words %d/%d = %.4f; Arabic words %d/%d = %.4f",
			right, n, float64(right)/float64(n), arRight, arN, float64(arRight)/float64(arN))
		if path := os.Getenv("SEGMENTER_ERRORS"); path != "" {
			var lines []string
			for e, c := range errs {
				lines = append(lines, fmt.Sprintf("%d\t%s", c, e))
			}
			slices.Sort(lines)
			os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
		}
		return
	}

	w := trainFolds(t, l, gold, train, fold, func(int) bool { return false })
	var lines []string
	for i, x := range w {
		if x != 0 {
			lines = append(lines, fmt.Sprintf("%d\t%.4g", i, x))
		}
	}
	writeGz(t, "words/segmenter-weights.txt.gz", weightsHeader, lines)

	g := newGoldStats(gold, func(i int) bool { return i >= farasaTrainWords })
	var held []int
	for i := farasaTrainWords; i < len(gold); i++ {
		held = append(held, i)
	}
	errs := map[string]int{}
	r, n, ar, an := evalFarasa(l, &g, w, gold, held, func(word string, got, want []string) {
		errs[fmt.Sprintf("%s\t%s\t%s", word, strings.Join(got, "+"), strings.Join(want, "+"))]++
	})
	t.Logf("held out (sections 5-7): all words %d/%d = %.4f; Arabic words %d/%d = %.4f", r, n, float64(r)/float64(n), ar, an, float64(ar)/float64(an))
	if path := os.Getenv("SEGMENTER_HELDOUT_ERRORS"); path != "" {
		var lines []string
		for e, c := range errs {
			lines = append(lines, fmt.Sprintf("%d\t%s", c, e))
		}
		slices.Sort(lines)
		os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	}
}

// TestDebugSegmenter prints the candidates of the words in
// $SEGMENTER_DEBUG with their scores and lexicon entries.
func TestDebugSegmenter(t *testing.T) {
	words := strings.Fields(os.Getenv("SEGMENTER_DEBUG"))
	if len(words) == 0 {
		t.Skip("set SEGMENTER_DEBUG to words to debug")
	}
	l := theLexicon()
	for _, word := range words {
		pre := normalize(word, false)
		norm := foldVariants(pre)
		w := l.newWordCtx(pre, norm, &l.gold)
		t.Logf("%s: whole %+v mem %v", word, w.whole, w.mem)
		for _, c := range candidates(nil, pre, norm) {
			f := w.features(affixFeatures(nil, c.pi, c.xi), c)
			t.Logf("  %-20s %7.2f stem %+v", strings.Join(first(appendFarasa(nil, nil, c, pre)), "+"), score(l.model.weights, f), l.entry(norm[c.s:c.e]))
			var parts []string
			for i, x := range f {
				parts = append(parts, fmt.Sprintf("%d:%.1f", i+1, l.model.weights[x]))
			}
			t.Logf("      %s", strings.Join(parts, " "))
		}
	}
}

func first[A, B any](a A, _ B) A { return a }
