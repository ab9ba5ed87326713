package eval

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
)

// Some rankings cannot be tried on the store itself: FTS5 fixes BM25's k1
// and b, and cannot weight query terms, which pseudo-relevance feedback
// (RM3) needs. They are tried here, on a replica of the store's ranking:
// the same index terms (index.Document) and queries (index.ParseQuery),
// scored in memory with FTS5's bm25 formula. The test first checks that the
// replica gives the store's figures query by query, then writes the runs of
// the variants (the sensitivity of the column weights and of k1 and b, and
// RM3) for docs/retrieval.md. It runs only when ISNAD_REPLICA_RUNS names
// the directory for the run files:
//
//	ISNAD_REPLICA_RUNS=/tmp/rw go test -run TestRetrievalReplica -v ./internal/eval

// fts5Columns are the store's indexed columns and their bm25 weights
// (store/sqlite: wordsWeight, keysWeight, formsWeight). A variant of the
// replica may weigh them otherwise (replica.weights).
var fts5Columns = []struct {
	name   string
	weight float64
	terms  func(store.Terms) string
	query  func(store.Query) []string
}{
	{"words", 1.0, func(t store.Terms) string { return t.Words }, func(q store.Query) []string { return q.Words }},
	{"keys", 0.4, func(t store.Terms) string { return t.Keys }, func(q store.Query) []string { return q.Keys }},
	{"forms", 1.0, func(t store.Terms) string { return t.Forms }, func(q store.Query) []string { return q.Forms }},
}

// replica is an in-memory FTS5 index of the task: per column, postings
// with term frequencies; per document, its length over all columns.
type replica struct {
	k1, b   float64
	weights []float64 // by column
	ids     []string
	post    []map[string][]posting // by column
	vecs    [][]map[string]int     // by column, by doc
	size    []float64              // tokens in all columns, by doc
	avgdl   float64
}

type posting struct{ doc, tf int }

func newReplica(claims []BalyClaim) *replica {
	x := &replica{k1: 1.2, b: 0.75}
	for _, col := range fts5Columns {
		x.weights = append(x.weights, col.weight)
		x.post = append(x.post, map[string][]posting{})
		x.vecs = append(x.vecs, nil)
	}
	var total float64
	for _, c := range claims {
		for i, text := range c.Article {
			d := len(x.ids)
			x.ids = append(x.ids, fmt.Sprintf("%s#%d", c.ID, i))
			terms := index.Document(news.Article{Text: text})
			var size float64
			for ci, col := range fts5Columns {
				tf := map[string]int{}
				for _, t := range strings.Fields(col.terms(terms)) {
					tf[t]++
					size++
				}
				for t, n := range tf {
					x.post[ci][t] = append(x.post[ci][t], posting{d, n})
				}
				x.vecs[ci] = append(x.vecs[ci], tf)
			}
			x.size = append(x.size, size)
			total += size
		}
	}
	x.avgdl = total / float64(len(x.ids))
	return x
}

// A phrase is one quoted term of an FTS5 query, in one column, with the
// weight a feedback model gives it (1 for a plain query).
type phrase struct {
	col    int
	term   string
	weight float64
}

// phrases are the phrases of the store's match expression for q: each
// column's distinct terms.
func phrases(q store.Query) []phrase {
	var ps []phrase
	for ci, col := range fts5Columns {
		seen := map[string]bool{}
		for _, t := range col.query(q) {
			if t != "" && !seen[t] {
				seen[t] = true
				ps = append(ps, phrase{ci, t, 1})
			}
		}
	}
	return ps
}

// score ranks every document matching any phrase by FTS5's bm25 (k1 = 1.2
// and b = 0.75 unless the replica says otherwise, idf = ln((N−n+0.5)/(n+0.5))
// floored at 1e-6, tf weighted by column, length over all columns), each
// phrase's share multiplied by its weight, and keeps the best depth.
func (x *replica) score(ps []phrase, depth int) []ScoredDoc {
	k1, b := x.k1, x.b
	n := float64(len(x.ids))
	sc := map[int]float64{}
	for _, p := range ps {
		post := x.post[p.col][p.term]
		idf := math.Log((n - float64(len(post)) + 0.5) / (float64(len(post)) + 0.5))
		if idf <= 0 {
			idf = 1e-6
		}
		for _, po := range post {
			f := x.weights[p.col] * float64(po.tf)
			sc[po.doc] += p.weight * idf * f * (k1 + 1) / (f + k1*(1-b+b*x.size[po.doc]/x.avgdl))
		}
	}
	out := make([]ScoredDoc, 0, len(sc))
	for d, s := range sc {
		out = append(out, ScoredDoc{x.ids[d], s})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID > out[j].ID
	})
	return out[:min(depth, len(out))]
}

// rm3 expands ps as Anserini's Rm3Reranker does by default: the top docs
// documents of first; in each, its terms (column words) with df/N ≤ 0.1,
// pruned to the terms most frequent in it and L1-normalized; weighted by
// the document's first-pass score and summed; pruned to terms and
// L1-normalized; then interpolated with the L1-normalized query, lambda on
// the query.
func (x *replica) rm3(ps []phrase, first []ScoredDoc, docs, terms int, lambda float64) []phrase {
	byID := map[string]int{}
	for d, id := range x.ids {
		byID[id] = d
	}
	const words = 0
	n := float64(len(x.ids))
	model := map[string]float64{}
	for _, f := range first[:min(docs, len(first))] {
		type tf struct {
			t string
			n int
		}
		var vec []tf
		for t, c := range x.vecs[words][byID[f.ID]] {
			if float64(len(x.post[words][t]))/n <= 0.1 {
				vec = append(vec, tf{t, c})
			}
		}
		sort.Slice(vec, func(i, j int) bool { return vec[i].n > vec[j].n || vec[i].n == vec[j].n && vec[i].t < vec[j].t })
		vec = vec[:min(terms, len(vec))]
		var norm float64
		for _, v := range vec {
			norm += float64(v.n)
		}
		for _, v := range vec {
			model[v.t] += float64(v.n) / norm * f.Score
		}
	}
	type tw struct {
		t string
		w float64
	}
	var fb []tw
	var z float64
	for t, w := range model {
		fb = append(fb, tw{t, w})
	}
	sort.Slice(fb, func(i, j int) bool { return fb[i].w > fb[j].w || fb[i].w == fb[j].w && fb[i].t < fb[j].t })
	fb = fb[:min(terms, len(fb))]
	for _, e := range fb {
		z += e.w
	}
	weights := map[phrase]float64{}
	for _, p := range ps {
		weights[phrase{p.col, p.term, 0}] += lambda / float64(len(ps))
	}
	for _, e := range fb {
		weights[phrase{words, e.t, 0}] += (1 - lambda) * e.w / z
	}
	out := make([]phrase, 0, len(weights))
	for p, w := range weights {
		p.weight = w
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].col < out[j].col || out[i].col == out[j].col && out[i].term < out[j].term
	})
	return out
}

func TestRetrievalReplica(t *testing.T) {
	dir := os.Getenv("ISNAD_REPLICA_RUNS")
	if dir == "" {
		t.Skip("set ISNAD_REPLICA_RUNS=DIR to try rankings the store cannot run and write their runs to DIR")
	}
	claims, err := LoadBaly(filepath.Join(evalDir(t), "baly2018", "dataset"))
	if err != nil {
		t.Fatal(err)
	}
	qrels := BalyQrels(claims)
	res, err := SearchBaly(context.Background(), claims, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	want := Score(qrels, res.Run)

	x := newReplica(claims)
	queries := map[string][]phrase{}
	plain := Run{}
	for _, c := range claims {
		queries[c.ID] = phrases(index.ParseQuery(c.Claim))
		plain[c.ID] = x.score(queries[c.ID], runDepth)
	}
	got := Score(qrels, plain)
	t.Logf("store:   MAP %.4f nDCG@10 %.4f R@100 %.4f", want.MAP, want.NDCG10, want.Recall100)
	t.Logf("replica: MAP %.4f nDCG@10 %.4f R@100 %.4f", got.MAP, got.NDCG10, got.Recall100)
	for q, w := range want.PerQuery {
		if g := got.PerQuery[q]; math.Abs(g[0]-w[0]) > 1e-9 || math.Abs(g[1]-w[1]) > 1e-9 || math.Abs(g[2]-w[2]) > 1e-9 {
			t.Errorf("query %s: replica %v, store %v", q, g, w)
		}
	}
	if t.Failed() {
		t.Fatal("the replica does not rank as the store does")
	}

	write := func(name string, run Run) {
		t.Helper()
		m := Score(qrels, run)
		t.Logf("%-26s MAP %.4f nDCG@10 %.4f R@100 %.4f", name, m.MAP, m.NDCG10, m.Recall100)
		if err := WriteRun(filepath.Join(dir, name+".run"), run, name); err != nil {
			t.Fatal(err)
		}
	}
	rerun := func(name string, edit func(*replica)) {
		t.Helper()
		y := *x
		y.weights = append([]float64(nil), x.weights...)
		edit(&y)
		run := Run{}
		for _, c := range claims {
			run[c.ID] = y.score(queries[c.ID], runDepth)
		}
		write(name, run)
	}
	// Sensitivity of the column weights (words, keys, forms).
	for _, w := range []float64{0.5, 1.5} {
		rerun(fmt.Sprintf("replica-forms%.1f", w), func(y *replica) { y.weights[2] = w })
	}
	for _, w := range []float64{0.2, 0.7} {
		rerun(fmt.Sprintf("replica-keys%.1f", w), func(y *replica) { y.weights[1] = w })
	}
	// BM25's k1 and b, which FTS5 fixes at 1.2 and 0.75.
	for _, kb := range [][2]float64{{0.9, 0.75}, {1.6, 0.75}, {1.2, 0.6}, {1.2, 0.9}, {1.2, 1.0}} {
		rerun(fmt.Sprintf("replica-k%.1f-b%.2f", kb[0], kb[1]), func(y *replica) { y.k1, y.b = kb[0], kb[1] })
	}
	// RM3: Anserini's defaults (10 documents, 10 terms, λ = 0.5), then
	// milder mixes.
	for _, v := range []struct {
		docs, terms int
		lambda      float64
	}{{10, 10, 0.5}, {10, 10, 0.7}, {10, 10, 0.9}, {3, 10, 0.7}} {
		run := Run{}
		for _, c := range claims {
			run[c.ID] = x.score(x.rm3(queries[c.ID], plain[c.ID], v.docs, v.terms, v.lambda), runDepth)
		}
		write(fmt.Sprintf("replica-rm3-d%d-t%d-l%.1f", v.docs, v.terms, v.lambda), run)
	}
}
