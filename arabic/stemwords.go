package arabic

import (
	"embed"
	"strings"
)

// The hand-written word lists of words/*.txt overrule the segmenter
// (segment.go): words that begin with a letter that could be a proclitic
// but is not (وزير, بريطانيا, سياسة), words whose final ه is no pronoun
// (يواجه), and words whose ون or ين is no plural ending (فلسطين, for the
// stemmer's endings). We wrote them by hand from the frequent words of
// Arabic news, and checked them against the word frequencies of a news
// corpus that is not part of the repository. They are data: extend them
// when a frequent word is cut wrongly. The segmenter's learned data is in
// words/*.gz (see lexicon.go and words/NOTICE.md).

//go:embed words/*.txt
var wordFiles embed.FS

// wordList returns the words of words/name, without its # comment lines,
// as one space-separated string.
func wordList(name string) string {
	b, err := wordFiles.ReadFile("words/" + name)
	if err != nil {
		panic("arabic: missing embedded word list: " + err.Error()) // a build error
	}
	var out []string
	for line := range strings.Lines(string(b)) {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			out = append(out, line)
		}
	}
	return strings.Join(out, " ")
}

var (
	conjKeep   = newKeepSet(wordList("conj.txt"))   // begin with و or ف
	prepKeep   = newKeepSet(wordList("prep.txt"))   // begin with ب or ل
	futureKeep = newKeepSet(wordList("future.txt")) // begin with س
	pluralKeep = newWordSet(wordList("plural.txt")) // end in ون or ين
	enclKeep   = newWordSet(wordList("encl.txt"))   // end in ه of the word
)
