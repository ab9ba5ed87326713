// Isnad reads Arabic news in bulk and answers who said what, through whom,
// and where the reports disagree.
//
// Usage:
//
//	isnad demo                      ingest the bundled sample corpus and serve it
//	isnad ingest [--db FILE] PATH…  read .txt, .json, .jsonl and .zip inputs into the store
//	isnad search [--json] QUERY     ranked, Arabic-aware full-text search
//	isnad extract PATH…             JSON Lines of cleaned articles with their analysis
//	isnad analyze                   the Arabic analysis of stdin, one token per line
//	isnad serve                     web pages and a JSON API on 127.0.0.1:8080
//	isnad stats [--json]            counts of what is stored
//	isnad eval [--data DIR]         every evaluation found under ../shared/eval
//	isnad bench PATH…               throughput of ingest and of analysis alone
//
// Run "isnad help" for the list and "isnad COMMAND -h" for a command's flags.
// The store is one SQLite file, ./isnad.db unless --db says otherwise.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
