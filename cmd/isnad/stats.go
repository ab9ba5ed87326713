package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
)

func statsCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON object (see SCHEMA.md)")
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		s, ok := openExisting(ctx, "stats", *db, stderr)
		if !ok {
			return exitFailure
		}
		defer s.Close()
		st, err := s.Stats(ctx)
		if err != nil {
			fmt.Fprintln(stderr, "isnad stats:", err)
			return exitFailure
		}
		if *asJSON {
			json.NewEncoder(stdout).Encode(st)
			return exitOK
		}
		fmt.Fprintf(stdout, "store     %s\narticles  %d\nclaims    %d\nentities  %d\nstories   %d\nsources   %d\n",
			*db, st.Articles, st.Claims, st.Entities, st.Stories, st.Sources)
		return exitOK
	}
}
