// Package ingest reads input files into articles: plain text (.txt, one
// article per file), JSON (.json, .jsonl, .ndjson: one article per record) and
// ZIP archives of those (.zip). Walk goes through files, directories and
// archives in a deterministic order and hands each article to the caller as a
// Document, and each input it could not read as a Problem, then goes on.
//
// Paths are read from the operating system's files, or from an fs.FS
// (Walker.FS, e.g. an embed.FS of sample articles). CountFiles counts files
// and bytes first, cheaply, and Walker.Progress reports bytes and files as
// they are read, so a caller can draw a progress bar.
//
// Each kind of file is a Format, in a file of its own (text.go, json.go,
// zip.go). Adding one (HTML, RSS/Atom, WARC) means writing its Read and adding
// a row to the formats table in ingest.go.
//
// Article IDs are stable across runs: the record's own "id" when it has one,
// else the first 16 hex digits of sha256(source + "\x00" + position), where
// source is the path as the caller spelled it (so "a/b.txt" and "./a/b.txt"
// give different IDs) and position is the 0-based index of the article in its
// file: "0" for a .txt file, the record index for a JSON array, the line index
// for JSON Lines.
//
// Sizes are bounded: an article text longer than Walker.MaxArticle (16 MiB by
// default) is a Problem, and reading holds at most about two copies of one
// article (see the formats for details).
package ingest
