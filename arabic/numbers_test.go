package arabic

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		// Digits, separators, signs.
		{"0", 0, true},
		{"24", 24, true},
		{"٢٤", 24, true},
		{"۲۴", 24, true},
		{"1,631", 1631, true},
		{"1,500,000", 1500000, true},
		{"١٬٥٠٠", 1500, true},
		{"٢٫٥", 2.5, true},
		{"3.5", 3.5, true},
		{"1,5", 1.5, true},
		{"17,00", 17, true},
		{"1.500", 1.5, true},
		{"1.500.000", 1500000, true},
		{"1,500.25", 1500.25, true},
		{"1.500,25", 1500.25, true},
		{"01.10", 1.1, true},
		{".77", 0.77, true},
		{"-1200000", -1200000, true},
		{"\u22125", -5, true}, // U+2212 MINUS SIGN
		{"  42  ", 42, true},
		{"12345678901234567890", 12345678901234567890, true},
		// Multipliers after digits.
		{"250 ألف", 250000, true},
		{"240 الف", 240000, true},
		{"2.5 مليون", 2500000, true},
		{"1.5 مليار", 1500000000, true},
		{"10 آلاف", 10000, true},
		{"3 ملايين", 3000000, true},
		{"60 ألفا و 318", 60318, true},
		{"3 ملايين و 200 ألف", 3200000, true},
		// Units, tens, teens, in every spelling.
		{"صفر", 0, true},
		{"واحد", 1, true},
		{"واحدة", 1, true},
		{"اثنان", 2, true},
		{"اثنين", 2, true},
		{"اثنتان", 2, true},
		{"ثلاث", 3, true},
		{"ثلاثة", 3, true},
		{"ثلاثه", 3, true},
		{"ثمانيةُ", 8, true},
		{"عشر", 10, true},
		{"عشرة", 10, true},
		{"أحد عشر", 11, true},
		{"إحدى عشرة", 11, true},
		{"احدى عشره", 11, true},
		{"اثنا عشر", 12, true},
		{"اثنتي عشرة", 12, true},
		{"إثنى عشر", 12, true},
		{"خمسة عشر", 15, true},
		{"ثماني عشرة", 18, true},
		{"عشرون", 20, true},
		{"عشرين", 20, true},
		{"ثلاث و ثلاثون", 33, true},
		{"واحد وعشرون", 21, true},
		{"إحدى وعشرين", 21, true},
		{"خمسة وتسعين", 95, true},
		// Hundreds, thousands, millions.
		{"مئة", 100, true},
		{"مائة", 100, true},
		{"مئتان", 200, true},
		{"مائتي", 200, true},
		{"ثلاثمائة", 300, true},
		{"ثلاثمئة", 300, true},
		{"ثلاث مئة", 300, true},
		{"ثلاثمائة وخمسون", 350, true},
		{"خمسمائة و خمسة و عشرون", 525, true},
		{"مئة وخمسة عشر", 115, true},
		{"ألف", 1000, true},
		{"ألفا", 1000, true},
		{"ألفان", 2000, true},
		{"ألفين", 2000, true},
		{"ثلاثة آلاف", 3000, true},
		{"عشرة آلاف", 10000, true},
		{"أحد عشر ألفا", 11000, true},
		{"مائتين وخمسين ألفا", 250000, true},
		{"ألف وخمسمائة", 1500, true},
		{"مليون", 1e6, true},
		{"مليونان", 2e6, true},
		{"مليار", 1e9, true},
		{"بليون", 1e9, true},
		{"ألف مليون", 1e9, true},
		{"مليار ومئتا مليون وثلاثمائة ألف وأربعمائة وخمسون", 1200300450, true},
		{"تسعمائة وتسعة وتسعون ألفا وتسعمائة وتسعة وتسعون", 999999, true},
		// Fractions and the spoken point.
		{"نصف مليون", 500000, true},
		{"ربع مليون", 250000, true},
		{"مليون ونصف", 1500000, true},
		{"مليون ونصف المليون", 1500000, true},
		{"ثلاثة ونصف", 3.5, true},
		{"واحد فاصلة واحد", 1.1, true},
		{"1 فاصلة 05", 1.05, true},
		{"اثنان فاصلة خمسة وعشرون", 2.25, true},
		// Vague quantities.
		{"عشرات", 20, true},
		{"عشرات الآلاف", 20000, true},
		{"مئات الآلاف", 200000, true},
		{"آلاف", 2000, true},
		{"بضعة آلاف", 3000, true},
		{"بضعة عشر", 13, true},
		{"عشرون ونيف", 20, true},
		// Ordinals.
		{"الأول", 1, true},
		{"الثالث عشر", 13, true},
		{"الحادي والعشرين", 21, true},
		// Not one expression.
		{"", 0, false},
		{"قال", 0, false},
		{"24 هدفا", 0, false},
		{"خمسة ستة", 0, false},
		{"نصف", 0, false},
		{"أحد", 0, false},
		{"إحدى", 0, false},
		{"الاثنين", 0, false},
		{"الأحد", 0, false},
		{"لست", 0, false},
		{"10:30", 0, false},
		{"G20", 0, false},
		{"20 و30", 0, false},
	} {
		got, ok := ParseNumber(c.in)
		if ok != c.ok || ok && math.Abs(got-c.want) > 1e-9*math.Max(1, math.Abs(c.want)) {
			t.Errorf("ParseNumber(%q) = %v, %v, want %v, %v (% x)", c.in, got, ok, c.want, c.ok, c.in)
		}
	}
}

// A wantNumber describes an expected Number by substrings of the text,
// each of which must occur there once.
type wantNumber struct {
	expr    string  // the expression as written
	value   float64 // its value
	unit    string  // the counted noun
	unitAt  string  // the unit word as written, "" if none
	approx  bool
	ordinal bool
}

func TestFindNumbers(t *testing.T) {
	for _, c := range []struct {
		text string
		want []wantNumber
	}{
		{"", nil},
		{"قال المتحدث إن المفاوضات مستمرة.", nil},
		{
			"أعلن المكتب أن 24 شخصا أصيبوا وأن خمسة عشر قتيلا سقطوا.",
			[]wantNumber{
				{expr: "24", value: 24, unit: "شخص", unitAt: "شخصا"},
				{expr: "خمسة عشر", value: 15, unit: "قتيل", unitAt: "قتيلا"},
			},
		},
		{
			"نفذت الطائرات بـ1631 طلعة، وقتل الـ 12 مسلحا و٣٠٠ مدنيين خلال الـ24 ساعة الماضية.",
			[]wantNumber{
				{expr: "1631", value: 1631, unit: "طلعة", unitAt: "طلعة"},
				{expr: "12", value: 12, unit: "مسلح", unitAt: "مسلحا"},
				{expr: "٣٠٠", value: 300, unit: "مدني", unitAt: "مدنيين"},
				{expr: "24", value: 24, unit: "ساعة", unitAt: "ساعة"},
			},
		},
		{
			"خصصت الحكومة 250 ألف دولار و1.5 مليار يورو لإيواء نصف مليون نازح منذ أربع سنوات.",
			[]wantNumber{
				{expr: "250 ألف", value: 250000, unit: "دولار", unitAt: "دولار"},
				{expr: "1.5 مليار", value: 1.5e9, unit: "يورو", unitAt: "يورو"},
				{expr: "نصف مليون", value: 500000, unit: "نازح", unitAt: "نازح"},
				{expr: "أربع", value: 4, unit: "سنة", unitAt: "سنوات"},
			},
		},
		{
			"بلغ عدد العائدين ثلاثمائة وخمسين ألفا وثلاثمائة لاجئ في عامين.",
			[]wantNumber{
				{expr: "ثلاثمائة وخمسين ألفا وثلاثمائة", value: 350300, unit: "لاجئ", unitAt: "لاجئ"},
				{expr: "عامين", value: 2, unit: "عام", unitAt: "عامين"},
			},
		},
		{
			"سقط عشرات القتلى وفر مئات الآلاف من السكان، ووصل بضعة آلاف جندي.",
			[]wantNumber{
				{expr: "عشرات", value: 20, unit: "قتيل", unitAt: "القتلى", approx: true},
				{expr: "مئات الآلاف", value: 200000, approx: true},
				{expr: "بضعة آلاف", value: 3000, unit: "جندي", unitAt: "جندي", approx: true},
			},
		},
		{
			"ارتفعت نسبة المشاركة إلى 40% بعد أن كانت 35 في المئة و١٢٪ في المدن.",
			[]wantNumber{
				{expr: "40", value: 40, unit: "%", unitAt: "%"},
				{expr: "35", value: 35, unit: "%", unitAt: "في المئة"},
				{expr: "١٢", value: 12, unit: "%", unitAt: "٪"},
			},
		},
		{
			"عقدت الجلسة الثالثة عشرة في القرن الحادي والعشرين للمرة الأولى.",
			[]wantNumber{
				{expr: "الثالثة عشرة", value: 13, ordinal: true},
				{expr: "الحادي والعشرين", value: 21, ordinal: true},
				{expr: "الأولى", value: 1, ordinal: true},
			},
		},
		{
			// False friends: one of, Sunday, Monday, at once, you are not,
			// carbon dioxide.
			"قال أحد الشهود يوم الأحد إن الاجتماع يوم الاثنين انعقد في آن واحد مع ندوة عن ثاني أكسيد الكربون، لست أدري.",
			nil,
		},
		{
			"في عام 2015 شهدت المدينة ٢٠١٥ شخصا في الساعة 10:30 يوم 3/7 وطائرات إف-16.",
			[]wantNumber{
				{expr: "2015", value: 2015},
				{expr: "٢٠١٥", value: 2015, unit: "شخص", unitAt: "شخصا"},
			},
		},
		{
			"قتل 5 من الجنود و7 قتلوا لاحقا و١٠ آخرون.",
			[]wantNumber{
				{expr: "5", value: 5},
				{expr: "7", value: 7},
				{expr: "١٠", value: 10},
			},
		},
		{
			// An article with a cardinal 3–9 is no ordinal; a noun before واحد
			// is not its unit; طالبان is no dual.
			"خلال الساعات الأربع والعشرين الماضية، بيوم واحد قتل قائد من طالبان أول من أمس.",
			[]wantNumber{
				{expr: "الأربع والعشرين", value: 24},
				{expr: "واحد", value: 1},
			},
		},
		{
			"والتقى الوزيرين في الطائرتين يومين اثنين.",
			[]wantNumber{
				{expr: "الوزيرين", value: 2, unit: "وزير", unitAt: "الوزيرين"},
				{expr: "الطائرتين", value: 2, unit: "طائرة", unitAt: "الطائرتين"},
				{expr: "يومين اثنين", value: 2, unit: "يوم", unitAt: "يومين"},
			},
		},
	} {
		got := FindNumbers(c.text)
		want := make([]Number, 0, len(c.want))
		for _, w := range c.want {
			sp := mustSpan(t, c.text, w.expr)
			n := Number{Value: w.value, Text: w.expr, Start: sp.Start, End: sp.End, Unit: w.unit, Approx: w.approx, Ordinal: w.ordinal}
			if w.unitAt != "" {
				u := mustSpan(t, c.text, w.unitAt)
				n.UnitStart, n.UnitEnd = u.Start, u.End
			}
			want = append(want, n)
		}
		if len(got) != len(want) {
			t.Errorf("FindNumbers(%q) = %d numbers, want %d:\n got %+v\nwant %+v", c.text, len(got), len(want), got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("FindNumbers(%q)[%d] = %+v, want %+v (% x)", c.text, i, got[i], want[i], got[i].Text)
			}
		}
	}
}

// TestFindNumbersUnits checks the counted noun after a number.
func TestFindNumbersUnits(t *testing.T) {
	for _, c := range []struct {
		text, unit string
	}{
		{"24 هدفا", "هدف"},
		{"خمسة أهداف", "هدف"},
		{"ثلاث غارات", "غارة"},
		{"عشرة صواريخ", "صاروخ"},
		{"أربع سنوات", "سنة"},
		{"ست طائرات", "طائرة"},
		{"عشرون مدنيا", "مدني"},
		{"40 مدنيين", "مدني"},
		{"خمسون مسلحين", "مسلح"},
		{"سبعة عناصر", "عنصر"},
		{"تسعة جنود", "جندي"},
		{"30 جنديا", "جندي"},
		{"ثلاث طلعات", "طلعة"},
		{"500 كيلومتر", "كيلومتر"},
		{"50 كيلومترا", "كيلومتر"},
		{"700 دولار", "دولار"},
		{"سبعة ملايين دولارات", "دولار"},
		{"ثلاثة قتلى", "قتيل"},
		{"أربعة جرحى", "جريح"},
		{"ستة أشخاص", "شخص"},
		{"مئات المتظاهرين", "متظاهر"},
		{"آلاف اللاجئين", "لاجئ"},
		{"12 فلسطينيا", "فلسطيني"},
		{"14 عسكريين", "عسكري"}, // by the table
		{"11 بحارا", "بحار"},    // the accusative ا
		{"8 مهندسين", "مهندس"},  // a participle in م
		{"9 صحفيين", "صحفي"},
		{"25 رياضيين", "رياضي"}, // a relational noun
		{"3 ميادين", "ميادين"},  // a broken plural stays as written
		{"3 وزراء", "وزير"},     // و of the word, known to the table
		{"2000 شخصا", "شخص"},
		{"50 كم", "كيلومتر"},
		{"15 بالمئة", "%"},
		// No unit.
		{"24 في", ""},
		{"24 قتلوا", ""},
		{"24 يعملون", ""},
		{"24 تقريبا", ""},
		{"24 الماضية", ""},
		{"24 وأصيب", ""},
		{"24، قتيلا", ""},
		{"3 يوليو", ""},
		{"عام 2015 شهد", ""},
		{"2020م قتيلا", ""},
		{"الثالث قتيلا", ""},
		{"1145 لسنة 2014", ""},
		{"العشرات بأسلحة", ""},
		{"27 نفذتها", ""},
		{"52 شرقي", ""},
		{"21 قال", ""},
	} {
		ns := FindNumbers(c.text)
		if len(ns) == 0 {
			t.Errorf("FindNumbers(%q) found nothing", c.text)
			continue
		}
		if got := ns[0].Unit; got != c.unit {
			t.Errorf("FindNumbers(%q)[0].Unit = %q, want %q (% x)", c.text, got, c.unit, got)
		}
	}
}

// TestFindNumbersOffsets checks the spans of numbers written with
// clitics, harakat and tatweel.
func TestFindNumbersOffsets(t *testing.T) {
	for _, c := range []struct {
		text, expr string
	}{
		{"وبالـ1631 طلعة", "1631"},
		{"للـ24 ساعة", "24"},
		{"و17 دولارا", "17"},
		{"وثلاثون", "ثلاثون"},
		{"بثلاثةِ أيامٍ", "ثلاثةِ"},
		{"بالثلاثة", "الثلاثة"},
		{"لأول مرة", "أول"},
		{"وأحد عشر لاعبا", "أحد عشر"},
		{"(-3) درجات", "-3"},
		{"قال -3", "-3"},
		{"العدد ‏٢٥‏ ألف", "٢٥‏ ألف"},
	} {
		ns := FindNumbers(c.text)
		sp := mustSpan(t, c.text, c.expr)
		if len(ns) != 1 || ns[0].Start != sp.Start || ns[0].End != sp.End || ns[0].Text != c.expr {
			t.Errorf("FindNumbers(%q) = %+v, want one number %q at [%d,%d)", c.text, ns, c.expr, sp.Start, sp.End)
		}
	}
}

func FuzzFindNumbers(f *testing.F) {
	for _, s := range []string{
		"", "24 هدفا", "١٬٥٠٠ جندي", "٢٫٥ مليون", "ثلاثمائة وخمسون ألفا", "الـ 24 ساعة",
		"بـ1631 طلعة", "-1200000", ".77", "1 فاصلة 1", "مليون ونصف المليون", "عشرات الآلاف من القتلى",
		"الحادي والعشرين", "يومين اثنين", "40%", "12 في المئة", "10:30", "3rd", "9999999999999999999999 تريليون",
		"و", "و و", "ألف مليون مليار تريليون", "\xff1\xfe", "١,٢.٣٫٤٬٥", "ثلاثة ونصف مليون",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ns := FindNumbers(text)
		prev := 0
		for i, n := range ns {
			if n.Start < prev || n.Start > n.End || n.End > len(text) {
				t.Fatalf("FindNumbers(%q)[%d] = [%d,%d), after %d, text of %d bytes", text, i, n.Start, n.End, prev, len(text))
			}
			if n.Text != text[n.Start:n.End] || n.Text == "" || !utf8.ValidString(n.Text) || !utf8.ValidString(n.Unit) {
				t.Fatalf("FindNumbers(%q)[%d] = %+v: Text is not text[Start:End], or not valid UTF-8", text, i, n)
			}
			if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
				t.Fatalf("FindNumbers(%q)[%d].Value = %v", text, i, n.Value)
			}
			prev = n.End
			if n.Unit == "" {
				if n.UnitStart != 0 || n.UnitEnd != 0 {
					t.Fatalf("FindNumbers(%q)[%d] = %+v: a unit span without a unit", text, i, n)
				}
				continue
			}
			if n.UnitStart < n.Start || n.UnitStart >= n.UnitEnd || n.UnitEnd > len(text) {
				t.Fatalf("FindNumbers(%q)[%d] = %+v: bad unit span", text, i, n)
			}
			prev = max(prev, n.UnitEnd)
		}
	})
}

// numbersParagraph is a paragraph dense in numbers, written for these
// benchmarks.
const numbersParagraph = `قال المرصد إن 24 شخصا قتلوا وأصيب ثلاثة وثلاثون آخرون في ١٬٥٠٠ غارة ` +
	`خلال الـ24 ساعة الماضية، وإن عشرات الآلاف نزحوا منذ أربع سنوات، وإن الحكومة خصصت ` +
	`2.5 مليار دولار لإيواء نصف مليون لاجئ، وإن نسبة الفقر بلغت 40 في المئة في عام 2015. ` +
	`وعقدت الجلسة الحادية والعشرين بحضور مئتين وخمسين ألف متظاهر خلال يومين.`

func BenchmarkFindNumbers(b *testing.B) {
	for _, bc := range []struct{ name, text string }{
		{"news", benchText()},
		{"dense", strings.Repeat(numbersParagraph+"\n", 20)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			n := len(FindNumbers(bc.text))
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			for b.Loop() {
				FindNumbers(bc.text)
			}
			b.ReportMetric(float64(n), "numbers/op")
		})
	}
}
