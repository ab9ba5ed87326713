package ner

import (
	"slices"
	"strings"
	"testing"
)

func TestNERChunks(t *testing.T) {
	for _, c := range []struct {
		tags string
		want []Chunk
	}{
		{"O O", nil},
		{"B-PERS I-PERS O B-LOC", []Chunk{{0, 2, "PERS"}, {3, 4, "LOC"}}},
		// conlleval: an I- after O begins an entity; a type change ends one.
		{"O I-ORG I-ORG", []Chunk{{1, 3, "ORG"}}},
		{"B-PERS I-LOC", []Chunk{{0, 1, "PERS"}, {1, 2, "LOC"}}},
		{"B-PERS B-PERS", []Chunk{{0, 1, "PERS"}, {1, 2, "PERS"}}},
		// A tag outside the scheme continues what is open, as score_ner.py does.
		{"B-LOC OO- O", []Chunk{{0, 2, "LOC"}}},
		{"I-MISC", []Chunk{{0, 1, "MISC"}}},
	} {
		if got := Chunks(strings.Fields(c.tags)); !slices.Equal(got, c.want) {
			t.Errorf("Chunks(%q) = %v, want %v", c.tags, got, c.want)
		}
	}
}

func TestNERScore(t *testing.T) {
	gold := strings.Fields("B-PER I-PER O B-LOC O B-MIS1 I-MIS1 B-ORG")
	pred := strings.Fields("B-PERS I-PERS O B-LOC O B-MISC O B-LOC")
	cs := Score(gold, pred)
	want := Counts{
		"PERS": {Gold: 1, Predicted: 1, Correct: 1},
		"LOC":  {Gold: 1, Predicted: 2, Correct: 1},
		"MISC": {Gold: 1, Predicted: 1, Correct: 0},
		"ORG":  {Gold: 1, Predicted: 0, Correct: 0},
	}
	for typ, w := range want {
		if cs[typ] != w {
			t.Errorf("Score: %s = %+v, want %+v", typ, cs[typ], w)
		}
	}
	tot := cs.Total()
	if tot.Correct != 2 || tot.Gold != 4 || tot.Predicted != 4 {
		t.Errorf("Total = %+v", tot)
	}
	if p, r, f := tot.Precision(), tot.Recall(), tot.F1(); p != 0.5 || r != 0.5 || f != 0.5 {
		t.Errorf("P, R, F1 = %v %v %v, want 0.5 each", p, r, f)
	}
	if f := (Count{}).F1(); f != 0 {
		t.Errorf("F1 of nothing = %v", f)
	}
}

func TestNERNormalizeTag(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"O", "O"}, {"", "O"}, {"B-PER", "B-PERS"}, {"I-MIS3", "I-MISC"}, {"B-MIS-1", "B-MISC"},
		{"B-MIS1`", "B-MISC"}, {"B-SPANISH", "B-SPANISH"}, {"OO", "OO-"}, {"I--ORG", "I--ORG"},
	} {
		if got := NormalizeTag(c.in); got != c.want {
			t.Errorf("NormalizeTag(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNERReadCoNLL(t *testing.T) {
	in := "فرانكفورت B-LOC\n(د O\n\n\n  أعلن\tx\tO \nاتحاد B-ORG\r\n\nوحده\n"
	got, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"فرانكفورت", "(د"}, Tags: []string{"B-LOC", "O"}},
		{Tokens: []string{"أعلن", "اتحاد"}, Tags: []string{"O", "B-ORG"}},
		{Tokens: []string{"وحده"}},
	}
	if len(got) != len(want) {
		t.Fatalf("ReadCoNLL: %d sentences, want %d", len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i].Tokens, want[i].Tokens) || !slices.Equal(got[i].Tags, want[i].Tags) {
			t.Errorf("sentence %d = %q %q, want %q %q", i, got[i].Tokens, got[i].Tags, want[i].Tokens, want[i].Tags)
		}
	}
}
