package arabic

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A Number is a numeric expression found in text: digits (24, ١٬٥٠٠, 2.5),
// number words (ثلاثمائة وخمسون), or both (250 ألف), with the noun it
// counts when one follows.
type Number struct {
	Value float64 `json:"value"`
	// Text is text[Start:End], the expression as written: digits or words
	// with their multipliers (ألف, مليون) and the و that joins their parts.
	// Proclitics glued before the first word or the digits (و ف ب ل ك, and
	// the article before digits: الـ24) are left out; the article of a word
	// is kept (بالثلاثة → الثلاثة).
	Text  string `json:"text"`
	Start int    `json:"start"` // byte offset into the text given
	End   int    `json:"end"`   // exclusive
	// Unit is the counted noun, singular and indefinite (هدف, قتيل, شخص,
	// سنة), "%" for a percentage, or "" when no noun follows.
	Unit string `json:"unit"`
	// UnitStart and UnitEnd are the offsets of the unit word as written,
	// clitics and article included (القتلى in عشرات القتلى), of the sign or
	// of في المئة for "%", of the number itself for a dual noun (يومين),
	// and 0, 0 when there is no unit.
	UnitStart int `json:"unit_start"`
	UnitEnd   int `json:"unit_end"`
	// Approx is set for vague quantities, whose Value is a convention (see
	// FindNumbers): عشرات, مئات, آلاف, بضعة, ونيف.
	Approx bool `json:"approx,omitempty"`
	// Ordinal is set for ordinals (الثالث, الحادي والعشرين, 3rd); Value is
	// then the rank.
	Ordinal bool `json:"ordinal,omitempty"`
}

// ParseNumber returns the value of s when s, less the spaces around it, is
// exactly one number expression as FindNumbers finds them: "ثلاثمائة
// وخمسون" → 350, "١٬٥٠٠" → 1500, "2.5 مليون" → 2500000, "نصف مليون" →
// 500000, "الثالث عشر" → 13. It reports false for anything else,
// including an expression followed by its noun ("24 هدفا").
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	ns := FindNumbers(s)
	if len(ns) != 1 || ns[0].Start != 0 || ns[0].End != len(s) {
		return 0, false
	}
	return ns[0].Value, true
}

// FindNumbers returns the numeric expressions of text in order; they do
// not overlap, and Text is always text[Start:End]. The parts of one
// expression, and an expression and its unit, are separated by spaces
// only: punctuation or a line break ends an expression. FindNumbers is
// safe for concurrent use.
//
// Digits: Western (0–9), Arabic-Indic (٠–٩) and Persian (۰–۹), with these
// separators:
//   - ٫ is always the decimal point and ٬ always groups thousands;
//   - with both . and , the one that comes last is the decimal point
//     (1,500.25 and 1.500,25);
//   - a single . is a decimal point (3.5; 1.500 = 1.5); several group
//     thousands (1.500.000);
//   - commas group thousands (1,631 and 1,500,000, also where the comma is
//     a decimal mark), except a single comma followed by other than three
//     digits, which is a decimal comma: 1,5 = 1.5, and 17,00 = 17, which
//     is also right for a time written with a comma;
//   - a - or − right before the digits, at the start of the text or after
//     a space or bracket, makes them negative; a . or ٫ in that place
//     starts a fraction (.77);
//   - proclitics glued to the digits (و17, بـ1631, الـ24) are left out of
//     Text, and letters glued after them (2020م, 1441هـ) end the number
//     and rule out a unit; digits glued to Latin letters (G20, 5G) are no
//     number, but 3rd and 21st are ordinals;
//   - digits in a time, a date or a ratio (10:30, 3/7/2015) and after a
//     hyphen glued to a word (إف-16, COVID-19) are no number.
//
// Words, in both genders, all cases and the common spellings, with or
// without hamza and with ة or ه: صفر, واحد … عشرة, أحد عشر … تسعة عشر,
// عشرون … تسعون, مئة/مائة, مئتان, ثلاثمائة or ثلاث مئة … تسعمائة, and ألف,
// مليون, مليار/بليون, تريليون in the singular (ألف, ألفا), the dual
// (ألفان, ألفين, ألفي) and the plural (آلاف, ملايين), joined by و written
// apart or glued ("ثلاث و ثلاثون", "مائتين وخمسين ألفا" = 250000, "60 ألفا
// و 318" = 60318). A multiplier may follow digits (250 ألف, 1.5 مليار) and
// a fraction (نصف مليون = 500000, ربع, ثلث); ونصف adds half of what
// precedes (مليون ونصف = 1500000, ثلاثة ونصف = 3.5); فاصلة is a spoken
// decimal point (واحد فاصلة واحد = 1.1). The dual of a noun of the unit
// table (words/units.txt) is a number too: يومين and شخصان are 2, with the
// unit يوم and شخص and the unit span that of the word itself.
//
// Vague quantities have Approx set and, by convention, the least value
// their grammar leaves open: a dual names exactly two, so a plural means
// more than two. عشرات (tens) = 20, مئات = 200, آلاف/ألوف = 2000, ملايين =
// 2000000, مليارات = 2000000000, and a multiplier after them multiplies
// that: عشرات الآلاف = 20000, مئات الآلاف = 200000. بضع/بضعة (a few: three
// to nine) = 3, so بضعة آلاف = 3000 and بضعة عشر = 13. ونيف (and some)
// keeps the value and sets Approx: عشرون ونيف = 20. Hedges before the
// expression (نحو, حوالي, أكثر من) are not part of it and set nothing.
//
// Ordinals: أول/أولى, ثان/ثاني, ثالث … عاشر in both genders, with عشر/عشرة
// for 11th–19th (الثالث عشر, الحادي عشر) and with و and a tens word for
// the rest (الحادي والعشرين = 21). A tens word, or a compound of 11–99
// whose unit is 1 or 2, written with the article is an ordinal too
// (القرن العشرين, الواحد والثلاثون, الاثنا عشر), unless a counted noun
// follows (العشرين عاما); with a cardinal 3–9, which has an ordinal form
// of its own, it is a cardinal (الساعات الأربع والعشرين). Ordinals have no
// unit.
//
// The unit is the word right after the expression, if it looks like a
// noun: not a stopword, a number word, a month, an adverb, direction or
// era mark of the table (تقريبا, شرقي, ميلادية), a word with the article
// (except after عشرات, آلاف and the other plurals without article:
// عشرات القتلى → قتيل), a word with a glued و or a preposition before a
// hamza (unless the table knows it: وزراء), nor a verb or a word with a
// pronoun by its ending (قتلوا, يعملون, نفذتها). واحد and اثنان alone take
// none: their noun comes before them (يوم واحد). The unit table
// singularizes common news nouns (قتلى → قتيل, سنوات → سنة, أهداف → هدف);
// for other nouns the accusative ا is dropped (شخصا → شخص), and so are the
// plural endings يين and يون of a relational noun (مدنيين → مدني) and ين
// and ون of a participle in م (مسلحين → مسلح); other plurals stay as
// written. After a number that may be a year (four digits, 1300–2100, Hijri
// or Gregorian) only a noun of the table or an accusative counts: "عام
// 2015 شهد" has no unit. % or ٪ after the number, and في المئة or بالمئة,
// give the unit "%".
//
// Conservative choices against false positives: أحد and إحدى (one of;
// الأحد is Sunday) and اثنا are numbers only in a compound (أحد عشر,
// إحدى وعشرون); الاثنين (Monday), الواحد, and ألف, مليون or مئة with the
// article and alone are none; واحد after آن (في آن واحد) or كل is none;
// ست with a clitic other than و or ال is none (لست is "you are not"); an
// ordinal before أكسيد (ثاني أكسيد الكربون) or أمس (أول أمس, أول من
// أمس) is none; a fraction (نصف, ربع, ثلث) alone is none.
func FindNumbers(text string) []Number {
	var f numFinder
	f.init(text)
	var out []Number
	for i := 0; i < len(f.toks); {
		n, next, ok := f.parse(i)
		if !ok {
			n, next, ok = f.dual(i)
		}
		if !ok {
			i++
			continue
		}
		out = append(out, n)
		i = next
	}
	return out
}

// numTok is the span of one token of the text, as Tokenize finds them.
type numTok struct{ start, end int }

// A numFinder holds the tokens of one text while FindNumbers reads it.
type numFinder struct {
	text string
	toks []numTok
}

func (f *numFinder) init(text string) {
	f.text = text
	f.toks = make([]numTok, 0, len(text)/8+1)
	var s scanner
	s.Init(text)
	for {
		start, end, ok := s.Scan()
		if !ok {
			return
		}
		f.toks = append(f.toks, numTok{start, end})
	}
}

func (f *numFinder) tokText(i int) string { return f.text[f.toks[i].start:f.toks[i].end] }

// parse reads the expression that begins at token i, and its unit.
func (f *numFinder) parse(i int) (n Number, next int, ok bool) {
	first, ok := f.item(i, true, -1)
	if !ok {
		return n, 0, false
	}
	var s numState
	if !s.begin(first) {
		return n, 0, false
	}
	end, next := first.end, first.next
	last := first
	for s.phase != phEnd {
		it, ok := f.item(next, false, end)
		if !ok {
			break
		}
		if it.w.kind == numPoint {
			if it.conj || it.article {
				break
			}
			frac, fend, fnext, ok := f.decimals(it.next, it.end)
			if !ok || !s.addPoint(frac) {
				break
			}
			end, next, last = fend, fnext, numItem{}
			continue
		}
		if !s.add(it) {
			break
		}
		end, next, last = it.end, it.next, it
	}
	if !f.keep(&s, first, i, next) || math.IsInf(s.value(), 0) {
		return n, 0, false
	}
	n = Number{
		Value:   s.value(),
		Text:    f.text[first.start:end],
		Start:   first.start,
		End:     end,
		Approx:  s.approx,
		Ordinal: s.ordinal,
	}
	if !n.Ordinal {
		next = f.unit(&n, next, &s, last)
	}
	if n.Unit == "" && s.article && s.words && !s.digits && !s.big && !s.approx && s.cardinal <= 2 && 11 <= n.Value && n.Value <= 99 {
		n.Ordinal = true // القرن العشرين, الواحد والثلاثون, but not الساعات الأربع والعشرين
	}
	return n, next, true
}

// Words that rule out a number, as strings of named letters.
const (
	numAan   = string(AlefMadda) + string(Noon)                                      // آن: في آن واحد, at once
	numKull  = string(Kaf) + string(Lam)                                             // كل: كل واحد, each one
	numOxide = string(Alef) + string(Kaf) + string(Seen) + string(Yeh) + string(Dal) // اكسيد: ثاني أكسيد
	numAmsi  = string(Alef) + string(Meem) + string(Seen)                            // امس: أول أمس, the day before yesterday
	numMin   = string(Meem) + string(Noon)                                           // من: أول من أمس
	numWahid = string(Waw) + string(Alef) + string(Hah) + string(Dal)                // واحد, the key of وأحد too
)

// keep reports whether a parsed expression is a number: see the
// conservative choices of FindNumbers.
func (f *numFinder) keep(s *numState, first numItem, i, next int) bool {
	switch {
	case s.phase == phFrac:
		return false // نصف alone
	case s.items > 1:
		return true
	case first.w.flags&numAlone == 0:
		return false // أحد, إحدى, اثنا, حادي alone
	}
	w := first.w
	if first.article && (w.kind == numUnit && w.val <= 2 || w.kind == numMult && w.count != 0 || w.kind == numHundred) {
		return false // الأحد, الاثنين, الواحد, الألف, المئة
	}
	if w.kind == numUnit && w.val == 1 && i > 0 && first.start == f.toks[i].start {
		if prev := normalize(f.tokText(i-1), false); prev == numAan || prev == numKull {
			return false
		}
	}
	if w.kind == numOrd && (f.keyIs(next, numOxide) || f.keyIs(next, numAmsi) || f.keyIs(next, numMin) && f.keyIs(next+1, numAmsi)) {
		return false
	}
	return true
}

// keyIs reports whether token i is the word of key k (numFold).
func (f *numFinder) keyIs(i int, k string) bool {
	if i >= len(f.toks) || len(f.tokText(i)) > numKeyMax {
		return false
	}
	var buf [numKeyMax]byte
	key, ok := numFold(buf[:0], f.tokText(i))
	return ok && string(key) == k
}

// unit finds the counted noun at token j, after the number n, and returns
// the index of the token after it.
func (f *numFinder) unit(n *Number, j int, s *numState, last numItem) int {
	// A percent sign, glued or after spaces.
	k := n.End
	for k < len(f.text) {
		r, size := utf8.DecodeRuneInString(f.text[k:])
		if r != ' ' && r != noBreakSpace {
			break
		}
		k += size
	}
	for _, sign := range [...]string{"%", numPercent} {
		if strings.HasPrefix(f.text[k:], sign) {
			n.Unit, n.UnitStart, n.UnitEnd = "%", k, k+len(sign)
			for j < len(f.toks) && f.toks[j].start < n.UnitEnd {
				j++
			}
			return j
		}
	}
	if last.noUnit || j >= len(f.toks) || !numGap(f.text[n.End:f.toks[j].start]) {
		return j
	}
	var buf [numKeyMax]byte
	if len(f.tokText(j)) <= numKeyMax {
		if key, ok := numFold(buf[:0], f.tokText(j)); ok {
			switch {
			case numIsHundred(key, numBiAl): // بالمئة
				n.Unit, n.UnitStart, n.UnitEnd = "%", f.toks[j].start, f.toks[j].end
				return j + 1
			case string(key) == numFi && j+1 < len(f.toks) && numGap(f.text[f.toks[j].end:f.toks[j+1].start]):
				var buf2 [numKeyMax]byte
				if len(f.tokText(j+1)) <= numKeyMax {
					if k2, ok := numFold(buf2[:0], f.tokText(j+1)); ok && numIsHundred(k2, numAl) { // في المئة
						n.Unit, n.UnitStart, n.UnitEnd = "%", f.toks[j].start, f.toks[j+1].end
						return j + 2
					}
				}
			}
		}
	}
	if s.items == 1 && s.words && last.w.kind == numUnit && last.w.val <= 2 {
		return j // the noun comes before واحد and اثنان: يوم واحد
	}
	construct := s.approx && !s.article && (last.w.kind == numTens || last.w.kind == numHundreds || last.w.kind == numMult && last.w.count == 0)
	year := s.items == 1 && last.plain && 1300 <= n.Value && n.Value <= 2100
	u, ok := unitOf(f.tokText(j), construct, year)
	if !ok {
		return j
	}
	n.Unit, n.UnitStart, n.UnitEnd = u, f.toks[j].start, f.toks[j].end
	return j + 1
}

// numIsHundred reports whether key is prefix + مئة or مائة.
func numIsHundred(key []byte, prefix string) bool {
	if !strings.HasPrefix(string(key), prefix) {
		return false
	}
	w, ok := numLexicon[string(key[len(prefix):])]
	return ok && w.kind == numHundred && w.val == 100
}

// dual reads token i as the dual of a noun of the unit table: يومين,
// بالطائرتين, and an اثنين or اثنتين that may follow it for emphasis.
func (f *numFinder) dual(i int) (n Number, next int, ok bool) {
	tok := f.tokText(i)
	if len(tok) > 2*numKeyMax {
		return n, 0, false
	}
	var buf [2 * numKeyMax]byte
	key, ok := numFold(buf[:0], tok)
	if !ok {
		return n, 0, false
	}
	if len(key) < 8 || string(key[len(key)-2:]) != string(Noon) {
		return n, 0, false // every dual ends in ان or ين
	}
	var sing string
	var skip int
	found := false
	for _, c := range numCutsOf(key) {
		if rest, ok := c.rest(key); ok {
			if sing, found = unitDual(rest); found {
				skip = len(c.p) / 2
				break
			}
		}
	}
	if !found {
		return n, 0, false
	}
	start := f.toks[i].start + numSkipLetters(tok, skip)
	n = Number{Value: 2, Start: start, End: f.toks[i].end, Unit: sing, UnitStart: start, UnitEnd: f.toks[i].end}
	next = i + 1
	if next < len(f.toks) && numGap(f.text[n.End:f.toks[next].start]) && len(f.tokText(next)) <= numKeyMax {
		if k, ok := numFold(buf[:0], f.tokText(next)); ok {
			if w, ok := numLexicon[string(k)]; ok && w.kind == numUnit && w.val == 2 && w.flags&numAlone != 0 {
				n.End = f.toks[next].end
				next++
			}
		}
	}
	n.Text = f.text[n.Start:n.End]
	return n, next, true
}

// decimals reads what follows فاصلة: digits (1 فاصلة 05 = 1.05) or words
// below a thousand (واحد فاصلة خمسة وعشرون = 1.25), and returns the
// fraction they write.
func (f *numFinder) decimals(i, prevEnd int) (frac float64, end, next int, ok bool) {
	it, ok := f.item(i, false, prevEnd)
	if !ok || it.conj || it.article {
		return 0, 0, 0, false
	}
	if it.w.kind == numDigits {
		nd := 0
		for _, r := range it.digits {
			if !numIsDigitRune(r) {
				return 0, 0, 0, false
			}
			nd++
		}
		if it.noUnit || it.ord || nd > 22 {
			return 0, 0, 0, false
		}
		return it.w.val / math.Pow10(nd), it.end, it.next, true
	}
	small := func(k numKind) bool {
		return k == numUnit || k == numTen || k == numDecade || k == numHundred
	}
	var s numState
	if !small(it.w.kind) || !s.begin(it) {
		return 0, 0, 0, false
	}
	end, next = it.end, it.next
	for {
		it2, ok := f.item(next, false, end)
		if !ok || !small(it2.w.kind) || !s.add(it2) {
			break
		}
		end, next = it2.end, it2.next
	}
	if s.items == 1 && it.w.flags&numAlone == 0 {
		return 0, 0, 0, false
	}
	v, d := s.value(), 1
	for p := 10.0; v >= p; p *= 10 {
		d++
	}
	return v / math.Pow10(d), end, next, true
}

// A numKind is the part a number word plays in an expression.
type numKind uint8

const (
	numDigits   numKind = iota + 1 // digits: 24, ١٬٥٠٠
	numUnit                        // 0–9 as a cardinal: ثلاثة, إحدى
	numTen                         // عشر, عشرة: ten, or the second part of 11–19
	numDecade                      // 20–90: عشرون, عشرين
	numHundred                     // 100–900: مئة, مئتان, ثلاثمائة
	numHundreds                    // مئات
	numMult                        // ألف, مليون, مليار, تريليون and their forms
	numTens                        // عشرات
	numFew                         // بضع, بضعة
	numFrac                        // نصف, ربع, ثلث
	numOrd                         // أول … عاشر, حادي
	numPoint                       // فاصلة, the decimal point
	numSome                        // نيف, "and some"
)

// numFlag qualifies a number word.
type numFlag uint8

const (
	numAlone  numFlag = 1 << iota // may be a whole expression by itself
	numTeen                       // may take عشر after it to make 11–19
	numPlain                      // takes no clitic but و and ال (ست: لست)
	numSingle                     // مئة, مائة: may follow 3–9 (ثلاث مئة)
)

// A numWord is an entry of the number lexicon.
type numWord struct {
	kind  numKind
	flags numFlag
	val   float64 // the value; for numMult the multiplier, 1000 or more
	count float64 // for numMult: 1 singular, 2 dual, 0 plural
}

// numLexicon maps the key (numFold) of every number word, without
// clitics, to its entry. We wrote the forms for this package.
var numLexicon = func() map[string]numWord {
	m := make(map[string]numWord, 256)
	add := func(words string, w numWord) {
		for _, s := range strings.Fields(words) {
			k, ok := numFold(nil, s)
			if !ok {
				panic("arabic: bad number word " + s) // a bug in this table
			}
			m[string(k)] = w
		}
	}
	both := numAlone | numTeen
	add("صفر", numWord{kind: numUnit, val: 0, flags: numAlone})
	add("واحد واحدة", numWord{kind: numUnit, val: 1, flags: numAlone})
	add("أحد إحدى إحدي", numWord{kind: numUnit, val: 1, flags: numTeen})
	add("اثنان اثنين اثنتان اثنتين ثنتان ثنتين", numWord{kind: numUnit, val: 2, flags: numAlone})
	add("اثنا اثني اثنى اثنتا اثنتي اثنتى", numWord{kind: numUnit, val: 2, flags: numTeen})
	add("ثلاث ثلاثة", numWord{kind: numUnit, val: 3, flags: both})
	add("أربع أربعة", numWord{kind: numUnit, val: 4, flags: both})
	add("خمس خمسة", numWord{kind: numUnit, val: 5, flags: both})
	add("ست", numWord{kind: numUnit, val: 6, flags: both | numPlain})
	add("ستة", numWord{kind: numUnit, val: 6, flags: both})
	add("سبع سبعة", numWord{kind: numUnit, val: 7, flags: both})
	add("ثمان ثماني ثمانى ثمانية", numWord{kind: numUnit, val: 8, flags: both})
	add("تسع تسعة", numWord{kind: numUnit, val: 9, flags: both})
	add("عشر عشرة", numWord{kind: numTen, val: 10, flags: numAlone})
	for i, d := range []string{"عشر", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"} {
		add(d+"ون "+d+"ين", numWord{kind: numDecade, val: float64(20 + 10*i), flags: numAlone})
	}
	add("مئة مائة", numWord{kind: numHundred, val: 100, flags: numAlone | numSingle})
	add("مئتان مئتين مئتا مئتي مائتان مائتين مائتا مائتي", numWord{kind: numHundred, val: 200, flags: numAlone})
	for i, u := range []string{"ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"} {
		add(u+"مئة "+u+"مائة", numWord{kind: numHundred, val: float64(300 + 100*i), flags: numAlone})
	}
	add("ثلثمئة ثلثمائة", numWord{kind: numHundred, val: 300, flags: numAlone})     // the classical spelling
	add("ثمانيمئة ثمانيمائة", numWord{kind: numHundred, val: 800, flags: numAlone}) // and the full one
	add("مئات", numWord{kind: numHundreds, val: 100, flags: numAlone})
	mult := func(sing, dual, plural string, v float64) {
		add(sing, numWord{kind: numMult, val: v, count: 1, flags: numAlone})
		add(dual, numWord{kind: numMult, val: v, count: 2, flags: numAlone})
		add(plural, numWord{kind: numMult, val: v, count: 0, flags: numAlone})
	}
	mult("ألف ألفا", "ألفان ألفين ألفي", "آلاف ألوف", 1e3)
	mult("مليون مليونا", "مليونان مليونين مليوني", "ملايين", 1e6)
	mult("مليار مليارا بليون بليونا", "ملياران مليارين ملياري بليونان بليونين بليوني", "مليارات بلايين", 1e9)
	mult("تريليون تريليونا ترليون ترليونا", "تريليونان تريليونين تريليوني", "تريليونات ترليونات", 1e12)
	add("عشرات", numWord{kind: numTens, val: 10, flags: numAlone})
	add("بضع بضعة", numWord{kind: numFew, val: 3, flags: both})
	add("نصف", numWord{kind: numFrac, val: 0.5})
	add("ربع", numWord{kind: numFrac, val: 0.25})
	add("ثلث", numWord{kind: numFrac, val: 1.0 / 3})
	add("أول أولى", numWord{kind: numOrd, val: 1, flags: numAlone})
	add("حادي حادى حادية", numWord{kind: numOrd, val: 1, flags: numTeen})
	add("ثان ثاني ثانى ثانية", numWord{kind: numOrd, val: 2, flags: both})
	for i, o := range []string{"ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع"} {
		add(o+" "+o+"ة", numWord{kind: numOrd, val: float64(3 + i), flags: both})
	}
	add("عاشر عاشرة", numWord{kind: numOrd, val: 10, flags: numAlone})
	add("فاصلة", numWord{kind: numPoint})
	add("نيف", numWord{kind: numSome})
	return m
}()

// numKeyMax bounds the key of a word: longer words are no number words.
const numKeyMax = 64

// numFold appends to dst the key of a word for the number and unit tables,
// and reports false if the word holds anything but Arabic letters and
// marks. Harakat, tatweel and invisible characters are dropped, أ إ آ ٱ
// become ا, ة becomes ه, and the Persian ی and ک become ي and ك, as in
// Normalize; unlike Normalize, ى is kept, which tells أولى (first) from
// أولي (primary).
func numFold(dst []byte, s string) ([]byte, bool) {
	for _, r := range s {
		switch {
		case r == Tatweel, isHaraka(r), isIgnorable(r):
			continue
		case r == AlefHamzaAbove, r == AlefHamzaBelow, r == AlefMadda, r == AlefWasla:
			r = Alef
		case r == TehMarbuta:
			r = Heh
		case r == FarsiYeh:
			r = Yeh
		case r == Keheh:
			r = Kaf
		case r < 0x600 || r > 0x6FF || arabicClass[r-0x600] != classWord:
			return dst, false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, true
}

// Clitics and words, as strings of named letters.
const (
	numWaw     = string(Waw)                // و
	numAl      = string(Alef) + string(Lam) // ال
	numLamLam  = string(Lam) + string(Lam)  // لل = ل + ال
	numFi      = string(Feh) + string(Yeh)  // في
	numBiAl    = string(Beh) + numAl        // بال
	numPercent = string(ArabicPercentSign)  // ٪
)

// numProclitics are the clitics a number may carry before its first word,
// without the article, which may follow any of them.
var numProclitics = [...]string{
	"",
	string(Waw), string(Feh), string(Beh), string(Lam), string(Kaf),
	string(Waw) + string(Beh), string(Waw) + string(Lam), string(Waw) + string(Kaf),
	string(Feh) + string(Beh), string(Feh) + string(Lam), string(Feh) + string(Kaf),
}

// A numCut is one way to read the beginning of a word as clitics: the
// proclitics p, then the article art.
type numCut struct {
	p, art string
	later  bool // allowed on a word after the first of an expression
}

// numCuts are the readings of a word's clitics, the fewest first: every
// proclitic of numProclitics, then the article ال, or ل after a ل (لل = ل
// + ال). After the first word only و and the article are allowed.
var numCuts = func() []numCut {
	var cs []numCut
	for _, p := range numProclitics {
		for _, art := range [...]string{"", numAl, string(Lam)} {
			if art == string(Lam) && !strings.HasSuffix(p, string(Lam)) {
				continue
			}
			cs = append(cs, numCut{p: p, art: art, later: p == "" || p == numWaw})
		}
	}
	return cs
}()

// numCutsByLetter lists, for each letter of the Arabic block U+0620–U+065F,
// the cuts that a key beginning with it may have: those without proclitic
// and those whose proclitic begins with that letter, in the order of
// numCuts.
var numCutsByLetter = func() (t [64][]numCut) {
	for i := range t {
		for _, c := range numCuts {
			if c.p == "" || int(unitLetter(c.p, 0))-0x620 == i {
				t[i] = append(t[i], c)
			}
		}
	}
	return t
}()

// numCutsOf returns the cuts a key may have.
func numCutsOf(key []byte) []numCut {
	if len(key) < 2 {
		return nil
	}
	if r := unitLetter(string(key[:2]), 0); 0x620 <= r && r < 0x660 {
		return numCutsByLetter[r-0x620]
	}
	return numCutsByLetter[0] // no proclitic begins with U+0620
}

// rest returns what is left of key after the clitics of c, and false if
// key does not begin with them or fewer than two letters are left.
func (c numCut) rest(key []byte) ([]byte, bool) {
	n := len(c.p) + len(c.art)
	if len(key) < n+4 || string(key[:len(c.p)]) != c.p || string(key[len(c.p):n]) != c.art {
		return nil, false
	}
	return key[n:], true
}

// numLookup finds the number word in key, with its clitics.
func numLookup(key []byte, first bool) (w numWord, c numCut, ok bool) {
	for _, c := range numCutsOf(key) {
		if !first && !c.later {
			continue
		}
		rest, ok := c.rest(key)
		if !ok {
			continue
		}
		w, found := numLexicon[string(rest)]
		if !found || w.flags&numPlain != 0 && c.p != "" && c.p != numWaw {
			continue
		}
		return w, c, true
	}
	return w, c, false
}

// numIsWord reports whether key is a number word with any clitics.
func numIsWord(key []byte) bool {
	_, _, ok := numLookup(key, true)
	return ok
}

// A numItem is one word or digit token of an expression.
type numItem struct {
	w       numWord
	conj    bool   // preceded by و, glued or as a token of its own
	article bool   // the word carries ال
	lexed   bool   // a word of the lexicon, not digits
	start   int    // where its text begins, after proclitics
	end     int    // where it ends
	next    int    // the index of the token after it
	digits  string // for numDigits: the digits and separators as written
	plain   bool   // for numDigits: four digits and nothing else (a year?)
	ord     bool   // for numDigits: 3rd
	noUnit  bool   // for numDigits: letters glued after the digits (2020م)
}

// item reads the item at token i. First says it begins an expression:
// then proclitics are allowed; otherwise only و, as a token or glued, and
// the article. prevEnd is the end of the previous item, or -1.
func (f *numFinder) item(i int, first bool, prevEnd int) (it numItem, ok bool) {
	if i >= len(f.toks) || prevEnd >= 0 && !numGap(f.text[prevEnd:f.toks[i].start]) {
		return it, false
	}
	tok := f.tokText(i)
	if len(tok) > numKeyMax {
		return it, false
	}
	if !first && f.keyIs(i, numWaw) {
		it, ok = f.item(i+1, false, f.toks[i].end)
		if !ok || it.conj {
			return it, false
		}
		it.conj = true
		return it, true
	}
	if numHasDigit(tok) {
		return f.digitsItem(i, first)
	}
	var buf [numKeyMax]byte
	key, ok := numFold(buf[:0], tok)
	if !ok {
		return it, false
	}
	w, c, ok := numLookup(key, first)
	if !ok {
		return it, false
	}
	if c.p == "" && string(key) == numWahid && numHamzaAfterWaw(tok) {
		// وأحد is و + أحد, which the key folds to واحد.
		if w2, c2, ok := numLookup(key[len(numWaw):], first); ok && c2.p == "" {
			w, c = w2, numCut{p: numWaw, art: c2.art}
		}
	}
	p, art := c.p, c.art
	it = numItem{w: w, lexed: true, article: art != "", start: f.toks[i].start, end: f.toks[i].end, next: i + 1}
	if first {
		it.start += numSkipLetters(tok, len(p)/2)
	} else {
		it.conj = p == numWaw
	}
	return it, true
}

// numHamzaAfterWaw reports whether the second letter of s is أ or إ.
func numHamzaAfterWaw(s string) bool {
	s = s[numSkipLetters(s, 1):]
	r, _ := utf8.DecodeRuneInString(s)
	return r == AlefHamzaAbove || r == AlefHamzaBelow
}

// numSkipLetters returns the byte offset in s after its first n letters
// and the marks, tatweel and invisible characters that follow them.
func numSkipLetters(s string, n int) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != Tatweel && !isHaraka(r) && !isIgnorable(r) {
			if n == 0 {
				return i
			}
			n--
		}
		i += size
	}
	return i
}

// numGap reports whether the text between two tokens of one expression is
// only spaces on one line.
func numGap(gap string) bool {
	if gap == "" {
		return false
	}
	for _, r := range gap {
		if r != ' ' && r != '\t' && r != noBreakSpace && !isIgnorable(r) {
			return false
		}
	}
	return true
}

// numDigit returns the value of a digit of any of the three sets.
func numDigit(r rune) (int, bool) {
	switch {
	case '0' <= r && r <= '9':
		return int(r - '0'), true
	case ArabicIndicZero <= r && r <= ArabicIndicNine:
		return int(r - ArabicIndicZero), true
	case ExtendedArabicIndicZero <= r && r <= ExtendedArabicIndicNine:
		return int(r - ExtendedArabicIndicZero), true
	}
	return 0, false
}

func numIsDigitRune(r rune) bool { _, ok := numDigit(r); return ok }

func numHasDigit(s string) bool {
	for _, r := range s {
		if numIsDigitRune(r) {
			return true
		}
	}
	return false
}

func numIsSep(r rune) bool {
	return r == '.' || r == ',' || r == ArabicDecimalSeparator || r == ArabicThousandsSeparator
}

// minusSign is U+2212 MINUS SIGN, which typeset text uses for -.
const minusSign = '\u2212'

// digitsItem reads a token that holds digits: proclitics glued before
// them, the digits and separators, and letters glued after them.
func (f *numFinder) digitsItem(i int, first bool) (it numItem, ok bool) {
	tok := f.tokText(i)
	base := f.toks[i].start
	d := strings.IndexFunc(tok, numIsDigitRune) // the proclitics end here
	var buf [16]byte
	pre, okPre := numFold(buf[:0], tok[:d])
	if !okPre {
		return it, false
	}
	switch p := string(pre); {
	case p == "":
	case !first:
		if p != numWaw {
			return it, false
		}
		it.conj = true
	case !numIsProclitic(p):
		return it, false
	}
	// The digits and separators.
	e := d
	for e < len(tok) {
		r, size := utf8.DecodeRuneInString(tok[e:])
		if !numIsDigitRune(r) && !numIsSep(r) {
			break
		}
		e += size
	}
	// What is glued after them: Arabic letters, or an English ordinal.
	for j := e; j < len(tok); {
		r, size := utf8.DecodeRuneInString(tok[j:])
		switch {
		case 'a' <= r|0x20 && r|0x20 <= 'z':
			if !numLatinOrdinal(tok[e:]) {
				return it, false
			}
			it.ord = true
			j = len(tok)
			continue
		case 0x600 <= r && r <= 0x6FF && arabicClass[r-0x600] == classWord,
			r == Tatweel, isHaraka(r), isIgnorable(r):
			it.noUnit = true
		default:
			return it, false // more digits, or another script
		}
		j += size
	}
	start, end := base+d, base+e
	if numJoinedDigits(f.text, start, end) {
		return it, false
	}
	it.w = numWord{kind: numDigits, flags: numAlone}
	it.digits = tok[d:e]
	it.plain = utf8.RuneCountInString(it.digits) == 4 && !strings.ContainsFunc(it.digits, numIsSep)
	if first && d == 0 && start > 0 {
		// A sign or a decimal point before the digits, after a space.
		r, size := utf8.DecodeLastRuneInString(f.text[:start])
		if r == '-' || r == minusSign || r == '.' || r == ArabicDecimalSeparator {
			before := start - size
			b, _ := utf8.DecodeLastRuneInString(f.text[:before])
			if before == 0 || b == ' ' || b == '\t' || b == '\n' || b == noBreakSpace || b == '(' || b == '[' {
				start = before
				it.digits = f.text[start:end]
				it.plain = false
			}
		}
	}
	v, okV := numParseDigits(it.digits)
	if !okV {
		return it, false
	}
	it.w.val = v
	it.start, it.end, it.next = start, end, i+1
	return it, true
}

// numIsProclitic reports whether p, a key, is proclitics that may be glued
// to digits: those of numProclitics, the article, or both (والـ24, للـ24).
func numIsProclitic(p string) bool {
	for _, c := range numProclitics {
		if p == c || p == c+numAl || strings.HasSuffix(c, string(Lam)) && p == c+string(Lam) {
			return true
		}
	}
	return false
}

// numLatinOrdinal reports whether the letters after digits are an English
// ordinal suffix: 1st 2nd 3rd 4th.
func numLatinOrdinal(s string) bool {
	switch strings.ToLower(s) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// numJoinedDigits reports whether the digits text[start:end] are part of a
// time, a date or a ratio (a : or / between them and other digits), or of
// a name with a hyphen (إف-16, COVID-19).
func numJoinedDigits(text string, start, end int) bool {
	if end+1 < len(text) && (text[end] == ':' || text[end] == '/') {
		if r, _ := utf8.DecodeRuneInString(text[end+1:]); numIsDigitRune(r) {
			return true
		}
	}
	if start >= 2 {
		c := text[start-1]
		r, _ := utf8.DecodeLastRuneInString(text[:start-1])
		switch {
		case (c == ':' || c == '/') && numIsDigitRune(r):
			return true
		case c == '-' && numIsLetter(r):
			return true
		}
	}
	return false
}

// numIsLetter reports whether r is a Latin or an Arabic letter.
func numIsLetter(r rune) bool {
	return 'a' <= r|0x20 && r|0x20 <= 'z' || 0x600 <= r && r <= 0x6FF && arabicClass[r-0x600] == classWord
}

// numParseDigits returns the value of digits with their separators, read
// by the rules of FindNumbers, maybe after a - or a decimal point.
func numParseDigits(s string) (float64, bool) {
	neg := false
	if r, size := utf8.DecodeRuneInString(s); r == '-' || r == minusSign {
		neg, s = true, s[size:]
	}
	// Which separator is the decimal point.
	var dots, commas, arabicDec int
	lastDot, lastComma := -1, -1
	for i, r := range s {
		switch r {
		case '.':
			dots++
			lastDot = i
		case ',':
			commas++
			lastComma = i
		case ArabicDecimalSeparator:
			arabicDec++
		}
	}
	var point rune // the decimal point, or 0
	pointAt := -1  // its offset, when there are several of its kind
	switch {
	case arabicDec > 1:
		return 0, false
	case arabicDec == 1:
		point = ArabicDecimalSeparator
	case dots > 0 && commas > 0:
		if lastDot > lastComma {
			point, pointAt = '.', lastDot
		} else {
			point, pointAt = ',', lastComma
		}
	case dots == 1:
		point = '.'
	case commas == 1:
		after := 0
		for _, r := range s[lastComma+1:] {
			if numIsDigitRune(r) {
				after++
			}
		}
		if after != 3 {
			point = ','
		}
	}
	var mant uint64
	nd, frac := 0, 0 // significant digits read, digits after the point
	seen := false
	for i, r := range s {
		if v, ok := numDigit(r); ok {
			if mant == 0 && v == 0 && !seen {
				continue // a leading zero
			}
			if nd == 19 {
				return numParseLong(s, neg)
			}
			mant = mant*10 + uint64(v)
			nd++
			if seen {
				frac++
			}
			continue
		}
		if r == point && (pointAt < 0 || i == pointAt) {
			seen = true
		}
	}
	if !strings.ContainsFunc(s, numIsDigitRune) {
		return 0, false
	}
	var v float64
	if mant < 1<<53 && frac <= 22 {
		v = float64(mant) / math.Pow10(frac) // exact operands: one rounding, as strconv
	} else {
		return numParseLong(s, neg)
	}
	if neg {
		v = -v
	}
	return v, true
}

// numParseLong reads digits that do not fit a float64 exactly, with
// strconv; only a single . or ٫ is read as the point.
func numParseLong(s string, neg bool) (float64, bool) {
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	points := 0
	for _, r := range s {
		if v, ok := numDigit(r); ok {
			b.WriteByte(byte('0' + v))
		} else if r == '.' || r == ArabicDecimalSeparator {
			points++
			if points == 1 {
				b.WriteByte('.')
			}
		}
	}
	if points > 1 {
		return 0, false
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	return v, err == nil
}

// numPhase says what the last item of an expression was, which decides
// what may follow it.
type numPhase uint8

const (
	phNone    numPhase = iota
	phDigits           // digits
	phUnit             // 1–10 or بضع, maybe after a hundred
	phTeen             // 11–19
	phDecade           // a tens word, maybe after units and hundreds
	phHundred          // a hundreds word
	phMult             // a group ended with its multiplier
	phFrac             // نصف, ربع, ثلث first: a multiplier must follow
	phHalf             // ونصف after a multiplier
	phCurFrac          // ونصف after a group without multiplier
	phApprox           // عشرات, مئات first
	phOrd              // an ordinal unit
	phDecimal          // after فاصلة and the decimals
	phEnd              // after ونيف: nothing may follow
)

// numState evaluates an expression item by item.
type numState struct {
	total     float64 // the groups ended by a multiplier
	cur       float64 // the group being read
	lastMult  float64 // the multiplier of the last group, 0 if none
	unit      float64 // the unit of phUnit and phOrd
	unitFlags numFlag // its flags
	curOnly   bool    // cur holds only that unit (for ثلاث مئة)
	phase     numPhase
	items     int
	approx    bool
	ordinal   bool    // an ordinal word or suffix was read
	article   bool    // the first word has the article
	words     bool    // a word of the lexicon was read
	digits    bool    // digits were read
	big       bool    // a hundreds word or a multiplier was read
	cardinal  float64 // the last cardinal 1–10 read, 0 if none
}

func (s *numState) value() float64 { return s.total + s.cur }

// begin reads the first item.
func (s *numState) begin(it numItem) bool {
	s.items = 1
	s.article = it.article
	s.words = it.lexed
	w := it.w
	switch w.kind {
	case numDigits:
		s.cur, s.phase, s.digits, s.ordinal = w.val, phDigits, true, it.ord
	case numUnit, numFew, numTen:
		s.cur, s.unit, s.unitFlags, s.curOnly, s.phase = w.val, w.val, w.flags, true, phUnit
		s.approx = w.kind == numFew
		s.cardinal = w.val
	case numDecade:
		s.cur, s.phase = w.val, phDecade
	case numHundred:
		s.cur, s.phase, s.big = w.val, phHundred, true
	case numHundreds, numTens:
		s.cur, s.phase, s.approx = 2*w.val, phApprox, true
		s.big = w.kind == numHundreds
	case numMult:
		if w.count == 0 {
			s.total, s.approx = 2*w.val, true
		} else {
			s.total = w.count * w.val
		}
		s.lastMult, s.phase, s.big = w.val, phMult, true
	case numFrac:
		s.cur, s.phase = w.val, phFrac
	case numOrd:
		s.cur, s.unit, s.unitFlags, s.phase, s.ordinal = w.val, w.val, w.flags, phOrd, true
	default:
		return false
	}
	return true
}

// add reads one more item and reports whether it belongs to the
// expression; if not, the state is unchanged.
func (s *numState) add(it numItem) bool {
	if s.ordinal && s.phase == phDigits {
		return false // 3rd
	}
	if it.article && !s.article && !(it.w.kind == numMult && !it.conj) {
		return false // the article inside, only in agreement with the first word
	}
	var ok bool
	if it.conj {
		ok = s.addConj(it)
	} else {
		ok = s.addPlain(it)
	}
	if ok {
		s.items++
		s.words = s.words || it.lexed
		s.digits = s.digits || it.w.kind == numDigits
	}
	return ok
}

// addConj reads an item after و.
func (s *numState) addConj(it numItem) bool {
	w := it.w
	if it.article && w.kind != numDecade {
		return false
	}
	newGroup := s.phase == phMult || s.phase == phHalf
	switch w.kind {
	case numFrac:
		switch s.phase {
		case phMult:
			s.total += w.val * s.lastMult
			s.phase = phHalf
			return true
		case phDigits, phUnit, phTeen, phDecade, phHundred:
			s.cur += w.val
			s.phase = phCurFrac
			return true
		}
	case numSome:
		switch s.phase {
		case phDigits, phUnit, phTeen, phDecade, phHundred, phMult, phHalf:
			s.approx = true
			s.phase = phEnd
			return true
		}
	case numUnit, numFew, numTen:
		if w.val == 0 {
			return false
		}
		switch {
		case s.phase == phHundred:
			s.cur += w.val
		case newGroup:
			s.cur = w.val
		default:
			return false
		}
		s.unit, s.unitFlags, s.curOnly, s.phase = w.val, w.flags, newGroup, phUnit
		s.approx = s.approx || w.kind == numFew
		s.cardinal = w.val
		return true
	case numDecade:
		switch {
		case s.phase == phUnit && 1 <= s.unit && s.unit <= 9,
			s.phase == phOrd && s.unit <= 9,
			s.phase == phHundred:
			s.cur += w.val
		case newGroup && !it.article:
			s.cur = w.val
		default:
			return false
		}
		s.phase = phDecade
		return true
	case numHundred:
		if !newGroup {
			return false
		}
		s.cur, s.phase = w.val, phHundred
		return true
	case numDigits:
		if !newGroup || w.val >= s.lastMult || w.val != math.Trunc(w.val) || w.val < 0 || it.ord {
			return false
		}
		s.cur, s.phase = w.val, phDigits
		return true
	case numMult:
		if !newGroup || w.count == 0 || w.val >= s.lastMult {
			return false
		}
		s.total += w.count * w.val
		s.lastMult = w.val
		return true
	}
	return false
}

// addPlain reads an item that follows the last without و.
func (s *numState) addPlain(it numItem) bool {
	w := it.w
	switch w.kind {
	case numTen: // ثلاثة عشر, الثالث عشر
		if it.article || s.phase != phUnit && s.phase != phOrd || s.unit < 1 || s.unit > 9 || s.unitFlags&numTeen == 0 {
			return false
		}
		s.cur += w.val
		s.phase = phTeen
		return true
	case numHundred: // ثلاث مئة
		if it.article || w.flags&numSingle == 0 || s.phase != phUnit || !s.curOnly || s.unit < 3 || s.unit > 9 {
			return false
		}
		s.cur = s.unit * w.val
		s.phase, s.big = phHundred, true
		return true
	case numHundreds: // بضع مئات
		if it.article || !(s.phase == phUnit && s.curOnly && s.unit >= 3 || s.phase == phDigits && s.items == 1) {
			return false
		}
		s.cur *= w.val
		s.phase, s.big = phHundred, true
		return true
	case numMult:
		return s.addMult(it)
	}
	return false
}

// addMult reads a multiplier without و: after a count (250 ألف, ثلاثة
// آلاف, نصف مليون, عشرات الآلاف), after a multiplier (ألف مليون), or after
// ونصف (مليون ونصف المليون).
func (s *numState) addMult(it numItem) bool {
	w := it.w
	if w.count == 2 {
		return false // a dual counts by itself
	}
	if it.article {
		switch {
		case s.phase == phApprox, s.phase == phFrac:
		case s.phase == phHalf && w.val == s.lastMult:
			s.phase = phEnd
			return true
		default:
			return false
		}
	}
	if s.phase == phMult {
		if w.count != 1 || w.val <= s.lastMult || s.cur != 0 {
			return false
		}
		s.total *= w.val
		s.lastMult = w.val
		return true
	}
	switch s.phase {
	case phDigits, phDecimal, phCurFrac:
		if s.ordinal {
			return false
		}
	case phUnit:
		if w.count == 0 && s.unit < 3 {
			return false
		}
	case phApprox:
		if w.count != 0 {
			return false
		}
	case phTeen, phDecade, phHundred, phFrac:
		if w.count == 0 {
			return false
		}
	default:
		return false
	}
	g := s.cur * w.val
	if s.lastMult > 0 && (w.val >= s.lastMult || g >= s.lastMult) {
		return false
	}
	s.total += g
	s.cur = 0
	s.lastMult = w.val
	s.phase, s.big = phMult, true
	return true
}

// addPoint adds the decimals read after فاصلة.
func (s *numState) addPoint(frac float64) bool {
	switch s.phase {
	case phDigits:
		if s.cur != math.Trunc(s.cur) || s.ordinal {
			return false
		}
	case phUnit, phTeen, phDecade, phHundred:
	default:
		return false
	}
	if s.cur < 0 {
		s.cur -= frac
	} else {
		s.cur += frac
	}
	s.phase = phDecimal
	s.items += 2
	return true
}
