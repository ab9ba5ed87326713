package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/isnad-project/isnad/internal/pipeline"
	"github.com/isnad-project/isnad/internal/store"
	"github.com/isnad-project/isnad/internal/store/sqlite"
)

// defaultDB is where the embedded store lives unless --db says otherwise.
const defaultDB = "isnad.db"

// dbFlag binds --db to fs.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDB, "the store: a SQLite file path")
}

// openStore opens the store named by --db. Today that is always the
// embedded SQLite store; a postgres:// URL will choose the PostgreSQL
// backend when it lands.
func openStore(ctx context.Context, db string) (store.Store, error) {
	return sqlite.Open(ctx, db)
}

// openExisting opens the store at db for a command that reads it, and
// says on stderr, prefixed by the command's name, when there is none yet or
// it cannot be opened. The caller closes the store when ok.
func openExisting(ctx context.Context, name, db string, stderr io.Writer) (_ store.Store, ok bool) {
	if _, err := os.Stat(db); err != nil {
		fmt.Fprintf(stderr, "isnad %s: no store at %s (run \"isnad ingest PATH\" first)\n", name, db)
		return nil, false
	}
	s, err := openStore(ctx, db)
	if err != nil {
		fmt.Fprintf(stderr, "isnad %s: %v\n", name, err)
		return nil, false
	}
	return s, true
}

// aliasFlag binds --aliases to fs.
func aliasFlag(fs *flag.FlagSet) *string {
	return fs.String("aliases", "", "a file of extra entity aliases (format: internal/resolve/aliases.txt) that extends or overrides the shipped table")
}

// useAliases adds the user's alias table to entity resolution.
func useAliases(path string) error {
	if path == "" {
		return nil
	}
	return pipeline.SetAliasFile(path)
}
