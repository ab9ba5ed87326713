// Package sqlite is isnad's embedded store: one SQLite file, opened through
// a pure-Go driver (no cgo), with articles, their analysis, and an FTS5
// index over the Go-analyzed terms. It satisfies store.Store.
//
// The schema lives in migrations/*.sql, applied in order on Open; the
// number of the last one applied is kept in PRAGMA user_version.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// A Store is an open SQLite store. It is safe for use by several goroutines;
// writes are serialized by SQLite.
type Store struct {
	db         *sql.DB
	path       string
	weightless weightless // see weightless.go
}

var (
	_ store.Store  = (*Store)(nil)
	_ store.Ranker = (*Store)(nil)
)

// Open opens (creating if needed) the store in the file at path and brings
// its schema up to date.
func Open(ctx context.Context, path string) (_ *Store, err error) {
	defer derrors.Wrap(&err, "sqlite.Open(%q)", path)
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(ON)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	// Switching a new file to WAL needs a moment alone with it, and SQLite
	// answers SQLITE_BUSY at once, without waiting, when another process
	// is opening it too: retry for a while.
	if err := retryBusy(ctx, func() error { return db.PingContext(ctx) }); err != nil {
		db.Close()
		return nil, fmt.Errorf("%w: %v", derrors.Unavailable, err)
	}
	s := &Store{db: db, path: path}
	if err := retryBusy(ctx, func() error { return s.migrate(ctx) }); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context) (err error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	// Another process may open the same file at the same moment (an ingest
	// and a serve): take the write lock before reading the version, so
	// exactly one of them migrates.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()
	var version int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > len(names) {
		return fmt.Errorf("%w: store schema version %d is newer than this isnad (%d): upgrade isnad", derrors.Unsupported, version, len(names))
	}
	for i := version; i < len(names); i++ {
		body, err := migrations.ReadFile(names[i])
		if err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("migration %s: %w", names[i], err)
		}
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			return err
		}
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// retryBusy calls f until it returns something other than SQLITE_BUSY,
// for at most busyWait.
func retryBusy(ctx context.Context, f func() error) error {
	deadline := time.Now().Add(busyWait)
	for delay := time.Millisecond; ; delay = min(2*delay, 100*time.Millisecond) {
		err := f()
		if err == nil || !strings.Contains(err.Error(), "SQLITE_BUSY") || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
	}
}

// busyWait bounds how long Open waits for other processes opening the
// same file.
const busyWait = 10 * time.Second

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Ping reports whether the store file can be read.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return fmt.Errorf("%w: %v", derrors.Unavailable, err)
	}
	return nil
}

// Has reports whether an article with this content hash is stored.
func (s *Store) Has(ctx context.Context, hash string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE hash = ?", hash).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// analysis is what is stored as JSON beside the article's columns.
type analysis struct {
	Entities []news.Entity `json:"entities"`
	Claims   []news.Claim  `json:"claims"`
	Figures  []news.Figure `json:"figures"`
	Warnings []string      `json:"warnings"`
}

// Begin starts a write batch: one SQLite transaction.
func (s *Store) Begin(ctx context.Context) (store.Batch, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &batch{tx: tx}, nil
}

type batch struct {
	tx   *sql.Tx
	done bool
}

func (b *batch) Put(ctx context.Context, e store.Entry) (added bool, err error) {
	defer derrors.Wrap(&err, "Put(%s)", e.Article.ID)
	if b.done {
		return false, errors.New("batch already committed or rolled back")
	}
	a := e.Article
	if e.Hash == "" || a.ID == "" {
		return false, fmt.Errorf("%w: article without id or hash", derrors.InvalidArgument)
	}
	var one int
	switch err := b.tx.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE hash = ?", e.Hash).Scan(&one); {
	case err == nil:
		return false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return false, err
	}
	// The same id with other content (an edited file read again, or two
	// inputs reusing record ids): keep both, the newcomer under an id
	// qualified by its hash, so nothing stored is lost.
	id := a.ID
	switch err := b.tx.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE id = ?", id).Scan(&one); {
	case err == nil:
		id = news.ArticleID(fmt.Sprintf("%s-%.8s", a.ID, e.Hash))
	case !errors.Is(err, sql.ErrNoRows):
		return false, err
	}
	an, err := json.Marshal(analysis{a.Entities, a.Claims, a.Figures, a.Warnings})
	if err != nil {
		return false, err
	}
	var published any
	if !a.Published.IsZero() {
		published = a.Published.UTC().Format(time.RFC3339)
	}
	res, err := b.tx.ExecContext(ctx, `INSERT INTO articles
		(id, hash, source, outlet, url, title, published, text, analysis, n_claims, n_entities, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		string(id), e.Hash, a.Source, a.Outlet, a.URL, a.Title, published, a.Text, string(an),
		len(a.Claims), len(a.Entities), time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return false, err
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	if err := putTerms(ctx, b.tx, rowid, e.Terms); err != nil {
		return false, err
	}
	return true, nil
}

func putTerms(ctx context.Context, tx *sql.Tx, rowid int64, t store.Terms) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO articles_fts(rowid, words, keys, forms) VALUES (?, ?, ?, ?)",
		rowid, t.Words, t.Keys, t.Forms)
	return err
}

func (b *batch) Commit() error {
	if b.done {
		return errors.New("batch already committed or rolled back")
	}
	b.done = true
	return b.tx.Commit()
}

func (b *batch) Rollback() error {
	if b.done {
		return nil
	}
	b.done = true
	return b.tx.Rollback()
}

const articleColumns = "a.id, a.source, a.outlet, a.url, a.title, a.published, a.text, a.analysis"

func scanArticle(sc interface{ Scan(...any) error }, extra ...any) (news.Article, error) {
	var (
		a         news.Article
		id        string
		published sql.NullString
		an        string
	)
	dest := append([]any{&id, &a.Source, &a.Outlet, &a.URL, &a.Title, &published, &a.Text, &an}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return a, err
	}
	a.ID = news.ArticleID(id)
	if published.Valid {
		t, err := time.Parse(time.RFC3339, published.String)
		if err == nil {
			a.Published = t
		}
	}
	var x analysis
	if err := json.Unmarshal([]byte(an), &x); err != nil {
		return a, fmt.Errorf("article %s: stored analysis: %w", id, err)
	}
	a.Entities, a.Claims, a.Figures, a.Warnings = x.Entities, x.Claims, x.Figures, x.Warnings
	return a, nil
}

// Article returns the stored article with this id.
func (s *Store) Article(ctx context.Context, id news.ArticleID) (_ news.Article, err error) {
	defer derrors.Wrap(&err, "Article(%q)", id)
	row := s.db.QueryRowContext(ctx, "SELECT "+articleColumns+" FROM articles a WHERE a.id = ?", string(id))
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return a, derrors.NotFound
	}
	return a, err
}

// Weights of the indexed columns in BM25 (FTS5's, k1 = 1.2, b = 0.75): a
// query token that matches a document's token exactly scores on words and
// again on forms; one that matches only by stem scores on words; one that
// matches only by its looser spelling-variant key scores least. Why these
// values, and what each column earns: docs/retrieval.md.
const (
	wordsWeight = 1.0
	keysWeight  = 0.4
	formsWeight = 1.0
)

// Search returns at most limit articles that have any of q's terms, ranked
// by BM25 over the three indexed columns. On a store whose index is stale
// (see Reindex) it fails with an error of kind derrors.Unavailable rather
// than answer from a partial index.
func (s *Store) Search(ctx context.Context, q store.Query, limit int) (_ []store.Hit, err error) {
	defer derrors.Wrap(&err, "Search")
	var hits []store.Hit
	err = s.rank(ctx, q, limit, articleColumns, func(rows *sql.Rows) error {
		var h store.Hit
		var err error
		h.Article, err = scanArticle(rows, &h.Score)
		hits = append(hits, h)
		return err
	})
	return hits, err
}

// Rank returns the ids and scores Search would return, in the same order,
// without reading the articles' text.
func (s *Store) Rank(ctx context.Context, q store.Query, limit int) (_ []store.Ranked, err error) {
	defer derrors.Wrap(&err, "Rank")
	var ranked []store.Ranked
	err = s.rank(ctx, q, limit, "a.id", func(rows *sql.Rows) error {
		var r store.Ranked
		err := rows.Scan(&r.ID, &r.Score)
		ranked = append(ranked, r)
		return err
	})
	return ranked, err
}

// rank runs the ranking query shared by Search and Rank, selecting columns
// of the best articles (alias a) and then their score, and calls scan on
// each row, best first.
func (s *Store) rank(ctx context.Context, q store.Query, limit int, columns string, scan func(*sql.Rows) error) error {
	if matchExpr(q) == "" || limit <= 0 {
		return nil
	}
	if stale, err := s.stale(ctx); err != nil {
		return err
	} else if stale != "" {
		return fmt.Errorf("%w: the search index predates this isnad (migration %s) and must be rebuilt: run isnad reindex", derrors.Unavailable, stale)
	}
	q, err := s.prune(ctx, q, limit)
	if err != nil {
		return err
	}
	match := matchExpr(q)
	// Rank in the FTS table alone, then join the few best rows to their
	// articles: joining first would read every matching article's text.
	// Ties go to the article stored first.
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf(`
		WITH best AS (
			SELECT rowid, bm25(articles_fts, %g, %g, %g) AS rank
			FROM articles_fts WHERE articles_fts MATCH ?
			ORDER BY rank LIMIT ?
		)
		SELECT %s, -best.rank
		FROM best JOIN articles a ON a.rowid = best.rowid
		ORDER BY best.rank, a.rowid`, wordsWeight, keysWeight, formsWeight, columns), match, limit)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// stale returns the migration that left the index to be rebuilt, or "".
func (s *Store) stale(ctx context.Context) (string, error) {
	var m string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'index_stale'").Scan(&m)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return m, err
}

// Reindex rebuilds the full-text index from the stored articles, computing
// each one's terms with terms (index.Document), in one transaction. It is
// needed after a migration that changes the index (Search says so) and
// after a change to the analysis. It reports how many articles it indexed.
func (s *Store) Reindex(ctx context.Context, terms func(news.Article) store.Terms) (n int, err error) {
	defer derrors.Wrap(&err, "Reindex")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, "INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')"); err != nil {
		return 0, err
	}
	// Read a page of articles, close the cursor, write their terms: a
	// cursor left open while writing on the same connection is not
	// something every driver allows.
	const page = 500
	var last int64 = -1
	for {
		rows, err := tx.QueryContext(ctx, "SELECT "+articleColumns+", a.rowid FROM articles a WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?", last, page)
		if err != nil {
			return n, err
		}
		type row struct {
			rowid int64
			a     news.Article
		}
		var rs []row
		for rows.Next() {
			var r row
			if r.a, err = scanArticle(rows, &r.rowid); err != nil {
				rows.Close()
				return n, err
			}
			rs = append(rs, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return n, err
		}
		if len(rs) == 0 {
			break
		}
		for _, r := range rs {
			if err := putTerms(ctx, tx, r.rowid, terms(r.a)); err != nil {
				return n, err
			}
			n++
		}
		last = rs[len(rs)-1].rowid
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM meta WHERE key = 'index_stale'"); err != nil {
		return n, err
	}
	if err := tx.Commit(); err != nil {
		return n, err
	}
	s.weightless.reset()
	return n, nil
}

// matchExpr builds an FTS5 query: any word term in column words, any key
// term in column keys, any form in column forms. Terms are quoted, so no
// query syntax reaches FTS5.
func matchExpr(q store.Query) string {
	var parts []string
	add := func(col string, terms []string) {
		var qs []string
		seen := map[string]bool{}
		for _, t := range terms {
			if t == "" || seen[t] {
				continue
			}
			seen[t] = true
			qs = append(qs, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
		}
		if len(qs) > 0 {
			parts = append(parts, col+" : ("+strings.Join(qs, " OR ")+")")
		}
	}
	add("words", q.Words)
	add("keys", q.Keys)
	add("forms", q.Forms)
	return strings.Join(parts, " OR ")
}

// Stats counts what is stored.
func (s *Store) Stats(ctx context.Context) (st store.Stats, err error) {
	defer derrors.Wrap(&err, "Stats")
	err = s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(n_claims), 0), coalesce(sum(n_entities), 0),
		count(DISTINCT nullif(outlet, '')) FROM articles`).Scan(&st.Articles, &st.Claims, &st.Entities, &st.Sources)
	return st, err
}
