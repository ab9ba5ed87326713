package claim

import (
	"strings"

	"github.com/isnad-project/isnad/internal/news"
)

// phraseLemma stands for the attribution phrases, which report without a
// verb of their own.
var phraseLemma = &lemma{cite: "بحسب", act: Assert}

// attributionFrame reads an attribution phrase at i: بحسب، حسب ما أوردت،
// وفقا لـ، وفق ما أفاد، نقلا عن، على لسان. Before its content (وبحسب
// المرصد، فإن …) it introduces the content; after it (… بحسب أ ف ب) it
// closes the clause before it, which ends picks up.
func (x *extraction) attributionFrame(i int) *cand {
	toks := x.toks
	s := sets()
	w := stripConj(toks[i].norm)
	c := &cand{trig: i, trigEnd: i + 1, phrase: true, lem: phraseLemma, quoteEnd: -1, clause: i}
	c.pro = w != toks[i].norm
	end := int(x.sentEnd[i])
	j := i + 1
	switch w {
	case "لسان": // على لسان
		c.trig, c.clause, c.pro = i-1, i-1, false
		c.verbSpan = news.Span{Start: toks[i-1].start, End: toks[i].end}
	case "نقلا":
		if j >= end || toks[j].norm != "عن" {
			return nil
		}
		j++
	case "وفقا", "طبقا", "استنادا":
		if j < end && toks[j].kind == word && (toks[j].norm == "ل" || toks[j].norm == "لما") {
			j++
		}
	}
	if c.verbSpan == (news.Span{}) {
		c.verbSpan = x.wordSpan(i, c.pro)
	}
	if j < end && toks[j].kind == word && (toks[j].norm == "ما" || toks[j].norm == "لما") {
		j++
	}
	// حسب ما أوردت "أسوشيتد برس": the verb is the reporting word.
	if j < end && toks[j].kind == word {
		if _, pro, ok := lookup(toks[j].norm); ok && !pro {
			c.verbSpan = x.wordSpan(j, false)
			x.consumed[j] = true
			j++
		}
	}
	hasVerb := c.verbSpan.Start != x.wordSpan(i, c.pro).Start
	src := x.sourceRange(j, end)
	if src[0] >= src[1] || !hasWord(toks, src[0], src[1]) {
		return nil
	}
	if !hasVerb && w != "نقلا" && w != "لسان" && !x.speakerish(src[0], src[1]) {
		return nil // وفق القوانين، حسب الترتيب: "in line with", not a source
	}
	if (w == "وفقا" || w == "طبقا" || w == "استنادا") && toks[src[0]].kind == word && len(toks[src[0]].norm) > 4 && toks[src[0]].norm[:2] == "ل" {
		c.skipL = true // وفقا لمصادر: the source is مصادر
	}
	c.override = src
	// وفق ما نقلته وكالة نوفوستي عن المندوب: the agency relays.
	for k := src[0] + 1; k+1 < src[1]; k++ {
		if toks[k].kind == word && toks[k].norm == "عن" {
			c.relays = append(c.relays, x.relayName(src[0], k))
			c.override = [2]int{k + 1, src[1]}
			break
		}
	}
	e := src[1]
	if e+1 < end && toks[e].kind == comma && toks[e+1].kind == word && toks[e+1].norm == "عن" && c.relays == nil {
		// وفق ما نقلته وكالة نوفوستي، عن المندوب…
		c.relays = append(c.relays, x.relayName(src[0], src[1]))
		c.override = x.sourceRange(e+2, end)
		e = c.override[1]
	}
	if e+1 < end && toks[e].kind == word && toks[e].norm == "نقلا" && toks[e+1].norm == "عن" {
		// وفقا لما ذكرته وكالات الأنباء نقلا عن المتحدث: the agencies relay.
		c.relays = append(c.relays, x.span(src[0], src[1]))
		c.override = x.sourceRange(e+2, end)
		e = c.override[1]
	}
	if x.leading(c) {
		k := e
		for k < end && (toks[k].kind == comma || toks[k].kind == colon || toks[k].kind == dash) {
			k++
		}
		if k < end && toks[k].kind == word && s.complementizer[toks[k].norm] {
			k++
		}
		if k >= end || !hasWord(toks, k, min(end, k+maxRegion)) {
			return nil
		}
		c.cstart = k
		if toks[k].kind == quote || toks[k].kind == qopen {
			x.setContent(c, intro{at: k, cstart: k, quoted: true, found: true})
		}
		c.ok = true
		return c
	}
	c.trailing = true
	c.ok = true
	return c
}

// speakerish reports whether toks[a:b] can name a source: a title, a body
// or a document (مصدر، المرصد، بيان، التقرير), a news outlet, or a person's
// name of two words.
func (x *extraction) speakerish(a, b int) bool {
	s := sets()
	var ws []string
	for k := a; k < b && len(ws) < 3; k++ {
		if x.toks[k].kind == word {
			ws = append(ws, x.toks[k].norm)
		}
	}
	if len(ws) == 0 {
		return false
	}
	w := ws[0]
	if len(w) > 4 && w[:2] == "ل" && !strings.HasPrefix(w, "لا") {
		w = w[2:] // وفقا لمصادر
	}
	h := stripDef(w)
	if s.roleNoun[h] || s.rank[w] || institutionHeads[h] || documentNouns[h] || s.mediaNoun[w] || s.mediaNoun[h] || agencyAt(append([]string{w}, ws[1:]...)) > 0 || x.seen[h] {
		return true
	}
	// فلان الفلاني: a name of two words.
	return len(ws) >= 2 && isNameish(w) && !looksMasdar(w) && (isNameish(ws[1]) || isSurname(ws[1]))
}

// documentNouns name what can be the source of a statement without a
// speaker: بحسب التقرير، وفقا للإحصاءات، حسب الدراسة.
var documentNouns = map[string]bool{
	"تقرير": true, "تقارير": true, "بيان": true, "بيانات": true, "دراسه": true, "دراسات": true, "احصاءات": true,
	"احصائيات": true, "ارقام": true, "تقديرات": true, "معلومات": true, "وثيقه": true, "وثائق": true, "رساله": true,
	"اليه": true, "مسح": true, "استطلاع": true, "سجلات": true, "تحقيق": true, "تحقيقات": true, "شهود": true,
	"مصادر": true, "مصدر": true, "مراسل": true, "مسؤولين": true, "ناشطين": true, "ناشطون": true, "سكان": true,
}

// leading reports whether the phrase of c opens its sentence or clause
// (وبحسب المرصد، فإن…), so that its content follows it.
func (x *extraction) leading(c *cand) bool {
	s := sets()
	st := max(int(x.sentStart[c.trig]), c.trig-maxRegion)
	if st > int(x.sentStart[c.trig]) {
		return false
	}
	for k := c.trig - 1; k >= st; k-- {
		t := x.toks[k]
		if t.kind == colon {
			return true
		}
		if t.kind == comma || t.kind == dash {
			continue
		}
		if t.kind != word || !s.discourse[stripConj(t.norm)] {
			return false
		}
	}
	return true
}

// jaaFrame reads "وجاء في البيان أن…", "وجاء على لسان فلان أن…" and "ورد
// في التقرير": the document or person after the preposition is the source.
func (x *extraction) jaaFrame(i int) *cand {
	toks := x.toks
	c := &cand{trig: i, trigEnd: i + 2, lem: phraseLemma, phrase: true, quoteEnd: -1, clause: i}
	c.pro = stripConj(toks[i].norm) != toks[i].norm
	from := i + 2
	if toks[i+1].norm == "علي" {
		if i+2 >= len(toks) || toks[i+2].norm != "لسان" {
			return nil
		}
		from = i + 3
		c.trigEnd = i + 3
	}
	c.verbSpan = news.Span{Start: x.wordSpan(i, c.pro).Start, End: toks[c.trigEnd-1].end}
	end := int(x.sentEnd[i])
	limit := min(end, from+maxRegion)
	probe := &cand{trig: from - 1, lem: phraseLemma}
	in := x.findIntro(probe, limit)
	if !in.found || in.at <= from {
		return nil
	}
	c.override = [2]int{from, in.at}
	for c.override[1] > from && x.toks[c.override[1]-1].kind != word && x.toks[c.override[1]-1].kind != qclose && x.toks[c.override[1]-1].kind != quote {
		c.override[1]--
	}
	if !hasWord(toks, c.override[0], c.override[1]) {
		return nil
	}
	x.setContent(c, in)
	c.ok = true
	return c
}
