package ner

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
)

// evalData returns the path of a file of ../shared/eval, or skips.
func evalData(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "eval", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("SKIPPING: evaluation data not found at %s", p)
	}
	return p
}

// sampleSentences are sentences written for these tests.
var sampleSentences = [][]string{
	strings.Fields("قال الرئيس السوري بشار الأسد في دمشق إن الجيش سيواصل عملياته في ريف إدلب ."),
	strings.Fields("وأعلنت وزارة الدفاع الروسية أن طائراتها قصفت مواقع لتنظيم الدولة الإسلامية قرب دير الزور ."),
	strings.Fields("ونقلت وكالة رويترز عن المتحدث باسم الأمم المتحدة ستيفان دوجاريك قوله إن اتفاق أستانا صامد ."),
	{"(", "أ", "ف", "ب", ")", "-", "CNN", "2017", "،", "«", "»"},
	{},
}

func TestNERDefaultLoads(t *testing.T) {
	tg := Default()
	if tg.Size() == 0 || len(tg.stages) != 2 {
		t.Fatalf("built-in model: %d rows, %d stages", tg.Size(), len(tg.stages))
	}
	d, err := LoadTime()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("built-in model: %d feature rows, %d silver words, loads in %s", tg.Size(), len(tg.silver), d)
}

// TestTagBIO checks that the tags always form valid BIO sequences.
func TestNERTagBIO(t *testing.T) {
	tg := Default()
	sents := sampleSentences
	if f, err := os.Open(filepath.Join("..", "..", "..", "shared", "eval", TestFile)); err == nil {
		s, err := ReadCoNLL(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range s {
			sents = append(sents, x.Tokens)
		}
	}
	check := func(how string, toks, tags []string) {
		t.Helper()
		if len(tags) != len(toks) {
			t.Fatalf("%s: %d tags for %d tokens", how, len(tags), len(toks))
		}
		ids := make([]int, len(tags))
		for i, tag := range tags {
			if ids[i] = tagIndex(tag); ids[i] < 0 {
				t.Fatalf("%s: tag %q", how, tag)
			}
		}
		if !validBIO(ids) {
			t.Fatalf("%s: invalid BIO %v for %q", how, tags, toks)
		}
	}
	for _, s := range sents {
		check("Tag", s, tg.Tag(s))
	}
	for i, tags := range tg.TagDocument(sents, DefaultWindow) {
		check("TagDocument", sents[i], tags)
	}
	got := tg.Tag(sampleSentences[0])
	if !slices.Equal(got[3:5], []string{"B-PERS", "I-PERS"}) || got[6] != "B-LOC" {
		t.Errorf("Tag(%q) = %q: want بشار الأسد as a person and دمشق as a place", sampleSentences[0], got)
	}
}

// modelFS returns the built-in model directory with the model file
// replaced.
func modelFS(t testing.TB, model []byte) fs.FS {
	t.Helper()
	m := fstest.MapFS{ModelFile: {Data: model}}
	for _, name := range []string{ListsFile, PlacesFile, ClustersFile} {
		b, err := embedded.ReadFile("model/" + name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	return m
}

// TestModelRoundTrip writes the built-in model, reads it back, and checks
// that it writes the same bytes and tags alike.
func TestNERModelRoundTrip(t *testing.T) {
	tg := Default()
	var a, b bytes.Buffer
	if err := tg.Write(&a); err != nil {
		t.Fatal(err)
	}
	back, err := Load(modelFS(t, a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := back.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("the model read back writes %d bytes, not the same %d", b.Len(), a.Len())
	}
	if len(back.silver) != len(tg.silver) || back.Size() != tg.Size() {
		t.Errorf("read back: %d rows, %d silver words; want %d, %d", back.Size(), len(back.silver), tg.Size(), len(tg.silver))
	}
	for _, s := range sampleSentences {
		if x, y := tg.Tag(s), back.Tag(s); !slices.Equal(x, y) {
			t.Errorf("Tag(%q): %q before, %q after", s, x, y)
		}
	}
	// A model does not load beside other word lists.
	m := modelFS(t, a.Bytes()).(fstest.MapFS)
	m[ListsFile] = &fstest.MapFile{Data: []byte("## title\nالرئيس\n")}
	if _, err := Load(m); err == nil {
		t.Errorf("Load with other word lists: no error")
	}
	// Nor does a damaged file.
	for _, bad := range [][]byte{nil, []byte("not gzip"), a.Bytes()[:a.Len()/2]} {
		if _, err := Load(modelFS(t, bad)); err == nil {
			t.Errorf("Load of a damaged model (%d bytes): no error", len(bad))
		}
	}
}

// mustSpan returns the span of the only occurrence of sub in text.
func mustSpan(t *testing.T, text, sub string) [2]int {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 || strings.Count(text, sub) != 1 {
		t.Fatalf("%q does not occur exactly once in the text", sub)
	}
	return [2]int{i, i + len(sub)}
}

func TestNEREntities(t *testing.T) {
	text := "دمشق - قال الرئيس السوري بشار الأسد، الخميس، إن الجيش سيواصل عملياته في ريف إدلب.\n" +
		"وأعلنت وزارة الدفاع الروسية أن طائراتها قصفت مواقع قرب دير الزور."
	es := Default().Entities(text, arabic.Tokenize(text))
	got := map[[2]int]string{}
	for _, e := range es {
		if e.Text != text[e.Start:e.End] || e.Name != e.Text {
			t.Errorf("entity %+v: Text is not text[Start:End]", e)
		}
		got[[2]int{e.Start, e.End}] = e.Type
	}
	for _, w := range []struct{ sub, typ string }{
		{"بشار الأسد", "PER"},
		{"إدلب", "LOC"},
		{"دير الزور", "LOC"},
	} {
		sp := mustSpan(t, text, w.sub)
		if got[sp] != w.typ {
			t.Errorf("Entities: %s at %v is %q, want %s (all: %+v)", w.sub, sp, got[sp], w.typ, es)
		}
	}
	for _, e := range es {
		if e.Type == "PER" && e.Text == "بشار الأسد" && e.Key != arabic.Key("بشار")+" "+arabic.Key("الأسد") {
			t.Errorf("Key(%s) = %q", e.Text, e.Key)
		}
	}
}

func TestNERTrimProclitics(t *testing.T) {
	lex := Default().lex
	for _, c := range []struct {
		word string
		want string // what is left
	}{
		{"وروسيا", "روسيا"},
		{"بدمشق", "دمشق"},
		{"وَروسيا", "روسيا"},
		{"للأمم", "للأمم"}, // ل + الأمم: the article is fused
		{"لبنان", "لبنان"},
		{"وليد", "وليد"},
		{"ولنغتون", "ولنغتون"},
		{"وبيروت", "بيروت"},
	} {
		if got := c.word[lex.trimProclitics(c.word):]; got != c.want {
			t.Errorf("trimProclitics(%q) leaves %q, want %q", c.word, got, c.want)
		}
	}
}

// TestTrainTiny trains on a few made-up sentences and checks that the
// model learns them and that training is deterministic.
func TestNERTrainTiny(t *testing.T) {
	lex := testLexicon(t)
	var sents []Sentence
	people := []string{"بوتين", "ترامب", "الأسد", "أردوغان", "ماكرون"}
	places := []string{"حلب", "دمشق", "حمص", "إدلب", "الرقة"}
	for i := range 60 {
		p, q := people[i%len(people)], places[(i/2)%len(places)]
		sents = append(sents, Sentence{
			Tokens: []string{"قال", "الرئيس", p, "إن", "الجيش", "دخل", q, "."},
			Tags:   []string{"O", "O", "B-PERS", "O", "O", "O", "B-LOC", "O"},
		})
	}
	train := func() ([]byte, *Tagger) {
		tg, _, err := Train(context.Background(), sents, lex, TrainOptions{Epochs: 3, Folds: 3, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := tg.Write(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes(), tg
	}
	a, tg := train()
	b, _ := train()
	if !bytes.Equal(a, b) {
		t.Errorf("two trainings on the same data give different models")
	}
	if got := tg.Tag(sents[3].Tokens); !slices.Equal(got, sents[3].Tags) {
		t.Errorf("Tag(%q) = %q, want %q", sents[3].Tokens, got, sents[3].Tags)
	}
}

func FuzzNEREntities(f *testing.F) {
	for _, s := range sampleSentences {
		f.Add(strings.Join(s, " "))
	}
	f.Add("قال بوتين\n\nفي موسكو،  «لا»  ي مكننا 2017 ﺍﻟﺴﻼﻢ\u200f وَرُوسيا")
	f.Add("\xff\xfeبشار\x00الأسد")
	tg := Default()
	f.Fuzz(func(t *testing.T, text string) {
		for _, toks := range [][]arabic.Token{arabic.Tokenize(text), arabic.NewAnalyzer(arabic.Options{}).Analyze(text)} {
			prev := 0
			for _, e := range tg.Entities(text, toks) {
				if e.Start < prev || e.Start >= e.End || e.End > len(text) {
					t.Fatalf("entity %+v out of order or out of bounds (len %d)", e, len(text))
				}
				if e.Text != text[e.Start:e.End] {
					t.Fatalf("entity %+v: Text is not text[Start:End]", e)
				}
				if utf8.ValidString(text) && !utf8.ValidString(e.Text) {
					t.Fatalf("entity %+v cuts a character", e)
				}
				switch e.Type {
				case "PER", "LOC", "ORG", "MISC":
				default:
					t.Fatalf("entity %+v: type %q", e, e.Type)
				}
				prev = e.End
			}
		}
	})
}

// TestNERConcurrent tags from several goroutines at once with a fresh
// tagger, whose cache fills as they go (run with -race).
func TestNERConcurrent(t *testing.T) {
	sub, err := fs.Sub(embedded, "model")
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Load(sub)
	if err != nil {
		t.Fatal(err)
	}
	want := Default().TagDocument(sampleSentences, DefaultWindow)
	done := make(chan [][]string)
	for range 4 {
		go func() { done <- tg.TagDocument(sampleSentences, DefaultWindow) }()
	}
	for range 4 {
		got := <-done
		for i := range want {
			if !slices.Equal(got[i], want[i]) {
				t.Errorf("sentence %d: %q, want %q", i, got[i], want[i])
			}
		}
	}
}
