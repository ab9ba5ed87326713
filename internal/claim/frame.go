package claim

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/isnad-project/isnad/internal/news"
)

// chunks reads the subject region toks[a:b] after a verb. It splits it at
// commas, dashes and brackets, keeps the chunks that name the speaker and
// drops adverbials (الثلاثاء، في بيان، خلال مؤتمر صحفي). A recipient that
// is a news agency or outlet (لفرانس برس، في تصريح نقلته وكالة سبوتنيك)
// becomes a relay of c; نقلا عن فلان and على لسان فلان name the speaker
// instead (c.override).
func (x *extraction) chunks(a, b int, c *cand) [][2]int {
	toks := x.toks
	s := sets()
	var out [][2]int
	done := false
	start := a
	// A parenthetical (between brackets, or between dashes right after the
	// verb: وقال - في تصريح نقلته وكالة… - إن) names no subject.
	paren := false
	inDash := a < b && toks[a].kind == dash
	for k := a; k <= b; k++ {
		if k < b {
			switch toks[k].kind {
			case comma, dash, popen, pclose:
			default:
				continue
			}
		}
		p, q := start, k
		start = k + 1
		skip := paren || inDash && k > a
		if k < b {
			switch toks[k].kind {
			case popen:
				paren = true
			case pclose:
				paren = false
			case dash:
				if k > a && inDash {
					inDash = false
				}
			}
		}
		if skip {
			if p < q {
				x.relayIn(p, q, c)
			}
			continue
		}
		// Words that are no part of a subject at its start: a preposition
		// with a pronoun (فيها، عليه), a lone letter (ب - "…").
		for p < q && (toks[p].kind != word && toks[p].kind != quote && toks[p].kind != qopen || toks[p].kind == word && (prepPronoun(toks[p].norm) || utf8.RuneCountInString(toks[p].norm) < 2 && toks[p].norm != "ل" || x.consumed[p])) {
			p++
		}
		// كشف لـ"الرياض" مدير العلاقات…: the outlet told comes first.
		if p < q && toks[p].kind == word && x.recipient(p, q) > 0 {
			e := x.skipAdverbs(p, q)
			if e > p && e < q {
				c.relays = append(c.relays, x.relayName(p, e))
				p = e
			}
		}
		if p >= q {
			continue
		}
		if len(out) == 0 && toks[p].kind == word && adverbialStart(toks[p].norm) {
			continue // بأكثر من مرة، بالأمس
		}
		cut := q
		for i := p; i < q; i++ {
			t := toks[i]
			if t.kind != word {
				continue
			}
			w := t.norm
			next := ""
			if i+1 < q && toks[i+1].kind == word {
				next = toks[i+1].norm
			}
			if w == "نقلا" && next == "عن" {
				// X، نقلا عن Y: Y speaks, X relays.
				x.consumed[i] = true
				for _, ch := range out {
					c.relays = append(c.relays, x.span(ch[0], ch[1]))
				}
				if i > p {
					c.relays = append(c.relays, x.span(p, i))
				}
				out = nil
				c.override = x.sourceRange(i+2, b)
				return out
			}
			if isAttribution(w) && w != "نقلا" && i > a {
				// كشفت تقارير، وفقا لمواقع…، أنه: the phrase names a relay.
				x.consumed[i] = true
				k := i + 1
				if k < b && toks[k].kind == word && (toks[k].norm == "ل" || toks[k].norm == "ما" || toks[k].norm == "لما") {
					k++
				}
				if k < b {
					sp := x.relayName(k, b)
					if sp.Len() > 0 && len(toks[k].norm) > 4 && toks[k].norm[:2] == "ل" && sp.Start == toks[k].start {
						sp.Start = skipFirstLetter(x.text, sp.Start, sp.End)
					}
					c.relays = append(c.relays, sp)
				}
				cut = i
				break
			}
			if w == "علي" && next == "لسان" {
				x.consumed[i+1] = true
				c.override = x.sourceRange(i+2, b)
				cut = i
				break
			}
			if i == p && len(out) == 0 && prepositions[w] || relativePronoun(w) || subjectEnders[w] ||
				s.timeWord[w] || s.adverbialHead[w] || w == "في" && s.adverbialNoun[stripDef(next)] ||
				w == "من" && (next == "جهته" || next == "جهتها" || next == "جانبه" || next == "جانبها") {
				x.relayIn(i, b, c)
				cut = i
				break
			}
			if i > p && len(out) == 0 && (w == "في" || w == "من" || w == "عن") && x.bareName(p, i) {
				cut = i // روسيا في 5 مقاطع: a name takes no such complement
				break
			}
			if n := x.recipient(i, q); n > 0 {
				c.relays = append(c.relays, x.relayName(i, q))
				cut = i
				break
			}
		}
		if hasWord(toks, p, cut) && !done {
			out = append(out, [2]int{p, cut})
		}
		if cut < q && len(out) > 0 {
			done = true
		}
		if c.override != [2]int{} {
			break
		}
	}
	return out
}

// subjectEnders are prepositions that never sit inside a speaker's name or
// title: علق فلان على القرار → the subject ends before على.
var subjectEnders = map[string]bool{"علي": true, "مع": true, "حول": true, "ضد": true, "بشان": true, "تجاه": true, "ازاء": true}

// prepPronoun reports whether w is a preposition with a pronoun glued on
// (فيها، عليه، منهم، له).
func prepPronoun(w string) bool {
	for _, p := range []string{"في", "علي", "من", "عن", "الي", "ل", "ب", "مع", "عند", "لدي"} {
		if r, ok := strings.CutPrefix(w, p); ok {
			switch r {
			case "ها", "هم", "هما", "هن", "يها", "يهم", "نا":
				return true
			case "ه", "يه":
				return p != "الي" // اليه is also آلية (a mechanism)
			}
		}
	}
	return false
}

// adverbialStart reports whether a chunk that starts with w is a
// prepositional adverbial, not a subject: بالأمس، بأكثر من مرة، بسبب.
func adverbialStart(w string) bool {
	switch w {
	case "باكثر", "باقل", "بسبب", "بشكل", "بدون", "بعد", "بين", "بفضل", "بموجب", "بناء", "بحضور", "برفقه", "كذلك", "ايضا":
		return true
	}
	return strings.HasPrefix(w, "بال") && len(w) > 8 || biWord(w, 8)
}

// bareName reports whether toks[a:b] is a proper name alone: no title, no
// body's head noun, no article.
func (x *extraction) bareName(a, b int) bool {
	s := sets()
	for k := a; k < b; k++ {
		t := x.toks[k]
		if t.kind != word {
			return false
		}
		w := t.norm
		if hasDef(w) || s.roleNoun[w] || s.rank[w] || institutionHeads[w] || !isNameish(w) {
			return false
		}
	}
	return b > a && b-a <= 3
}

func relativePronoun(w string) bool {
	switch stripConj(w) {
	case "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "اللذان", "اللتان":
		return true
	}
	return false
}

func hasWord(toks []tok, a, b int) bool {
	for i := a; i < b; i++ {
		if toks[i].kind == word {
			return true
		}
	}
	return false
}

// sourceRange returns the token range of the name that starts at a: up to
// a comma, the content's introducer or maxSource words.
func (x *extraction) sourceRange(a, b int) [2]int {
	toks := x.toks
	s := sets()
	e := a
	n := 0
	b = min(b, a+4*maxSource) // a bounded window, whatever the punctuation
	for e < b && n < maxSource {
		t := toks[e]
		if t.kind == comma && n > 0 {
			// وزير الخارجية، مولود تشاوش أوغلو، الجمعة: a name in apposition.
			k := e + 1
			for k < b && toks[k].kind != comma && toks[k].kind != stop && toks[k].kind != newline {
				k++
			}
			if k > e+1 && x.isNameChunk(e+1, k) {
				e = k
				continue
			}
			break
		}
		if t.kind == stop || t.kind == newline || t.kind == colon || t.kind == semi {
			break
		}
		if t.kind == word {
			if s.complementizer[t.norm] || isQawl(t.norm) || s.timeWord[t.norm] || e > a && isAttribution(t.norm) {
				break
			}
			n++
		}
		e++
	}
	return [2]int{a, e}
}

// recipient reports how many tokens from i name an outlet the words were
// said to (لفرانس برس، لوكالة رويترز، لـ"إيلاف"), and records it as a relay.
func (x *extraction) recipient(i, q int) int {
	t := x.toks[i]
	if t.kind != word || len(t.norm) < 2 || t.norm[:2] != "ل" || len(t.norm) > 4 && t.norm[:4] == "لل" {
		return 0
	}
	if t.norm == "ل" { // لـ"إيلاف"
		if i+1 < q && (x.toks[i+1].kind == quote || x.toks[i+1].kind == qopen) {
			return q - i
		}
		if i+1 < q && x.toks[i+1].kind == word {
			return q - i
		}
		return 0
	}
	words := x.wordsFrom(i, q, 6)
	if agencyAt(words) > 0 || sets().mediaNoun[words[0][2:]] {
		return q - i
	}
	return 0
}

// relayIn finds a relay named in an adverbial that starts at i: في تصريح
// نقلته وكالة سبوتنيك، في حديث لقناة روسيا اليوم.
func (x *extraction) relayIn(i, b int, c *cand) {
	toks := x.toks
	for k := i; k < b; k++ {
		t := toks[k]
		if t.kind != word {
			continue
		}
		if x.recipient(k, b) > 0 {
			c.relays = append(c.relays, x.relayName(k, b))
			return
		}
		if e, _, ok := lookup(t.norm); ok && (e.lem.cite == "نقل" || e.lem.cite == "أورد") || t.norm == "نقلته" || t.norm == "اوردته" || t.norm == "بثته" || t.norm == "نشرته" {
			if k+1 < b {
				c.relays = append(c.relays, x.relayName(k+1, b))
			}
			return
		}
	}
}

// relayName returns the span of the relay named from i: a known agency
// inside it if there is one (وكالة الأنباء الروسية (سبوتنيك) → سبوتنيك),
// else its words up to the end of the phrase.
func (x *extraction) relayName(i, b int) news.Span {
	toks := x.toks
	for k := i; k < b; k++ {
		if toks[k].kind != word {
			continue
		}
		words := x.wordsFrom(k, b, 6)
		if n := agencyAt(words); n > 0 {
			sp := x.wordsSpan(k, b, n)
			if toks[k].norm[:2] == "ل" && agencyAt([]string{toks[k].norm}) > 0 && len(agencyIndex()[toks[k].norm]) == 0 {
				sp.Start = skipFirstLetter(x.text, sp.Start, sp.End)
			}
			return sp
		}
	}
	if toks[i].kind == word && toks[i].norm == "ل" { // لـ«الجريدة»
		i++
		for i < b && toks[i].kind != word {
			i++
		}
		if i >= b {
			return news.Span{}
		}
	}
	e := i
	n := 0
	for e < b && n < 6 {
		t := toks[e]
		if t.kind == comma || t.kind == stop || t.kind == newline || t.kind == colon || t.kind == dash {
			break
		}
		if t.kind == word {
			if sets().complementizer[t.norm] {
				break
			}
			n++
		}
		e++
	}
	for e > i && toks[e-1].kind != word {
		e--
	}
	if e <= i {
		return news.Span{Start: toks[i].start, End: toks[i].end}
	}
	sp := x.span(i, e)
	if w := toks[i].norm; len(w) > 2 && w[:2] == "ل" {
		sp.Start = skipFirstLetter(x.text, sp.Start, sp.End)
	}
	return sp
}

// wordsFrom returns the normalized words from token i (at most n), up to q.
func (x *extraction) wordsFrom(i, q, n int) []string {
	var ws []string
	for k := i; k < q && len(ws) < n; k++ {
		if x.toks[k].kind == word {
			ws = append(ws, x.toks[k].norm)
		}
	}
	return ws
}

// wordsSpan returns the span of the first n words from token i.
func (x *extraction) wordsSpan(i, q, n int) news.Span {
	sp := news.Span{Start: x.toks[i].start}
	for k := i; k < q && n > 0; k++ {
		if x.toks[k].kind == word {
			sp.End = x.toks[k].end
			n--
		}
	}
	return sp
}

// preverbal looks for the subject before the verb (الجيش الروسي، أشار
// إلى…; المصادر لم تستبعد…; وكانت الرئاسة قد قالت…), back to the start of
// the clause, and reports whether it found one. With strong set it accepts
// only a subject tied to the verb by an auxiliary (قد، لم، لن) or opened by
// كان, and nothing after the verb can then be the subject.
func (x *extraction) preverbal(c *cand, strong bool) bool {
	toks := x.toks
	s := sets()
	i := c.trig - 1
	aux := false
	for i >= 0 && toks[i].kind == word && (s.auxiliary[toks[i].norm] || i == c.trig-1 && isKana(toks[i].norm) && !strings.HasPrefix(toks[i].norm, "و")) {
		i-- // قد، لم، and كانت in "التقارير كانت أشارت"
		aux = true
	}
	if i >= 0 && toks[i].kind == comma {
		if strong {
			return false
		}
		i--
	}
	end := i + 1
	n := 0
	floor := i - 3*maxBack // a bounded window, whatever the punctuation
	for i >= 0 && i > floor && n < maxBack {
		t := toks[i]
		if t.kind == quote || t.kind == qopen || t.kind == qclose {
			i--
			continue
		}
		if t.kind != word {
			break
		}
		w := t.norm
		if s.clauseStop[w] || s.clauseStop[stripConj(w)] || s.complementizer[w] || s.auxiliary[w] || isAttribution(w) || isKana(w) {
			break
		}
		if _, _, ok := lookup(w); ok {
			break
		}
		n++
		i--
	}
	if strong && !aux && !(i >= 0 && toks[i].kind == word && isKana(toks[i].norm)) {
		return false
	}
	if !strong && i == c.trig-1 && i >= 0 && toks[i].kind == word && relativePronoun(toks[i].norm) {
		// …، ديمتري بيليك، الذي أوضح أن: the relative clause speaks for
		// the noun before it.
		k := i - 1
		if k >= 0 && toks[k].kind == comma {
			k--
		}
		e := k + 1
		for n = 0; k >= 0 && toks[k].kind == word && n < 4 && !s.clauseStop[toks[k].norm] && !x.isTrigger(k); n++ {
			k--
		}
		if k+1 < e {
			c.subjChunks = [][2]int{{k + 1, e}}
			c.preverbal = true
			c.clause = c.trig
			return true
		}
		return false
	}
	start := i + 1
	for start < end && toks[start].kind != word {
		start++
	}
	for end > start && toks[end-1].kind != word && toks[end-1].kind != quote && toks[end-1].kind != qclose {
		end--
	}
	if start >= end || !hasWord(toks, start, end) {
		return false
	}
	c.subjChunks = [][2]int{{start, end}}
	c.preverbal = true
	c.clause = start
	return true
}

// isKana reports whether w is a form of كان, which opens a clause whose
// subject comes before its main verb (وكانت الوزارة قد أعلنت).
func isKana(w string) bool {
	switch stripConj(w) {
	case "كان", "كانت", "كانوا", "يكون", "تكون":
		return true
	}
	return false
}

// setContent fixes where the content of c begins, and whether it is a
// quotation.
func (x *extraction) setContent(c *cand, in intro) {
	toks := x.toks
	c.cstart = in.cstart
	c.quoteEnd = -1
	if c.cstart >= len(toks) {
		return
	}
	o := c.cstart
	if in.quoted {
		o = in.at
	}
	t := toks[o]
	if t.kind != quote && t.kind != qopen {
		return
	}
	cl := int(x.closeOf[o])
	if cl < 0 {
		c.cstart = o + 1
		return
	}
	// The quotation is the content when it ends the clause, or when it
	// follows a colon or the verb itself.
	if in.quoted || in.at >= 0 && toks[in.at].kind == colon || x.goodClose(cl) {
		c.cstart = o + 1
		c.quoteEnd = cl
		c.direct = true
	}
}

// boundaryAt returns the token where c's clause begins, if that clause
// takes over from a content before it (، مضيفا؛ وأضاف؛ فيما قال؛ بحسب), or -1.
func (x *extraction) boundaryAt(c *cand) int {
	toks := x.toks
	p := c.clause
	prev := p - 1
	sep := func(k int) bool {
		if k < 0 {
			return true
		}
		switch toks[k].kind {
		case comma, semi, dash, stop, newline, colon, quote, qclose:
			return true
		}
		return false
	}
	if prev >= 0 && toks[prev].kind == word {
		switch stripConj(toks[prev].norm) {
		case "فيما", "بينما", "حين", "كما", "ثم", "حيث", "لكن", "لكنه", "لكنها", "بل", "اذ", "حينما", "وقد":
			if sep(prev - 1) {
				return prev - 1
			}
			return prev
		case "التي", "الذي":
			k := prev - 1
			if k >= 0 && toks[k].kind == word && toks[k].norm == "الامر" {
				k--
			}
			if k >= 0 && toks[k].kind == comma {
				return k
			}
			return -1
		}
	}
	if sep(prev) {
		if c.preverbal && prev >= 0 && toks[prev].kind == comma {
			return -1 // …أن قائد القوة، الجنرال فلان، أبلغ: an apposition, not a new clause
		}
		if prev >= 0 && toks[prev].kind != stop && toks[prev].kind != newline {
			return prev
		}
		return p
	}
	if c.form == fPart || c.pro && !c.preverbal || c.trailing {
		return p
	}
	return -1
}

// ends fixes where each content ends: at its closing quotation mark, or at
// the first of the sentence end, a semicolon and the next clause that takes
// over; then it attaches trailing attributions (… بحسب أ ف ب) to the claim
// they close.
func (x *extraction) ends() {
	toks := x.toks
	var bounds []int
	for _, c := range x.cands {
		if b := x.boundaryAt(c); b >= 0 {
			bounds = append(bounds, b)
		}
	}
	for i, t := range toks {
		if t.kind == semi {
			bounds = append(bounds, i)
		}
		// A contrast opens another proposition: …، فيما تواصلت المعارك;
		// … رغم أن; … في حين أن.
		if t.kind == word {
			w := stripConj(t.norm)
			if w == "فيما" || w == "بينما" || w == "رغم" || w == "برغم" || w == "حين" && i > 0 && toks[i-1].kind == word && toks[i-1].norm == "في" {
				b := i
				if w == "حين" {
					b--
				}
				if b > 0 && toks[b-1].kind == comma {
					b--
				}
				bounds = append(bounds, b)
			}
		}
	}
	sort.Ints(bounds)
	next := func(after int) int {
		k := sort.SearchInts(bounds, after)
		if k < len(bounds) {
			return bounds[k]
		}
		return len(toks)
	}
	byEnd := make(map[int]*cand)
	for _, c := range x.cands {
		if c.trailing {
			continue
		}
		if c.quoteEnd >= 0 {
			c.cend = c.quoteEnd
		} else {
			e := len(toks)
			if c.cstart < len(toks) {
				e = int(x.sentEnd[c.cstart])
			}
			c.cend = min(e, next(c.cstart), c.cstart+maxContent)
		}
		for c.cend > c.cstart && toks[c.cend-1].kind != word && toks[c.cend-1].kind != quote && toks[c.cend-1].kind != qclose && toks[c.cend-1].kind != pclose {
			c.cend--
		}
		if !hasWord(toks, c.cstart, c.cend) {
			c.drop = true
			continue
		}
		byEnd[c.cend] = c
		if c.quoteEnd >= 0 {
			byEnd[c.quoteEnd+1] = c
		}
	}
	for _, c := range x.cands {
		if !c.trailing {
			continue
		}
		b := x.boundaryAt(c)
		if b < 0 {
			b = c.trig
		}
		// The claim this attribution closes, if there is one.
		e := b
		for e > 0 && toks[e-1].kind != word && toks[e-1].kind != quote && toks[e-1].kind != qclose {
			e--
		}
		if owner, ok := byEnd[e]; ok && !owner.drop && owner.trig < c.trig {
			owner.relays = append([]news.Span{x.span(c.override[0], c.override[1])}, owner.relays...)
			c.drop = true
			continue
		}
		// Else the attribution is the claim: its content is the clause
		// before it.
		st := max(c.sentence, e-maxContent)
		if e > 0 && int(x.colonAt[e-1]) >= st {
			st = int(x.colonAt[e-1]) + 1 // موسكو: شن الطيران… وفقا لما ذكرته
		}
		for st < e && toks[st].kind != word && toks[st].kind != quote && toks[st].kind != qopen {
			st++
		}
		if !hasWord(toks, st, e) {
			c.drop = true
			continue
		}
		c.cstart, c.cend = st, e
		c.clause = st
		if words(toks, st, e) < 3 {
			// وتضمن هؤلاء، وفق عبد الرحمن، مقاتلين عرب…: the phrase stands
			// inside its clause, whose proposition follows it.
			a := c.override[1]
			for a < len(toks) && (toks[a].kind == comma || toks[a].kind == dash) {
				a++
			}
			b := int(x.sentEnd[c.trig])
			b = min(b, next(a), a+maxContent)
			if a < b && words(toks, a, b) >= 3 && toks[a].kind == word && !x.isTrigger(a) && !relativePronoun(toks[a].norm) && !(a+1 < b && x.isTrigger(a+1)) {
				c.cstart, c.cend = a, b
				continue
			}
			c.silent = true // جاء ذلك وفق ما أعلنه الوزير: who speaks next
		}
	}
}

// words counts the words of toks[a:b].
func words(toks []tok, a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		if toks[k].kind == word {
			n++
		}
	}
	return n
}
