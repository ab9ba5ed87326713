package ner

import "strings"

// The tags of the BIO scheme over the four ANERcorp entity types, in the
// order the model numbers them. B- begins an entity, I- continues the one
// before it, O is outside every entity.
var tagNames = [numTags]string{
	"O",
	"B-PERS", "I-PERS",
	"B-LOC", "I-LOC",
	"B-ORG", "I-ORG",
	"B-MISC", "I-MISC",
}

const (
	tagO    = 0
	numTags = 9
)

// Types are the entity types, as ANERcorp names them (Tag returns these)
// and as news.Entity names them (Entities returns these).
var (
	conllTypes = [...]string{"PERS", "LOC", "ORG", "MISC"}
	newsTypes  = [...]string{"PER", "LOC", "ORG", "MISC"}
)

// tagIndex returns the number of a tag, or -1 for a tag outside the
// scheme. The AQMAR and CoNLL spellings of the types are accepted (PER,
// MIS…), and anything after the type is ignored.
func tagIndex(tag string) int {
	if tag == "O" {
		return tagO
	}
	prefix, typ, ok := strings.Cut(tag, "-")
	if !ok || (prefix != "B" && prefix != "I") {
		return -1
	}
	t := typeIndex(typ)
	if t < 0 {
		return -1
	}
	i := 1 + 2*t
	if prefix == "I" {
		i++
	}
	return i
}

// typeIndex returns the number of an entity type (PERS 0, LOC 1, ORG 2,
// MISC 3), or -1.
func typeIndex(typ string) int {
	switch {
	case typ == "PERS" || typ == "PER":
		return 0
	case typ == "LOC":
		return 1
	case typ == "ORG":
		return 2
	case strings.HasPrefix(typ, "MIS"):
		return 3
	}
	return -1
}

// isInside reports whether tag i is an I- tag, and typeOf gives the type
// number of a B- or I- tag.
func isInside(i int) bool { return i != tagO && i%2 == 0 }
func typeOf(i int) int    { return (i - 1) / 2 }

// allowed reports whether tag j may follow tag i in a valid BIO sequence:
// an I- tag only continues a B- or I- tag of its own type. i is -1 at the
// start of a sentence.
func allowed(i, j int) bool {
	if !isInside(j) {
		return true
	}
	return i > tagO && typeOf(i) == typeOf(j)
}

// A Chunk is an entity in a sequence of tags: the tokens [Start, End) and
// its type as the tags spell it.
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks returns the entities a sequence of BIO tags marks, in the manner of
// conlleval: an entity begins at a B- tag, at an I- tag whose type differs
// from the entity before it, or at an I- tag after O, and ends before the
// next O, B- or type change. A tag that is neither O, B- nor I- continues
// whatever entity is open. Types are compared as written (the caller maps
// PER to PERS and the like first, if it wants them equal).
func Chunks(tags []string) []Chunk {
	var out []Chunk
	start, typ, open := 0, "", false
	for i := 0; i <= len(tags); i++ {
		t := "O"
		if i < len(tags) && tags[i] != "" {
			t = tags[i]
		}
		inside, isI := strings.CutPrefix(t, "I-")
		begin, isB := strings.CutPrefix(t, "B-")
		if t == "O" || isB || (isI && (!open || inside != typ)) || i == len(tags) {
			if open {
				out = append(out, Chunk{start, i, typ})
			}
			open = false
			if t != "O" && i < len(tags) {
				start, open = i, true
				typ = begin
				if isI {
					typ = inside
				}
			} else {
				typ = ""
			}
		}
	}
	return out
}
