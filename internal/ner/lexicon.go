package ner

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/isnad-project/isnad/arabic"
)

// A Lexicon is what the tagger knows of words apart from its weights: the
// word lists and the word clusters. It is safe for concurrent use once
// built.
type Lexicon struct {
	an  *arabic.Analyzer
	gaz *gazetteer
	// clusters maps a normalized word to its path in the cluster tree.
	clusters map[string]string
	cache    sync.Map // token → *entry
	cached   atomic.Int64
	// print is a hash of everything read into the lexicon, in order: a
	// model records the print of the lexicon it was trained with.
	print uint64
}

// absorb reads all of r and folds it into the print.
func (l *Lexicon) absorb(r io.Reader) (*bytes.Reader, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	l.print = mix(l.print ^ hashString(uint64(len(b)), string(b)))
	return bytes.NewReader(b), nil
}

// Fingerprint returns a hash of the lists and clusters read, in the order
// they were read.
func (l *Lexicon) Fingerprint() uint64 { return l.print }

// NewLexicon returns a lexicon with no lists and no clusters.
func NewLexicon() *Lexicon {
	return &Lexicon{an: arabic.NewAnalyzer(arabic.Options{NoRepair: true}), gaz: newGazetteer()}
}

// ReadLists adds the word lists of r, in the format of gazetteer.txt.
func (l *Lexicon) ReadLists(r io.Reader) error {
	br, err := l.absorb(r)
	if err != nil {
		return err
	}
	return l.gaz.readLists(br)
}

// ReadPlaces adds the place names of r, one a line, as list "geo".
func (l *Lexicon) ReadPlaces(r io.Reader) error {
	br, err := l.absorb(r)
	if err != nil {
		return err
	}
	return l.gaz.readPlaces(br)
}

// ReadClusters reads word clusters written by Clusters.Write: one word a
// line, "path<TAB>word", the path of 0s and 1s.
func (l *Lexicon) ReadClusters(r io.Reader) error {
	br, err := l.absorb(r)
	if err != nil {
		return err
	}
	data := make([]byte, br.Len())
	br.Read(data)
	text := string(data)
	l.clusters = make(map[string]string, strings.Count(text, "\n")+1)
	paths := map[string]string{} // one copy of each path
	line := 0
	for rest := text; rest != ""; {
		var s string
		s, rest, _ = strings.Cut(rest, "\n")
		line++
		path, w, ok := strings.Cut(s, "\t")
		if !ok || path == "" || strings.Trim(path, "01") != "" {
			return fmt.Errorf("clusters line %d: want path<TAB>word", line)
		}
		if p, ok := paths[path]; ok {
			path = p
		} else {
			paths[path] = path
		}
		l.clusters[w] = path
	}
	return nil
}

// known reports whether the lexicon knows a normalized word: it has a
// cluster or starts an entry of the word lists.
func (l *Lexicon) known(w string) bool {
	if _, ok := l.clusters[w]; ok {
		return true
	}
	return l.gaz.phrases[w] != 0 || l.gaz.firsts[w]
}

// word reads one token.
func (l *Lexicon) word(tok string) word {
	w := analyze(l.an, tok)
	if l.clusters != nil {
		for _, k := range [...]string{w.norm, w.keyAl, w.core} {
			if c, ok := l.clusters[k]; ok {
				w.cluster = c
				break
			}
		}
	}
	return w
}

// An entry is what the lexicon makes of a token on its own: the word and
// its atoms.
type entry struct {
	w  word
	at atoms
}

// entry reads one token into an entry.
func (l *Lexicon) entry(tok string) *entry {
	e := &entry{w: l.word(tok)}
	atomize(&e.w, &e.at)
	return e
}

// sentence fills s with the entries ents of the tokens of a sentence:
// their atoms and the word lists found.
func (l *Lexicon) sentence(ents []*entry, s *sentence) {
	s.at = s.at[:0]
	for _, e := range ents {
		s.at = append(s.at, &e.at)
	}
	s.begin = grow(s.begin, len(ents))
	s.inside = grow(s.inside, len(ents))
	clear(s.begin)
	clear(s.inside)
	l.gaz.match(ents, s.begin, s.inside)
}
