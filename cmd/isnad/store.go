package main

import (
	"context"
	"flag"

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
