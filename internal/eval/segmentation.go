package eval

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/isnad-project/isnad/arabic"
)

// The Farasa WikiNews gold, WikiNews.pos.ref: a header line, then one word
// a line (18,300), its segments joined by + and a tab and their POS tags.
// Seven sections, each opened by a line "#"; isnad's segmenter learned
// from sections 1–4 (the first farasaTrainWords words), so sections 5–7
// are the held-out test.
const (
	farasaGoldFile   = "WikiNews.pos.ref"
	farasaTrainWords = 11187 // lines 2–11188
)

// farasaWord is one word of the gold: its segments and POS tags.
type farasaWord struct {
	segs []string
	tags []string
}

// readFarasaGold reads WikiNews.pos.ref.
func readFarasaGold(path string) ([]farasaWord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []farasaWord
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue
		}
		segs, tags, ok := strings.Cut(strings.TrimRight(sc.Text(), "\r"), "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want segments<TAB>tags", path, line)
		}
		out = append(out, farasaWord{strings.Split(segs, "+"), strings.Split(tags, "+")})
	}
	return out, sc.Err()
}

// segScore counts the words a segmenter gets exactly right.
type segScore struct{ right, words, arRight, arWords int }

func (s segScore) all() float64    { return float64(s.right) / float64(max(s.words, 1)) }
func (s segScore) arabic() float64 { return float64(s.arRight) / float64(max(s.arWords, 1)) }

// scoreFarasa runs arabic.SegmentFarasa on each word of gold (written as
// arabic.JoinFarasa spells its segments) and counts exact matches, among
// all words and among the words of Arabic letters.
func scoreFarasa(gold []farasaWord) segScore {
	var s segScore
	for _, g := range gold {
		word := arabic.JoinFarasa(g.segs)
		ok := slices.Equal(arabic.SegmentFarasa(word), g.segs)
		s.words++
		if ok {
			s.right++
		}
		if isArabicLetters(word) {
			s.arWords++
			if ok {
				s.arRight++
			}
		}
	}
	return s
}

// isArabicLetters reports whether w is made of letters of the Arabic block
// only.
func isArabicLetters(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < 0x621 || r > 0x64A {
			return false
		}
	}
	return true
}

// cliticScore counts the words whose proclitics and enclitic pronoun
// (isnad's convention: Token.Segments) match the gold, among the Arabic
// words that are not stopwords.
func cliticScore(gold []farasaWord) segScore {
	isPro := map[string]bool{"و": true, "ف": true, "ب": true, "ك": true, "ل": true, "ال": true, "س": true}
	isEncl := map[string]bool{"ه": true, "ها": true, "هم": true, "هما": true, "هن": true, "كم": true, "كما": true, "كن": true, "نا": true, "ني": true}
	proTag := map[string]bool{"CONJ": true, "PREP": true, "DET": true, "FUT_PART": true}
	a := arabic.NewAnalyzer(arabic.Options{})
	var s segScore
	for _, g := range gold {
		word := arabic.JoinFarasa(g.segs)
		if len(g.segs) != len(g.tags) || !isArabicLetters(word) {
			continue
		}
		var want []string
		for i, seg := range g.segs {
			switch {
			case i < len(g.segs)-1 && isPro[seg] && len(want) == i && proTag[g.tags[i]]:
				want = append(want, arabic.Normalize(seg))
			case i == len(g.segs)-1 && i > len(want) && g.tags[i] == "PRON" && isEncl[seg]:
				want = append(want, "+"+seg)
			}
		}
		toks := a.Analyze(word)
		if len(toks) != 1 || toks[0].Stop {
			continue
		}
		var got []string
		ms := toks[0].Segments
		for i := 0; i < len(ms)-1 && isPro[ms[i]]; i++ {
			got = append(got, ms[i])
		}
		if len(ms) > len(got)+1 && isEncl[ms[len(ms)-1]] {
			got = append(got, "+"+ms[len(ms)-1])
		}
		s.arWords++
		if slices.Equal(got, want) {
			s.arRight++
		}
	}
	return s
}

// Segmentation measures arabic.SegmentFarasa on the Farasa WikiNews gold:
// the share of words segmented exactly as the gold, on the held-out
// sections 5–7 (the figure to quote) and on all seven sections (which
// include the four the segmenter learned from), among all words and among
// the words of Arabic letters; and, for isnad's own convention, the share
// of Arabic words (stopwords aside) whose clitics match.
func Segmentation(_ context.Context, dir string, opts Options) ([]Figure, error) {
	path := filepath.Join(dir, "wikinews_farasa_gold", farasaGoldFile)
	const base = "wikinews_farasa_gold/WikiNews.pos.ref"
	gold, err := readFarasaGold(path)
	if os.IsNotExist(err) {
		return []Figure{{Stage: "segmentation", Metric: "word accuracy (Farasa scheme)", Split: base,
			Note: "not available: no data at " + path}}, nil
	}
	if err != nil {
		return nil, err
	}
	if len(gold) <= farasaTrainWords {
		return nil, fmt.Errorf("%s: %d words, want more than the %d of the train part", path, len(gold), farasaTrainWords)
	}
	start := time.Now()
	held, all := scoreFarasa(gold[farasaTrainWords:]), scoreFarasa(gold)
	clitic := cliticScore(gold[farasaTrainWords:])
	opts.logf("segmentation: %d words segmented in %s", held.words+all.words, since(start))

	heldSplit := fmt.Sprintf("%s held out: sections 5-7 (lines %d-%d, %d words)", base, farasaTrainWords+2, len(gold)+1, held.words)
	allSplit := fmt.Sprintf("%s all: sections 1-7 (%d words; 1-4 trained on)", base, all.words)
	note := "arabic.SegmentFarasa, trained on sections 1-4; Farasa reports 0.989"
	return []Figure{
		{Stage: "segmentation", Metric: "word accuracy (Farasa scheme)", Value: held.all(), Split: heldSplit, Available: true,
			Note: fmt.Sprintf("%s; %d/%d words, punctuation and numbers included", note, held.right, held.words)},
		{Stage: "segmentation", Metric: "Arabic-word accuracy (Farasa scheme)", Value: held.arabic(), Split: heldSplit, Available: true,
			Note: fmt.Sprintf("%d/%d words of Arabic letters", held.arRight, held.arWords)},
		{Stage: "segmentation", Metric: "word accuracy (Farasa scheme)", Value: all.all(), Split: allSplit, Available: true,
			Note: fmt.Sprintf("%d/%d; not a test figure: includes the train part", all.right, all.words)},
		{Stage: "segmentation", Metric: "Arabic-word accuracy (Farasa scheme)", Value: all.arabic(), Split: allSplit, Available: true,
			Note: fmt.Sprintf("%d/%d; not a test figure: includes the train part", all.arRight, all.arWords)},
		{Stage: "segmentation", Metric: "clitic accuracy (isnad scheme)", Value: clitic.arabic(), Split: heldSplit, Available: true,
			Note: fmt.Sprintf("Token.Segments: proclitics and enclitic pronoun as the gold's, %d/%d Arabic non-stopwords", clitic.arRight, clitic.arWords)},
	}, nil
}
