// Package index turns articles and queries into index terms with the Arabic
// analyzer, runs searches against a store, and cuts highlighted snippets by
// byte offsets into the article text.
//
// Three kinds of term are indexed for every token that is not a stopword:
// the light stem (سوريا and سورية and السورية → one term), the
// spelling-variant key (كوناشينكوف and كوناشنكوف → one key) and the
// normalized form as written, clitics kept (والسورية → والسوريه). A query
// matches any of them; the store counts a match on the exact form on top of
// the match on the stem, and a match on the key alone least. See
// docs/retrieval.md for what each kind earns.
package index

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
)

// analyzer is shared: arabic.Analyzer is safe for concurrent use.
var analyzer = arabic.NewAnalyzer(arabic.Options{})

// A Part is a piece of a snippet; Hit marks the words that matched.
type Part struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit"`
}

// A Snippet is a short window of an article's text around the best match.
type Snippet struct {
	Parts []Part
	Span  news.Span // where the window stands in Article.Text
}

// String returns the snippet as plain text.
func (s Snippet) String() string {
	var b strings.Builder
	for _, p := range s.Parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

// A Result is one search hit, ready to show.
type Result struct {
	ID        news.ArticleID
	Source    string
	Outlet    string
	Title     string
	Published time.Time
	Score     float64
	Snippet   Snippet
}

// Search analyzes q, asks r for at most limit matching articles, and returns
// them best first with snippets. A query with no words returns no results.
func Search(ctx context.Context, r store.Reader, q string, limit int) ([]Result, error) {
	query := ParseQuery(q)
	hits, err := Hits(ctx, r, query, limit)
	if err != nil {
		return nil, err
	}
	results := make([]Result, 0, len(hits))
	for _, h := range hits {
		a := h.Article
		results = append(results, Result{
			ID: a.ID, Source: a.Source, Outlet: a.Outlet, Title: a.Title, Published: a.Published,
			Score:   h.Score,
			Snippet: MakeSnippet(a.Text, query),
		})
	}
	return results, nil
}

// Hits asks r for at most limit articles matching an analyzed query, best
// first, with their text. Search (the CLI, the web pages, the API) goes
// through it.
func Hits(ctx context.Context, r store.Reader, q store.Query, limit int) ([]store.Hit, error) {
	if empty(q) {
		return nil, nil
	}
	return r.Search(ctx, q, limit)
}

// Rank is Hits without the articles: the ids and scores of at most limit
// articles matching q, best first, in the order Hits returns them. It asks
// r to rank without reading the articles when r can (store.Ranker), as
// the retrieval evaluation needs at depth 1000.
func Rank(ctx context.Context, r store.Reader, q store.Query, limit int) ([]store.Ranked, error) {
	if empty(q) {
		return nil, nil
	}
	if rk, ok := r.(store.Ranker); ok {
		return rk.Rank(ctx, q, limit)
	}
	hits, err := r.Search(ctx, q, limit)
	if err != nil {
		return nil, err
	}
	ranked := make([]store.Ranked, len(hits))
	for i, h := range hits {
		ranked[i] = store.Ranked{ID: h.Article.ID, Score: h.Score}
	}
	return ranked, nil
}

func empty(q store.Query) bool { return len(q.Words) == 0 && len(q.Keys) == 0 && len(q.Forms) == 0 }

// Document returns the index terms of a: its title and its text.
func Document(a news.Article) store.Terms {
	var words, keys, forms strings.Builder
	add := func(text string) {
		for _, t := range analyzer.Analyze(text) {
			if t.Stop {
				continue
			}
			appendTerm(&words, t.Stem)
			for _, k := range keyTerms(t) {
				appendTerm(&keys, k)
			}
			appendTerm(&forms, form(t))
		}
	}
	add(a.Title)
	add(a.Text)
	return store.Terms{Words: words.String(), Keys: keys.String(), Forms: forms.String()}
}

func appendTerm(b *strings.Builder, term string) {
	term = clean(term)
	if term == "" {
		return
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(term)
}

// clean keeps the letters and digits of a term, so that what the store's
// full-text tokenizer sees is exactly one term.
func clean(term string) string {
	ok := true
	for _, r := range term {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			ok = false
			break
		}
	}
	if ok {
		return term
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, term)
}

// form returns the exact-form term of t: its Norm, in lower case as the
// store's full-text tokenizer would fold it anyway (YPG and Ypg are one
// form), so that every backend matches alike.
func form(t arabic.Token) string {
	return strings.ToLower(clean(t.Norm))
}

// minKeyRunes is the shortest spelling-variant key that is indexed. Keys
// drop long vowels, so short ones collide across unrelated common words
// (روسيا and رأس both give رس); the names that need keys — transliterated
// foreign names — are long. Skipping short keys also keeps queries fast:
// their posting lists are the longest.
const minKeyRunes = 4

// fehSegment is the conjunction ف as a segment: the one proclitic the
// light segmenter splits off names by mistake (فالنتينوف).
const fehSegment = "\u0641"

// keyTerms returns the key terms of t that are long enough to be worth
// matching on: its key and, when clitics were split off, the key of the
// whole word, so that a foreign name whose first letters look like clitics
// (فالنتينوف read as ف+ال+نتينوف) still meets its other spellings. Only
// the ف split is doubted this way: other clitic splits are reliable enough
// that a second key costs more precision than it buys recall.
func keyTerms(t arabic.Token) []string {
	var ks []string
	if k := clean(t.Key); utf8.RuneCountInString(k) >= minKeyRunes {
		ks = append(ks, k)
	}
	if len(t.Segments) > 1 && t.Segments[0] == fehSegment {
		if w := clean(arabic.WholeKey(t.Norm)); w != t.Key && utf8.RuneCountInString(w) >= minKeyRunes+1 {
			ks = append(ks, w)
		}
	}
	return ks
}

// ParseQuery analyzes a user's query into store terms. Stopwords are
// dropped unless the query has nothing else.
func ParseQuery(q string) store.Query {
	toks := analyzer.Analyze(q)
	content := 0
	for _, t := range toks {
		if !t.Stop {
			content++
		}
	}
	var query store.Query
	for _, t := range toks {
		if t.Stop && content > 0 {
			continue
		}
		if w := clean(t.Stem); w != "" {
			query.Words = append(query.Words, w)
		}
		query.Keys = append(query.Keys, keyTerms(t)...)
		if f := form(t); f != "" {
			query.Forms = append(query.Forms, f)
		}
	}
	return query
}

// snippetTokens is how many tokens a snippet window holds.
const snippetTokens = 28

// MakeSnippet cuts the window of text with the most distinct query terms
// and marks the tokens that match q. Offsets come from the analysis, so the
// parts are exact slices of text.
func MakeSnippet(text string, q store.Query) Snippet {
	words := set(q.Words)
	keys := set(q.Keys)
	toks := analyzer.Analyze(text)
	if len(toks) == 0 {
		return Snippet{}
	}
	hit := make([]string, len(toks)) // the term a token matched, "" if none
	for i, t := range toks {
		if t.Stop && len(words) > 0 {
			continue
		}
		if s := clean(t.Stem); words[s] {
			hit[i] = "w:" + s
		} else {
			for _, k := range keyTerms(t) {
				if keys[k] {
					hit[i] = "k:" + k
					break
				}
			}
		}
	}
	// The window [best, best+n) with the most distinct matched terms; the
	// first such window wins. A sliding count keeps this linear.
	n := min(snippetTokens, len(toks))
	count := map[string]int{}
	distinct := 0
	slide := func(i, d int) {
		if h := hit[i]; h != "" {
			if count[h] == 0 {
				distinct++
			}
			count[h] += d
			if count[h] == 0 {
				distinct--
			}
		}
	}
	for i := 0; i < n; i++ {
		slide(i, 1)
	}
	best, bestScore := 0, distinct
	for i := n; i < len(toks); i++ {
		slide(i, 1)
		slide(i-n, -1)
		if distinct > bestScore {
			best, bestScore = i-n+1, distinct
		}
	}
	// Start a little before the first hit so it has context.
	if bestScore > 0 {
		for i := best; i < best+n; i++ {
			if hit[i] != "" {
				best = max(0, min(i-4, len(toks)-n))
				break
			}
		}
	}
	window := toks[best : best+n]
	span := news.Span{Start: window[0].Start, End: window[len(window)-1].End}
	if best == 0 {
		span.Start = 0
	}
	var parts []Part
	pos := span.Start
	if span.Start > 0 {
		parts = append(parts, Part{Text: "… "})
	}
	for i, t := range window {
		if hit[best+i] == "" {
			continue
		}
		if t.Start > pos {
			parts = append(parts, Part{Text: text[pos:t.Start]})
		}
		parts = append(parts, Part{Text: text[t.Start:t.End], Hit: true})
		pos = t.End
	}
	if span.End > pos {
		parts = append(parts, Part{Text: text[pos:span.End]})
	}
	if span.End < len(text) {
		parts = append(parts, Part{Text: " …"})
	}
	for i := range parts {
		parts[i].Text = strings.ToValidUTF8(strings.ReplaceAll(parts[i].Text, "\n", " "), "")
	}
	return Snippet{Parts: parts, Span: span}
}

func set(terms []string) map[string]bool {
	m := make(map[string]bool, len(terms))
	for _, t := range terms {
		m[t] = true
	}
	return m
}
