package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/isnad-project/isnad/internal/news"
)

// Limits that keep every reporting word's work bounded.
const (
	maxRegion    = 32   // tokens scanned after a verb for its content
	maxBack      = 10   // words scanned before a verb for its subject
	maxSource    = 10   // words of the source of an attribution phrase
	maxQuoteName = 5    // a quotation this short followed by more words is a name
	maxQuote     = 8000 // bytes: a longer "quotation" is a broken mark
	maxContent   = 400  // tokens of a content that is not quoted
	maxVia       = 8    // relays: deeper nesting is not followed
	maxSubject   = 14   // words between a verb and its content
)

// Extract returns the claims attributed in text, in the order of their
// reporting expressions. Offsets are byte offsets into text; Content,
// Speaker, SpeakerRole and Verb are copied from text at their spans.
//
// figures are the numbers of text, sorted by Start (the pipeline finds them
// with arabic.FindNumbers); each claim gets those inside its content. They
// may be nil. Extract keeps the slice and does not change it.
//
// Extract never fails: a text with no attribution gives an empty, non-nil
// list. It is safe for concurrent use.
func Extract(text string, figures []news.Figure) []news.Claim {
	x := newExtraction(text)
	x.figures = figures
	x.frames()
	x.ends()
	x.resolve()
	return x.output()
}

// An extraction holds the state of one Extract call.
type extraction struct {
	text string
	toks []tok

	sentStart []int32 // index of the first token of the sentence holding token i
	lead      []int32 // index of the first word of that sentence that is no discourse word
	colonAt   []int32 // index of the last colon at or before token i in its sentence, else -1
	sentEnd   []int32 // index of the stop or newline ending it (len(toks) if none)
	paraEnd   []int32 // index of the newline ending the paragraph
	closeOf   []int32 // for an opening quotation mark: its closing mark, else -1

	figures  []news.Figure
	cands    []*cand
	consumed map[int]bool    // reporting words already read into another frame
	seen     map[string]bool // words of the subjects framed so far (without ال)
}

// A cand is a reporting expression and, once framed, its claim.
type cand struct {
	trig, trigEnd int // token range of the reporting word(s)
	pro           bool
	obj           bool // the verb carries its object pronoun
	lem           *lemma
	form          form
	phrase        bool // an attribution phrase (بحسب…), not a verb
	verbSpan      news.Span

	// The frame, as token indices. subj is the speaker as written;
	// subjects after the verb and before it both land here.
	subjChunks [][2]int
	preverbal  bool
	override   [2]int // a speaker named by نقلا عن / على لسان / نقل … عن
	skipL      bool   // the override's first word carries the preposition ل
	relays     []news.Span
	cstart     int // first token of the content
	cend       int // end of the content (exclusive), set by ends
	quoteEnd   int // closing mark of a quoted content, or -1
	direct     bool
	weak       bool // the content is a noun phrase after the verb, not a clause or a quotation
	clause     int  // first token of the attribution clause
	boundary   bool // the clause starts a new attribution: it ends the content before it
	trailing   bool // an attribution phrase after its content
	sentence   int  // sentence start of the trigger

	ok       bool
	speaker  news.Span
	ref      news.Span // the speaker a later continuation verb stands for
	role     news.Span
	resolved bool
	via      []string
	parent   *cand
	drop     bool
	silent   bool // names a speaker for what follows, but carries no claim (جاء ذلك وفق ما أعلنه…)
}

func newExtraction(text string) *extraction {
	x := &extraction{text: text, toks: scan(text), consumed: map[int]bool{}, seen: map[string]bool{}}
	n := len(x.toks)
	x.sentStart = make([]int32, n)
	x.sentEnd = make([]int32, n)
	x.paraEnd = make([]int32, n)
	x.closeOf = make([]int32, n)
	start := 0
	for i, t := range x.toks {
		x.sentStart[i] = int32(start)
		if t.kind == stop || t.kind == newline {
			start = i + 1
		}
	}
	end, para := n, n
	for i := n - 1; i >= 0; i-- {
		switch x.toks[i].kind {
		case newline:
			end, para = i, i
		case stop:
			end = i
		}
		x.sentEnd[i] = int32(end)
		x.paraEnd[i] = int32(para)
	}
	// lead: the first word of each sentence that is no discourse word (the
	// verb of its first clause, in VSO order); colonAt: the last colon so far.
	x.lead = make([]int32, n)
	x.colonAt = make([]int32, n)
	s := sets()
	next := int32(n)
	for i := n - 1; i >= 0; i-- {
		if t := x.toks[i]; t.kind == word && !s.discourse[stripConj(t.norm)] && !s.auxiliary[stripConj(t.norm)] {
			next = int32(i)
		}
		x.lead[i] = next
	}
	colonAt := int32(-1)
	for i, t := range x.toks {
		if i == int(x.sentStart[i]) {
			colonAt = -1
		}
		if t.kind == colon {
			colonAt = int32(i)
		}
		x.colonAt[i] = colonAt
		x.lead[i] = x.lead[x.sentStart[i]]
	}
	x.pairQuotes()
	return x
}

// pairQuotes finds, for each quotation mark that can open a quotation, the
// mark that closes it, within its paragraph. « » pair by nesting. Marks
// that look alike (" or “ ”) pair by order: the k-th mark of a paragraph
// may be closed by the (k+1)-th, (k+3)-th…; the first of those that is
// followed by punctuation, a line end or a reporting word closes it, else
// the (k+1)-th. One backward pass per paragraph keeps this linear.
func (x *extraction) pairQuotes() {
	for i := range x.closeOf {
		x.closeOf[i] = -1
	}
	var stack []int
	var marks [2][]int
	flush := func() {
		for c := range marks {
			l := marks[c]
			good := make([]int, len(l)+2)
			for k := len(l) - 1; k >= 0; k-- {
				good[k] = -1
				if x.goodClose(l[k]) {
					good[k] = k
				} else if k+2 < len(l) {
					good[k] = good[k+2]
				}
			}
			for k := 0; k+1 < len(l); k++ {
				c := k + 1
				if good[k+1] >= 0 && !x.shortQuote(l[k], l[k+1]) {
					c = good[k+1]
				}
				if x.toks[l[c]].start-x.toks[l[k]].end <= maxQuote {
					x.closeOf[l[k]] = int32(l[c])
				}
			}
			marks[c] = marks[c][:0]
		}
		stack = stack[:0]
	}
	for i, t := range x.toks {
		switch t.kind {
		case newline:
			flush()
		case qopen:
			stack = append(stack, i)
		case qclose:
			if len(stack) > 0 {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if t.start-x.toks[o].end <= maxQuote {
					x.closeOf[o] = int32(i)
				}
			}
		case quote:
			c := quoteClass(x.text, t)
			marks[c] = append(marks[c], i)
		}
	}
	flush()
}

// shortQuote reports whether only a few words stand between the marks o
// and c: an inline quotation ("داعش", "سيوف الشهباء") that closes at once.
func (x *extraction) shortQuote(o, c int) bool {
	if c-o-1 > maxQuoteName {
		return false
	}
	for k := o + 1; k < c; k++ {
		if x.toks[k].kind != word {
			return false
		}
	}
	return true
}

// goodClose reports whether the mark at i is followed by what follows the
// end of a quotation: punctuation, a line end, the end, or a reporting word.
func (x *extraction) goodClose(i int) bool {
	if i+1 >= len(x.toks) {
		return true
	}
	n := x.toks[i+1]
	if n.kind != word {
		return n.kind != quote && n.kind != qopen
	}
	if _, _, ok := lookup(n.norm); ok {
		return true
	}
	w := stripConj(n.norm)
	return isAttribution(w) || w == "فيما" || w == "بينما"
}

// frames finds every reporting expression and reads its frame.
func (x *extraction) frames() {
	for i := 0; i < len(x.toks); i++ {
		t := x.toks[i]
		if t.kind != word || x.consumed[i] {
			continue
		}
		w := stripConj(t.norm)
		var c *cand
		switch {
		case isAttribution(t.norm) || w == "لسان" && i > 0 && x.toks[i-1].norm == "علي":
			c = x.attributionFrame(i)
		case (w == "جاء" || w == "ورد") && i+1 < len(x.toks) && (x.toks[i+1].norm == "في" || x.toks[i+1].norm == "علي"):
			c = x.jaaFrame(i)
		default:
			e, pro, ok := lookup(t.norm)
			if !ok {
				continue
			}
			if e.form == fMasdar && !x.masdarOK(i) {
				continue
			}
			if (e.form == fPast || e.form == fImperf) && !pro && i > 0 && x.toks[i-1].kind == word && prepositions[x.toks[i-1].norm] {
				continue // في نفي للتهم: a noun after a preposition
			}
			if e.lem.cont && !pro && i > 0 && x.toks[i-1].kind == word {
				continue // تابع لـ: "belonging to"; a continuation verb opens its clause
			}
			c = &cand{trig: i, trigEnd: i + 1, pro: pro, obj: e.obj, lem: e.lem, form: e.form}
			x.verbFrame(c)
		}
		if c == nil || !c.ok {
			continue
		}
		c.sentence = int(x.sentStart[c.trig])
		if c.verbSpan == (news.Span{}) {
			c.verbSpan = x.wordSpan(c.trig, c.pro)
		}
		for _, ch := range append(c.subjChunks, c.override) {
			for k := ch[0]; k < ch[1]; k++ {
				if x.toks[k].kind == word {
					x.seen[stripDef(x.toks[k].norm)] = true
				}
			}
		}
		x.cands = append(x.cands, c)
	}
}

// masdarOK reports whether a verbal noun at i reports speech: القول إن،
// بالقول:، التأكيد على أن. Elsewhere a verbal noun is only a noun.
func (x *extraction) masdarOK(i int) bool {
	j := i + 1
	if j < len(x.toks) && x.toks[j].kind == word && x.toks[j].norm == "علي" {
		j++
	}
	if j >= len(x.toks) {
		return false
	}
	t := x.toks[j]
	return t.kind == colon || t.kind == word && sets().complementizer[t.norm]
}

// wordSpan is the span of token i, without its proclitic و or ف when pro.
func (x *extraction) wordSpan(i int, pro bool) news.Span {
	t := x.toks[i]
	sp := news.Span{Start: t.start, End: t.end}
	if pro {
		sp.Start = skipFirstLetter(x.text, sp.Start, sp.End)
	}
	return sp
}

// skipFirstLetter returns the offset after the first letter of
// text[start:end] and any marks (harakat, tatweel) that follow it.
func skipFirstLetter(text string, start, end int) int {
	_, size := utf8.DecodeRuneInString(text[start:end])
	i := start + size
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if !unicode.Is(unicode.Mn, r) && r != '\u0640' {
			break
		}
		i += size
	}
	return i
}

// An intro is where a verb's content begins.
type intro struct {
	at     int // token of the introducer (إن، :، the opening mark), or -1
	cstart int // first token of the content
	quoted bool
	found  bool
}

// verbFrame reads the frame of the reporting verb c.trig.
func (x *extraction) verbFrame(c *cand) {
	s := sets()
	toks := x.toks
	c.quoteEnd = -1
	c.clause = c.trig
	end := int(x.sentEnd[c.trig])
	limit := min(end, c.trig+maxRegion)
	if c.form == fPart || c.form == fMasdar {
		// A participle or verbal noun has no subject after it: its
		// content follows at once (مؤكدا أن، مشيرا إلى أن، بالقول:).
		limit = min(end, c.trig+3)
	}

	// The relay frame: نقلت وكالة … عن فلان قوله إن …
	relayAt := -1
	if c.lem.cite == "نقل" {
		for j := c.trig + 1; j < limit; j++ {
			if toks[j].kind == word && toks[j].norm == "عن" {
				relayAt = j
				break
			}
			if toks[j].kind == word && s.complementizer[toks[j].norm] {
				break
			}
		}
		if relayAt < 0 {
			return // نقل without عن moves things, it does not report
		}
	}

	// A subject before the verb, tied to it by an auxiliary (وكانت الوزارة
	// قد أعلنت، المصادر لم تستبعد): nothing after the verb is its subject.
	strong := relayAt < 0 && !c.pro && (c.form == fPast || c.form == fImperf) && x.preverbal(c, !c.lem.addressee)

	in := x.prepFirst(c, limit)
	if !in.found {
		in = x.findIntro(c, limit)
	}
	if !in.found {
		if c.lem.cite == "نقل" || c.obj {
			return // a verb with its object pronoun (الأرقام التي أعلنها) reports no new content
		}
		if strong {
			in = x.afterVerb(c, limit)
		} else {
			in = x.findPrepOrObject(c, limit)
		}
		if !in.found {
			return
		}
	}
	if c.lem.clauseOnly && !(in.at >= 0 && toks[in.at].kind == word && s.complementizer[toks[in.at].norm]) {
		return
	}
	if c.lem.prepOnly && !(in.at >= 0 && toks[in.at].kind == word && (s.complementizer[toks[in.at].norm] && in.at > 0 && toks[in.at-1].kind == word && preps[c.lem][toks[in.at-1].norm] || preps[c.lem][toks[in.at].norm])) {
		return
	}
	if in.quoted && c.lem.object && !strong {
		// أعلن الجيش قصف "معسكر تدريب" في…: the quotation is inside the
		// object, which begins after the subject.
		if k := x.objectStart(c, in.at); k > c.trig+1 && k < in.at && toks[k].kind == word && !s.functionWord[toks[k].norm] {
			in = intro{at: -1, cstart: k, found: true}
		}
	}
	regionEnd := in.cstart
	if in.at >= 0 {
		regionEnd = in.at
	}
	if words(toks, c.trig+1, regionEnd) > maxSubject {
		return // no subject is this long: the إن belongs to a clause further on
	}
	// Reporting words inside the region (a relative clause in the subject,
	// an adverbial that names a relay) are read as part of this frame.
	for j := c.trig + 1; j < regionEnd; j++ {
		if toks[j].kind == word && x.isTrigger(j) {
			x.consumed[j] = true
		}
	}
	// A preposition of the verb right before إن is not part of the subject.
	if regionEnd-1 > c.trig && toks[regionEnd-1].kind == word && preps[c.lem][toks[regionEnd-1].norm] {
		regionEnd--
	}
	if !strong && c.lem.object && c.lem.act != Assert && x.pronounSubject(c, limit) {
		// ودعا السلطات إلى "…": the words after the verb are its object.
		strong = true
		if in.at < 0 {
			in.cstart = c.trig + 1
		}
	}
	switch {
	case relayAt >= 0 && relayAt < regionEnd:
		// نقلت X عن Y قوله: X relays, Y speaks.
		if relayAt > c.trig+1 {
			c.relays = append(c.relays, x.span(c.trig+1, relayAt))
		}
		ye := regionEnd
		for j := relayAt + 1; j < regionEnd; j++ {
			if toks[j].kind == word && isQawl(toks[j].norm) {
				ye = j
				x.consumed[j] = true
				break
			}
		}
		c.subjChunks = x.chunks(relayAt+1, ye, c)
	case strong:
		x.chunks(c.trig+1, regionEnd, c) // relays and adverbials only
	default:
		c.subjChunks = x.chunks(c.trig+1, regionEnd, c)
	}
	if len(c.subjChunks) == 0 && c.override == [2]int{} && !c.pro && c.form != fPart && c.form != fMasdar {
		x.preverbal(c, false)
	}
	x.setContent(c, in)
	c.weak = !c.direct && (in.at < 0 || toks[in.at].kind == word && !s.complementizer[toks[in.at].norm])
	c.ok = c.cstart < len(toks) && c.cstart < int(x.sentEnd[min(c.cstart, len(toks)-1)])+1
}

// afterVerb finds the content of a verb whose subject stands before it:
// after adverbs of time, a preposition of the verb or the object itself
// (قد اتهم الأسبوع الماضي القوة الجوية بقصف…).
func (x *extraction) afterVerb(c *cand, limit int) intro {
	k := x.skipAdverbs(c.trig+1, limit)
	if k >= limit || x.toks[k].kind != word && x.toks[k].kind != quote && x.toks[k].kind != qopen {
		return intro{}
	}
	if x.toks[k].kind == word && preps[c.lem][x.toks[k].norm] {
		return intro{at: k, cstart: k + 1, found: k+1 < limit}
	}
	if !c.lem.object && !(preps[c.lem]["ب"] && x.isBiMasdar(x.toks[k].norm)) || c.obj {
		return intro{}
	}
	if x.toks[k].kind == word && (sets().functionWord[x.toks[k].norm] || x.isTrigger(k)) {
		return intro{}
	}
	return intro{at: -1, cstart: k, found: true}
}

func isQawl(w string) bool {
	switch w {
	case "قوله", "قولها", "قولهم", "قولهما", "تاكيده", "تاكيدها", "تاكيدهم":
		return true
	}
	return false
}

// prepFirst reads a verb whose preposition follows it at once, with the
// subject left as a pronoun: لوحت بالرد…، أشار إلى تدمير…، دعا إلى…
func (x *extraction) prepFirst(c *cand, limit int) intro {
	j := c.trig + 1
	if j+1 >= limit || x.toks[j].kind != word {
		return intro{}
	}
	w := x.toks[j].norm
	n := x.toks[j+1]
	if preps[c.lem][w] && !(n.kind == word && sets().complementizer[n.norm]) {
		return intro{at: j, cstart: j + 1, found: true}
	}
	if preps[c.lem]["ب"] && x.isBiMasdar(w) {
		return intro{at: -1, cstart: j, found: true}
	}
	return intro{}
}

// findIntro looks after the verb for إن/أن, a colon or a quotation that
// opens its content. It stops at the sentence end and at the next
// attribution.
func (x *extraction) findIntro(c *cand, limit int) intro {
	s := sets()
	toks := x.toks
	for j := c.trig + 1; j < limit; j++ {
		t := toks[j]
		switch t.kind {
		case stop, newline, semi:
			return intro{}
		case colon:
			return intro{at: j, cstart: j + 1, found: true}
		case quote, qopen:
			cl := int(x.closeOf[j])
			if cl < 0 {
				// A broken quotation: the content runs to the sentence end.
				return intro{at: j, cstart: j + 1, found: true}
			}
			if x.isQuotedName(j, cl) {
				j = cl
				continue
			}
			return intro{at: j, cstart: j, quoted: true, found: true}
		case word:
			w := t.norm
			if s.complementizer[w] {
				return intro{at: j, cstart: j + 1, found: true}
			}
			if j > c.trig+1 && preps[c.lem]["ب"] && x.isBiMasdar(w) {
				return intro{} // تعهد فلان بنشر…: the content is the verbal noun
			}
			if j > c.trig+1 && isAttribution(w) && !(toks[j-1].kind == comma || toks[j-1].kind == dash) {
				return intro{} // … بحسب أ ف ب closes the clause; ، وفقا لـ… is a parenthesis
			}
			if e, pro, ok := lookup(w); ok && j > c.trig {
				if e.lem.manner && (e.form == fPart || e.form == fMasdar) {
					x.consumed[j] = true // قائلا، بالقول: part of this verb's frame
					continue
				}
				if isQawl(w) {
					continue
				}
				// Another reporting verb ends the search, unless it sits in a
				// relative clause inside the subject (المسؤول الذي طلب…، في
				// تصريح نقلته وكالة…).
				if pro || e.form == fPart || !e.obj && !(j > 0 && toks[j-1].kind == word && relativePronoun(toks[j-1].norm)) {
					return intro{}
				}
			}
		}
	}
	return intro{}
}

// isQuotedName reports whether the quotation from o to cl is a short name
// in quotation marks inside the subject (أكد "المرصد" سيطرة…, ادانت "رئاسة
// المجلس" القصف): a few words, followed by more words of the clause.
func (x *extraction) isQuotedName(o, cl int) bool {
	if cl-o-1 > maxQuoteName || cl-o-1 < 1 {
		return false
	}
	for k := o + 1; k < cl; k++ {
		if x.toks[k].kind != word {
			return false
		}
	}
	if cl+1 >= len(x.toks) {
		return false
	}
	n := x.toks[cl+1]
	if n.kind == word {
		return !sets().complementizer[n.norm]
	}
	// A term quoted after a preposition (بدعم "داعش"، عن "تعاون وثيق").
	if o > 0 && x.toks[o-1].kind == word {
		if p := x.toks[o-1].norm; p == "عن" || (strings.HasPrefix(p, "ب") || strings.HasPrefix(p, "ل")) && utf8.RuneCountInString(p) >= 4 && !x.isTrigger(o-1) {
			return true
		}
	}
	// كتيبة "سيوف الشهباء"، …; لـ"إيلاف": …; وأردف "عسيري": …
	if n.kind == colon && cl-o-1 <= 3 {
		return true
	}
	return n.kind == comma && o > 0 && x.toks[o-1].kind == word && !x.isTrigger(o-1)
}

// isTrigger reports whether token i is a reporting word.
func (x *extraction) isTrigger(i int) bool {
	_, _, ok := lookup(x.toks[i].norm)
	return ok
}

// findPrepOrObject finds the content of a verb that takes no clause: after
// one of its prepositions (أشار إلى تدمير…, طالب بانسحاب…) or, for a
// transitive verb, after its subject (نفى ديلون توقيف…).
func (x *extraction) findPrepOrObject(c *cand, limit int) intro {
	toks := x.toks
	ps := preps[c.lem]
	if c.trig+1 < limit && toks[c.trig+1].kind == word && prepPronoun(toks[c.trig+1].norm) {
		return intro{} // التي تعلن عنها الوزارة: what is said is the noun before
	}
	if c.form == fPart && (c.trig == 0 || toks[c.trig-1].kind != comma) {
		// A participle with a noun for content opens a clause after a comma
		// (، مجددا رفضه); elsewhere it is an adverb or an adjective.
		limit = min(limit, c.trig+1)
	}
	for j := c.trig + 1; j < limit; j++ {
		t := toks[j]
		if t.kind != word {
			if t.kind == stop || t.kind == newline || t.kind == semi {
				break
			}
			if (t.kind == quote || t.kind == qopen) && x.closeOf[j] > int32(j) && x.shortQuote(j, int(x.closeOf[j])) {
				j = int(x.closeOf[j]) // a quoted name: «جهات مرتبطة بالتحالف»
			}
			continue
		}
		if _, pro, ok := lookup(t.norm); ok && (pro || j > c.trig+1) {
			break
		}
		if isAttribution(t.norm) {
			break
		}
		if ps[t.norm] && j+1 < limit && toks[j+1].kind == word || ps[t.norm] && j+1 < limit && (toks[j+1].kind == quote || toks[j+1].kind == qopen) {
			if c.lem.object {
				// طالب فلان الحكومة بـ…، أكد "المرصد" سيطرة الجيش على…:
				// the object is part of the content.
				if k := x.objectStart(c, j); k > c.trig && k < j {
					return intro{at: -1, cstart: k, found: true}
				}
			}
			return intro{at: j, cstart: j + 1, found: true}
		}
		if ps["ب"] && x.isBiMasdar(t.norm) && j > c.trig+1 {
			if c.lem.object {
				if k := x.objectStart(c, j); k > c.trig && k < j {
					return intro{at: -1, cstart: k, found: true}
				}
			}
			return intro{at: -1, cstart: j, found: true}
		}
	}
	if !c.lem.object && c.form != fPart || c.obj {
		return intro{}
	}
	if c.form == fPart {
		// مؤكدين وجود…, نافيا الأمر: a participle's object follows it.
		if c.trig+1 < limit && toks[c.trig+1].kind == word && !sets().functionWord[toks[c.trig+1].norm] && (c.lem.object || c.lem.act != Assert) {
			return intro{at: -1, cstart: c.trig + 1, found: true}
		}
		return intro{}
	}
	k := x.objectStart(c, limit)
	if k <= c.trig || k >= limit || toks[k].kind != word && toks[k].kind != quote && toks[k].kind != qopen || toks[k].kind == word && (sets().functionWord[toks[k].norm] && toks[k].norm != "ما" || x.isTrigger(k)) {
		return intro{}
	}
	return intro{at: -1, cstart: k, found: true}
}

// prepositions are the words after which a verb form can only be a noun.
var prepositions = map[string]bool{
	"في": true, "من": true, "علي": true, "الي": true, "عن": true, "مع": true, "حول": true, "بعد": true,
	"دون": true, "بدون": true, "دونما": true, // بهدفين دون رد: "without a reply"
	"قبل": true, "ضد": true, "عبر": true, "خلال": true, "منذ": true, "رغم": true, "لدي": true, "بين": true,
}

// isBiMasdar reports whether w is a noun with the clitic ب that can open
// content (بانسحاب، بالرد، بإرسال), and not a name or a word of a title.
func (x *extraction) isBiMasdar(w string) bool {
	return biWord(w, 10)
}

// biWord reports whether w is a word of at least n bytes with the clitic
// ب, and not one of the names and words that begin with that letter.
func biWord(w string, n int) bool {
	if !strings.HasPrefix(w, "ب") || len(w) < n {
		return false
	}
	switch w {
	case "باسم", "بقيادة", "بوتين", "بايدن", "بريطانيا", "بغداد", "بيروت", "باريس", "بكين", "بلجيكا", "بولندا", "بنيامين", "بيان", "بيانا", "بشار", "بشكل", "بعد", "بين", "بدوره", "بدورها", "بلاده", "بلادها", "برلين", "بروكسل", "بانكوك":
		return false
	}
	return true
}

// objectStart returns the first token after the subject of c that sits
// between c.trig and limit: the subject is the leading chunks that name
// someone (role, then name), or, in one chunk, a role phrase and a name,
// or a single word.
func (x *extraction) objectStart(c *cand, limit int) int {
	toks := x.toks
	s := sets()
	j := c.trig + 1
	if x.pronounSubject(c, limit) {
		return x.skipAdverbs(j, limit)
	}
	// Skip adverbs of time right after the verb: أعلن أمس فلان…
	for j < limit && toks[j].kind == word && s.timeWord[toks[j].norm] {
		j++
	}
	if j >= limit {
		return -1
	}
	// With commas: role chunks, name chunk, then the object.
	if k := x.afterNameChunks(j, limit); k > 0 {
		return k
	}
	i := j
	if toks[i].kind == quote || toks[i].kind == qopen {
		if cl := int(x.closeOf[i]); cl > i && cl+1 < limit {
			return x.skipAdverbs(cl+1, limit)
		}
		return -1
	}
	if toks[i].kind != word {
		return -1
	}
	w := toks[i].norm
	if s.roleNoun[stripDef(w)] || s.rank[w] || hasDef(w) {
		// A role phrase: a head, the genitives of a construct chain and
		// the adjectives that agree with it…
		head := s.roleNoun[stripDef(w)] || s.rank[w]
		prevOpen := opensConstruct(w) // a noun in construct wants a genitive
		i++
		for i < limit && toks[i].kind == word {
			w := toks[i].norm
			if s.timeWord[w] {
				break
			}
			if prevOpen || hasDef(w) && isAdjective(w) || s.roleNoun[stripDef(w)] || s.rank[w] || isConnector(w) {
				head = head || s.rank[w]
				prevOpen = !hasDef(w) && !s.rank[w] // a noun in construct: its genitive follows
				i++
				continue
			}
			break
		}
		// …then, after a title, a name of up to three words, perhaps with
		// a family name that has the article (حيدر العبادي).
		n := 0
		for head && i < limit && toks[i].kind == word && n < 3 && isNameish(toks[i].norm) && !looksMasdar(toks[i].norm) {
			i++
			n++
		}
		if n > 0 && i < limit && toks[i].kind == word && isSurname(toks[i].norm) {
			i++
		}
	} else if isNameish(w) && (looksMasdar(w) || objectNouns[w]) {
		return j // وأكد أهمية…، يؤكدون إمكانية…: the object, the subject is in the verb
	} else if isNameish(w) {
		i++
		if i < limit && toks[i].kind == word && isNamePrefix(w) {
			i++
		}
		if institutionHeads[w] {
			// خلية الإعلام الحربي، مصادر محلية: a head noun and what
			// qualifies it…
			for n := 0; i < limit && toks[i].kind == word && n < 4; n++ {
				v := toks[i].norm
				if !hasDef(v) && !isNisba(v) || s.timeWord[v] {
					break
				}
				i++
			}
			// …and where it is: مصادر طبية في محافظة تعز، مصدر في التحالف.
			if i+1 < limit && toks[i].kind == word && toks[i].norm == "في" && toks[i+1].kind == word {
				i += 2
				if i < limit && toks[i].kind == word && (hasDef(toks[i].norm) || isNameish(toks[i].norm) && !looksMasdar(toks[i].norm)) && !s.timeWord[toks[i].norm] {
					i++
				}
			}
		}
	} else {
		return -1
	}
	return x.skipAdverbs(i, limit)
}

// pronounSubject reports whether a continuing verb (واتهم، وطالب) has its
// subject in the verb itself, so that what follows is its object: the words
// after it name no one seen as a speaker so far and carry no title, and
// form one noun phrase up to the end (واتهم الحكومة والقوة الجوية بـ…).
func (x *extraction) pronounSubject(c *cand, limit int) bool {
	if !c.pro && !(c.trig > 0 && x.toks[c.trig-1].kind == word && independentPronoun(x.toks[c.trig-1].norm)) {
		return false
	}
	s := sets()
	n := 0
	for k := c.trig + 1; k < limit; k++ {
		t := x.toks[k]
		if t.kind != word {
			if (t.kind == quote || t.kind == qopen) && k == c.trig+1 && x.closeOf[k] > int32(k) && x.shortQuote(k, int(x.closeOf[k])) {
				k = int(x.closeOf[k]) // واتهمت «جهات مرتبطة…» بـ…
				n++
				continue
			}
			if t.kind == quote || t.kind == qopen || t.kind == qclose {
				break
			}
			continue
		}
		w := t.norm
		if w == "ب" || strings.HasPrefix(w, "ب") && x.isBiMasdar(w) || preps[c.lem][w] {
			break
		}
		core := stripDef(stripConj(w))
		if x.seen[core] || x.seen[stripDef(w)] || s.roleNoun[core] || s.rank[w] {
			return false
		}
		if n == 0 && !hasDef(w) && !institutionHeads[w] && k+1 < limit && x.toks[k+1].kind == word && hasDef(x.toks[k+1].norm) {
			return false // a name, then the object: واتهمت موسكو الجماعة…
		}
		if n > 0 && !hasDef(w) && !hasDef(stripConj(w)) {
			return false // two noun phrases: a subject and an object
		}
		if n > 0 && hasDef(w) && !isAdjective(w) {
			return false // النقابة الحكومة: a definite noun is no adjective
		}
		n++
	}
	return n > 0
}

// skipAdverbs skips commas, adverbs of time and adverbial phrases.
func (x *extraction) skipAdverbs(i, limit int) int {
	s := sets()
	for i < limit {
		t := x.toks[i]
		if t.kind == comma || t.kind == dash {
			i++
			continue
		}
		if t.kind == word && s.timeWord[t.norm] {
			i++
			continue
		}
		if t.kind == word && len(t.norm) >= 2 && t.norm[:2] == "ل" {
			if n := x.recipient(i, limit); n > 0 {
				// لـ«عكاظ»، لفرانس برس: the outlet told, then the content.
				k := i + 1
				for k < limit && (x.toks[k].kind != word || x.inRecipient(i, k)) {
					k++
				}
				i = k
				continue
			}
		}
		break
	}
	return i
}

// inRecipient reports whether token k still belongs to the recipient that
// starts at i: the quoted or agency name after لـ.
func (x *extraction) inRecipient(i, k int) bool {
	if x.toks[i].norm == "ل" {
		// لـ«عكاظ»: up to the closing mark.
		o := i + 1
		if o < len(x.toks) && (x.toks[o].kind == quote || x.toks[o].kind == qopen) && x.closeOf[o] > int32(o) {
			return k <= int(x.closeOf[o])
		}
		return k == i+1
	}
	n := agencyAt(x.wordsFrom(i, len(x.toks), 6))
	return words(x.toks, i, k+1) <= max(n, 1) && n > 1
}

// afterNameChunks handles a subject written in comma-separated chunks
// (القيادي في الجيش الحر، والمسؤول عن كتيبة…، عبد الجبار اوسو، عدم وجود…):
// it returns the first token of the chunk after the name chunk, or 0.
func (x *extraction) afterNameChunks(j, limit int) int {
	toks := x.toks
	start := j
	sawName := false
	for k := j; k < limit; k++ {
		if toks[k].kind != comma {
			continue
		}
		if sawName {
			return start // role، name، then the object
		}
		if x.isNameChunk(start, k) {
			sawName = !x.onlyRanks(start, k)
		}
		if !x.isSubjectChunk(start, k) && !sawName {
			return 0
		}
		start = k + 1
	}
	if sawName && start < limit {
		return x.skipAdverbs(start, limit)
	}
	return 0
}

func (x *extraction) isSubjectChunk(a, b int) bool {
	s := sets()
	n := 0
	for k := a; k < b; k++ {
		t := x.toks[k]
		if t.kind != word {
			continue
		}
		n++
		w := stripConj(t.norm)
		if n == 1 && !(hasDef(w) || s.roleNoun[stripDef(w)] || s.rank[w] || isNameish(w)) {
			return false
		}
	}
	return n > 0 && n <= 12
}

// isNameChunk reports whether toks[a:b] is a person's name: one to four
// words, none of them definite except a surname after a first name.
func (x *extraction) isNameChunk(a, b int) bool {
	s := sets()
	n := 0
	for k := a; k < b; k++ {
		t := x.toks[k]
		if t.kind != word {
			if t.kind == quote || t.kind == qopen || t.kind == qclose {
				continue
			}
			return false
		}
		w := t.norm
		switch {
		case s.rank[w]:
		case n == 0 && looksMasdar(w):
			return false // سقوط ضحايا مدنيين: a verbal noun opens an object
		case isNameish(w):
		case hasDef(w) && n > 0 && x.lastWordBefore(k+1, b):
		default:
			return false
		}
		n++
	}
	return n > 0 && n <= 4
}

// onlyRanks reports whether the words of toks[a:b] are all ranks (الميجور
// جنرال), which the name follows in the next chunk.
func (x *extraction) onlyRanks(a, b int) bool {
	for k := a; k < b; k++ {
		if x.toks[k].kind == word && !sets().rank[x.toks[k].norm] && x.toks[k].norm != "جنرال" {
			return false
		}
	}
	return true
}

// lastWordBefore reports whether no word follows token k-1 before b.
func (x *extraction) lastWordBefore(k, b int) bool {
	for ; k < b; k++ {
		if x.toks[k].kind == word {
			return false
		}
	}
	return true
}

func isConnector(w string) bool {
	switch w {
	case "باسم", "في", "عن", "من", "الي", "لدي", "لشؤون", "الخاص", "الخاصه", "العام", "العامه", "السابق", "السابقه", "سابقا":
		return true
	}
	return strings.HasPrefix(w, "لل") || strings.HasPrefix(w, "ل") && len(w) > 6 && !strings.HasPrefix(w, "لا")
}

// isNameish reports whether w may be a word of a name: no article, no
// function word, no adverb of time, no reporting word.
func isNameish(w string) bool {
	s := sets()
	if hasDef(w) || s.functionWord[w] || s.timeWord[w] || s.complementizer[w] || s.roleNoun[w] || isAttribution(w) {
		return false
	}
	switch w {
	case "باسم", "لشؤون", "بقياده", "لدي", "بشان":
		return false
	}
	if _, _, ok := lookup(w); ok {
		return false
	}
	return utf8.RuneCountInString(w) >= 2
}

// institutionHeads are nouns that head the name of a body or a source and
// take a genitive or an adjective after them (وزارة الدفاع، مصادر محلية).
var institutionHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`وزاره خليه قوات مجلس هيئه لجنه منظمه مكتب رئاسه سفاره حكومه جيش حركه جبهه
		تنظيم مصادر مصدر وكاله صحيفه قناه مركز مرصد جماعه حزب فصائل قياده امانه اداره سلطات دائره مديريه شرطه
		محكمه نقابه اتحاد جمعيه تحالف ائتلاف مجموعه كتائب الويه فيلق بعثه رابطه مسؤولو مسؤولون مسؤول ناشطون
		شهود سكان مواقع وسائل تقارير تقرير بيان مصادر اوساط دوائر مراسل مراسلو شركه مؤسسه جامعه بنك مصرف بلديه
		اماره مفوضيه نادي مستشفي مدرسه كليه معهد صندوق برلمان وزارات سفارات قنصليه`) {
		m[w] = true
	}
	return m
}()

// opensConstruct reports whether w, without the article, is a noun that
// heads a construct chain in a title or a body's name (وزير، المتحدث
// باسم، وزارة), so that the word after it belongs to the same phrase.
func opensConstruct(w string) bool {
	s := sets()
	return !hasDef(w) && (s.roleNoun[stripDef(w)] || isConnector(w) || institutionHeads[w])
}

// isSurname reports whether a word with the article can end a person's
// name: a relational family name (العبادي، الحلبي، الجعفري).
func isSurname(w string) bool {
	return hasDef(w) && strings.HasSuffix(w, "ي") && !strings.HasSuffix(w, "وي")
}

// looksMasdar reports whether w, a word without the article, has the shape
// of a verbal noun more than of a name: تفعيل، تفعّل، إفعال، افتعال،
// استفعال، فعول (توقيف، إعلان، انسحاب، وقوع). Names seldom have it.
func looksMasdar(w string) bool {
	r := []rune(w)
	n := len(r)
	switch {
	case n >= 5 && strings.HasSuffix(w, "يه") && !strings.HasSuffix(w, "ويه"): // أهمية، إمكانية: abstract nouns
		return true
	case n >= 4 && n <= 6 && r[0] == 'ت':
		return true
	case n >= 5 && r[0] == 'ا' && r[n-2] == 'ا':
		return true
	case n == 4 && r[2] == 'و' && r[0] != 'ا':
		return true
	}
	return false
}

// independentPronoun reports whether w is a third-person pronoun that can
// stand for the subject before its verb (وهي تتهم…).
func independentPronoun(w string) bool {
	switch stripConj(w) {
	case "هو", "هي", "هم", "هما", "هن":
		return true
	}
	return w == "وهو" || w == "وهي" || w == "وهم" || w == "فهو" || w == "فهي"
}

// objectNouns are nouns that follow a reporting verb as its object, not
// its subject: أكد أهمية، أكد ضرورة، أعلن رفضه.
var objectNouns = map[string]bool{
	"اهميه": true, "ضروره": true, "استعداد": true, "رفض": true, "وجود": true, "عدم": true, "دعم": true,
	"حرص": true, "التزام": true, "تمسك": true, "موقف": true, "قرار": true, "نيه": true, "امكان": true,
}

// isAdjective reports whether a definite word can qualify the noun before
// it: a relational adjective (الجوية، الكردية) or a participle (المرتبطة).
// A definite word with و is coordinated (والقوة) and counts too.
func isAdjective(w string) bool {
	if strings.HasPrefix(w, "وال") {
		return true
	}
	return isNisba(w) || strings.HasPrefix(w, "الم") || strings.HasPrefix(w, "الت")
}

// isNisba reports whether w looks like a relational adjective without the
// article: عسكري، أمنية، محلية، مطلعة.
func isNisba(w string) bool {
	return strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه") || strings.HasSuffix(w, "يون") || strings.HasSuffix(w, "يين") || strings.HasSuffix(w, "عه") || strings.HasSuffix(w, "مطلعه")
}

func isNamePrefix(w string) bool {
	switch w {
	case "عبد", "ابو", "ابن", "بن", "ال", "دي", "فان", "فون", "بان", "ام", "بنت", "اولاد":
		return true
	}
	return false
}

// span returns the byte span of tokens [a, b).
func (x *extraction) span(a, b int) news.Span {
	return news.Span{Start: x.toks[a].start, End: x.toks[b-1].end}
}
