package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/pipeline"
	"github.com/isnad-project/isnad/internal/store"
	"github.com/isnad-project/isnad/internal/store/sqlite"
)

// The retrieval task of ../shared/anchors-retrieval, built from Baly et al.
// 2018 exactly as its prepare.py builds it: every article of every claim
// file is a document "<claim id>#<index>", every claim is a query, and the
// relevant documents of a claim are its own articles with stance agree,
// disagree or discuss.

// Anchor figures measured by ../shared/anchors-retrieval on the same task.
const (
	luceneArabicNDCG = 0.5189
	luceneArabicMAP  = 0.4662
)

// A BalyClaim is one file of the Baly et al. 2018 dataset.
type BalyClaim struct {
	ID      string   `json:"id"`
	Claim   string   `json:"claim"`
	Fact    string   `json:"fact"`
	Article []string `json:"article"`
	Stance  []string `json:"stance"`
}

// LoadBaly reads every claim file of the dataset in dir, sorted by id.
func LoadBaly(dir string) ([]BalyClaim, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no claim files in %s", dir)
	}
	var claims []BalyClaim
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var c BalyClaim
		if err := json.Unmarshal(data, &c); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if len(c.Article) != len(c.Stance) {
			return nil, fmt.Errorf("%s: %d articles but %d stances", f, len(c.Article), len(c.Stance))
		}
		claims = append(claims, c)
	}
	sort.Slice(claims, func(i, j int) bool { return claims[i].ID < claims[j].ID })
	return claims, nil
}

// Qrels maps a query id to its relevant document ids.
type Qrels map[string]map[string]bool

// A Run maps a query id to its ranked documents, best first.
type Run map[string][]ScoredDoc

// A ScoredDoc is one document of a run.
type ScoredDoc struct {
	ID    string
	Score float64
}

// BalyQrels returns the relevance judgments of the task; queries with no
// relevant document are left out (they are not evaluated).
func BalyQrels(claims []BalyClaim) Qrels {
	q := Qrels{}
	for _, c := range claims {
		for i, s := range c.Stance {
			if s == "agree" || s == "disagree" || s == "discuss" {
				if q[c.ID] == nil {
					q[c.ID] = map[string]bool{}
				}
				q[c.ID][fmt.Sprintf("%s#%d", c.ID, i)] = true
			}
		}
	}
	return q
}

// Metrics are the retrieval figures of eval.py.
type Metrics struct {
	MAP, NDCG10, Recall100 float64
	Queries                int
	PerQuery               map[string][3]float64 // MAP, nDCG@10, R@100
}

// runDepth is how many documents per query are scored, as in eval.py.
const runDepth = 1000

// Score computes MAP (top 1000), nDCG@10 with binary gains and Recall@100
// with eval.py's conventions: documents ordered by score descending, ties
// by id descending; a repeated document counts once; an evaluated query
// missing from the run scores 0.
func Score(qrels Qrels, run Run) Metrics {
	m := Metrics{PerQuery: map[string][3]float64{}}
	for q, rel := range qrels {
		docs := append([]ScoredDoc(nil), run[q]...)
		sort.SliceStable(docs, func(i, j int) bool {
			if docs[i].Score != docs[j].Score {
				return docs[i].Score > docs[j].Score
			}
			return docs[i].ID > docs[j].ID
		})
		seen := map[string]bool{}
		var hits, k int
		var sumPrec, dcg float64
		var r100 int
		for _, d := range docs {
			if seen[d.ID] {
				continue
			}
			seen[d.ID] = true
			k++
			if k > runDepth {
				break
			}
			if rel[d.ID] {
				hits++
				sumPrec += float64(hits) / float64(k)
				if k <= 10 {
					dcg += 1 / math.Log2(float64(k+1))
				}
				if k <= 100 {
					r100++
				}
			}
		}
		var idcg float64
		for k := 1; k <= min(len(rel), 10); k++ {
			idcg += 1 / math.Log2(float64(k+1))
		}
		R := float64(len(rel))
		pq := [3]float64{sumPrec / R, dcg / idcg, float64(r100) / R}
		m.PerQuery[q] = pq
		m.MAP += pq[0]
		m.NDCG10 += pq[1]
		m.Recall100 += pq[2]
	}
	m.Queries = len(qrels)
	if m.Queries > 0 {
		n := float64(m.Queries)
		m.MAP, m.NDCG10, m.Recall100 = m.MAP/n, m.NDCG10/n, m.Recall100/n
	}
	return m
}

// WriteRun writes run in TREC format ("qid Q0 docid rank score tag").
func WriteRun(path string, run Run, tag string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	qids := make([]string, 0, len(run))
	for q := range run {
		qids = append(qids, q)
	}
	sort.Strings(qids)
	for _, q := range qids {
		for i, d := range run[q] {
			fmt.Fprintf(w, "%s Q0 %s %d %.6f %s\n", q, d.ID, i+1, d.Score, tag)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// RetrievalResult is what SearchBaly measured.
type RetrievalResult struct {
	Run           Run
	Docs          int
	IndexDocsPerS float64
	QueryMeanMS   float64
	QueryP99MS    float64
	IndexDuration time.Duration
	// Ablations holds the run of each ablation asked for, by name.
	Ablations map[string]Run
}

// An Ablation is a variant of isnad's ranking for the retrieval report:
// the same index, queried without some of the query's terms.
type Ablation struct {
	Name string // the run's tag and file name, e.g. "isnad-nokeys"
	Note string // what is left out
	// Drop edits the analyzed query in place.
	Drop func(*store.Query)
}

// Ablations are the variants `isnad eval --only retrieval` runs when
// ISNAD_RETRIEVAL_ABLATIONS is set; docs/retrieval.md reports them. They
// are query-time: the one index holds all three columns, and a variant
// leaves some out of the query (FTS5's BM25 still counts every column in a
// document's length).
var Ablations = []Ablation{
	{"isnad-nokeys", "no spelling-variant keys", func(q *store.Query) { q.Keys = nil }},
	{"isnad-noforms", "no exact forms: stems and keys, the ranking before issue 3", func(q *store.Query) { q.Forms = nil }},
	{"isnad-nostems", "no light stems: exact forms and keys", func(q *store.Query) { q.Words = nil }},
	{"isnad-formsonly", "exact forms only: normalization, no clitics, stems or keys", func(q *store.Query) { q.Words, q.Keys = nil, nil }},
	{"isnad-nonumbers", "no number terms", func(q *store.Query) {
		q.Words, q.Keys, q.Forms = dropNumbers(q.Words), dropNumbers(q.Keys), dropNumbers(q.Forms)
	}},
}

// dropNumbers returns the terms that are not numbers (ASCII digits: the
// analysis writes every numeral that way).
func dropNumbers(terms []string) []string {
	var out []string
	for _, t := range terms {
		if strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			out = append(out, t)
		}
	}
	return out
}

// runQueries runs every claim as a query through index.Rank, which ranks
// as `isnad search` does (index.Search) without reading the 1000 articles,
// keeping the top 1000, and times each query (analysis included). drop,
// when not nil, edits each analyzed query first.
func runQueries(ctx context.Context, r store.Reader, claims []BalyClaim, drop func(*store.Query)) (Run, []float64, error) {
	run := Run{}
	var lat []float64
	for _, c := range claims {
		t0 := time.Now()
		q := index.ParseQuery(c.Claim)
		if drop != nil {
			drop(&q)
		}
		ranked, err := index.Rank(ctx, r, q, runDepth)
		if err != nil {
			return nil, nil, fmt.Errorf("query %s: %w", c.ID, err)
		}
		lat = append(lat, float64(time.Since(t0).Microseconds())/1000)
		for _, h := range ranked {
			run[c.ID] = append(run[c.ID], ScoredDoc{ID: string(h.ID), Score: h.Score})
		}
	}
	return run, lat, nil
}

// SearchBaly indexes every article of claims into a fresh embedded store in
// dir, through the same analysis and store as `isnad ingest`, and runs every
// claim as a query through the same path as `isnad search`, keeping the top
// 1000. It runs each of ablations too, untimed.
func SearchBaly(ctx context.Context, claims []BalyClaim, dir string, ablations ...Ablation) (RetrievalResult, error) {
	var res RetrievalResult
	var lat []float64
	path := filepath.Join(dir, "retrieval.db")
	os.Remove(path)
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		return res, err
	}
	defer s.Close()
	start := time.Now()
	b, err := s.Begin(ctx)
	if err != nil {
		return res, err
	}
	for _, c := range claims {
		for i, text := range c.Article {
			id := fmt.Sprintf("%s#%d", c.ID, i)
			// The URL keeps identical texts in different claim files apart,
			// as the task requires.
			e := pipeline.Analyze(news.Article{ID: news.ArticleID(id), Source: id, URL: id, Text: text})
			if _, err := b.Put(ctx, e); err != nil {
				b.Rollback()
				return res, err
			}
			res.Docs++
		}
	}
	if err := b.Commit(); err != nil {
		return res, err
	}
	res.IndexDuration = time.Since(start)
	res.IndexDocsPerS = float64(res.Docs) / res.IndexDuration.Seconds()

	res.Run, lat, err = runQueries(ctx, s, claims, nil)
	if err != nil {
		return res, err
	}
	if len(ablations) > 0 {
		res.Ablations = map[string]Run{}
	}
	for _, a := range ablations {
		if res.Ablations[a.Name], _, err = runQueries(ctx, s, claims, a.Drop); err != nil {
			return res, err
		}
	}
	sort.Float64s(lat)
	var sum float64
	for _, l := range lat {
		sum += l
	}
	if len(lat) > 0 {
		res.QueryMeanMS = sum / float64(len(lat))
		res.QueryP99MS = lat[min(len(lat)-1, int(math.Ceil(0.99*float64(len(lat))))-1)]
	}
	return res, nil
}

// LuceneRunEnv names the environment variable that points `isnad eval` to
// the anchors' lucene8-arabic.run, for the paired test against Lucene.
// Without it, the run is looked for in the work directory (--work) and in
// its runs/ subdirectory, where ../shared/anchors-retrieval/run_all.sh puts
// it when given the same WORK.
const LuceneRunEnv = "ISNAD_LUCENE_RUN"

// AblationsEnv names the environment variable that makes `isnad eval` run
// the Ablations too (and, with --work, write their run files).
const AblationsEnv = "ISNAD_RETRIEVAL_ABLATIONS"

// luceneRun finds the Lucene ArabicAnalyzer run file, or returns "".
func luceneRun(work string) string {
	if p := os.Getenv(LuceneRunEnv); p != "" {
		return p
	}
	if work == "" {
		return ""
	}
	for _, p := range []string{filepath.Join(work, "lucene8-arabic.run"), filepath.Join(work, "runs", "lucene8-arabic.run")} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// Retrieval is the evaluation of search on the anchors-retrieval task.
func Retrieval(ctx context.Context, dir string, opts Options) ([]Figure, error) {
	const split = "baly2018, all 3,042 articles, 275 evaluated claims (anchors-retrieval)"
	dataset := filepath.Join(dir, "baly2018", "dataset")
	if _, err := os.Stat(dataset); err != nil {
		return []Figure{{Stage: "retrieval", Metric: "nDCG@10", Split: split, Note: "not available: no data at " + dataset}}, nil
	}
	claims, err := LoadBaly(dataset)
	if err != nil {
		return nil, err
	}
	work := opts.WorkDir
	if work == "" {
		work, err = os.MkdirTemp("", "isnad-eval-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(work)
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}
	var ablations []Ablation
	if os.Getenv(AblationsEnv) != "" {
		ablations = Ablations
	}
	t0 := time.Now()
	opts.logf("retrieval: indexing %d claim files and running their claims as queries", len(claims))
	res, err := SearchBaly(ctx, claims, work, ablations...)
	if err != nil {
		return nil, err
	}
	qrels := BalyQrels(claims)
	m := Score(qrels, res.Run)
	opts.logf("retrieval: done in %s", since(t0))
	note := ""
	if opts.WorkDir != "" {
		runPath := filepath.Join(work, "isnad.run")
		if err := WriteRun(runPath, res.Run, "isnad"); err != nil {
			return nil, err
		}
		stats, _ := json.Marshal(map[string]float64{"index_docs_per_s": res.IndexDocsPerS, "query_ms_mean": res.QueryMeanMS, "query_ms_p99": res.QueryP99MS})
		if err := os.WriteFile(runPath+".stats.json", stats, 0o644); err != nil {
			return nil, err
		}
		for _, a := range ablations {
			if err := WriteRun(filepath.Join(work, a.Name+".run"), res.Ablations[a.Name], a.Name); err != nil {
				return nil, err
			}
		}
		note = "; run file " + runPath
	}
	figs := []Figure{
		{Stage: "retrieval", Metric: "MAP", Value: m.MAP, Split: split, Available: true, Note: fmt.Sprintf("Lucene 8 ArabicAnalyzer %.4f", luceneArabicMAP)},
		{Stage: "retrieval", Metric: "nDCG@10", Value: m.NDCG10, Split: split, Available: true, Note: fmt.Sprintf("Lucene 8 ArabicAnalyzer %.4f", luceneArabicNDCG)},
		{Stage: "retrieval", Metric: "R@100", Value: m.Recall100, Split: split, Available: true},
		{Stage: "retrieval", Metric: "index docs/s", Value: res.IndexDocsPerS, Format: "%.0f", Split: split, Available: true, Note: "analysis + SQLite FTS5, one thread" + note},
		{Stage: "retrieval", Metric: "query ms mean / p99", Value: res.QueryMeanMS, Format: "%.2f", Split: split, Available: true, Note: fmt.Sprintf("p99 %.2f ms, depth 1000", res.QueryP99MS)},
	}
	for _, a := range ablations {
		am := Score(qrels, res.Ablations[a.Name])
		figs = append(figs, Figure{Stage: "retrieval", Metric: "nDCG@10 " + a.Name, Value: am.NDCG10, Split: split, Available: true,
			Note: fmt.Sprintf("MAP %.4f R@100 %.4f; %s", am.MAP, am.Recall100, a.Note)})
	}
	lucene := luceneRun(opts.WorkDir)
	if lucene == "" {
		return append(figs, Figure{Stage: "retrieval", Metric: "ΔnDCG@10 vs Lucene", Split: split,
			Note: fmt.Sprintf("not available: no Lucene run (set %s to lucene8-arabic.run of anchors-retrieval)", LuceneRunEnv)}), nil
	}
	base, err := ReadRun(lucene)
	if err != nil {
		return nil, err
	}
	for _, c := range Compare(Score(qrels, base), m) {
		figs = append(figs, Figure{Stage: "retrieval", Metric: "Δ" + c.Metric + " vs Lucene", Value: c.Delta, Format: "%+.4f", Split: split, Available: true,
			Note: fmt.Sprintf("p = %.4f, paired randomization test as eval.py --compare (%s)", c.P, lucene)})
	}
	return figs, nil
}

// ReadRun reads a run in TREC format ("qid Q0 docid rank score tag"). The
// rank column is ignored: Score orders by score, as eval.py does.
func ReadRun(path string) (Run, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	run := Run{}
	sc := bufio.NewScanner(f)
	for ln := 1; sc.Scan(); ln++ {
		p := strings.Fields(sc.Text())
		if len(p) == 0 {
			continue
		}
		if len(p) != 6 {
			return nil, fmt.Errorf("%s:%d: want \"qid Q0 docid rank score tag\"", path, ln)
		}
		score, err := strconv.ParseFloat(p[4], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: score: %w", path, ln, err)
		}
		run[p[0]] = append(run[p[0]], ScoredDoc{ID: p[2], Score: score})
	}
	return run, sc.Err()
}

// A Comparison is a paired comparison of one metric between two runs over
// the same queries.
type Comparison struct {
	Metric string  // "MAP", "nDCG@10" or "R@100"
	Delta  float64 // mean of run − base over the queries
	P      float64 // two-sided p-value of the paired randomization test
}

// Randomization trials and seed of eval.py's randomization_p.
const (
	randomizationTrials = 10000
	randomizationSeed   = 12345
)

// Compare tests run against base as eval.py --compare does: for each
// metric, the per-query differences in query-id order, and a two-sided
// paired randomization (sign-flip) test of 10,000 trials, p = (hits+1) /
// (trials+1). The flips are drawn from the same generator as Python's
// random.Random(12345) (MT19937, 53-bit floats), in the same order, so the
// p-values are eval.py's own, not merely close to them.
func Compare(base, run Metrics) []Comparison {
	qids := make([]string, 0, len(run.PerQuery))
	for q := range run.PerQuery {
		qids = append(qids, q)
	}
	sort.Strings(qids)
	var out []Comparison
	for i, name := range []string{"MAP", "nDCG@10", "R@100"} {
		diffs := make([]float64, len(qids))
		var sum float64
		for j, q := range qids {
			diffs[j] = run.PerQuery[q][i] - base.PerQuery[q][i]
			sum += diffs[j]
		}
		c := Comparison{Metric: name}
		if len(diffs) > 0 {
			c.Delta = sum / float64(len(diffs))
			c.P = randomizationP(diffs, randomizationTrials, randomizationSeed)
		}
		out = append(out, c)
	}
	return out
}

// randomizationP is eval.py's randomization_p: the share of random sign
// flips of diffs whose mean is at least as far from 0 as the observed one.
func randomizationP(diffs []float64, trials int, seed uint32) float64 {
	rng := newPyRandom(seed)
	n := float64(len(diffs))
	var sum float64
	for _, d := range diffs {
		sum += d
	}
	obs := math.Abs(sum) / n
	hit := 0
	for range trials {
		var t float64
		for _, d := range diffs {
			if rng.random() < 0.5 {
				t += d
			} else {
				t -= d
			}
		}
		if math.Abs(t)/n >= obs-1e-15 {
			hit++
		}
	}
	return float64(hit+1) / float64(trials+1)
}

// pyRandom is the Mersenne Twister MT19937 seeded and read as CPython's
// random.Random(seed).random() is (Modules/_randommodule.c: init_by_array
// with the seed as one 32-bit word, genrand_res53), so that the
// randomization test draws the very flips eval.py draws.
type pyRandom struct {
	mt  [624]uint32
	idx int
}

func newPyRandom(seed uint32) *pyRandom {
	r := &pyRandom{}
	// init_genrand(19650218)
	r.mt[0] = 19650218
	for i := 1; i < 624; i++ {
		r.mt[i] = 1812433253*(r.mt[i-1]^(r.mt[i-1]>>30)) + uint32(i)
	}
	// init_by_array([seed])
	i, j := 1, 0
	for k := 624; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1664525)) + seed + uint32(j)
		i++
		j = 0 // the key has one word
		if i >= 624 {
			r.mt[0] = r.mt[623]
			i = 1
		}
	}
	for k := 623; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			r.mt[0] = r.mt[623]
			i = 1
		}
	}
	r.mt[0] = 0x80000000
	r.idx = 624
	return r
}

func (r *pyRandom) uint32() uint32 {
	if r.idx >= 624 {
		for k := 0; k < 624; k++ {
			y := r.mt[k]&0x80000000 | r.mt[(k+1)%624]&0x7fffffff
			v := r.mt[(k+397)%624] ^ y>>1
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			r.mt[k] = v
		}
		r.idx = 0
	}
	y := r.mt[r.idx]
	r.idx++
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	y ^= y >> 18
	return y
}

// random returns a float in [0, 1) with 53 random bits (genrand_res53).
func (r *pyRandom) random() float64 {
	a, b := r.uint32()>>5, r.uint32()>>6
	return (float64(a)*67108864 + float64(b)) * (1.0 / 9007199254740992)
}
