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
	"time"

	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/pipeline"
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
	Run            Run
	Docs           int
	IndexDocsPerS  float64
	QueryMeanMS    float64
	QueryP99MS     float64
	IndexDuration  time.Duration
	QueriesRunning int
}

// SearchBaly indexes every article of claims into a fresh embedded store in
// dir, through the same analysis and store as `isnad ingest`, and runs every
// claim as a query through the same path as `isnad search`, keeping the top
// 1000.
func SearchBaly(ctx context.Context, claims []BalyClaim, dir string) (RetrievalResult, error) {
	var res RetrievalResult
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

	res.Run = Run{}
	var lat []float64
	for _, c := range claims {
		t0 := time.Now()
		hits, err := s.Search(ctx, index.ParseQuery(c.Claim), runDepth)
		if err != nil {
			return res, fmt.Errorf("query %s: %w", c.ID, err)
		}
		lat = append(lat, float64(time.Since(t0).Microseconds())/1000)
		for _, h := range hits {
			res.Run[c.ID] = append(res.Run[c.ID], ScoredDoc{ID: string(h.Article.ID), Score: h.Score})
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
	t0 := time.Now()
	opts.logf("retrieval: indexing %d claim files and running their claims as queries", len(claims))
	res, err := SearchBaly(ctx, claims, work)
	if err != nil {
		return nil, err
	}
	m := Score(BalyQrels(claims), res.Run)
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
		note = "; run file " + runPath
	}
	return []Figure{
		{Stage: "retrieval", Metric: "MAP", Value: m.MAP, Split: split, Available: true, Note: fmt.Sprintf("Lucene 8 ArabicAnalyzer %.4f", luceneArabicMAP)},
		{Stage: "retrieval", Metric: "nDCG@10", Value: m.NDCG10, Split: split, Available: true, Note: fmt.Sprintf("Lucene 8 ArabicAnalyzer %.4f", luceneArabicNDCG)},
		{Stage: "retrieval", Metric: "R@100", Value: m.Recall100, Split: split, Available: true},
		{Stage: "retrieval", Metric: "index docs/s", Value: res.IndexDocsPerS, Format: "%.0f", Split: split, Available: true, Note: "analysis + SQLite FTS5, one thread" + note},
		{Stage: "retrieval", Metric: "query ms mean / p99", Value: res.QueryMeanMS, Format: "%.2f", Split: split, Available: true, Note: fmt.Sprintf("p99 %.2f ms", res.QueryP99MS)},
	}, nil
}
