package geo

import (
	"bufio"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"github.com/isnad-project/isnad/arabic"
)

// The shipped data; see data/README.md for sources, licence and format.
//
//go:embed data/cities.tsv.gz data/countries.tsv data/regions.tsv data/common.txt
var shipped embed.FS

// Files of a gazetteer's data, in the layout of data/.
const (
	CitiesFile    = "cities.tsv.gz" // derived from GeoNames by `isnad gazetteer build`
	countriesFile = "countries.tsv" // written by hand
	regionsFile   = "regions.tsv"   // written by hand
	commonFile    = "common.txt"    // written by hand
)

// Kinds of place that are not GeoNames populated places. They are GeoNames
// feature codes too; a city has the code of its row (PPLC a capital, PPLA
// the seat of a first-order division, PPLA2, PPL …).
const (
	KindCountry = "PCLI" // an independent country, at its centre
	KindAdmin   = "ADM1" // a governorate or province, at its centre
	KindRegion  = "RGN"  // a region: the Ghouta, the Golan
)

// A Place is one entry of the gazetteer.
type Place struct {
	// ID is "gn:" and the GeoNames id for a city, "cc:" and the ISO code
	// for a country, and the id of its row for a place written by hand
	// (sy-idlib-gov).
	ID         string
	Name       string // display name in Arabic, as its source writes it
	Country    string // ISO 3166-1 alpha-2 code; "" for a continent or a sea
	Kind       string // GeoNames feature code: PPLC, PPLA, PPL, …, PCLI, ADM1, RGN
	Population int    // 0 when unknown
	Lat, Lon   float64

	// curated is set for the places written by hand: among namesakes of
	// one country and kind they come first, for they were written to
	// fill what GeoNames lacks (واشنطن is only Utah's there).
	curated bool
}

// A Gazetteer finds places by their Arabic names. It is immutable once
// built, and safe for use by several goroutines.
type Gazetteer struct {
	places []Place
	// names maps a name in normalized form to the places that bear it,
	// and bare a name without its article to the places whose name has it
	// (see variants).
	names, bare map[string][]int32
	// firsts maps the first word of a name to the most words a name that
	// starts with it has, so that a scan tries only phrases that can match.
	firsts map[string]uint8
	// nisba maps the forms of a country adjective (سوري، السورية،
	// للسوريين without their proclitics) to the country code.
	nisba map[string]string
	// countries maps a country code to its place.
	countries map[string]int32
	// common holds names that are also common words (الباب, the door);
	// Find skips them unless a head word comes before (مدينة الباب).
	common map[string]bool
}

// maxNameWords is the most words a name in the gazetteer may have.
const maxNameWords = 6

var shippedOnce = sync.OnceValues(func() (*Gazetteer, error) {
	sub, err := fs.Sub(shipped, "data")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// New returns the gazetteer shipped with isnad. The data is read on the
// first call only; every call returns the same Gazetteer.
func New() (*Gazetteer, error) { return shippedOnce() }

// Load reads a gazetteer from fsys, which holds the files of data/:
// cities.tsv.gz, countries.tsv, regions.tsv and common.txt. Errors name the
// file and line.
func Load(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{
		names:     map[string][]int32{},
		bare:      map[string][]int32{},
		firsts:    map[string]uint8{},
		nisba:     map[string]string{},
		countries: map[string]int32{},
		common:    map[string]bool{},
	}
	steps := []struct {
		file string
		gz   bool
		line func(fields []string) error
	}{
		{countriesFile, false, g.addCountry},
		{regionsFile, false, g.addRegion},
		{CitiesFile, true, g.addCity},
		{commonFile, false, g.addCommon},
	}
	for _, s := range steps {
		if err := readLines(fsys, s.file, s.gz, s.line); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// readLines calls line with the tab-separated fields of every line of file
// that is neither blank nor a # comment.
func readLines(fsys fs.FS, file string, gz bool, line func([]string) error) error {
	f, err := fsys.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if gz {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if err := line(strings.Split(text, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", file, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// addCountry reads a line of countries.tsv: cc, lat, lon, nisba, names.
func (g *Gazetteer) addCountry(f []string) error {
	if len(f) != 5 {
		return fmt.Errorf("want 5 tab-separated fields (cc, lat, lon, nisba, names), have %d", len(f))
	}
	lat, lon, err := latLon(f[1], f[2])
	if err != nil {
		return err
	}
	names := splitNames(f[4])
	if len(f[0]) != 2 || len(names) == 0 {
		return fmt.Errorf("want a two-letter country code and at least one name")
	}
	i := g.add(Place{ID: "cc:" + f[0], Name: names[0], Country: f[0], Kind: KindCountry, Lat: lat, Lon: lon})
	g.countries[f[0]] = i
	for _, n := range names {
		w, b := variants(n, false)
		g.index(i, w, b)
	}
	if f[3] != "-" {
		for _, n := range splitNames(f[3]) {
			g.addNisba(arabic.Normalize(n), f[0])
		}
	}
	return nil
}

// addNisba records the forms of the adjective n (سوري): feminine, plural
// and dual endings, each with and without the article.
func (g *Gazetteer) addNisba(n, cc string) {
	for _, end := range []string{"", "ه", "ين", "ون", "ان", "تين", "تان", "ات"} {
		g.nisba[n+end] = cc
		g.nisba[article+n+end] = cc
	}
}

// addRegion reads a line of regions.tsv: id, cc, kind, lat, lon, names.
func (g *Gazetteer) addRegion(f []string) error {
	if len(f) != 6 {
		return fmt.Errorf("want 6 tab-separated fields (id, cc, kind, lat, lon, names), have %d", len(f))
	}
	lat, lon, err := latLon(f[3], f[4])
	if err != nil {
		return err
	}
	names := splitNames(f[5])
	if len(names) == 0 {
		return fmt.Errorf("no name")
	}
	cc := f[1]
	if cc == "-" {
		cc = "" // a region of no one country: a continent, a sea
	}
	i := g.add(Place{ID: f[0], Name: names[0], Country: cc, Kind: f[2], Lat: lat, Lon: lon, curated: true})
	for _, n := range names {
		w, b := variants(n, true)
		g.index(i, w, b)
	}
	return nil
}

// addCity reads a line of cities.tsv.gz: geonameid, cc, feature code,
// population, lat, lon, display name, names, bare names. The names are
// normalized again in case arabic.Normalize changed since the file was
// built.
func (g *Gazetteer) addCity(f []string) error {
	if len(f) != 9 {
		return fmt.Errorf("want 9 tab-separated fields, have %d", len(f))
	}
	lat, lon, err := latLon(f[4], f[5])
	if err != nil {
		return err
	}
	pop, err := strconv.Atoi(f[3])
	if err != nil {
		return fmt.Errorf("population %q: %w", f[3], err)
	}
	i := g.add(Place{ID: "gn:" + f[0], Name: f[6], Country: f[1], Kind: f[2], Population: pop, Lat: lat, Lon: lon})
	norm := func(l []string) []string {
		for j, n := range l {
			l[j] = arabic.Normalize(n)
		}
		return l
	}
	g.index(i, norm(splitNames(f[7])), norm(splitNames(f[8])))
	return nil
}

// addCommon reads a line of common.txt: a name that is also a common word,
// or a word that would read as a name once its proclitics are taken off
// (ورقة, "paper", is not و + رقة). The word counts with and without the
// article.
func (g *Gazetteer) addCommon(f []string) error {
	n := strings.Join(strings.Fields(arabic.Normalize(f[0])), " ")
	if n == "" {
		return fmt.Errorf("no word")
	}
	g.common[n] = true
	if rest, ok := strings.CutPrefix(n, article); ok {
		g.common[rest] = true
	} else {
		g.common[article+n] = true
	}
	return nil
}

func (g *Gazetteer) add(p Place) int32 {
	g.places = append(g.places, p)
	return int32(len(g.places) - 1)
}

// index files place i under each of its written and bare names.
func (g *Gazetteer) index(i int32, written, bare []string) {
	for k, l := range [2][]string{written, bare} {
		m := g.names
		if k == 1 {
			m = g.bare
		}
		for _, n := range l {
			ws := strings.Count(n, " ") + 1
			if n == "" || ws > maxNameWords {
				continue
			}
			if c := m[n]; len(c) == 0 || c[len(c)-1] != i {
				m[n] = append(c, i)
			}
			first, _, _ := strings.Cut(n, " ")
			if uint8(ws) > g.firsts[first] {
				g.firsts[first] = uint8(ws)
			}
		}
	}
}

// get returns the places named f.s: by a written name, or by a bare one
// when f may be bare.
func (g *Gazetteer) get(f form, key string) []int32 {
	if c := g.names[key]; c != nil || !f.bare {
		return c
	}
	return g.bare[key]
}

func latLon(a, b string) (lat, lon float64, err error) {
	lat, err1 := strconv.ParseFloat(a, 64)
	lon, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("bad coordinates %q, %q", a, b)
	}
	return lat, lon, nil
}

func splitNames(s string) []string {
	var out []string
	for _, n := range strings.Split(s, "|") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// Len reports the number of places in the gazetteer.
func (g *Gazetteer) Len() int { return len(g.places) }

// Lookup returns the places a mention may name, as Geocode reads it: the
// words of name in normalized form, the first one with or without its
// proclitics (بإدلب), and, when the whole finds nothing, without the head
// words before the name (محافظة, ريف, مدينة, شمال …) and the adjectives after
// it (الشمالي, القديمة, السورية); a country's adjective alone (السورية) names
// the country. The places are in the order of the data; the caller owns the
// slice.
func (g *Gazetteer) Lookup(name string) []Place {
	l := g.lookup(name)
	out := make([]Place, len(l.cands))
	for i, c := range l.cands {
		out[i] = g.places[c]
	}
	return out
}
