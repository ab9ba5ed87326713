package ner

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/isnad-project/isnad/arabic"
)

// Readers of the public data that training uses (../shared/eval). They
// know the layout of each corpus; see the PROVENANCE.md of each.

// AddSentences adds the tokens of tagged sentences to the corpus
// (normalized, punctuation left out).
func AddSentences(c *Corpus, sents []Sentence) {
	var words []string
	for _, s := range sents {
		words = words[:0]
		for _, t := range s.Tokens {
			if w := corpusWord(arabic.Normalize(t)); w != "" {
				words = append(words, w)
			}
		}
		c.Add(words)
	}
}

// corpusWord returns the form a normalized token takes in a corpus for
// clustering: "" for punctuation, <num> for anything with a digit.
func corpusWord(w string) string {
	hasLetter := false
	for _, r := range w {
		if r >= '0' && r <= '9' {
			return "<num>"
		}
		if unicode.IsLetter(r) {
			hasLetter = true
		}
	}
	if !hasLetter {
		return ""
	}
	return w
}

// A lineAdder adds lines of text to a corpus, each distinct line once:
// wire copy and page furniture repeat across articles and would weigh
// their bigrams many times over.
type lineAdder struct {
	c     *Corpus
	seen  map[uint64]bool
	words []string
	lines int
}

func (la *lineAdder) add(text string) {
	for line := range strings.SplitSeq(text, "\n") {
		h := hashString(1, strings.TrimSpace(line))
		if la.seen[h] {
			continue
		}
		la.seen[h] = true
		la.words = la.words[:0]
		for _, t := range arabic.Tokenize(line) {
			if w := corpusWord(arabic.Normalize(t.Text)); w != "" {
				la.words = append(la.words, w)
			}
		}
		if len(la.words) > 0 {
			la.c.Add(la.words)
			la.lines++
		}
	}
}

// AddNews adds the articles of the unlabeled news corpora under dir to c
// (see eachNews). It returns the number of distinct lines added from each
// corpus.
func AddNews(c *Corpus, dir string) (map[string]int, error) {
	la := &lineAdder{c: c, seen: map[uint64]bool{}}
	counts := map[string]int{}
	err := eachNews(dir, func(corpus, text string) bool {
		before := la.lines
		la.add(text)
		counts[corpus] += la.lines - before
		return true
	})
	return counts, err
}

// NewsLines returns the distinct lines of the unlabeled news corpora under
// dir (see eachNews), in order, until they hold maxWords words.
func NewsLines(dir string, maxWords int) ([]string, error) {
	seen := map[uint64]bool{}
	var lines []string
	words := 0
	err := eachNews(dir, func(_, text string) bool {
		for line := range strings.SplitSeq(text, "\n") {
			line = strings.TrimSpace(line)
			h := hashString(1, line)
			if line == "" || seen[h] {
				continue
			}
			seen[h] = true
			lines = append(lines, line)
			words += strings.Count(line, " ") + 1
			if words >= maxWords {
				return false
			}
		}
		return true
	})
	return lines, err
}

// eachNews calls fn with the texts of the unlabeled news corpora under
// dir, in order, until fn returns false: baly2018/dataset/*.json (war
// news, 2011–2018: field "article", a list of texts) and
// saudinewsnet/dataset/*.zip (Saudi papers, 2015: a JSON array of objects
// with "title" and "content"). Files are read in name order.
func eachNews(dir string, fn func(corpus, text string) bool) error {
	baly, err := filepath.Glob(filepath.Join(dir, "baly2018", "dataset", "*.json"))
	if err != nil {
		return err
	}
	slices.Sort(baly)
	zips, err := filepath.Glob(filepath.Join(dir, "saudinewsnet", "dataset", "*.zip"))
	if err != nil {
		return err
	}
	slices.Sort(zips)
	if len(baly)+len(zips) == 0 {
		return fmt.Errorf("no news under %s (want baly2018/dataset/*.json, saudinewsnet/dataset/*.zip)", dir)
	}
	for _, name := range baly {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		var rec struct {
			Article []string `json:"article"`
		}
		if err := json.Unmarshal(data, &rec); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, a := range rec.Article {
			if !fn("baly2018", a) {
				return nil
			}
		}
	}
	for _, name := range zips {
		more, err := eachZip(name, func(text string) bool { return fn("saudinewsnet", text) })
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if !more {
			return nil
		}
	}
	return nil
}

// eachZip calls fn with the titles and contents of the JSON files of a zip
// of SaudiNewsNet; it reports false if fn stopped it.
func eachZip(name string, fn func(text string) bool) (bool, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return false, err
	}
	defer zr.Close()
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false, err
		}
		var recs []struct {
			Title   string `json:"title"`
			Content string `json:"content"`
		}
		err = json.NewDecoder(rc).Decode(&recs)
		rc.Close()
		if err != nil {
			return false, fmt.Errorf("%s: %w", f.Name, err)
		}
		for _, r := range recs {
			if !fn(r.Title) || !fn(r.Content) {
				return false, nil
			}
		}
	}
	return true, nil
}

// Places returns the Arabic place names of a GeoNames table with Arabic
// names (gazetteer_geonames/cities15000_with_arabic.tsv: a header line,
// then tab-separated columns of which name_ar_debian and
// alt_names_arabic_script, '|'-separated, hold Arabic names), normalized,
// sorted and without repeats. Names with letters other than Arabic are
// left out.
func Places(r io.Reader) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	if !sc.Scan() {
		return nil, fmt.Errorf("no header: %v", sc.Err())
	}
	cols := strings.Split(sc.Text(), "\t")
	ar, alt := slices.Index(cols, "name_ar_debian"), slices.Index(cols, "alt_names_arabic_script")
	if ar < 0 || alt < 0 {
		return nil, fmt.Errorf("header lacks name_ar_debian or alt_names_arabic_script")
	}
	seen := map[string]bool{}
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) <= max(ar, alt) {
			continue
		}
		for _, name := range append([]string{f[ar]}, strings.Split(f[alt], "|")...) {
			n := strings.Join(strings.Fields(arabic.Normalize(name)), " ")
			if n != "" && onlyArabic(n) {
				seen[n] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out, nil
}

func onlyArabic(s string) bool {
	for _, r := range s {
		if r != ' ' && (r < 0x0621 || r > 0x064A) {
			return false
		}
	}
	return true
}
