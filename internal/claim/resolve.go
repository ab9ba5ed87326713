package claim

import (
	"sort"
	"strings"

	"github.com/isnad-project/isnad/internal/news"
)

// resolve names the speaker of every claim: from its subject, split into
// role and name; or, for a verb with no subject (وأضاف، وقال إنه، مؤكدا),
// from the speaker before it. Then it sets Via: the claim's own relays,
// after the outer speaker when the claim sits inside another's content.
func (x *extraction) resolve() {
	var last, named *cand
	var stack []*cand
	seen := make(map[string]bool)
	for _, c := range x.cands {
		if c.drop {
			continue
		}
		// Nesting: the innermost open content that holds the trigger.
		for len(stack) > 0 && stack[len(stack)-1].cend <= c.trig {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			if p := stack[len(stack)-1]; p.cstart <= c.trig && c.trig < p.cend && !c.trailing {
				c.parent = p
			}
		}
		if !c.trailing {
			stack = append(stack, c)
		}
		if c.parent != nil && c.trig > 0 && x.toks[c.trig-1].kind == word {
			switch x.toks[c.trig-1].norm {
			case "لم", "لن", "لا":
				c.drop = true // إن بلاده لم تتعهد بـ…: a denial inside the claim, not a claim
				continue
			}
		}
		switch {
		case c.override[0] < c.override[1]:
			c.speaker, c.role = x.splitRole([][2]int{c.override})
			if c.skipL {
				first := x.toks[c.override[0]].start
				for _, sp := range []*news.Span{&c.speaker, &c.role} {
					if sp.Len() > 0 && sp.Start == first {
						sp.Start = skipFirstLetter(x.text, sp.Start, sp.End)
					}
				}
			}
		case len(c.subjChunks) > 0:
			c.speaker, c.role = x.splitRole(c.subjChunks)
		default:
			if c.parent != nil || c.trig > 0 && x.toks[c.trig-1].kind == word && (x.toks[c.trig-1].norm == "ما" || x.toks[c.trig-1].norm == "مما") || c.form == fImperf && c.lem.impersonal {
				// With no subject, a verb inside another's content speaks for
				// that speaker again, and one after ما (مما يشير إلى أن)
				// draws a conclusion: neither is a new claim.
				c.drop = true
				continue
			}
			if a, ok := x.antecedent(c, last, seen); ok {
				c.speaker, c.resolved = a, true
			}
		}
		if c.speaker.Len() == 0 {
			continue
		}
		// ref is whom a later وأضاف speaks for: a description such as
		// "المتحدث" or "الجنرال الروسي" after a named speaker stands for him.
		c.ref = c.speaker
		switch {
		case c.resolved:
			// already the speaker the antecedent stands for
		case x.isDescription(c.speaker) && named != nil:
			c.ref = named.ref
		}
		if ws := x.normWordsRaw(c.speaker); !c.resolved && len(ws) > 0 && (!c.weak || !looksMasdar(stripDef(ws[0])) && !objectNouns[stripDef(ws[0])]) {
			// A speaker read with confidence; a noun phrase after a verb may
			// have been its object (أكد أهمية…) and names no one.
			for _, w := range ws {
				seen[stripDef(w)] = true
			}
		}
		// A claim inside another's content or in a relative clause does not
		// change who the story is following.
		if c.parent == nil && (c.preverbal || !x.inRelative(c)) {
			last = c
			if !c.resolved && !x.isDescription(c.speaker) {
				named = c
			}
		}
	}
	for _, c := range x.cands {
		if c.drop {
			continue
		}
		var via []string
		if p := c.parent; p != nil && len(p.via) < maxVia {
			via = append(via, p.via...)
			if p.speaker.Len() > 0 {
				via = append(via, x.text[p.speaker.Start:p.speaker.End])
			}
		}
		for _, r := range c.relays {
			if r.Len() > 0 {
				via = append(via, x.text[r.Start:r.End])
			}
		}
		c.via = via
	}
}

// antecedent finds who speaks in a clause with no subject. A participle or
// verbal noun (مؤكدا، بالقول) speaks for the subject of its sentence; any
// other verb for the last speaker named.
func (x *extraction) antecedent(c, last *cand, seen map[string]bool) (news.Span, bool) {
	if c.form == fPart || c.form == fMasdar {
		if last != nil && last.sentence == c.sentence {
			return last.ref, true
		}
		if sp, ok := x.sentenceSubject(c); ok && x.plausibleSubject(sp, seen) {
			return sp, true
		}
	}
	if x.midSentence(c) {
		// ولم تكتف روسيا بالاتهامات، بل لوحت…: the subject of the clause
		// the verb continues.
		if last != nil && last.sentence == c.sentence {
			return last.ref, true
		}
		if sp, ok := x.sentenceSubject(c); ok && x.plausibleSubject(sp, seen) {
			return sp, true
		}
	}
	if last != nil {
		return last.ref, true
	}
	return news.Span{}, false
}

// plausibleSubject reports whether a guessed subject can name a speaker:
// it opens with a title, a body's head noun, a definite noun or a name
// already seen as a speaker.
func (x *extraction) plausibleSubject(sp news.Span, seen map[string]bool) bool {
	ws := x.normWordsRaw(sp)
	if len(ws) == 0 {
		return false
	}
	w := ws[0]
	s := sets()
	return s.roleNoun[stripDef(w)] || s.rank[w] || institutionHeads[w] || seen[stripDef(w)]
}

// midSentence reports whether c's clause continues a sentence that began
// with another clause (… بل لوحت، … حين اعتبر).
func (x *extraction) midSentence(c *cand) bool {
	return int(x.lead[c.trig]) < c.clause
}

// isDescription reports whether sp names a speaker only by a definite
// description of one to three words: المتحدث، الجنرال الروسي، المسؤول.
func (x *extraction) isDescription(sp news.Span) bool {
	ws := x.normWordsRaw(sp)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if !hasDef(w) {
			return false
		}
	}
	h := stripDef(ws[0])
	return sets().roleNoun[h] || sets().rank[ws[0]] || h == "ضابط" || h == "عسكري" || h == "دبلوماسي" || h == "جنرال"
}

// inRelative reports whether c's clause is a relative clause (التي قالت
// موسكو…، ما أعلنته…).
func (x *extraction) inRelative(c *cand) bool {
	k := c.clause - 1
	if k < 0 || x.toks[k].kind != word {
		return false
	}
	w := x.toks[k].norm
	return relativePronoun(w) || w == "ما" || w == "مما" || w == "لما"
}

func (x *extraction) normWordsRaw(sp news.Span) []string {
	var ws []string
	for _, t := range x.toks[x.tokAt(sp.Start):] {
		if t.start >= sp.End {
			break
		}
		if t.kind == word {
			ws = append(ws, t.norm)
		}
	}
	return ws
}

// sentenceSubject guesses the subject of the verb that opens c's sentence:
// the words after its first word, up to a preposition, a comma or the
// trigger (وتصدى كوناشينكوف لذلك قائلا → كوناشينكوف).
func (x *extraction) sentenceSubject(c *cand) (news.Span, bool) {
	toks := x.toks
	s := sets()
	k := int(x.lead[c.trig])
	if k >= c.trig {
		return news.Span{}, false
	}
	k++ // the verb
	a := k
	n := 0
	for k < c.trig && n < 6 {
		t := toks[k]
		if t.kind == comma && n > 0 {
			e := k + 1
			for e < c.trig && toks[e].kind == word {
				e++
			}
			if e > k+1 && e < c.trig && toks[e].kind == comma && x.isNameChunk(k+1, e) {
				k = e
				continue
			}
			break
		}
		if t.kind != word {
			break
		}
		w := t.norm
		if s.functionWord[w] || s.timeWord[w] || strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ب") && !hasDef(w) {
			break
		}
		n++
		k++
	}
	if n == 0 {
		return news.Span{}, false
	}
	return x.span(a, k), true
}

// tokAt returns the index of the first token that starts at or after off.
func (x *extraction) tokAt(off int) int {
	return sort.Search(len(x.toks), func(i int) bool { return x.toks[i].start >= off })
}

// normWords returns the normalized words of a span (for matching names).
func (x *extraction) normWords(sp news.Span) []string {
	var ws []string
	for _, t := range x.toks[x.tokAt(sp.Start):] {
		if t.start >= sp.End {
			break
		}
		if t.kind == word {
			ws = append(ws, stripDef(t.norm))
		}
	}
	return ws
}

// splitRole splits a subject into the speaker's name and role:
// "وزير الخارجية الروسي سيرغي لافروف" → name "سيرغي لافروف", role "وزير
// الخارجية الروسي". A rank stays with the name (الجنرال إيغور…). A subject
// with no name (المتحدث باسم الوزارة، مصدر أمني) is the speaker as a whole.
func (x *extraction) splitRole(chunks [][2]int) (speaker, role news.Span) {
	toks := x.toks
	if len(chunks) > 1 {
		first := -1
		for i, ch := range chunks {
			if x.isNameChunk(ch[0], ch[1]) {
				first = i
				break
			}
		}
		if first >= 0 {
			last := first
			for last+1 < len(chunks) && x.isNameChunk(chunks[last+1][0], chunks[last+1][1]) {
				last++
			}
			speaker = news.Span{Start: toks[chunks[first][0]].start, End: toks[chunks[last][1]-1].end}
			var roles [][2]int
			if first > 0 {
				roles = chunks[:first]
			} else if last+1 < len(chunks) {
				roles = chunks[last+1:]
			}
			if len(roles) > 0 {
				role = news.Span{Start: toks[roles[0][0]].start, End: toks[roles[len(roles)-1][1]-1].end}
				role = x.trimSpan(role)
			}
			return x.trimSpan(speaker), role
		}
		// No chunk is a bare name: the first holds role and name.
		sp, r := x.splitChunk(chunks[0][0], chunks[0][1])
		if r.Len() == 0 && len(chunks) > 1 && x.isRoleChunk(chunks[1][0], chunks[1][1]) {
			r = x.trimSpan(x.span(chunks[1][0], chunks[1][1]))
		}
		return sp, r
	}
	return x.splitChunk(chunks[0][0], chunks[0][1])
}

func (x *extraction) isRoleChunk(a, b int) bool {
	for k := a; k < b; k++ {
		if x.toks[k].kind == word {
			return sets().roleNoun[stripDef(stripConj(x.toks[k].norm))]
		}
	}
	return false
}

// splitChunk splits one chunk into name and role, by finding the name at
// its end: up to four words with no article (a surname with one may end
// it), and the ranks before them.
func (x *extraction) splitChunk(a, b int) (speaker, role news.Span) {
	toks := x.toks
	s := sets()
	for b > a && toks[b-1].kind != word && toks[b-1].kind != quote && toks[b-1].kind != qclose {
		b--
	}
	for a < b && toks[a].kind != word && toks[a].kind != quote && toks[a].kind != qopen {
		a++
	}
	if a >= b {
		return news.Span{}, news.Span{}
	}
	whole := x.trimSpan(x.span(a, b))
	// A name first, then its title (دومينيك بيرجون مدير قسم الطوارئ).
	if toks[a].kind == word && x.nameWord(a, a) && !institutionHeads[toks[a].norm] {
		for r := a + 1; r < b && r <= a+4; r++ {
			if toks[r].kind != word {
				break
			}
			w := stripDef(toks[r].norm)
			if s.roleNoun[w] {
				return x.trimSpan(x.span(a, r)), x.trimSpan(x.span(r, b))
			}
			if !x.nameWord(r, a) && !isSurname(toks[r].norm) {
				break
			}
		}
	}
	k := b
	n := 0
	for k > a && n < 4 {
		t := toks[k-1]
		if t.kind != word {
			break
		}
		w := t.norm
		if x.nameWord(k-1, a) {
			n++
			k--
			continue
		}
		if n == 0 && isSurname(w) && k-2 >= a && toks[k-2].kind == word && x.nameWord(k-2, a) && !s.roleNoun[stripDef(toks[k-2].norm)] {
			n++ // a surname with the article: حيدر العبادي
			k--
			continue
		}
		break
	}
	if n == 0 {
		if s.roleNoun[stripDef(stripConj(toks[a].norm))] {
			return whole, whole
		}
		return whole, news.Span{}
	}
	nameStart := k
	for nameStart > a && toks[nameStart-1].kind == word && s.rank[toks[nameStart-1].norm] {
		nameStart--
	}
	if nameStart == a {
		return whole, news.Span{}
	}
	// A name right after a noun in construct (وزير خارجية روسيا) is no
	// name: the chunk is one role phrase when the word before it has no
	// article and is no rank.
	prev := toks[nameStart-1]
	if prev.kind == word && nameStart == k && (s.functionWord[prev.norm] || prepositions[prev.norm] ||
		(s.roleNoun[prev.norm] || institutionHeads[prev.norm]) || !hasDef(prev.norm) && !s.rank[prev.norm] && !strings.HasSuffix(prev.norm, "ي") && n == 1) {
		if s.roleNoun[stripDef(stripConj(toks[a].norm))] {
			return whole, whole
		}
		return whole, news.Span{}
	}
	speaker = x.trimSpan(x.span(nameStart, b))
	role = x.trimSpan(x.span(a, nameStart))
	return speaker, role
}

// nameWord reports whether token k may be a word of a person's name.
func (x *extraction) nameWord(k, a int) bool {
	w := x.toks[k].norm
	if !isNameish(w) || sets().rank[w] {
		return false
	}
	// A word with ل glued on before a definite word is a preposition
	// phrase (لحقوق الإنسان), not a name.
	if strings.HasPrefix(w, "ل") && !strings.HasPrefix(w, "لا") && k+1 < len(x.toks) && x.toks[k+1].kind == word && hasDef(x.toks[k+1].norm) {
		return false
	}
	return true
}

// trimSpan trims spaces and punctuation other than quotation marks from
// both ends of sp.
func (x *extraction) trimSpan(sp news.Span) news.Span {
	t := x.text
	for sp.Start < sp.End && strings.ContainsRune(" \t\n\r،,-–—:؛;.", rune(t[sp.Start])) {
		sp.Start++
	}
	for sp.End > sp.Start {
		r := t[sp.End-1]
		if strings.ContainsRune(" \t\n\r,-:;.", rune(r)) {
			sp.End--
			continue
		}
		if strings.HasSuffix(t[sp.Start:sp.End], "،") || strings.HasSuffix(t[sp.Start:sp.End], "؛") || strings.HasSuffix(t[sp.Start:sp.End], "–") || strings.HasSuffix(t[sp.Start:sp.End], "—") {
			sp.End -= 2
			if t[sp.End] == 0xE2 {
				sp.End--
			}
			continue
		}
		break
	}
	return sp
}

// output turns the framed candidates into claims.
func (x *extraction) output() []news.Claim {
	out := make([]news.Claim, 0, len(x.cands))
	seen := make(map[news.Span]bool)
	for _, c := range x.cands {
		if c.drop || c.silent || !c.ok || c.cend <= c.cstart {
			continue
		}
		toks := x.toks
		content := news.Span{Start: toks[c.cstart].start, End: toks[c.cend-1].end}
		if c.quoteEnd >= 0 && c.cstart > 0 {
			content = news.Span{Start: toks[c.cstart-1].end, End: toks[c.quoteEnd].start}
		}
		content = x.trimContent(content)
		if content.Len() <= 0 || seen[content] {
			continue
		}
		if c.weak && c.cend-c.cstart < 2 {
			continue // a lone noun after a verb (تقر دمشق بوجودها) carries no proposition
		}
		seen[content] = true
		if c.pro == false && c.phrase && c.trailing {
			// nothing to strip
		}
		if c.trailing && c.cstart < len(toks) {
			// Content that opens a sentence with the conjunction و: drop it.
			if t := toks[c.cstart]; t.kind == word && t.start == content.Start && conjunction(t.norm) {
				content.Start = skipFirstLetter(x.text, content.Start, content.End)
			}
		}
		cl := news.Claim{
			Verb:    x.text[c.verbSpan.Start:c.verbSpan.End],
			Act:     c.lem.act,
			Direct:  c.direct,
			Content: x.text[content.Start:content.End],
			Via:     c.via,
			Figures: []news.Figure{},
		}
		if c.via == nil {
			cl.Via = []string{}
		}
		if c.lem.doubt {
			cl.Framing = Doubt
		}
		if c.speaker.Len() > 0 {
			cl.Speaker = x.text[c.speaker.Start:c.speaker.End]
			cl.SpeakerSpan = c.speaker
		}
		if c.role.Len() > 0 && !c.resolved {
			cl.SpeakerRole = x.text[c.role.Start:c.role.End]
		}
		cl.Resolved = c.resolved
		cl.VerbSpan = c.verbSpan
		cl.ContentSpan = content
		sp := news.Span{Start: min(c.verbSpan.Start, content.Start), End: max(c.verbSpan.End, content.End)}
		if !c.resolved && c.speaker.Len() > 0 {
			sp.Start = min(sp.Start, c.speaker.Start)
			sp.End = max(sp.End, c.speaker.End)
		}
		cl.Span = sp
		cl.Figures = figuresIn(x.figures, content)
		out = append(out, cl)
	}
	return out
}

// conjunction reports whether a normalized word starts with the
// conjunction و glued to a word of three letters or more.
func conjunction(w string) bool {
	return len(w) > 6 && w[:2] == "و" && !strings.HasPrefix(w, "وزار") && !strings.HasPrefix(w, "وكال") && !strings.HasPrefix(w, "وسائل") && !strings.HasPrefix(w, "وفد")
}

// trimContent trims spaces and a trailing comma or full stop from the
// content span.
func (x *extraction) trimContent(sp news.Span) news.Span {
	return x.trimSpan(sp)
}
