// Package pipeline wires isnad's stages: it reads inputs (package ingest),
// analyzes each article (arabic, index; later entities and claims), and
// writes to a store in transactional batches. Per-article problems are
// recorded and the run goes on; only a store failure stops it.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/isnad-project/isnad/arabic"
	"github.com/isnad-project/isnad/internal/claim"
	"github.com/isnad-project/isnad/internal/geo"
	"github.com/isnad-project/isnad/internal/index"
	"github.com/isnad-project/isnad/internal/ingest"
	"github.com/isnad-project/isnad/internal/ner"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/resolve"
	"github.com/isnad-project/isnad/internal/store"
)

// Hash returns the content hash that identifies an article: the same
// outlet, URL, title and text give the same hash wherever the article was
// read from. A copy of one file under another name is therefore stored
// once, while a wire story reprinted by two outlets is kept twice (the
// story stage later folds those as versions).
func Hash(a news.Article) string {
	h := sha256.New()
	for _, f := range []string{a.Outlet, a.URL, a.Title, a.Text} {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Analyze runs the analysis stages on a and returns what the store keeps.
// It fills a's derived fields (figures, entities, claims as they are built)
// and never changes a.Text.
func Analyze(a news.Article) store.Entry {
	st := entityStages()
	if a.Entities == nil {
		ents := ner.Default().Entities(a.Text, arabic.Tokenize(a.Text))
		if st.err == nil {
			ents = st.resolver.Resolve(a.Text, ents)
			ents = st.gazetteer.Geocode(a.Text, ents)
		}
		if ents == nil {
			ents = []news.Entity{}
		}
		a.Entities = ents
	}
	if a.Figures == nil {
		// Every number that counts something: not ordinals, nor bare years
		// (عام 2015).
		nums := arabic.FindNumbers(a.Text)
		a.Figures = make([]news.Figure, 0, len(nums))
		for _, n := range nums {
			if n.Ordinal || n.Unit == "" && n.Value == float64(int(n.Value)) && n.Value >= 1900 && n.Value <= 2100 {
				continue
			}
			a.Figures = append(a.Figures, news.Figure{Value: n.Value, Unit: n.Unit, Text: n.Text, Span: news.Span{Start: n.Start, End: n.End}})
		}
	}
	if a.Claims == nil {
		a.Claims = claim.Extract(a.Text, a.Figures)
		linkSpeakers(a.Claims, a.Entities)
	}
	if a.Warnings == nil {
		a.Warnings = []string{}
	}
	return store.Entry{Article: a, Hash: Hash(a), Terms: index.Document(a)}
}

// Options configure Ingest. The zero value is the default.
type Options struct {
	// BatchSize is the number of articles written per transaction.
	// Default 500.
	BatchSize int
	// Workers is the number of goroutines that analyze articles.
	// Default GOMAXPROCS.
	Workers int
	// Progress, if set, is called after every article and once at the end
	// from a single goroutine.
	Progress func(Progress)
	// Failed, if set, is called for each input problem as it is met.
	Failed func(*ingest.Problem)
	// FS, if set, is where paths are read from instead of the operating
	// system's files (the demo reads the embedded sample corpus).
	FS fs.FS
}

func (o Options) withDefaults() Options {
	if o.BatchSize <= 0 {
		o.BatchSize = 500
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// Progress tells how far an ingest has come.
type Progress struct {
	Read   int   // articles read
	New    int   // stored now
	Had    int   // already in the store
	Failed int   // inputs (files or records) that could not be read
	Bytes  int64 // input bytes read so far (files as on disk: zips compressed)
	// TextBytes is the size of the article texts read so far.
	TextBytes int64
	Done      bool // the final call
}

// A Summary is the outcome of an ingest.
type Summary struct {
	Progress
	Failures []*ingest.Problem
	Elapsed  time.Duration
}

// Ingest reads every path and stores the articles in w. Articles already
// stored (by content hash) are counted, not stored again, so a re-run after
// an interruption finishes the job without duplicates. The returned error
// is non-nil only when the run could not go on (the store failed or ctx was
// cancelled); unreadable inputs are in Summary.Failures.
func Ingest(ctx context.Context, w store.Writer, paths []string, opts Options) (Summary, error) {
	opts = opts.withDefaults()
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		entry     store.Entry
		had       bool
		textBytes int
	}
	docs := make(chan ingest.Document, 4*opts.Workers)
	results := make(chan result, 4*opts.Workers)
	problems := make(chan *ingest.Problem, 16)

	var walkErr error
	var bytesRead atomic.Int64
	go func() {
		defer close(docs)
		defer close(problems)
		walker := ingest.Walker{FS: opts.FS, Progress: func(_ string, n int64, _ bool) { bytesRead.Add(n) }}
		walkErr = walker.Walk(ctx, paths, func(d ingest.Document) error {
			select {
			case docs <- d:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(p *ingest.Problem) {
			select {
			case problems <- p:
			case <-ctx.Done():
			}
		})
	}()

	var wg sync.WaitGroup
	var workerErr error
	var workerErrOnce sync.Once
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range docs {
				r := result{textBytes: len(d.Article.Text) + len(d.Article.Title)}
				hash := Hash(d.Article)
				had, err := w.Has(ctx, hash)
				if err != nil {
					workerErrOnce.Do(func() { workerErr = err; cancel() })
					return
				}
				if had {
					r.had = true
				} else {
					r.entry = Analyze(d.Article)
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var sum Summary
	report := func() {
		sum.Bytes = bytesRead.Load()
		if opts.Progress != nil {
			opts.Progress(sum.Progress)
		}
	}
	// Writes use a context that an interrupt does not cancel, so the batch
	// in hand is committed and a re-run only does what is left.
	storeCtx := context.WithoutCancel(ctx)
	var batch store.Batch
	pending := 0
	var storeErr error
	flush := func() error {
		if batch == nil {
			return nil
		}
		b := batch
		batch, pending = nil, 0
		return b.Commit()
	}
	handle := func(r result) error {
		sum.Read++
		sum.TextBytes += int64(r.textBytes)
		if r.had {
			sum.Had++
			return nil
		}
		if batch == nil {
			b, err := w.Begin(storeCtx)
			if err != nil {
				return err
			}
			batch = b
		}
		added, err := batch.Put(storeCtx, r.entry)
		if err != nil {
			return err
		}
		if added {
			sum.New++
			pending++
		} else {
			sum.Had++
		}
		if pending >= opts.BatchSize {
			return flush()
		}
		return nil
	}
	// Drain both channels; problems arrive on their own channel so that a
	// slow store never blocks the reader from reporting them.
	for results != nil || problems != nil {
		select {
		case r, ok := <-results:
			if !ok {
				results = nil
				continue
			}
			if storeErr != nil {
				continue
			}
			if err := handle(r); err != nil {
				storeErr = err
				cancel()
			}
			report()
		case p, ok := <-problems:
			if !ok {
				problems = nil
				continue
			}
			sum.Failed++
			sum.Failures = append(sum.Failures, p)
			if opts.Failed != nil {
				opts.Failed(p)
			}
			report()
		}
	}
	if storeErr == nil {
		storeErr = flush()
	}
	if batch != nil {
		batch.Rollback()
	}
	sum.Done = true
	sum.Elapsed = time.Since(start)
	report()
	switch {
	case storeErr != nil:
		return sum, fmt.Errorf("store: %w", storeErr)
	case workerErr != nil:
		return sum, fmt.Errorf("store: %w", workerErr)
	case walkErr != nil && !errors.Is(walkErr, context.Canceled):
		return sum, walkErr
	}
	return sum, ctx.Err()
}

// linkSpeakers sets each claim's SpeakerKey to the key of the person or
// organization entity its speaker span overlaps.
func linkSpeakers(cs []news.Claim, ents []news.Entity) {
	for i := range cs {
		sp := cs[i].SpeakerSpan
		if sp.End <= sp.Start || cs[i].SpeakerKey != "" {
			continue
		}
		for _, e := range ents {
			if (e.Type == "PER" || e.Type == "ORG") && e.Start < sp.End && sp.Start < e.End && e.Key != "" {
				cs[i].SpeakerKey = e.Key
				break
			}
		}
	}
}

// The entity stages after tagging: resolution (one key for all spellings)
// and geocoding. They load shipped tables once, on first use.
type stages struct {
	resolver  *resolve.Resolver
	gazetteer *geo.Gazetteer
	err       error
}

var (
	stagesOnce   sync.Once
	stagesLoaded stages
	aliasFile    string
)

// SetAliasFile adds the user's alias table (see internal/resolve) to entity
// resolution. It must be called before the first Analyze; it reports an
// error naming the file and line when the table is malformed.
func SetAliasFile(path string) error {
	r, err := resolve.New(resolve.Options{AliasFile: path})
	if err != nil {
		return err
	}
	st := entityStages()
	if st.err != nil {
		return st.err
	}
	stagesLoaded.resolver = r
	aliasFile = path
	return nil
}

func entityStages() *stages {
	stagesOnce.Do(func() {
		r, err := resolve.New(resolve.Options{AliasFile: aliasFile})
		if err != nil {
			stagesLoaded.err = err
			return
		}
		g, err := geo.New()
		if err != nil {
			stagesLoaded.err = err
			return
		}
		stagesLoaded = stages{resolver: r, gazetteer: g}
	})
	return &stagesLoaded
}
