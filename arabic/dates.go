package arabic

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// A Date is a date expression found in text, resolved where possible.
type Date struct {
	Text  string `json:"text"`  // as written: text[Start:End]
	Start int    `json:"start"` // byte offset into the text given
	End   int    `json:"end"`   // exclusive

	// Time is the day named, at midnight UTC, or the first day of the
	// period named (a Sunday for a week, the 1st for a month, 1 January
	// for a year). It is zero when the expression cannot be resolved: a
	// relative expression or a date without a year, given a zero ref; a
	// vague one (قبل أيام); a day that does not exist (29 شباط 2015).
	Time time.Time `json:"time"`

	// Precision is what the expression names: a day, a week, a month or a
	// year; PrecisionUnknown for a vague span of time (منذ سنوات).
	Precision DatePrecision `json:"precision"`

	// Relative reports whether Time depends on the reference time: true
	// for أمس, الخميس الماضي, قبل يومين, الشهر الماضي and the like, and for
	// a date written without its year (30 أيلول), whose year comes from ref.
	Relative bool `json:"relative"`

	// Calendar is the calendar the expression is written in: Gregorian
	// or Hijri. Time is always a Gregorian day.
	Calendar string `json:"calendar"`
}

// The values of Date.Calendar.
const (
	Gregorian = "gregorian"
	Hijri     = "hijri"
)

// A DatePrecision says which span of the calendar a Date names.
type DatePrecision uint8

const (
	PrecisionUnknown DatePrecision = iota // a vague span: قبل أيام, منذ سنوات
	PrecisionDay
	PrecisionWeek
	PrecisionMonth
	PrecisionYear
)

var precisionNames = [...]string{"unknown", "day", "week", "month", "year"}

func (p DatePrecision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return fmt.Sprintf("DatePrecision(%d)", p)
}

// MarshalText writes the precision as its name: "day", "week", ….
func (p DatePrecision) MarshalText() ([]byte, error) {
	if int(p) >= len(precisionNames) {
		return nil, fmt.Errorf("arabic: invalid DatePrecision %d", p)
	}
	return []byte(precisionNames[p]), nil
}

// UnmarshalText reads a name written by MarshalText.
func (p *DatePrecision) UnmarshalText(b []byte) error {
	for i, name := range precisionNames {
		if string(b) == name {
			*p = DatePrecision(i)
			return nil
		}
	}
	return fmt.Errorf("arabic: unknown date precision %q", b)
}

// FindDates returns the date expressions of text, in order and without
// overlap. ref is the time the text was published: relative expressions
// and dates without a year are resolved against its calendar day (in ref's
// location). With a zero ref they are still found, with a zero Time. It is
// safe for concurrent use.
//
// Words are matched in their Normalize form, so hamza, ة/ه, ى/ي, harakat
// and tatweel do not matter, and a leading و or ف (and ب or ل before ال:
// بالأمس) is allowed but left out of the span. Numbers may be written in
// Western, Arabic-Indic or Persian digits. What is found:
//
//   - Gregorian months in every regional series: يناير … ديسمبر (with
//     ابريل, يونيه, يوليه), the Syriac months of the Levant and Iraq كانون
//     الثاني … كانون الأول, the French-derived months of the Maghreb جانفي
//     فيفري أفريل ماي جوان جويلية أوت, and the Moroccan يوليوز غشت شتنبر
//     نونبر دجنبر; two names of one month joined as ايلول/سبتمبر or أيلول
//     (سبتمبر) make one expression.
//   - Hijri months: محرم صفر ربيع الأول ربيع الثاني (الآخر) جمادى الأولى
//     جمادى الآخرة (الثانية) رجب شعبان رمضان شوال ذو القعدة ذو الحجة (also
//     ذي), with the marker هـ (or هجري, للهجرة) after the year. Hijri dates
//     are converted with the tabular calendar (see FromHijri).
//   - A day and a month, with or without من between them and with or
//     without a year (30 أيلول 2015, 5 من يونيو, 17 رمضان 1436 هـ), the
//     first of a month as الأول من or أول; a month and a year (سبتمبر
//     2015, سبتمبر من عام 2015); a year after عام or سنة (عام 2015), after
//     منذ, or before a calendar marker (2015م, 1436 هـ).
//   - Numeric dates of three numbers joined by the same / - . or ؍ with no
//     space: day/month/year as the Arab world writes them (16/10/2025,
//     16-10-2025, ١٦/١٠/٢٠٢٥), or year-month-day when the year comes first
//     (2025-10-16). Month/day/year is never assumed, and a two-digit year
//     is not read. A numeric date before هـ is Hijri.
//   - Weekdays, with or without ال: الخميس is the nearest Thursday on or
//     before ref, since news mostly reports what has happened, and
//     الخميس الماضي the nearest strictly before, الخميس المقبل (القادم)
//     the nearest strictly after. A weekday before a date (الخميس 1
//     أكتوبر) belongs to it, and the date decides. Without ال a weekday is
//     a date only after يوم or a time of day, or before a date: أحد is
//     also "one".
//   - Relative days: اليوم, أمس (بالأمس, يوم الأمس), أول أمس (أول من أمس,
//     أمس الأول), غدا, بعد غد (يوم الغد); followed by a weekday (اليوم
//     الخميس), the weekday corrects the day by one either way, for a
//     publication time given in another time zone.
//   - Relative periods: الأسبوع الماضي (المقبل, الجاري, هذا الأسبوع),
//     الشهر الماضي, العام الماضي, السنة الماضية; a month with الماضي,
//     المقبل or الجاري (أيلول الماضي, the nearest September strictly before
//     ref's month); قبل, منذ or بعد and an amount: قبل يومين, منذ ثلاثة
//     أيام, قبل 15 عاما, بعد أسبوعين (ref minus or plus the amount; the
//     unit is the precision, and Time the start of that day, week, month or
//     year). After قبل or بعد, an amount followed by من or على (قبل يومين
//     من الانتخابات) counts from an event, not from ref, and is skipped; so
//     is بعد with one unit and no number (بعد يوم حافل). A vague amount
//     (قبل أيام, منذ سنوات) has PrecisionUnknown and no Time.
//   - A time of day before a day (صباح, مساء, فجر, ليل, ليلة, ظهر, عصر,
//     ضحى, عشية) is part of the span but does not change the day; in ليل
//     الأربعاء الخميس the span takes both weekdays, and the date is the
//     first. Likewise يوم (يوم الخميس, يوم 30 أيلول).
//
// A date without its year takes the year of ref, unless that puts it more
// than six months after ref, when it takes the year before (a text of
// January that mentions 28 December means the one just past); الماضي and
// المقبل choose the occurrence before or after ref. Hijri dates without a
// year follow the same rule in the Hijri calendar.
//
// Guards against false positives. A bare month with no day, no year, no
// qualifier and no second name is a date only after a word such as في,
// خلال, منذ, حتى, مطلع, نهاية or شهر. Some month names are also common
// words: اب (August written without its madda, and father, أب), مارس (he
// practised), ماي, جوان (a name), أوت, and the Hijri months رمضان, رجب,
// شعبان (names), محرم (forbidden), صفر (zero), شوال; these need a day, a
// year, a qualifier, a second name or شهر before them. اليوم is not a
// date in اليوم التالي, اليوم الأول, هذا اليوم, في مثل هذا اليوم; العام
// is not a year in الأمين العام المقبل and the like; الأحد عشر and بين
// الاثنين are numbers; الغد and الأمس need يوم or ب (صحيفة الغد is a
// newspaper). A day must exist in its month (30 شباط is no date), and a
// number glued to another (3.30, 2/30) is no day. Words are matched whole,
// so أمس never matches inside أمسية.
//
// Not handled: ordinal days other than the first (الخامس من يونيو), ranges
// (بين 1 و5 أيلول gives only 5 أيلول), month-day order (سبتمبر 30), hours,
// dates across a line break, named events (ثورة 25 يناير is read as a date
// of ref's year), and ليلة الجمعة meaning the night before Friday.
func FindDates(text string, ref time.Time) []Date {
	p := newDateParser(text, ref, false)
	var out []Date
	for i := 0; p.exists(i); {
		d, next, ok := p.matchAt(i)
		if !ok {
			i++
			continue
		}
		out = append(out, d)
		i = next
	}
	return out
}

// ParseDate parses s as one date expression, as FindDates finds them, and
// reports whether it is one: every word and number of s must belong to the
// expression (surrounding space, and a leading و or ف, are allowed). Since
// s is known to be a date, the guards against false positives are lifted:
// ParseDate("مارس", ref) is March, and ParseDate("خميس", ref) a Thursday.
// Start and End are offsets into s.
func ParseDate(s string, ref time.Time) (Date, bool) {
	p := newDateParser(s, ref, true)
	if !p.exists(0) {
		return Date{}, false
	}
	d, next, ok := p.matchAt(0)
	if !ok || p.exists(next) {
		return Date{}, false
	}
	return d, true
}

// Runes of dates that letters.go does not name.
const (
	arabicDateSeparator = '\u060D' // ؍, between the numbers of a date
	enDash              = '\u2013' // –
)

// A dateLexeme is a word, a number or a punctuation mark of the text.
// Spaces and invisible format characters separate lexemes and are not
// lexemes.
type dateLexeme struct {
	core   int  // first byte; for a word, after its proclitics (و, ب…)
	end    int  // after the last byte
	space  bool // space or a line break comes before it
	line   bool // a line break comes before it
	kind   dateLexKind
	word   dateWord // words: the vocabulary entry, zero if none
	num    int      // numbers: the value, -1 if over 4 digits or not decimal
	digits int      // numbers: how many digits
	punct  rune     // punctuation: the rune
}

type dateLexKind uint8

const (
	lexWord dateLexKind = iota + 1
	lexNumber
	lexPunct
)

// A dateParser matches date expressions over the lexemes of a text. It
// lexes on demand and keeps the last dateWindow lexemes in a ring, so its
// memory does not grow with the text: the matchers look one lexeme back
// and a bounded distance ahead.
type dateParser struct {
	text  string
	today time.Time // ref's calendar day at midnight UTC; zero without ref
	whole bool      // ParseDate: the text is a date, so guards are lifted

	ring [dateWindow]dateLexeme // lexeme i is ring[i%dateWindow]
	n    int                    // lexemes lexed so far
	off  int                    // byte offset where lexing resumes
}

// dateWindow is the size of the ring of lexemes. The longest expression
// is about 20 lexemes (الخميس، الأول من ربيع الأول (…) من عام 1437 هـ).
const dateWindow = 64

func newDateParser(text string, ref time.Time, whole bool) *dateParser {
	p := &dateParser{text: text, whole: whole}
	if !ref.IsZero() {
		p.today = dayOf(ref)
	}
	return p
}

// lexeme returns lexeme i, lexing up to it if needed, or a zero lexeme
// (kind 0) if the text has fewer, i < 0, or i has left the ring.
func (p *dateParser) lexeme(i int) dateLexeme {
	for p.n <= i && p.lexNext() {
	}
	if i < 0 || i >= p.n || i < p.n-dateWindow {
		return dateLexeme{}
	}
	return p.ring[i%dateWindow]
}

// letters returns the number of runes of word i after its proclitics.
func (p *dateParser) letters(i int) int {
	l := p.lexeme(i)
	return utf8.RuneCountInString(p.text[l.core:l.end])
}

// exists reports whether the text has a lexeme i.
func (p *dateParser) exists(i int) bool { return p.lexeme(i).kind != 0 }

// lexNext lexes the next lexeme into the ring, and reports false at the
// end of the text. A number is a run of decimal digits, so that 1436هـ and
// 2015م are a number and a word; a word is a run of letters and marks.
func (p *dateParser) lexNext() bool {
	text := p.text
	space, line := false, false
	for i := p.off; i < len(text); {
		r, size := decode(text, i)
		if isSentenceBreak(r) { // a date never spans a line
			space, line = true, true
			i += size
			continue
		}
		if unicode.IsSpace(r) || r == ZeroWidthSpace {
			space = true
			i += size
			continue
		}
		c := classify(r)
		if c == classJoiner { // invisible: neither space nor lexeme
			i += size
			continue
		}
		l := dateLexeme{core: i, space: space, line: line}
		switch c {
		case classDigit:
			l.kind = lexNumber
			j := i
			for j < len(text) {
				r, n := decode(text, j)
				if classify(r) != classDigit {
					break
				}
				if v := dateDigit(r); v < 0 || l.num < 0 || l.digits >= 4 {
					l.num = -1
				} else {
					l.num = 10*l.num + v
				}
				l.digits++
				j += n
			}
			l.end = j
		case classWord, classMark:
			l.kind = lexWord
			j := i
			for j < len(text) {
				r, n := decode(text, j)
				if c := classify(r); c != classWord && c != classMark && c != classJoiner {
					break
				}
				j += n
			}
			l.end = j
			l.word, l.core = lookupDateWord(text[i:j])
			l.core += i
		default:
			l.kind, l.punct, l.end = lexPunct, r, i+size
		}
		p.ring[p.n%dateWindow] = l
		p.n++
		p.off = l.end
		return true
	}
	p.off = len(text)
	return false
}

// dateDigit returns the value of a Western, Arabic-Indic or Persian
// digit, or -1.
func dateDigit(r rune) int {
	switch {
	case '0' <= r && r <= '9':
		return int(r - '0')
	case ArabicIndicZero <= r && r <= ArabicIndicNine:
		return int(r - ArabicIndicZero)
	case ExtendedArabicIndicZero <= r && r <= ExtendedArabicIndicNine:
		return int(r - ExtendedArabicIndicZero)
	}
	return -1
}

// lookupDateWord returns the vocabulary entry of a word as written, and
// the byte offset in it where the entry begins: after a proclitic و or ف,
// and after ب or ل before ال, when the whole word is not an entry itself.
func lookupDateWord(raw string) (dateWord, int) {
	var stack [64]byte
	norm, ok := foldDateWord(stack[:0], raw)
	if !ok {
		norm = []byte(Normalize(raw))
	}
	// string(b) in a map index does not allocate.
	if w, ok := dateWords[string(norm)]; ok {
		if w.kind == dwMonth && w.ambiguous && strings.ContainsRune(raw, AlefMadda) {
			w.ambiguous = false // آب, not اب or أب (father)
		}
		return w, 0
	}
	rest, letters := norm, 0
	if r, n := utf8.DecodeRune(rest); (r == Waw || r == Feh) && len(rest) > n {
		rest, letters = rest[n:], 1
		if w, ok := dateWords[string(rest)]; ok {
			return w, skipLetters(raw, letters)
		}
	}
	if r, n := utf8.DecodeRune(rest); (r == Beh || r == Lam) && strings.HasPrefix(string(rest[n:]), definiteArticle) {
		if w, ok := dateWords[string(rest[n:])]; ok {
			w.afterPrep = true
			return w, skipLetters(raw, letters+1)
		}
	}
	return dateWord{}, 0
}

// foldDateWord appends Normalize(word) to dst without allocating, when it
// can: for words of ASCII and the Arabic block, using the tables of
// Normalize. It reports false for a word that needs the full Normalize
// (presentation forms, decomposed hamza, other scripts) or is too long
// for dst's capacity.
func foldDateWord(dst []byte, word string) ([]byte, bool) {
	for i := 0; i < len(word); {
		r, size := decode(word, i)
		i += size
		switch {
		case r < utf8.RuneSelf:
		case 0x600 <= r && r <= 0x6FF: // the Arabic block, which arabicRules covers
			switch rl := arabicRules[r-0x600]; rl.op {
			case opDrop:
				continue
			case opMap, opFold:
				r = rl.to
			case opNFKC:
				return dst, false
			}
		case isIgnorable(r), isHaraka(r):
			continue
		default:
			return dst, false
		}
		if len(dst)+utf8.UTFMax > cap(dst) {
			return dst, false
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, true
}

// definiteArticle is ال.
const definiteArticle = string(Alef) + string(Lam)

// skipLetters returns the byte offset in raw after its first n letters
// and the marks and joiners that follow each.
func skipLetters(raw string, n int) int {
	i := 0
	for ; n > 0 && i < len(raw); n-- {
		_, size := utf8.DecodeRuneInString(raw[i:])
		i += size
		for i < len(raw) {
			r, size := utf8.DecodeRuneInString(raw[i:])
			if c := classify(r); c != classMark && c != classJoiner {
				break
			}
			i += size
		}
	}
	return i
}

// A dateWord is what a word means in a date expression.
type dateWord struct {
	kind      dateWordKind
	val       int8 // see dateWordKind
	count     int8 // dwUnit: 1 singular, 2 dual, 0 plural
	al        bool // written with ال
	ambiguous bool // months that are also common words: need more context
	afterPrep bool // found after a proclitic ب or ل (بالأمس)
}

type dateWordKind uint8

const (
	dwNone       dateWordKind = iota
	dwMonth                   // a Gregorian month in one word; val: 1–12
	dwMonthHead               // كانون, تشرين; val: the month of الأول, الثاني is the next
	dwHijriMonth              // a Hijri month in one word; val: 1–12
	dwHijriHead               // ربيع, جمادى; val: the month of الأول, الثاني is the next
	dwDhu                     // ذو, ذي: first word of ذو القعدة and ذو الحجة
	dwDhuMonth                // القعدة, الحجة; val: 11, 12
	dwOrdinal                 // الأول, الثاني, الآخرة…; val: 1 or 2
	dwWeekday                 // val: the time.Weekday
	dwTimeOfDay               // صباح, مساء…; val: 1 for the night
	dwDay                     // يوم
	dwToday                   // اليوم
	dwYesterday               // أمس, الأمس
	dwTomorrow                // غدا, غد, الغد
	dwAfter                   // بعد
	dwBefore                  // قبل
	dwSince                   // منذ
	dwAbout                   // نحو, حوالي: between قبل and an amount
	dwPast                    // الماضي, المنصرم, الفائت, السابق
	dwNext                    // المقبل, القادم
	dwCurrent                 // الجاري, الحالي
	dwThis                    // هذا, هذه
	dwThat                    // ذلك, تلك, مثل, نفس: هذا اليوم is not today
	dwPeriod                  // الأسبوع, الشهر, العام, السنة; val: the unit
	dwUnit                    // a counted unit; val: the unit; count
	dwCount                   // a number word; val: 3–10
	dwHijriMark               // هـ, هجري, للهجرة
	dwGregMark                // م, ميلادي, للميلاد
	dwOf                      // من
	dwOn                      // على (normalized علي)
	dwContext                 // في, خلال, حتى…: a bare month after it is a date
	dwNotDay                  // التالي, الأخير…: اليوم before it is not today
	dwBetween                 // بين, كلا, كلتا: الاثنين after it is "the two"
	dwGeneral                 // الأمين, المدير…: العام after it is "general"
)

// Units of time, the val of dwPeriod and dwUnit.
const (
	unitDay = iota + 1
	unitWeek
	unitMonth
	unitYear
)

// dateVocabulary lists the words of date expressions, as they are written;
// buildDateWords normalizes them. We wrote these lists for this package.
var dateVocabulary = []struct {
	w     dateWord
	words string
}{
	// Gregorian months: the Egyptian and Gulf series, the French-derived
	// series of Algeria and Tunisia, the Moroccan series, and the Syriac
	// series of the Levant and Iraq.
	{dateWord{kind: dwMonth, val: 1}, "يناير جانفي"},
	{dateWord{kind: dwMonth, val: 2}, "فبراير فيفري شباط"},
	{dateWord{kind: dwMonth, val: 3}, "آذار"},
	{dateWord{kind: dwMonth, val: 3, ambiguous: true}, "مارس"},
	{dateWord{kind: dwMonth, val: 4}, "أبريل أفريل نيسان"},
	{dateWord{kind: dwMonth, val: 5}, "مايو أيار"},
	{dateWord{kind: dwMonth, val: 5, ambiguous: true}, "ماي"},
	{dateWord{kind: dwMonth, val: 6}, "يونيو يونيه حزيران"},
	{dateWord{kind: dwMonth, val: 6, ambiguous: true}, "جوان"},
	{dateWord{kind: dwMonth, val: 7}, "يوليو يوليه جويلية يوليوز تموز"},
	{dateWord{kind: dwMonth, val: 8}, "أغسطس غشت"},
	{dateWord{kind: dwMonth, val: 8, ambiguous: true}, "آب أوت"},
	{dateWord{kind: dwMonth, val: 9}, "سبتمبر شتنبر أيلول"},
	{dateWord{kind: dwMonth, val: 10}, "أكتوبر"},
	{dateWord{kind: dwMonth, val: 11}, "نوفمبر نونبر"},
	{dateWord{kind: dwMonth, val: 12}, "ديسمبر دجنبر"},
	{dateWord{kind: dwMonthHead, val: 12}, "كانون"}, // الأول 12, الثاني 1
	{dateWord{kind: dwMonthHead, val: 10}, "تشرين"}, // الأول 10, الثاني 11

	// Hijri months. Those in one word are also names or common words.
	{dateWord{kind: dwHijriMonth, val: 1, ambiguous: true}, "محرم المحرم"},
	{dateWord{kind: dwHijriMonth, val: 2, ambiguous: true}, "صفر"},
	{dateWord{kind: dwHijriHead, val: 3}, "ربيع"},
	{dateWord{kind: dwHijriHead, val: 5}, "جمادى"},
	{dateWord{kind: dwHijriMonth, val: 7, ambiguous: true}, "رجب"},
	{dateWord{kind: dwHijriMonth, val: 8, ambiguous: true}, "شعبان"},
	{dateWord{kind: dwHijriMonth, val: 9, ambiguous: true}, "رمضان"},
	{dateWord{kind: dwHijriMonth, val: 10, ambiguous: true}, "شوال"},
	{dateWord{kind: dwDhu}, "ذو ذي"},
	{dateWord{kind: dwDhuMonth, val: 11}, "القعدة"},
	{dateWord{kind: dwDhuMonth, val: 12}, "الحجة"},
	{dateWord{kind: dwOrdinal, val: 1, al: true}, "الأول الأولى"},
	{dateWord{kind: dwOrdinal, val: 1}, "أول"},
	{dateWord{kind: dwOrdinal, val: 2, al: true}, "الثاني الثانية الآخر الآخرة"},
	{dateWord{kind: dwOrdinal, val: 2}, "ثاني"},

	{dateWord{kind: dwWeekday, val: int8(time.Saturday), al: true}, "السبت"},
	{dateWord{kind: dwWeekday, val: int8(time.Sunday), al: true}, "الأحد"},
	{dateWord{kind: dwWeekday, val: int8(time.Monday), al: true}, "الاثنين"},
	{dateWord{kind: dwWeekday, val: int8(time.Tuesday), al: true}, "الثلاثاء"},
	{dateWord{kind: dwWeekday, val: int8(time.Wednesday), al: true}, "الأربعاء"},
	{dateWord{kind: dwWeekday, val: int8(time.Thursday), al: true}, "الخميس"},
	{dateWord{kind: dwWeekday, val: int8(time.Friday), al: true}, "الجمعة"},
	{dateWord{kind: dwWeekday, val: int8(time.Saturday)}, "سبت"},
	{dateWord{kind: dwWeekday, val: int8(time.Sunday)}, "أحد"},
	{dateWord{kind: dwWeekday, val: int8(time.Monday)}, "اثنين"},
	{dateWord{kind: dwWeekday, val: int8(time.Tuesday)}, "ثلاثاء"},
	{dateWord{kind: dwWeekday, val: int8(time.Wednesday)}, "أربعاء"},
	{dateWord{kind: dwWeekday, val: int8(time.Thursday)}, "خميس"},
	{dateWord{kind: dwWeekday, val: int8(time.Friday)}, "جمعة"},

	{dateWord{kind: dwTimeOfDay}, "صباح صبيحة مساء فجر ظهر ظهيرة عصر ضحى عشية"},
	{dateWord{kind: dwTimeOfDay, val: 1}, "ليل ليلة"},
	{dateWord{kind: dwDay}, "يوم"},
	{dateWord{kind: dwToday, al: true}, "اليوم"},
	{dateWord{kind: dwYesterday}, "أمس"},
	{dateWord{kind: dwYesterday, al: true}, "الأمس"},
	{dateWord{kind: dwTomorrow}, "غدا غد"},
	{dateWord{kind: dwTomorrow, al: true}, "الغد"},
	{dateWord{kind: dwAfter}, "بعد"},
	{dateWord{kind: dwBefore}, "قبل"},
	{dateWord{kind: dwSince}, "منذ"},
	{dateWord{kind: dwAbout}, "نحو حوالي قرابة زهاء"},
	{dateWord{kind: dwPast}, "الماضي الماضية المنصرم المنصرمة الفائت الفائتة السابق السابقة"},
	{dateWord{kind: dwNext}, "المقبل المقبلة القادم القادمة"},
	{dateWord{kind: dwCurrent}, "الجاري الجارية الحالي الحالية"},
	{dateWord{kind: dwThis}, "هذا هذه"},
	{dateWord{kind: dwThat}, "ذلك تلك ذاك مثل نفس"},
	{dateWord{kind: dwPeriod, val: unitWeek}, "الأسبوع"},
	{dateWord{kind: dwPeriod, val: unitMonth}, "الشهر"},
	{dateWord{kind: dwPeriod, val: unitYear}, "العام السنة"},
	{dateWord{kind: dwUnit, val: unitDay, count: 1}, "يوما"},
	{dateWord{kind: dwUnit, val: unitDay, count: 2}, "يومين يومان"},
	{dateWord{kind: dwUnit, val: unitDay}, "أيام"},
	{dateWord{kind: dwUnit, val: unitWeek, count: 1}, "أسبوع أسبوعا"},
	{dateWord{kind: dwUnit, val: unitWeek, count: 2}, "أسبوعين أسبوعان"},
	{dateWord{kind: dwUnit, val: unitWeek}, "أسابيع"},
	{dateWord{kind: dwUnit, val: unitMonth, count: 1}, "شهر شهرا"},
	{dateWord{kind: dwUnit, val: unitMonth, count: 2}, "شهرين شهران"},
	{dateWord{kind: dwUnit, val: unitMonth}, "أشهر شهور"},
	{dateWord{kind: dwUnit, val: unitYear, count: 1}, "عام عاما سنة"},
	{dateWord{kind: dwUnit, val: unitYear, count: 2}, "عامين عامان سنتين سنتان"},
	{dateWord{kind: dwUnit, val: unitYear}, "أعوام سنوات سنين"},
	{dateWord{kind: dwCount, val: 3}, "ثلاثة ثلاث"},
	{dateWord{kind: dwCount, val: 4}, "أربعة أربع"},
	{dateWord{kind: dwCount, val: 5}, "خمسة خمس"},
	{dateWord{kind: dwCount, val: 6}, "ستة ست"},
	{dateWord{kind: dwCount, val: 7}, "سبعة سبع"},
	{dateWord{kind: dwCount, val: 8}, "ثمانية ثماني ثمان"},
	{dateWord{kind: dwCount, val: 9}, "تسعة تسع"},
	{dateWord{kind: dwCount, val: 10}, "عشرة عشر"},
	{dateWord{kind: dwHijriMark}, "هـ هجري هجرية الهجري الهجرية للهجرة"},
	{dateWord{kind: dwGregMark}, "م ميلادي ميلادية الميلادي الميلادية للميلاد"},
	{dateWord{kind: dwOf}, "من"},
	{dateWord{kind: dwOn}, "على"},
	{dateWord{kind: dwContext}, "في خلال حتى مطلع أوائل أواخر أواسط منتصف نهاية بداية حلول آخر إلى مع"},
	{dateWord{kind: dwNotDay}, "التالي الأخير الموالي الذي نفسه ذاته الوطني العالمي الدولي المحدد المقرر الموعود المشهود"},
	{dateWord{kind: dwBetween}, "بين كلا كلتا"},
	{dateWord{kind: dwGeneral}, "الأمين الأمينة المدير المديرة النائب المدعي المراقب المفتش المنسق القائد المرشد الرأي القطاع المال الإضراب النظام الصالح الشأن المؤتمر الاتحاد"},
}

// dateWords maps the Normalize form of each word of dateVocabulary to its
// entry.
var dateWords, dateWordClashes = buildDateWords()

// buildDateWords normalizes dateVocabulary into a map. It also returns the
// words listed twice (a test checks there are none).
func buildDateWords() (map[string]dateWord, []string) {
	m := make(map[string]dateWord, 256)
	var clashes []string
	for _, e := range dateVocabulary {
		for _, w := range strings.Fields(e.words) {
			n := Normalize(w)
			if _, ok := m[n]; ok {
				clashes = append(clashes, w)
				continue
			}
			m[n] = e.w
		}
	}
	return m, clashes
}

// A dateValue is what an expression resolves to.
type dateValue struct {
	t    time.Time
	prec DatePrecision
	rel  bool
	cal  string
}

// dayOf returns the calendar day of t, in t's location, at midnight UTC.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// The lexeme accessors return zero values out of range, so that the
// matchers can look ahead without checking bounds.

// joins reports whether lexeme i exists and continues the expression
// before it: no line break comes between.
func (p *dateParser) joins(i int) bool { l := p.lexeme(i); return l.kind != 0 && !l.line }

// tight reports whether lexeme i exists and touches the one before it.
func (p *dateParser) tight(i int) bool { l := p.lexeme(i); return l.kind != 0 && !l.space }

func (p *dateParser) word(i int) dateWord {
	return p.lexeme(i).word
}

func (p *dateParser) kind(i int) dateWordKind { return p.word(i).kind }

// number returns the value and digit count of lexeme i if it is a number.
func (p *dateParser) number(i int) (val, digits int, ok bool) {
	l := p.lexeme(i)
	if l.kind != lexNumber || l.num < 0 {
		return 0, 0, false
	}
	return l.num, l.digits, true
}

func (p *dateParser) isPunct(i int, rs ...rune) bool {
	l := p.lexeme(i)
	if l.kind != lexPunct {
		return false
	}
	for _, r := range rs {
		if l.punct == r {
			return true
		}
	}
	return false
}

// matchAt matches a date expression that begins at lexeme i, and returns
// it and the index of the lexeme after it.
func (p *dateParser) matchAt(i int) (Date, int, bool) {
	j := i
	prefixed, night, yom := false, false, false
	if w := p.word(j); w.kind == dwTimeOfDay && p.joins(j+1) {
		prefixed, night = true, w.val == 1
		j++
	}
	if p.kind(j) == dwDay && p.joins(j+1) {
		prefixed, yom = true, true
		j++
	}
	v, end, ok := p.expr(j, prefixed, night, yom)
	if !ok || prefixed && v.prec != PrecisionDay {
		return Date{}, 0, false
	}
	start, stop := p.lexeme(i).core, p.lexeme(end-1).end
	return Date{
		Text:      p.text[start:stop],
		Start:     start,
		End:       stop,
		Time:      v.t,
		Precision: v.prec,
		Relative:  v.rel,
		Calendar:  v.cal,
	}, end, true
}

// expr matches the expression proper, after any time of day and يوم.
// prefixed says one of them came before; a weekday without ال is then
// allowed.
func (p *dateParser) expr(j int, prefixed, night, yom bool) (dateValue, int, bool) {
	if v, end, ok := p.dayDate(j); ok {
		return v, end, true
	}
	switch w := p.word(j); w.kind {
	case dwWeekday:
		return p.weekday(j, prefixed, night)
	case dwToday, dwYesterday, dwTomorrow:
		return p.relativeDay(j, yom)
	case dwOrdinal: // أول أمس, أول من أمس
		k := j + 1
		if p.kind(k) == dwOf && p.joins(k+1) {
			k++
		}
		if !w.al && w.val == 1 && p.joins(j+1) && p.kind(k) == dwYesterday && !p.word(k).al {
			return p.relative(-2, PrecisionDay), k + 1, true
		}
	case dwAfter: // بعد غد
		if nw := p.word(j + 1); p.joins(j+1) && nw.kind == dwTomorrow && !nw.al {
			return p.relative(2, PrecisionDay), j + 2, true
		}
	}
	if prefixed {
		return dateValue{}, 0, false
	}
	switch w := p.word(j); w.kind {
	case dwBefore, dwSince, dwAfter:
		if v, end, ok := p.amount(j); ok {
			return v, end, true
		}
	case dwThis, dwPeriod:
		return p.period(j)
	case dwUnit:
		if w.val == unitYear && w.count == 1 { // عام 2015
			return p.year(j)
		}
	case dwMonth, dwMonthHead, dwHijriMonth, dwHijriHead, dwDhu:
		return p.monthDate(j)
	}
	if _, _, ok := p.number(j); ok {
		return p.year(j)
	}
	return dateValue{}, 0, false
}

// relative returns the day n days from ref.
func (p *dateParser) relative(n int, prec DatePrecision) dateValue {
	v := dateValue{prec: prec, rel: true, cal: Gregorian}
	if !p.today.IsZero() {
		v.t = p.today.AddDate(0, 0, n)
	}
	return v
}

// dayDate matches an expression that names one day: a numeric date, a
// day and a month, or the first of a month.
func (p *dateParser) dayDate(j int) (dateValue, int, bool) {
	if v, end, ok := p.numeric(j); ok {
		return v, end, true
	}
	day, k := 0, 0
	if d, digits, ok := p.number(j); ok {
		if digits > 2 || d < 1 || d > 31 || p.glued(j) {
			return dateValue{}, 0, false
		}
		day, k = d, j+1
	} else if w := p.word(j); w.kind == dwOrdinal && w.val == 1 {
		day, k = 1, j+1 // الأول من أيلول, أول أيلول
	} else {
		return dateValue{}, 0, false
	}
	if !p.joins(k) {
		return dateValue{}, 0, false
	}
	if p.kind(k) == dwOf && p.joins(k+1) {
		k++
	} else if day == 1 && p.word(j).al {
		return dateValue{}, 0, false // الأول needs من: كانون الأول
	}
	m, ok := p.month(k)
	if !ok || day > m.maxDays() {
		return dateValue{}, 0, false
	}
	k = m.end
	if y, end, ok := p.yearAfter(k, m.hijri); ok {
		return p.exact(y, m.num, day, m.hijri, PrecisionDay), end, true
	}
	q, end := p.qualifier(k)
	return p.yearless(m.num, day, m.hijri, q), end, true
}

// glued reports whether number j continues a number before it (3.30,
// 2/30), so that it is no day of the month.
func (p *dateParser) glued(j int) bool {
	if p.lexeme(j).space {
		return false
	}
	prev := p.lexeme(j - 1)
	return prev.kind == lexNumber || prev.kind == lexPunct && strings.ContainsRune(".,:/-", prev.punct)
}

// numeric matches day/month/year or year-month-day.
func (p *dateParser) numeric(j int) (dateValue, int, bool) {
	a, da, ok1 := p.number(j)
	b, db, ok2 := p.number(j + 2)
	c, dc, ok3 := p.number(j + 4)
	if !ok1 || !ok2 || !ok3 || db > 2 || !p.tight(j+1) || !p.tight(j+2) || !p.tight(j+3) || !p.tight(j+4) {
		return dateValue{}, 0, false
	}
	sep := p.lexeme(j + 1).punct
	if !p.isPunct(j+1, '/', '-', '.', arabicDateSeparator) || !p.isPunct(j+3, sep) || p.glued(j) {
		return dateValue{}, 0, false
	}
	// Not part of a longer run of numbers: 1/2/3/2025, 16.10.2025.5.
	if after := p.lexeme(j + 5); p.tight(j+5) && (after.kind == lexNumber || after.kind == lexPunct && p.tight(j+6) && p.lexeme(j+6).kind == lexNumber) {
		return dateValue{}, 0, false
	}
	var y, m, d int
	switch {
	case da == 4 && dc <= 2:
		y, m, d = a, b, c
	case dc == 4 && da <= 2:
		d, m, y = a, b, c
	default:
		return dateValue{}, 0, false
	}
	end := j + 5
	hijri := false
	switch p.kind(end) {
	case dwHijriMark:
		if p.joins(end) {
			hijri = true
			end++
		}
	case dwGregMark:
		if p.joins(end) {
			end++
		}
	}
	if m < 1 || m > 12 || d < 1 {
		return dateValue{}, 0, false
	}
	v := p.exact(y, m, d, hijri, PrecisionDay)
	if v.t.IsZero() {
		return dateValue{}, 0, false // 31/02/2020 is no date
	}
	return v, end, true
}

// A monthName is a month matched in the text.
type monthName struct {
	num       int
	hijri     bool
	ambiguous bool // also a common word: needs context
	alt       bool // written with a second name: أيلول/سبتمبر
	end       int  // the lexeme after it
}

func (m monthName) maxDays() int {
	switch {
	case m.hijri:
		return 30
	case m.num == 2:
		return 29
	case m.num == 4 || m.num == 6 || m.num == 9 || m.num == 11:
		return 30
	}
	return 31
}

// month matches a month name at j, and a second name of the same month
// after / or between parentheses.
func (p *dateParser) month(j int) (monthName, bool) {
	m, ok := p.monthWord(j)
	if !ok {
		return m, false
	}
	k := m.end
	switch {
	case p.isPunct(k, '/') && p.joins(k) && p.joins(k+1):
		if m2, ok := p.monthWord(k + 1); ok && m2.num == m.num && m2.hijri == m.hijri {
			m.end, m.alt, m.ambiguous = m2.end, true, false
		}
	case p.isPunct(k, '(') && p.joins(k) && p.joins(k+1):
		if m2, ok := p.monthWord(k + 1); ok && m2.num == m.num && m2.hijri == m.hijri && p.isPunct(m2.end, ')') && p.joins(m2.end) {
			m.end, m.alt, m.ambiguous = m2.end+1, true, false
		}
	}
	return m, true
}

// monthWord matches the one or two words of a month name at j.
func (p *dateParser) monthWord(j int) (monthName, bool) {
	w := p.word(j)
	second := func() (int, bool) { // الأول or الثاني after a head word
		if o := p.word(j + 1); o.kind == dwOrdinal && p.joins(j+1) {
			return int(o.val), true
		}
		return 0, false
	}
	switch w.kind {
	case dwMonth:
		return monthName{num: int(w.val), ambiguous: w.ambiguous, end: j + 1}, true
	case dwHijriMonth:
		return monthName{num: int(w.val), hijri: true, ambiguous: w.ambiguous, end: j + 1}, true
	case dwMonthHead:
		if o, ok := second(); ok {
			return monthName{num: (int(w.val)+o-2)%12 + 1, end: j + 2}, true
		}
	case dwHijriHead:
		if o, ok := second(); ok {
			return monthName{num: int(w.val) + o - 1, hijri: true, end: j + 2}, true
		}
	case dwDhu:
		if o := p.word(j + 1); o.kind == dwDhuMonth && p.joins(j+1) {
			return monthName{num: int(o.val), hijri: true, end: j + 2}, true
		}
	}
	return monthName{}, false
}

// yearAfter matches the year after a month: 2015, عام 2015, من عام 2015,
// with a calendar marker after it (2015م, 1436 هـ). A marker of the other
// calendar is left out.
func (p *dateParser) yearAfter(k int, hijri bool) (year, end int, ok bool) {
	switch {
	case p.kind(k) == dwOf && p.isYearWord(k+1) && p.joins(k) && p.joins(k+1):
		k += 2
	case p.isYearWord(k) && p.joins(k):
		k++
	}
	y, digits, ok := p.number(k)
	if !ok || !p.joins(k) || digits < 3 {
		return 0, 0, false
	}
	k++
	if mk := p.kind(k); p.joins(k) && (mk == dwHijriMark && hijri || mk == dwGregMark && !hijri) {
		k++
	}
	return y, k, true
}

// isYearWord reports whether lexeme k is عام, سنة, العام or السنة.
func (p *dateParser) isYearWord(k int) bool {
	w := p.word(k)
	return (w.kind == dwUnit && w.count == 1 || w.kind == dwPeriod) && w.val == unitYear
}

// A qualifier is what follows a weekday, a month or a period.
type qualifier uint8

const (
	qNone    qualifier = iota
	qPast              // الماضي
	qNext              // المقبل
	qCurrent           // الجاري
)

func (p *dateParser) qualifier(k int) (qualifier, int) {
	if !p.joins(k) {
		return qNone, k
	}
	switch p.kind(k) {
	case dwPast:
		return qPast, k + 1
	case dwNext:
		return qNext, k + 1
	case dwCurrent:
		return qCurrent, k + 1
	}
	return qNone, k
}

// exact returns a date written with its year.
func (p *dateParser) exact(y, m, d int, hijri bool, prec DatePrecision) dateValue {
	v := dateValue{prec: prec, cal: Gregorian}
	if hijri {
		v.cal = Hijri
		v.t, _ = FromHijri(y, m, d)
		return v
	}
	if y >= 1 && y <= 9999 && d <= daysIn(y, m) {
		v.t = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	}
	return v
}

// daysIn returns the number of days of a Gregorian month.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// yearless resolves a day of a month written without its year, as
// documented on FindDates.
func (p *dateParser) yearless(m, d int, hijri bool, q qualifier) dateValue {
	v := dateValue{prec: PrecisionDay, rel: true, cal: Gregorian}
	if hijri {
		v.cal = Hijri
	}
	if p.today.IsZero() {
		return v
	}
	at := func(y int) time.Time { // the day in year y, or zero
		return p.exact(y, m, d, hijri, PrecisionDay).t
	}
	y := p.today.Year()
	if hijri {
		y, _, _ = ToHijri(p.today)
	}
	t := at(y)
	switch {
	case q == qPast:
		for i := 0; i < 8 && (t.IsZero() || !t.Before(p.today)); i++ { // 8 years: 29 February
			y--
			t = at(y)
		}
	case q == qNext:
		for i := 0; i < 8 && (t.IsZero() || !t.After(p.today)); i++ {
			y++
			t = at(y)
		}
	case !t.IsZero() && t.After(p.today.AddDate(0, 6, 0)):
		t = at(y - 1)
	}
	v.t = t
	return v
}

// monthDate matches a month without a day: with a year, a qualifier, a
// second name, or after a word that makes it a date.
func (p *dateParser) monthDate(j int) (dateValue, int, bool) {
	m, ok := p.month(j)
	if !ok {
		return dateValue{}, 0, false
	}
	v := dateValue{prec: PrecisionMonth, cal: Gregorian}
	if m.hijri {
		v.cal = Hijri
	}
	if y, end, ok := p.yearAfter(m.end, m.hijri); ok {
		v.t = p.exact(y, m.num, 1, m.hijri, PrecisionMonth).t
		return v, end, true
	}
	q, end := p.qualifier(m.end)
	if q == qNone && !m.alt && !p.whole {
		prev := p.word(j - 1)
		afterShahr := prev.kind == dwUnit && prev.val == unitMonth && prev.count == 1 // شهر أيلول
		if !p.joins(j) || !afterShahr && (m.ambiguous || !monthContext(prev)) {
			return dateValue{}, 0, false
		}
	}
	v.rel = true
	if p.today.IsZero() {
		return v, end, true
	}
	// Count months from ref's month, in the month's calendar.
	y, cur := p.today.Year(), int(p.today.Month())
	if m.hijri {
		y, cur, _ = ToHijri(p.today)
	}
	diff := m.num - cur // in -11..11
	switch q {
	case qPast:
		if diff >= 0 {
			diff -= 12
		}
	case qNext:
		if diff <= 0 {
			diff += 12
		}
	case qNone:
		if diff > 6 {
			diff -= 12
		}
	}
	y += hijriDiv(cur-1+diff, 12)
	mo := hijriMod(cur-1+diff, 12) + 1
	v.t = p.exact(y, mo, 1, m.hijri, PrecisionMonth).t
	return v, end, true
}

// monthContext reports whether a bare month after w is a date: في أيلول.
func monthContext(w dateWord) bool {
	switch w.kind {
	case dwContext, dwBefore, dwAfter, dwSince, dwOf:
		return true
	}
	return false
}

// year matches a year on its own: عام 2015 (سنة, العام), منذ 2011, and a
// year before a calendar marker (2015م, 1436 هـ).
func (p *dateParser) year(j int) (dateValue, int, bool) {
	k, word := j, false
	if p.isYearWord(j) {
		if !p.joins(j + 1) {
			return dateValue{}, 0, false
		}
		k, word = j+1, true
	}
	y, digits, ok := p.number(k)
	if !ok || digits < 3 || p.glued(k) && !word {
		return dateValue{}, 0, false
	}
	end := k + 1
	hijri, marked := false, false
	if mk := p.word(end); p.joins(end) && (mk.kind == dwHijriMark || mk.kind == dwGregMark) {
		hijri, marked = mk.kind == dwHijriMark, true
		end++
		if !word && !p.whole && mk.kind == dwGregMark && p.letters(end-1) == 1 && (y < 1900 || y > 2100) {
			return dateValue{}, 0, false // 1500 م is more likely metres
		}
	}
	// A year alone needs عام, a marker, or منذ before it (منذ 2011).
	since := p.kind(j-1) == dwSince && p.joins(j) && digits == 4 && y >= 1900 && y <= 2100
	if !word && !marked && !since && !p.whole {
		return dateValue{}, 0, false
	}
	v := dateValue{prec: PrecisionYear, cal: Gregorian}
	if hijri {
		v.cal = Hijri
	}
	v.t = p.exact(y, 1, 1, hijri, PrecisionYear).t
	return v, end, true
}

// weekday matches a weekday at j, with what may follow it: a date, the
// next weekday after ليل, a qualifier.
func (p *dateParser) weekday(j int, prefixed, night bool) (dateValue, int, bool) {
	w := p.word(j)
	wd := time.Weekday(w.val)
	// الأحد عشر, أحد عشر: eleven. بين الاثنين, كلا الاثنين: the two.
	if n := p.word(j + 1); n.kind == dwCount && n.val == 10 && p.joins(j+1) {
		return dateValue{}, 0, false
	}
	if wd == time.Monday && p.kind(j-1) == dwBetween && p.joins(j) {
		return dateValue{}, 0, false
	}
	k := j + 1
	if p.joins(k) { // الخميس 1 أكتوبر, الخميس، 1 أكتوبر
		kk := k
		if p.isPunct(kk, ArabicComma, ',', '-', enDash) && p.joins(kk+1) {
			kk++
		}
		if v, end, ok := p.dayDate(kk); ok {
			return v, end, true
		}
	}
	if !w.al && !prefixed && !p.whole {
		return dateValue{}, 0, false
	}
	if night && p.joins(k) { // ليل الأربعاء الخميس, ليل الأربعاء/الخميس
		kk := k
		if p.isPunct(kk, '/', '-', enDash) && p.joins(kk+1) {
			kk++
		}
		if n := p.word(kk); n.kind == dwWeekday && time.Weekday(n.val) == (wd+1)%7 {
			k = kk + 1
		}
	}
	q, end := p.qualifier(k)
	v := dateValue{prec: PrecisionDay, rel: true, cal: Gregorian}
	if p.today.IsZero() {
		return v, end, true
	}
	back := (int(p.today.Weekday()) - int(wd) + 7) % 7 // days back to the weekday
	switch q {
	case qPast:
		if back == 0 {
			back = 7
		}
	case qNext:
		back -= 7
	}
	v.t = p.today.AddDate(0, 0, -back)
	return v, end, true
}

// relativeDay matches اليوم, أمس and غدا, with a weekday after them.
func (p *dateParser) relativeDay(j int, yom bool) (dateValue, int, bool) {
	w := p.word(j)
	off := 0
	switch w.kind {
	case dwToday:
		n := p.word(j + 1)
		if p.joins(j+1) && (n.kind == dwNotDay || n.kind == dwPast || n.kind == dwNext || n.kind == dwOrdinal && n.al) {
			return dateValue{}, 0, false // اليوم التالي, اليوم الأول
		}
		if pk := p.kind(j - 1); p.joins(j) && (pk == dwThis || pk == dwThat) && !p.whole {
			return dateValue{}, 0, false // هذا اليوم, مثل هذا اليوم
		}
	case dwYesterday:
		off = -1
		if w.al && !w.afterPrep && !yom && !p.whole {
			return dateValue{}, 0, false // حلفاء الأمس
		}
	case dwTomorrow:
		off = 1
		if w.al && !yom && !p.whole {
			return dateValue{}, 0, false // صحيفة الغد
		}
	}
	end := j + 1
	if w.kind == dwYesterday { // أمس الأول: the day before yesterday
		if n := p.word(end); n.kind == dwOrdinal && n.val == 1 && n.al && p.joins(end) {
			off, end = -2, end+1
		}
	}
	v := p.relative(off, PrecisionDay)
	if n := p.word(end); n.kind == dwWeekday && n.al && p.joins(end) {
		end++
		if !v.t.IsZero() { // the weekday corrects the day by one
			for _, d := range []int{0, -1, 1} {
				if t := v.t.AddDate(0, 0, d); t.Weekday() == time.Weekday(n.val) {
					v.t = t
					break
				}
			}
		}
	}
	return v, end, true
}

// amount matches قبل, منذ or بعد and an amount of time.
func (p *dateParser) amount(j int) (dateValue, int, bool) {
	sign := -1
	if p.kind(j) == dwAfter {
		sign = 1
	}
	k := j + 1
	if p.kind(k) == dwAbout && p.joins(k) {
		k++
	}
	if !p.joins(k) {
		return dateValue{}, 0, false
	}
	n, unit, vague := 0, 0, false
	unitAt := func(i int) (unit, count int, ok bool) {
		w := p.word(i)
		switch {
		case w.kind == dwUnit:
			return int(w.val), int(w.count), true
		case w.kind == dwDay: // يوم
			return unitDay, 1, true
		}
		return 0, 0, false
	}
	if v, digits, ok := p.number(k); ok && digits <= 3 && v > 0 {
		u, _, ok := unitAt(k + 1)
		if !ok || !p.joins(k+1) {
			return dateValue{}, 0, false
		}
		n, unit, k = v, u, k+2
	} else if c := p.word(k); c.kind == dwCount {
		u, _, ok := unitAt(k + 1)
		if !ok || !p.joins(k+1) {
			return dateValue{}, 0, false
		}
		n, unit, k = int(c.val), u, k+2
	} else if u, count, ok := unitAt(k); ok {
		// قبل يوم الخميس, منذ عام 2011, قبل شهر رمضان: a date follows.
		if nx := p.word(k + 1); p.joins(k+1) && count == 1 {
			if nx.kind == dwWeekday || nx.kind == dwToday || nx.kind == dwYesterday || nx.kind == dwTomorrow {
				return dateValue{}, 0, false
			}
			if _, _, isNum := p.number(k + 1); isNum {
				return dateValue{}, 0, false
			}
			if _, isMonth := p.monthWord(k + 1); isMonth {
				return dateValue{}, 0, false
			}
		}
		// بعد يوم حافل: after one unit, بعد counts from the story's events.
		if p.kind(j) == dwAfter && count == 1 && p.joins(k+1) && p.lexeme(k+1).kind != lexPunct {
			return dateValue{}, 0, false
		}
		n, unit, vague, k = count, u, count == 0, k+1
	} else {
		return dateValue{}, 0, false
	}
	if nk := p.kind(k); p.kind(j) != dwSince && p.joins(k) && (nk == dwOf || nk == dwOn) {
		return dateValue{}, 0, false // قبل يومين من الانتخابات: from an event
	}
	v := dateValue{rel: true, cal: Gregorian}
	if vague {
		return v, k, true
	}
	n *= sign
	switch unit {
	case unitDay:
		v = p.relative(n, PrecisionDay)
	case unitWeek:
		v = p.relative(7*n, PrecisionWeek)
		if !v.t.IsZero() {
			v.t = weekStart(v.t)
		}
	case unitMonth:
		v.prec = PrecisionMonth
		if !p.today.IsZero() {
			v.t = time.Date(p.today.Year(), p.today.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		}
	case unitYear:
		v.prec = PrecisionYear
		if !p.today.IsZero() {
			v.t = time.Date(p.today.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC)
		}
	}
	return v, k, true
}

// weekStart returns the Sunday that begins the week of t: the week of the
// Arabic weekday names, whose first day is الأحد (from واحد, one).
func weekStart(t time.Time) time.Time {
	return t.AddDate(0, 0, -int(t.Weekday()))
}

// period matches الأسبوع الماضي, الشهر المقبل, العام الجاري, هذا العام
// and the like, and العام 2015.
func (p *dateParser) period(j int) (dateValue, int, bool) {
	var unit, end int
	var q qualifier
	switch w := p.word(j); w.kind {
	case dwThis: // هذا الأسبوع, هذه السنة
		pw := p.word(j + 1)
		if pw.kind != dwPeriod || !p.joins(j+1) {
			return dateValue{}, 0, false
		}
		unit, q, end = int(pw.val), qCurrent, j+2
	case dwPeriod:
		if w.val == unitYear {
			if v, end, ok := p.year(j); ok { // العام 2015
				return v, end, true
			}
			if g := p.kind(j - 1); g == dwGeneral && p.joins(j) {
				return dateValue{}, 0, false // الأمين العام المقبل
			}
		}
		unit = int(w.val)
		if q, end = p.qualifier(j + 1); q == qNone {
			return dateValue{}, 0, false
		}
	default:
		return dateValue{}, 0, false
	}
	n := 0
	switch q {
	case qPast:
		n = -1
	case qNext:
		n = 1
	}
	v := dateValue{rel: true, cal: Gregorian}
	t := p.today
	switch unit {
	case unitWeek:
		v.prec = PrecisionWeek
		if !t.IsZero() {
			v.t = weekStart(t).AddDate(0, 0, 7*n)
		}
	case unitMonth:
		v.prec = PrecisionMonth
		if !t.IsZero() {
			v.t = time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		}
	case unitYear:
		v.prec = PrecisionYear
		if !t.IsZero() {
			v.t = time.Date(t.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC)
		}
	}
	return v, end, true
}
