package eval

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var (
	geoSampleFlag = flag.Bool("geo.sample", false, "print the sample of resolved mentions that geoHandPrecision was checked on")
	geoSeed       = flag.Uint64("geo.seed", geoHandSeed, "the seed of the -geo.sample draw of the finder's mentions")
	geoTagged     = flag.Bool("geo.tagged", false, "with -geo.sample, draw from the tagger's LOC entities (seed geoHandSeedTagged)")
)

// TestGeocodingSample prints the 50 resolved mentions of the hand check
// (geoHandPrecision) with -geo.sample.
func TestGeocodingSample(t *testing.T) {
	if !*geoSampleFlag {
		t.Skip("SKIPPING: run with -geo.sample -v to print the hand-check sample")
	}
	dir := DefaultDir()
	subs, seed := []bool{false, true}, *geoSeed
	if *geoTagged {
		subs, seed = []bool{false}, geoHandSeedTagged
	}
	for _, sub := range subs {
		s, err := geoSample(dir, 50, seed, sub, *geoTagged)
		if err != nil {
			t.Skipf("SKIPPING: %v", err)
		}
		fmt.Printf("\n50 resolved mentions (tagger: %v, below country level only: %v)\n", *geoTagged, sub)
		for i, x := range s {
			fmt.Printf("%2d %-14s %-28s → %s %s %s (%.4f, %.4f)\n     %s\n", i+1, x.Source, x.Mention, x.Place.ID, x.Place.Name, x.Place.Country, x.Place.Lat, x.Place.Lon, x.Context)
		}
	}
}

// TestGeocoding runs the evaluation on the shared data and holds its floors.
func TestGeocoding(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPING: slow (reads every Baly article) under -short")
	}
	dir := DefaultDir()
	if _, err := os.Stat(filepath.Join(dir, "baly2018")); err != nil {
		t.Skipf("SKIPPING: no evaluation data at %s", dir)
	}
	figs, err := Geocoding(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range figs {
		if f.Available {
			got[f.Metric+" / "+f.Split] = f.Value
		}
		t.Logf("%s %s = %v (%s)", f.Metric, f.Split, f.Value, f.Note)
	}
	for _, c := range []struct {
		metric string
		floor  float64
	}{
		{"gold LOC resolved %", 85},
	} {
		found := false
		for k, v := range got {
			if len(k) > len(c.metric) && k[:len(c.metric)] == c.metric {
				found = true
				if v < c.floor {
					t.Errorf("%s = %.1f, want at least %.1f", k, v, c.floor)
				}
			}
		}
		if !found {
			t.Errorf("no figure %q", c.metric)
		}
	}
}
