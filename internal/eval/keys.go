package eval

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
	"github.com/isnad-project/isnad/internal/ingest"
)

// The keys evaluation measures how often a spelling-variant key joins
// distinct words, over the vocabulary of SaudiNewsNet (about 9 million
// words of Saudi news, July and August 2015; its licence allows research
// use only, so it is read at run time and nothing derived from it is kept).
//
// The vocabulary. Every token of every title and text, by arabic.Tokenize,
// counts for its type, arabic.Normalize of the token. A type is keyed and
// stemmed through its most frequent spelling, since Normalize folds ة into
// ه, which the stemmer reads. A type is frequent if it occurs 20 times or
// more, is made of Arabic letters, and is not a stopword.
//
// A merge. The frequent types that share a key form its group. A type is
// merged if its group holds a frequent type with another light stem
// (arabic.Stem): the key joins what the stemmer keeps apart. That is an
// upper bound on false merges, since it counts spelling variants
// (مسؤول, مسئول) and the stemmer's own misses (لاعب, لاعبيه) too. A merge
// is a consonant merge if the two stems differ in a consonant: compared
// without long vowels and hamza seats after the first letter, with ة as ه,
// the g-sound letters غ ج ق ك as one, and without a final ه. Spelling
// variants of Arabic words and most transliteration variants differ in no
// consonant; distinct words mostly do (منطقة, منتج), though not all
// (كاتب, كتب): the hand-checked sample in the report of issue 3 gives the
// precision.
//
// The index matches keys of four letters or more only, so the figures are
// given for those keys and for all.

// keysMinCount is how often a type must occur to count as frequent.
const keysMinCount = 20

// A Vocab counts the word types of a corpus.
type Vocab struct {
	Tokens int
	Types  map[string]*WordType // by arabic.Normalize of the token
}

// A WordType is one type of a Vocab.
type WordType struct {
	Count    int
	Spelling string // its most frequent spelling
	// spellings counts each spelling until the vocabulary is complete.
	spellings map[string]int
}

// add counts one token.
func (v *Vocab) add(tok string) {
	norm := arabic.Normalize(tok)
	t := v.Types[norm]
	if t == nil {
		t = &WordType{spellings: map[string]int{}}
		v.Types[norm] = t
	}
	t.Count++
	t.spellings[tok]++
	v.Tokens++
}

// done picks each type's spelling and drops the counts of spellings.
func (v *Vocab) done() {
	for _, t := range v.Types {
		best := -1
		for s, n := range t.spellings {
			if n > best || n == best && s < t.Spelling {
				t.Spelling, best = s, n
			}
		}
		t.spellings = nil
	}
}

// LoadVocab reads the articles of paths (files, archives or directories,
// as ingest.Walk reads them) and counts the types of their titles and
// texts. An article that cannot be read is skipped; its problem is
// counted and returned as the second result.
func LoadVocab(ctx context.Context, paths []string) (*Vocab, int, error) {
	v := &Vocab{Types: map[string]*WordType{}}
	problems := 0
	err := ingest.Walk(ctx, paths, func(d ingest.Document) error {
		for _, s := range []string{d.Article.Title, d.Article.Text} {
			for _, t := range arabic.Tokenize(s) {
				v.add(t.Text)
			}
		}
		return nil
	}, func(*ingest.Problem) { problems++ })
	if err != nil {
		return nil, problems, err
	}
	v.done()
	return v, problems, nil
}

// A KeyFunc keys one word, as arabic.Key does.
type KeyFunc func(word string) string

// KeyStats are the merges a key makes on the frequent types of a Vocab.
type KeyStats struct {
	Types     int // frequent types whose key is long enough
	Groups    int // distinct keys among them
	Merged    int // types whose group holds another stem
	Consonant int // types whose group holds a stem that differs in a consonant
	Pairs     []KeyPair
	Top       []KeyGroup // the groups that pull most tokens away from their stem
}

// A KeyPair is two stems that a key joins, each shown by its most
// frequent type's spelling.
type KeyPair struct {
	Key, A, B string
	Consonant bool // the stems differ in a consonant
}

// A KeyGroup is the stems of one key with their token counts, most
// frequent first.
type KeyGroup struct {
	Key    string
	Stems  []string
	Counts []int
	Pulled int // tokens of all stems but the first
}

// MeasureKeys keys the frequent types of v whose key has minRunes letters
// or more and counts the merges.
func MeasureKeys(v *Vocab, key KeyFunc, minRunes int) KeyStats {
	type member struct {
		stem, spelling string
		count          int
	}
	groups := map[string][]member{}
	var st KeyStats
	for norm, t := range v.Types {
		if t.Count < keysMinCount || !arabicLettersOnly(norm) || arabic.IsStopword(t.Spelling) {
			continue
		}
		k := key(t.Spelling)
		if utf8.RuneCountInString(k) < minRunes {
			continue
		}
		st.Types++
		groups[k] = append(groups[k], member{arabic.Stem(t.Spelling), t.Spelling, t.Count})
	}
	st.Groups = len(groups)
	for k, ms := range groups {
		// The stems of the group, with their tokens and best spelling.
		var g KeyGroup
		g.Key = k
		best := map[string]member{}
		tokens := map[string]int{}
		for _, m := range ms {
			tokens[m.stem] += m.count
			if b, ok := best[m.stem]; !ok || m.count > b.count || m.count == b.count && m.spelling < b.spelling {
				best[m.stem] = m
			}
		}
		if len(tokens) < 2 {
			continue
		}
		for s := range tokens {
			g.Stems = append(g.Stems, s)
		}
		slices.SortFunc(g.Stems, func(a, b string) int {
			return cmp.Or(cmp.Compare(tokens[b], tokens[a]), strings.Compare(a, b))
		})
		for i, s := range g.Stems {
			g.Counts = append(g.Counts, tokens[s])
			if i > 0 {
				g.Pulled += tokens[s]
			}
		}
		st.Top = append(st.Top, g)
		st.Merged += len(ms)
		for _, m := range ms {
			for s := range tokens {
				if stemConsonants(s) != stemConsonants(m.stem) {
					st.Consonant++
					break
				}
			}
		}
		for i, a := range g.Stems {
			for _, b := range g.Stems[i+1:] {
				st.Pairs = append(st.Pairs, KeyPair{k, best[a].spelling, best[b].spelling, stemConsonants(a) != stemConsonants(b)})
			}
		}
	}
	slices.SortFunc(st.Top, func(a, b KeyGroup) int {
		return cmp.Or(cmp.Compare(b.Pulled, a.Pulled), strings.Compare(a.Key, b.Key))
	})
	slices.SortFunc(st.Pairs, func(a, b KeyPair) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.A, b.A), strings.Compare(a.B, b.B))
	})
	return st
}

// Sample returns n of the pairs, drawn at random with a fixed seed, so
// that a run gives the same sample until the key changes.
func (st KeyStats) Sample(n int) []KeyPair {
	ps := slices.Clone(st.Pairs)
	r := rand.New(rand.NewPCG(3, 2015))
	r.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	return ps[:min(n, len(ps))]
}

// arabicLettersOnly reports whether s is made of the letters ء to ي.
func arabicLettersOnly(s string) bool {
	for _, r := range s {
		if r < arabic.Hamza || r > arabic.Yeh || r == arabic.Tatweel {
			return false
		}
	}
	return s != ""
}

// stemConsonants returns the consonants of a stem as the measure compares
// them: the first letter, then the others less the long vowels and the
// hamza seats, with ة as ه, غ ج ق as ك, and without a final ه.
func stemConsonants(stem string) string {
	var b strings.Builder
	for i, r := range stem {
		switch r {
		case arabic.Alef, arabic.Waw, arabic.Yeh, arabic.AlefMaksura, arabic.Hamza,
			arabic.AlefHamzaAbove, arabic.AlefHamzaBelow, arabic.AlefMadda,
			arabic.WawHamzaAbove, arabic.YehHamzaAbove:
			if i > 0 {
				continue
			}
		case arabic.TehMarbuta:
			r = arabic.Heh
		case arabic.Ghain, arabic.Jeem, arabic.Qaf:
			r = arabic.Kaf
		}
		b.WriteRune(r)
	}
	s := b.String()
	if t, ok := strings.CutSuffix(s, string(arabic.Heh)); ok && t != "" {
		s = t
	}
	return s
}

// keyFuncs are the keys the evaluation compares: arabic.Key, the key of
// running text, and arabic.NameKey, the skeleton of every word, which was
// the key of every word before issue 3.
var keyFuncs = []struct {
	name string
	f    KeyFunc
}{
	{"Key", arabic.Key},
	{"NameKey", arabic.NameKey},
}

// indexedKeyRunes is the shortest key internal/index matches on.
const indexedKeyRunes = 4

// Keys measures the merges of arabic.Key and arabic.NameKey on the
// vocabulary of SaudiNewsNet, and how many tokens arabic.PlaceKey keys.
// With opts.WorkDir set, it writes the groups and a sample of 100 merged
// pairs of each key there (keys-<name>.tsv) for checking by hand.
func Keys(ctx context.Context, dir string, opts Options) ([]Figure, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "saudinewsnet", "dataset", "*.zip"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return []Figure{{Stage: "keys", Metric: "Key: frequent types merged with another stem",
			Split: "saudinewsnet", Note: "not available: no data at " + filepath.Join(dir, "saudinewsnet", "dataset")}}, nil
	}
	start := time.Now()
	v, problems, err := LoadVocab(ctx, paths)
	if err != nil {
		return nil, err
	}
	opts.logf("keys: %d tokens, %d types in %d files (%d unreadable articles) in %s", v.Tokens, len(v.Types), len(paths), problems, since(start))

	var figs []Figure
	for _, kf := range keyFuncs {
		for _, minRunes := range []int{indexedKeyRunes, 0} {
			st := MeasureKeys(v, kf.f, minRunes)
			split := fmt.Sprintf("saudinewsnet, %d days: %d types ≥%d times", len(paths), st.Types, keysMinCount)
			scope := "keys of 4+ letters (indexed)"
			if minRunes == 0 {
				scope = "all keys"
			}
			pct := func(n int) float64 { return 100 * float64(n) / float64(max(st.Types, 1)) }
			figs = append(figs,
				Figure{Stage: "keys", Metric: kf.name + ": frequent types merged with another stem", Value: pct(st.Merged), Format: "%.1f%%", Split: split, Note: scope, Available: true},
				Figure{Stage: "keys", Metric: kf.name + ": … with a stem differing in a consonant", Value: pct(st.Consonant), Format: "%.1f%%", Split: split, Note: scope, Available: true},
				Figure{Stage: "keys", Metric: kf.name + ": key groups", Value: float64(st.Groups), Format: "%.0f", Split: split, Note: fmt.Sprintf("%s; %d merged stem pairs", scope, len(st.Pairs)), Available: true},
			)
			if minRunes == indexedKeyRunes {
				opts.logf("keys: %s, %s: top groups (key: stems with tokens):", kf.name, scope)
				for _, g := range st.Top[:min(15, len(st.Top))] {
					opts.logf("  %s", formatKeyGroup(g))
				}
				if err := writeKeyReport(opts.WorkDir, kf.name, st); err != nil {
					return nil, err
				}
			}
		}
	}

	placed, places := 0, map[string]bool{}
	for _, t := range v.Types {
		if k, ok := arabic.PlaceKey(t.Spelling); ok {
			placed += t.Count
			places[k] = true
		}
	}
	figs = append(figs, Figure{Stage: "keys", Metric: "PlaceKey: tokens naming a place", Value: 100 * float64(placed) / float64(max(v.Tokens, 1)),
		Format: "%.2f%%", Split: fmt.Sprintf("saudinewsnet, %d days: %d tokens", len(paths), v.Tokens),
		Note: fmt.Sprintf("%d places of words/places.txt seen", len(places)), Available: true})
	return figs, nil
}

// formatKeyGroup writes a group as "key: stem 123, stem 45".
func formatKeyGroup(g KeyGroup) string {
	var b strings.Builder
	b.WriteString(g.Key + ":")
	for i, s := range g.Stems[:min(8, len(g.Stems))] {
		fmt.Fprintf(&b, " %s %d", s, g.Counts[i])
	}
	if len(g.Stems) > 8 {
		fmt.Fprintf(&b, " (and %d more)", len(g.Stems)-8)
	}
	return b.String()
}

// writeKeyReport writes, when dir is not empty, the merged groups of a key
// and a sample of 100 of its merged pairs to dir/keys-<name>.tsv.
func writeKeyReport(dir, name string, st KeyStats) error {
	if dir == "" {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %d frequent types, %d merged, %d in a consonant, %d pairs\n", name, st.Types, st.Merged, st.Consonant, len(st.Pairs))
	b.WriteString("# sample of 100 merged pairs: n, key, a, b, differ in a consonant\n")
	for i, p := range st.Sample(100) {
		fmt.Fprintf(&b, "sample\t%d\t%s\t%s\t%s\t%v\n", i+1, p.Key, p.A, p.B, p.Consonant)
	}
	b.WriteString("# groups: tokens pulled from their first stem, then the group\n")
	for _, g := range st.Top {
		fmt.Fprintf(&b, "group\t%d\t%s\n", g.Pulled, formatKeyGroup(g))
	}
	return os.WriteFile(filepath.Join(dir, "keys-"+name+".tsv"), []byte(b.String()), 0o644)
}
