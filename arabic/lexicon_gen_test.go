package arabic

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The segmenter's data files are made from their sources by this test, run
// by hand (see words/NOTICE.md):
//
//	apt-get install hunspell-ar
//	go test ./arabic -run TestGenerateLexicon -gen-lexicon
//
// It reads Debian's hunspell-ar dictionary, the train split of ANERcorp and
// the train part (sections 1–4) of the Farasa WikiNews gold from
// ../shared/eval, and rewrites words/hunspell-ar.txt.gz,
// words/anercorp-freq.txt.gz and words/farasa-train.txt.gz.
var genLexicon = flag.Bool("gen-lexicon", false, "regenerate the segmenter's word lists in words/ from their sources")

// Where the sources are.
var (
	hunspellDic  = "/usr/share/hunspell/ar.dic"
	anercorpPath = filepath.Join(evalDir, "anercorp", "camel_split_approx_csabty", "ANERcorp_train.txt")
	farasaPath   = filepath.Join(evalDir, "wikinews_farasa_gold", "WikiNews.pos.ref")
)

// evalDir is the shared evaluation data beside the repository.
var evalDir = filepath.Join("..", "..", "shared", "eval")

func TestGenerateLexicon(t *testing.T) {
	if !*genLexicon {
		t.Skip("run with -gen-lexicon to regenerate words/*.gz")
	}
	writeGz(t, "words/hunspell-ar.txt.gz", hunspellHeader, hunspellLines(t))
	writeGz(t, "words/anercorp-freq.txt.gz", anercorpHeader, anercorpLines(t))
	writeGz(t, "words/farasa-train.txt.gz", farasaHeader, farasaTrainLines(t))
}

const hunspellHeader = `# Arabic words of the Ayaspell dictionary (hunspell-ar, Debian package,
# ar.dic of 2012), (c) 2006-2008 Mohamed Kebdani; tri-licensed, taken here
# under the Mozilla Public License 1.1 (see NOTICE.md). Derived by isnad:
# the words only, without affix flags and morphology, harakat removed; one
# word a line, then a tab and its sections: s stopwords.dic, t tools.dic,
# n names.dic (nouns), v verb.huns.dic.
`

const anercorpHeader = `# Word counts of the train split of ANERcorp (Benajiba & Rosso, 2007;
# CAMeL Lab split, copy of CSabty/ANERcorp-Correction), licensed CC BY-SA
# 4.0 (see NOTICE.md). Derived by isnad: tokens of Arabic letters,
# harakat removed, counted; one word a line, then a tab and its count,
# then a tab and how many times it was tagged part of a named entity.
`

const farasaHeader = `# The train part (sections 1-4 of 7, lines 2-11188) of WikiNews.pos.ref,
# the segmentation and POS gold of the Farasa segmenter by QCRI
# (github.com/kdarwish/Farasa): "Feel free to copy and distribute the
# files." Copied verbatim (CR removed): segments joined by +, a tab, tags.
`

// hunspellLines returns "word<TAB>sections" for the words of ar.dic.
func hunspellLines(t *testing.T) []string {
	f, err := os.Open(hunspellDic)
	if err != nil {
		t.Fatalf("%v (apt-get install hunspell-ar)", err)
	}
	defer f.Close()
	sections := map[string]byte{"stopwords.dic": 's', "tools.dic": 't', "names.dic": 'n', "verb.huns.dic": 'v'}
	var sec byte
	words := map[string][]byte{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if c, ok := sections[line]; ok {
			sec = c
			continue
		}
		if sec == 0 {
			continue
		}
		w, _, _ := strings.Cut(line, "/")
		w, _, _ = strings.Cut(w, "\t")
		w = normalize(strings.TrimSpace(w), false)
		if !isArabicWord(foldVariants(w)) {
			continue
		}
		if !bytes.Contains(words[w], []byte{sec}) {
			words[w] = append(words[w], sec)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	var out []string
	for w, s := range words {
		slices.Sort(s)
		out = append(out, w+"\t"+string(s))
	}
	slices.Sort(out)
	return out
}

// anercorpLines returns "word<TAB>count" for the Arabic tokens of the
// ANERcorp train split, most frequent first.
func anercorpLines(t *testing.T) []string {
	f, err := os.Open(anercorpPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	counts := map[string]int{}
	names := map[string]int{} // tagged as part of a named entity
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		w := normalize(fields[0], false)
		if isArabicWord(foldVariants(w)) {
			counts[w]++
			if len(fields) > 1 && fields[1] != "O" {
				names[w]++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	type wc struct {
		w string
		n int
	}
	var all []wc
	for w, n := range counts {
		all = append(all, wc{w, n})
	}
	slices.SortFunc(all, func(a, b wc) int { return cmp.Or(b.n-a.n, strings.Compare(a.w, b.w)) })
	out := make([]string, len(all))
	for i, x := range all {
		out[i] = fmt.Sprintf("%s\t%d\t%d", x.w, x.n, names[x.w])
	}
	return out
}

// farasaTrainLines returns the lines of the train part of the gold.
func farasaTrainLines(t *testing.T) []string {
	gold, err := readFarasaGold(farasaPath)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, g := range gold[:farasaTrainWords] {
		out = append(out, g.segs+"\t"+g.tags)
	}
	return out
}

func writeGz(t *testing.T, name, header string, lines []string) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(header))
	for _, l := range lines {
		zw.Write([]byte(l + "\n"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %d lines, %d bytes", name, len(lines), buf.Len())
}
