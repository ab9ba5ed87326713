package index

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/isnad-project/isnad/internal/news"
	"github.com/isnad-project/isnad/internal/store"
	"github.com/isnad-project/isnad/internal/store/memstore"
)

func TestParseQueryVariants(t *testing.T) {
	// Spellings of one name or country give a shared term.
	for _, c := range []struct{ a, b string }{
		{"سوريا", "سورية"},
		{"الروسية", "روسيا"},
		{"كوناشنكوف", "كوناشينكوف"},
		{"فالنتينوف", "فالينتينوف"},
	} {
		qa, qb := ParseQuery(c.a), ParseQuery(c.b)
		if !shares(qa.Words, qb.Words) && !shares(qa.Keys, qb.Keys) {
			t.Errorf("ParseQuery(%q) = %+v and ParseQuery(%q) = %+v share no term", c.a, qa, c.b, qb)
		}
	}
	// Stopwords are dropped when there is anything else.
	if q := ParseQuery("في سوريا"); len(q.Words) != 1 {
		t.Errorf("ParseQuery(في سوريا).Words = %q, want one term", q.Words)
	}
	if q := ParseQuery("في"); len(q.Words) != 1 {
		t.Errorf("ParseQuery(في).Words = %q: a query of stopwords only keeps them", q.Words)
	}
	if q := ParseQuery(" ، . "); len(q.Words)+len(q.Keys) != 0 {
		t.Errorf("ParseQuery of punctuation = %+v, want nothing", q)
	}
}

func shares(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func TestMakeSnippet(t *testing.T) {
	text := strings.Repeat("كلام عام لا صلة له بالموضوع. ", 30) +
		"وقال الجنرال إيغور كوناشينكوف إن الطائرات أصابت أهدافا في سوريا." +
		strings.Repeat(" خاتمة بلا معنى خاص.", 30)
	s := MakeSnippet(text, ParseQuery("كوناشنكوف سورية"))
	var hits []string
	for _, p := range s.Parts {
		if p.Hit {
			hits = append(hits, p.Text)
		}
	}
	if strings.Join(hits, "|") != "كوناشينكوف|سوريا" {
		t.Errorf("hits = %q, want the variant spellings marked", hits)
	}
	if s.Span.Start < 0 || s.Span.End > len(text) || s.Span.Start >= s.Span.End {
		t.Fatalf("span %+v out of bounds", s.Span)
	}
	// The snippet text, less the ellipses, is the text at its span.
	got := strings.TrimSuffix(strings.TrimPrefix(s.String(), "… "), " …")
	if got != text[s.Span.Start:s.Span.End] {
		t.Errorf("snippet %q is not text[%d:%d]", got, s.Span.Start, s.Span.End)
	}
	if !strings.HasPrefix(s.String(), "… ") || !strings.HasSuffix(s.String(), " …") {
		t.Errorf("a window inside the text must show ellipses: %q", s.String())
	}
	if s := MakeSnippet("", ParseQuery("سوريا")); len(s.Parts) != 0 {
		t.Errorf("empty text gave %+v", s)
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	add := func(id, title, text string) store.Entry {
		a := news.Article{ID: news.ArticleID(id), Source: id + ".txt", Title: title, Text: text}
		return store.Entry{Article: a, Hash: id, Terms: Document(a)}
	}
	if err := s.Load(ctx,
		add("a", "غارات روسية", "قال كوناشنكوف إن الطائرات الروسية قصفت مواقع."),
		add("b", "خبر آخر", "افتتح معرض للكتاب في المدينة."),
	); err != nil {
		t.Fatal(err)
	}
	rs, err := Search(ctx, s, "روسيا", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].ID != "a" || rs[0].Title != "غارات روسية" {
		t.Fatalf("Search(روسيا) = %+v, want article a", rs)
	}
	if rs, _ := Search(ctx, s, "   ", 10); len(rs) != 0 {
		t.Errorf("blank query gave %d results", len(rs))
	}
}

// TestForms checks the third kind of term: the normalized form as written,
// clitics kept, in lower case.
func TestForms(t *testing.T) {
	terms := Document(news.Article{Title: "YPG في الرقة", Text: "والسورية"})
	if got, want := terms.Forms, "ypg الرقه والسوريه"; got != want {
		t.Errorf("Document(...).Forms = %q (% x), want %q", got, got, want)
	}
	if q := ParseQuery("السورية YPG"); strings.Join(q.Forms, " ") != "السوريه ypg" || len(q.Words) != 2 {
		t.Errorf("ParseQuery(السورية YPG) = %+v, want forms السوريه ypg and two stems", q)
	}
}

// TestRank checks that Rank returns the order and scores of Hits, both
// from a store that ranks without reading (store.Ranker) and from one that
// only searches.
func TestRank(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	for i, text := range []string{"قال المتحدث إن سوريا", "سورية وروسيا", "السورية", "خبر عن الكتاب"} {
		a := news.Article{ID: news.ArticleID(fmt.Sprint("a", i)), Text: text}
		if err := s.Load(ctx, store.Entry{Article: a, Hash: string(a.ID), Terms: Document(a)}); err != nil {
			t.Fatal(err)
		}
	}
	q := ParseQuery("السورية وروسيا")
	hits, err := Hits(ctx, s, q, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 3 {
		t.Fatalf("Hits = %d, want 3", len(hits))
	}
	for _, r := range []store.Reader{s, searchOnly{s}} {
		ranked, err := Rank(ctx, r, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(ranked) != len(hits) {
			t.Fatalf("Rank(%T) = %d results, Hits %d", r, len(ranked), len(hits))
		}
		for i, h := range hits {
			if ranked[i].ID != h.Article.ID || ranked[i].Score != h.Score {
				t.Errorf("Rank(%T)[%d] = %+v, Hits has %s %v", r, i, ranked[i], h.Article.ID, h.Score)
			}
		}
	}
	if ranked, err := Rank(ctx, s, ParseQuery(" . "), 10); err != nil || len(ranked) != 0 {
		t.Errorf("Rank of an empty query = %v, %v; want nothing", ranked, err)
	}
}

// searchOnly hides every method but those of store.Reader.
type searchOnly struct{ store.Reader }

func FuzzMakeSnippet(f *testing.F) {
	f.Add("قال المتحدث إن سوريا", "سورية")
	f.Add("\xff\xfe ب ب", "ب")
	f.Fuzz(func(t *testing.T, text, q string) {
		s := MakeSnippet(text, ParseQuery(q))
		if len(s.Parts) == 0 {
			return
		}
		if s.Span.Start < 0 || s.Span.End > len(text) || s.Span.Start > s.Span.End {
			t.Fatalf("span %+v out of bounds for %d bytes", s.Span, len(text))
		}
	})
}

func BenchmarkDocument(b *testing.B) {
	a := news.Article{Title: "عنوان الخبر", Text: strings.Repeat("وقال المتحدث باسم وزارة الدفاع الروسية إن الطائرات أصابت 24 هدفا في محافظتي حماة وإدلب. ", 40)}
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Document(a)
	}
}
