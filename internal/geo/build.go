package geo

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/isnad-project/isnad/arabic"
)

// citiesHeader opens cities.tsv.gz: the attribution GeoNames' licence asks
// for, and the columns.
const citiesHeader = `# Cities of more than 15,000 inhabitants that have an Arabic name, with their coordinates.
# Derived from GeoNames (https://www.geonames.org), licensed under CC BY 4.0
# (https://creativecommons.org/licenses/by/4.0/): the cities15000 dump of 2012 and the Arabic names
# of the Debian package libgeonames-common 0.3.0 (GeoNames data). Changes: only rows with an Arabic
# name are kept; names are cleaned, normalized (isnad's arabic.Normalize) and expanded to variants.
# Regenerate with: isnad gazetteer build
# Columns, tab-separated: geonameid  country  feature-code  population  lat  lon  display-name  names  bare-names
# (names, |-separated and normalized: as written, without spaces, without a final ء, and with the article ال
# for a name of one word; bare-names: without the article, for a name that has it)
`

// Columns of cities15000_with_arabic.tsv, the table Build reads.
var buildColumns = []string{"geonameid", "name", "asciiname", "name_ar_debian", "alt_names_arabic_script",
	"lat", "lon", "feature_code", "country", "admin1", "population"}

// Build reads the GeoNames-derived table cities15000_with_arabic.tsv (a header
// line, then one city per line: geonameid, name, asciiname, name_ar_debian,
// alt_names_arabic_script, lat, lon, feature_code, country, admin1,
// population; see ../shared/eval/gazetteer_geonames/PROVENANCE.md) and
// writes the shipped cities.tsv.gz to w: the cities that have at least one
// usable Arabic name, sorted by GeoNames id, gzipped without a timestamp so
// that the same input gives the same bytes. It returns the number of cities
// written. Errors name the line.
func Build(r io.Reader, w io.Writer) (n int, err error) {
	type row struct {
		id   int
		line string
	}
	var rows []row
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		f := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if ln == 1 {
			if strings.Join(f, ",") != strings.Join(buildColumns, ",") {
				return 0, fmt.Errorf("line 1: want the header %s", strings.Join(buildColumns, " "))
			}
			continue
		}
		if len(f) != len(buildColumns) {
			return 0, fmt.Errorf("line %d: want %d fields, have %d", ln, len(buildColumns), len(f))
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return 0, fmt.Errorf("line %d: geonameid %q: %w", ln, f[0], err)
		}
		if _, _, err := latLon(f[5], f[6]); err != nil {
			return 0, fmt.Errorf("line %d: %w", ln, err)
		}
		pop := f[10]
		if pop == "" {
			pop = "0"
		}
		if _, err := strconv.Atoi(pop); err != nil {
			return 0, fmt.Errorf("line %d: population %q: %w", ln, pop, err)
		}
		raw := append([]string{f[3]}, strings.Split(f[4], "|")...)
		var display string
		var names, bare []string
		for _, s := range raw {
			d, ok := cleanName(s)
			if !ok {
				continue
			}
			if display == "" {
				display = d
			}
			w, b := variants(dropPrefix(arabic.Normalize(d)), true)
			names = appendNew(names, w...)
			bare = appendNew(bare, b...)
		}
		if len(names) == 0 {
			continue
		}
		bare = slices.DeleteFunc(bare, func(s string) bool { return slices.Contains(names, s) })
		rows = append(rows, row{id, strings.Join([]string{f[0], f[8], f[7], pop, f[5], f[6], display,
			strings.Join(names, "|"), strings.Join(bare, "|")}, "\t")})
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].id < rows[j].id })
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(citiesHeader)
	for _, r := range rows {
		bw.WriteString(r.line)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return len(rows), zw.Close()
}

// cleanName returns an Arabic name of the GeoNames data fit to show, and
// whether there is one: the Arabic part of "Alepo - حلب", without invisible
// format characters (the LRM marks of طريف‎‎). A name with Latin letters, or
// with letters outside the Arabic block once normalized (پ, ڤ, ٹ of Persian,
// Kurdish and Urdu spellings), or of fewer than two letters, is none.
func cleanName(s string) (string, bool) {
	if strings.Contains(s, "-") {
		var parts []string
		for _, p := range strings.Split(s, "-") {
			if hasArabic(p) {
				parts = append(parts, p)
			}
		}
		s = strings.Join(parts, " ")
	}
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	n := arabic.Normalize(s)
	if letters(strings.ReplaceAll(n, " ", "")) < 2 {
		return "", false
	}
	for _, r := range n {
		if r != ' ' && (r < arabic.Hamza || r > arabic.Yeh || r == arabic.Tatweel) {
			return "", false
		}
	}
	return s, true
}

// appendNew appends to l the strings of add it does not hold yet.
func appendNew(l []string, add ...string) []string {
	for _, s := range add {
		if !slices.Contains(l, s) {
			l = append(l, s)
		}
	}
	return l
}

func hasArabic(s string) bool {
	for _, r := range s {
		if r >= arabic.Hamza && r <= arabic.Yeh {
			return true
		}
	}
	return false
}

// dropPrefix returns the normalized name n without a word GeoNames puts
// before some names (محافظة إدلب, مدينة خور فكان): a text that writes the word
// finds the name through it as a head word (see heads).
func dropPrefix(n string) string {
	if first, rest, ok := strings.Cut(n, " "); ok && cityPrefixes[first] {
		return rest
	}
	return n
}
