// Package arabic analyzes Arabic text for search and matching: it splits
// text into tokens with byte offsets, normalizes them, removes clitics,
// stems them, and gives transliterated names a spelling-variant key.
//
// Go has no good library for this, so the package is written to be imported
// by other Go programs, not only by isnad: its API is small and stable, it
// depends only on the standard library and golang.org/x/text, and every
// function is safe for concurrent use.
//
// # Offsets and forms
//
// Analysis never changes the text. A [Token] points into the analyzed text
// with the half-open byte range [Start, End), and Text is always
// text[Start:End]; the forms used for matching sit beside it:
//
//	Text      والسوريّة   as written
//	Norm      والسوريه    Normalize: no harakat, one alef, ة → ه
//	Segments  و ال سوريه  clitics split off
//	Stem      سور         what a search matches on
//	Key       سر          joins spellings of a foreign name
//
// [Normalize] is the matching form of any string, [Tokenize] the tokens
// alone, and [Analyzer.Analyze] the whole chain; [Stem] and [Key] analyze
// one word, for instance a query term. [FoldPresentation] replaces
// presentation forms (ﺍﻟﺴﻼﻢ) with letters and keeps everything else, for
// text that is shown.
//
// # Scope
//
// The stemmer is light: it removes clitics and the common feminine,
// relational and plural endings, so that سوريا, السورية and لسوريا meet,
// but it knows neither broken plurals nor verb inflection. Scraped text is
// repaired where a stray space split a lone letter from its word (ي مكننا).
// See [Analyzer.Analyze] and [Stem] for the exact rules and their limits.
package arabic
