// Package blevebench measures the speed of isnad's Arabic analyzer
// (arabic.NewAnalyzer) against bleve's Arabic analyzer (the "ar" analyzer
// of github.com/blevesearch/bleve/v2/analysis/lang/ar) on the same text.
//
// It is a module of its own, so that isnad does not depend on bleve: see
// README.md for how to run it.
package blevebench
