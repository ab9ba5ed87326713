// Package samples holds isnad's sample corpus: thirteen short Arabic news
// articles (twelve distinct texts) about one invented event, an air strike on
// a depot near the invented town of وادي السنديان, as five invented outlets
// reported it. Everything in it was written for isnad; nothing is taken from
// a real article. It is embedded so that the binary can run a demo offline
// and tests have a small input whose facts are fully known.
//
// The gold claims (the format of the project's claim guideline) are in
// GoldClaims; README.md lists the storyline, the files, the duplicate and
// near-duplicate pairs, the spelling variants and the expected figures.
package samples

import (
	"embed"
	"io/fs"
)

// FS holds the articles under the directory "articles", one UTF-8 text file
// each: the headline on the first line, then the body.
//
//go:embed articles/*.txt
var FS embed.FS

// GoldClaims is claims.jsonl: one JSON record per article,
// {"doc": file name, "claims": [...]}, annotated by hand.
//
//go:embed claims.jsonl
var GoldClaims []byte

// Files returns the articles as a file system whose root is the articles
// directory, so names are bare file names such as "01_ufuq_strike.txt".
func Files() fs.FS {
	sub, err := fs.Sub(FS, "articles")
	if err != nil {
		// fs.Sub fails only for an invalid path; "articles" is valid.
		panic(err)
	}
	return sub
}
