package geo

import (
	"strings"

	"github.com/isnad-project/isnad/arabic"
	"github.com/isnad-project/isnad/internal/news"
)

// maxMentionWords is the most words of a mention Geocode reads: a longer
// one is a phrase, not a place name.
const maxMentionWords = 8

// Thresholds of choose, as ratios of prominence (see prominence).
const (
	// overwhelm: a place this much more prominent than every namesake in
	// another country wins whatever the context says.
	overwhelm = 100
	// dominate: with no decisive context, a place this much more
	// prominent than every namesake abroad wins; below it the name is
	// ambiguous.
	dominate = 10
)

// A lookupResult is what a mention's words say.
type lookupResult struct {
	cands   []int32  // places named
	hint    kindHint // from a head word: محافظة, مدينة
	country string   // from an adjective after the name: طرابلس اللبنانية
}

// lookup reads a mention; see Lookup. It tries the whole mention, then
// without head words before it and adjectives after it, fewest words left
// out first and heads before adjectives: العاصمة السعودية is the country (a
// head and a name that is also an adjective), الغوطة الشرقية a region (its
// adjective is part of its name), طرابلس اللبنانية Tripoli in Lebanon. A
// country adjective alone (السورية) is the country.
func (g *Gazetteer) lookup(text string) lookupResult {
	ws := words(text)
	if len(ws) == 0 || len(ws) > maxMentionWords {
		return lookupResult{}
	}
	// How many head words may be left out at the front, and adjectives at
	// the back; a name of one word at least stays.
	hmax := 0
	for hmax < len(ws)-1 {
		if _, ok := stripClitics(ws[hmax], headSet); !ok {
			break
		}
		hmax++
	}
	tmax := 0
	for tmax < len(ws)-1 && (trailers[ws[len(ws)-1-tmax]] || g.nisbaOf(ws[len(ws)-1-tmax]) != "") {
		tmax++
	}
	var buf []byte
	for n := 0; n <= hmax+tmax; n++ {
		for h := min(n, hmax); h >= 0 && n-h <= tmax; h-- {
			t := n - h
			if len(ws)-h-t < 1 {
				continue
			}
			name := ws[h : len(ws)-t]
			if len(name) == 1 && h > 0 {
				if _, ok := stripClitics(name[0], headSet); ok {
					continue // شرق مدينة: a head word is no name
				}
			}
			c := g.match(name, &buf)
			if c == nil {
				continue
			}
			r := lookupResult{cands: c}
			for _, w := range ws[:h] {
				if hw, _ := stripClitics(w, headSet); heads[hw] != hintNone {
					r.hint = heads[hw]
				}
			}
			for _, w := range ws[len(ws)-t:] {
				if cc := g.nisbaOf(w); cc != "" {
					r.country = cc
				}
			}
			return r
		}
	}
	// A mention of one word that names no place but is a country's
	// adjective (السورية, tagged as a place in الأراضي السورية) is the
	// country.
	if len(ws) == 1 {
		if cc := g.nisbaOf(ws[0]); cc != "" {
			if i, ok := g.countries[cc]; ok {
				return lookupResult{cands: []int32{i}}
			}
		}
	}
	return lookupResult{}
}

// match returns the places named by the words ws, the first word taken in
// each of its forms (with and without proclitics), or nil.
func (g *Gazetteer) match(ws []string, buf *[]byte) []int32 {
	if len(ws) > maxNameWords {
		return nil
	}
	var fb [6]form
	for _, f := range forms(ws[0], fb[:0]) {
		if int(g.firsts[f.s]) < len(ws) {
			continue
		}
		key := f.s
		if len(ws) > 1 {
			b := append((*buf)[:0], f.s...)
			for _, w := range ws[1:] {
				b = append(b, ' ')
				b = append(b, w...)
			}
			*buf = b
			key = string(b)
		}
		if c := g.get(f, key); c != nil {
			return c
		}
	}
	return nil
}

// nisbaOf returns the country a word names as an adjective (السورية,
// وللسوريين), or "".
func (g *Gazetteer) nisbaOf(w string) string {
	var fb [6]form
	for _, f := range forms(w, fb[:0]) {
		if cc := g.nisba[f.s]; cc != "" {
			return cc
		}
	}
	return ""
}

// Geocode sets Lat and Lon on the LOC entities of ents it resolves to one
// place, and returns ents. It changes no other field and no other entity:
// spans, keys and names stay as they were, and an entity it cannot resolve
// keeps its Lat and Lon (nil for a fresh one). text is the article text the
// entities point into; it serves as context.
//
// An entity is read from its Text as Lookup reads a name. When the places
// it may name lie in one country, the most fitting one is taken: a country
// before its namesake capital (الكويت), a town before the governorate of the
// same name unless a head word says otherwise (ريف حماة, محافظة إدلب), else
// the most prominent (see prominence). When they lie in several countries,
// each country weighs as its most prominent candidate, and:
//
//  1. an adjective in the mention decides (طرابلس اللبنانية);
//  2. a country 100 times more prominent than every other wins (موسكو is
//     Moscow even next to Texas);
//  3. the article votes: every other place of text (of one country, or
//     the clear winner among its namesakes), every country name and every
//     country adjective (السوري) is a vote for its country, and the candidate country wins that has at
//     least twice the votes of every other (a text about attacks in Europe
//     that names the United States four times and Britain three does not
//     carry مانشستر to New Hampshire). A country 10 times less prominent
//     than the first does not take part: a text about the United Nations in
//     New York must not carry جنيف to a Geneva of the United States;
//  4. a country 10 times more prominent than every other wins (الرقة is
//     Raqqa, not a Kuwaiti suburb);
//  5. otherwise the name is ambiguous (طرابلس: Libya or Lebanon) and left
//     unresolved, for a guess on a map looks like a fact.
//
// A mention that says it names a village or small town (قرية, بلدة) is
// placed only in a country the article names at least a tenth as often as
// the one it names most (see villages): a village lies where the
// article is, and the gazetteer lacks most villages.
//
// The coordinates set by one call share one allocation. Geocode is safe for
// concurrent use.
func (g *Gazetteer) Geocode(text string, ents []news.Entity) []news.Entity {
	var (
		coords []float64
		v      map[string]int
	)
	getVotes := func() map[string]int {
		if v == nil {
			v = g.votes(text, ents)
		}
		return v
	}
	for i := range ents {
		e := &ents[i]
		if e.Type != "LOC" {
			continue
		}
		l := g.lookup(e.Text)
		if len(l.cands) == 0 {
			continue
		}
		p, ok := g.choose(l, getVotes)
		if !ok {
			continue
		}
		if coords == nil {
			coords = make([]float64, 0, 2*(len(ents)-i))
		}
		coords = append(coords, g.places[p].Lat, g.places[p].Lon)
		e.Lat, e.Lon = &coords[len(coords)-2], &coords[len(coords)-1]
	}
	return ents
}

// Resolve returns the place a mention names in the context of text, as
// Geocode chooses it, and whether there is one.
func (g *Gazetteer) Resolve(text, mention string) (Place, bool) {
	l := g.lookup(mention)
	if len(l.cands) == 0 {
		return Place{}, false
	}
	p, ok := g.choose(l, func() map[string]int { return g.votes(text, nil) })
	if !ok {
		return Place{}, false
	}
	return g.places[p], true
}

// A countryBest is the best candidate of one country.
type countryBest struct {
	cc   string
	i    int32   // the candidate chosen in the country
	rank int     // its rank
	prom float64 // its prominence
	// weight is the prominence of the country's most prominent candidate:
	// حماة weighs as the governorate of Hama, whichever is chosen.
	weight float64
}

// choose picks one of the places of l, or reports false when the name is
// ambiguous; see Geocode for the rules.
func (g *Gazetteer) choose(l lookupResult, getVotes func() map[string]int) (int32, bool) {
	var arr [8]countryBest
	best := arr[:0]
	for _, c := range l.cands {
		p := &g.places[c]
		b := countryBest{cc: p.Country, i: c, rank: rank(p, l.hint), prom: prominence(p)}
		b.weight = b.prom
		k := 0
		for k < len(best) && best[k].cc != b.cc {
			k++
		}
		if k == len(best) {
			best = append(best, b)
			continue
		}
		w := max(best[k].weight, b.weight)
		if better(b, best[k], g) {
			best[k] = b
		}
		best[k].weight = w
	}
	if l.hint == hintVillage {
		if best = g.villages(best, getVotes()); len(best) == 0 {
			return 0, false
		}
	}
	if len(best) == 1 {
		return best[0].i, true
	}
	if l.country != "" {
		for _, b := range best {
			if b.cc == l.country {
				return b.i, true
			}
		}
	}
	// The heaviest first: best is short, so insertion sort.
	for k := 1; k < len(best); k++ {
		for m := k; m > 0 && best[m].weight > best[m-1].weight; m-- {
			best[m], best[m-1] = best[m-1], best[m]
		}
	}
	top, second := best[0], best[1]
	if top.weight >= overwhelm*second.weight {
		return top.i, true
	}
	v := getVotes()
	win, most, next := -1, 0, 0
	for k, b := range best {
		if top.weight >= dominate*b.weight {
			break // this one and the rest are minor namesakes
		}
		switch n := v[b.cc]; {
		case n > most:
			win, most, next = k, n, most
		case n > next:
			next = n
		}
	}
	if most > 0 && most >= 2*next {
		return best[win].i, true
	}
	if top.weight >= dominate*second.weight {
		return top.i, true
	}
	return 0, false
}

// villages keeps, of the best candidates of each country for a mention
// that says it names a village or small town (قرية قرطبة, بلدة الطيبة), those
// whose country has at least a tenth of the votes of the country the article
// names most: such a place lies where the article is. A Syrian village the
// gazetteer does not know is then left unresolved rather than placed at
// Córdoba, or at the Israeli town of the same name. It filters best in place.
func (g *Gazetteer) villages(best []countryBest, v map[string]int) []countryBest {
	most := 0
	for _, n := range v {
		most = max(most, n)
	}
	out := best[:0]
	for _, b := range best {
		if most == 0 || 10*v[b.cc] >= most {
			out = append(out, b)
		}
	}
	return out
}

// better reports whether a is a better choice than b within a country: a
// higher rank, then a place written by hand, then the more prominent.
func better(a, b countryBest, g *Gazetteer) bool {
	if a.rank != b.rank {
		return a.rank > b.rank
	}
	if ca, cb := g.places[a.i].curated, g.places[b.i].curated; ca != cb {
		return ca
	}
	return a.prom > b.prom
}

// rank orders the places of one country that share a name: with no hint a
// country before its namesake capital (الكويت) and a town before the
// governorate it gives its name to (حماة); a head word before the name
// (محافظة, ريف, مدينة) turns that around.
func rank(p *Place, h kindHint) int {
	admin := p.Kind == KindAdmin || p.Kind == KindRegion
	switch {
	case p.Kind == KindCountry:
		return 3
	case h == hintAdmin && admin, h != hintAdmin && !admin:
		return 2
	}
	return 1
}

// prominence is how likely a place is to be meant by its name when nothing
// else tells: the population, weighted up for a capital (×2) and the seat of
// a governorate (×1.5, ×1.2 for a lower division); a country counts as 10
// million, a governorate as 2 million, a region as 1 million. A place of
// unknown population counts as 15,000, the threshold of cities15000. The
// weights are set so that طرابلس stays ambiguous between Tripoli of Libya
// and Tripoli of Lebanon (a ratio of 6.7) and عمان between Oman and Amman (4).
func prominence(p *Place) float64 {
	switch p.Kind {
	case KindCountry:
		return 1e7
	case KindAdmin:
		return 2e6
	case KindRegion:
		return 1e6
	}
	pop := float64(max(p.Population, 15000))
	switch p.Kind {
	case "PPLC":
		return 2 * pop
	case "PPLA":
		return 1.5 * pop
	case "PPLA2":
		return 1.2 * pop
	}
	return pop
}

// votes counts, by country, the places of text that lie in that country
// (countries included; a place with namesakes abroad when it wins on
// prominence alone), the country adjectives of text, and the LOC entities
// of ents (which the scan may have skipped as common words). Villages do
// not vote.
func (g *Gazetteer) votes(text string, ents []news.Entity) map[string]int {
	v := map[string]int{}
	none := func() map[string]int { return nil }
	add := func(l lookupResult) {
		if l.hint == hintVillage {
			return // a village is what votes are asked about, not a voter
		}
		cc := g.country(l.cands)
		if cc == "" && len(l.cands) > 0 {
			// Namesakes abroad: the place that wins on prominence alone
			// (الرقة over a Kuwaiti suburb) votes.
			if p, ok := g.choose(lookupResult{cands: l.cands}, none); ok {
				cc = g.places[p].Country
			}
		}
		if cc != "" {
			v[cc]++
		}
	}
	g.scan(text, func(m mention) { add(lookupResult{cands: m.cands, hint: m.hint}) }, func(cc string) { v[cc]++ })
	for i := range ents {
		if ents[i].Type == "LOC" {
			add(g.lookup(ents[i].Text))
		}
	}
	return v
}

// country returns the country all of cands lie in, or "".
func (g *Gazetteer) country(cands []int32) string {
	if len(cands) == 0 {
		return ""
	}
	cc := g.places[cands[0]].Country
	for _, c := range cands[1:] {
		if g.places[c].Country != cc {
			return ""
		}
	}
	return cc
}

// A mention is a place name found by scan.
type mention struct {
	start, end int // byte span in the text, the head word included
	cands      []int32
	hint       kindHint // of the head word before the name, if any
}

// scan finds the place names of text, longest first and without overlap,
// and the country adjectives outside them, and calls place and nisba
// (either may be nil) for each, in order. A name's words must be separated
// by spaces only, not by punctuation or a line break. A name that is a
// common word (common.txt), a stopword or shorter than three letters counts
// only after a head word (مدينة الباب, بلدة التل).
func (g *Gazetteer) scan(text string, place func(mention), nisba func(cc string)) {
	toks := arabic.Tokenize(text)
	norms := make([]string, len(toks))
	isHead := make([]bool, len(toks)) // a head word: محافظة, ريف, شمال …
	// opens a common word to a name: a head of a kind written without the
	// article, in construct with the name (مدينة الباب, بلدة التل); not
	// شمال الباب, not الإقليم قوله.
	opens := make([]bool, len(toks))
	for i, t := range toks {
		norms[i] = arabic.Normalize(t.Text)
		var h string
		h, isHead[i] = stripClitics(norms[i], headSet)
		opens[i] = isHead[i] && heads[h] != hintNone && !strings.HasPrefix(h, article)
	}
	joined := func(i int) bool { // toks[i-1] and toks[i] are separated by spaces only
		for _, r := range text[toks[i-1].End:toks[i].Start] {
			if r != ' ' && r != '\t' && r != '\u00a0' {
				return false
			}
		}
		return true
	}
	var buf []byte
	var fb [6]form
	for i := 0; i < len(toks); {
		run := 1
		for run < maxNameWords && i+run < len(toks) && joined(i+run) {
			run++
		}
		// A head word before the name belongs to it, unless the name
		// begins a new phrase with و or ف: in الإقليم وبغداد, الإقليم is
		// a place of its own.
		afterHead := i > 0 && joined(i) && isHead[i-1] && !startsConj(norms[i])
		if i > 0 && joined(i) && orgBefore(norms[i-1]) {
			// قوات سوريا الديمقراطية, فيلق القدس, جامعة اليرموك: the
			// name of an organization, not a place.
			if nisba != nil {
				if cc := g.nisbaOf(norms[i]); cc != "" {
					nisba(cc)
				}
			}
			i++
			continue
		}
		open := afterHead && opens[i-1]
		k, cands := 0, []int32(nil)
	search:
		for n := run; n >= 1; n-- {
			for _, f := range forms(norms[i], fb[:0]) {
				if n == 1 && (isHead[i] || !open && g.common[f.s]) {
					// A head word is no name (شرق مدينة is not Medina). A
					// common word as written, or with fewer proclitics
					// taken off, hides every reading with more taken off:
					// للجنة is ل + لجنة, not لل + جنة.
					break
				}
				if int(g.firsts[f.s]) < n {
					continue
				}
				key := f.s
				if n > 1 {
					b := append(buf[:0], f.s...)
					for _, w := range norms[i+1 : i+n] {
						b = append(b, ' ')
						b = append(b, w...)
					}
					buf = b
					key = string(b)
				}
				c := g.get(f, key)
				if c == nil {
					continue
				}
				if !open && (g.common[key] || n == 1 && (letters(key) < 3 || arabic.IsStopword(key))) {
					continue
				}
				k, cands = n, c
				break search
			}
		}
		if k == 0 {
			if nisba != nil {
				if cc := g.nisbaOf(norms[i]); cc != "" {
					nisba(cc)
				}
			}
			i++
			continue
		}
		if place != nil {
			m := mention{start: toks[i].Start, end: toks[i+k-1].End, cands: cands}
			if afterHead {
				m.start = toks[i-1].Start
				h, _ := stripClitics(norms[i-1], headSet)
				m.hint = heads[h]
			}
			place(m)
		}
		i += k
	}
}

// orgWords are the words that, right before a place name, make it part of
// the name of an organization: قوات سوريا الديمقراطية, فيلق القدس, جامعة
// اليرموك, لواء فرسان الجولان, ريال مدريد, صحيفة القدس, تايمز أوف إسرائيل.
var orgWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("قوات فيلق جامعه لواء فرسان ريال كتائب كتيبه جيش صحيفه جريده قناه اذاعه تايمز اوف نادي منتخب") {
		m[w] = true
	}
	return m
}()

// orgBefore reports whether w, the word before a name, is one of orgWords,
// with or without proclitics.
func orgBefore(w string) bool {
	_, ok := stripClitics(w, orgWords)
	return ok
}

// startsConj reports whether w may begin with the conjunction و or ف.
func startsConj(w string) bool {
	_, ok := cutConj(w)
	return ok
}

// Find returns the place names of text as LOC entities, in order and
// without overlap: Text and Span are set, the rest is left for Geocode.
// It is a gazetteer matcher, not a tagger: it finds what the gazetteer
// knows (with proclitics, as in بإدلب, and with a head word before the name,
// as in ريف حماة, which is then part of the span), skips names that are
// common words unless a head word comes before, and cannot tell a place from
// a person of the same name.
func (g *Gazetteer) Find(text string) []news.Entity {
	var out []news.Entity
	g.scan(text, func(m mention) {
		out = append(out, news.Entity{Type: "LOC", Text: text[m.start:m.end], Span: news.Span{Start: m.start, End: m.end}})
	}, nil)
	return out
}
