package arabic

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// dateRef is the publication time of the date tests: a Friday.
var dateRef = time.Date(2015, 10, 2, 9, 30, 0, 0, time.UTC)

// A wantDate is a date expected in a text: sub is its text, which must
// occur once; day is Time as 2006-01-02, or "" for the zero Time.
type wantDate struct {
	sub  string
	day  string
	prec DatePrecision
	rel  bool
	cal  string // Gregorian if empty
}

// Shorthands for the tables.
const (
	pDay   = PrecisionDay
	pWeek  = PrecisionWeek
	pMonth = PrecisionMonth
	pYear  = PrecisionYear
	pNone  = PrecisionUnknown
)

func TestFindDates(t *testing.T) {
	tests := []struct {
		text string
		want []wantDate
	}{
		// Relative days. dateRef is Friday 2 October 2015.
		{"قال الوزير أمس إن المفاوضات ستستأنف.", []wantDate{{"أمس", "2015-10-01", pDay, true, ""}}},
		{"وكان قد صرح بالأمس بأن الوضع مستقر.", []wantDate{{"الأمس", "2015-10-01", pDay, true, ""}}},
		{"وأمس أعلنت الوزارة", []wantDate{{"أمس", "2015-10-01", pDay, true, ""}}},
		{"وصل الوفد أول أمس إلى العاصمة", []wantDate{{"أول أمس", "2015-09-30", pDay, true, ""}}},
		{"وصل الوفد أول من أمس", []wantDate{{"أول من أمس", "2015-09-30", pDay, true, ""}}},
		{"غادر أمس الأول", []wantDate{{"أمس الأول", "2015-09-30", pDay, true, ""}}},
		{"تبدأ المحادثات غداً في جنيف", []wantDate{{"غداً", "2015-10-03", pDay, true, ""}}},
		{"تعقد الجلسة بعد غد", []wantDate{{"بعد غد", "2015-10-04", pDay, true, ""}}},
		{"ينتظر الجميع يوم الغد بقلق", []wantDate{{"يوم الغد", "2015-10-03", pDay, true, ""}}},
		{"أعلنت الحكومة اليوم خطة جديدة", []wantDate{{"اليوم", "2015-10-02", pDay, true, ""}}},
		{"أعلنت الحكومة اليوم الجمعة خطة", []wantDate{{"اليوم الجمعة", "2015-10-02", pDay, true, ""}}},
		// The weekday corrects a publication time a day off.
		{"أعلنت الحكومة اليوم الخميس خطة", []wantDate{{"اليوم الخميس", "2015-10-01", pDay, true, ""}}},
		{"قصفت الطائرات فجر اليوم الخميس مواقع", []wantDate{{"فجر اليوم الخميس", "2015-10-01", pDay, true, ""}}},
		{"وصل مساء أمس إلى بيروت", []wantDate{{"مساء أمس", "2015-10-01", pDay, true, ""}}},
		{"يوم أمس خرج المتظاهرون", []wantDate{{"يوم أمس", "2015-10-01", pDay, true, ""}}},
		{"حلفاء الأمس أعداء اليوم", []wantDate{{"اليوم", "2015-10-02", pDay, true, ""}}}, // الأمس: the past

		// Weekdays.
		{"التقى الرئيس الخميس الماضي بالسفير", []wantDate{{"الخميس الماضي", "2015-10-01", pDay, true, ""}}},
		{"وكانت الجمعة الماضية هادئة", []wantDate{{"الجمعة الماضية", "2015-09-25", pDay, true, ""}}},
		{"أقيمت الصلاة الجمعة في الساحة", []wantDate{{"الجمعة", "2015-10-02", pDay, true, ""}}},
		{"اجتمع المجلس يوم الخميس", []wantDate{{"يوم الخميس", "2015-10-01", pDay, true, ""}}},
		{"اجتمع المجلس السبت", []wantDate{{"السبت", "2015-09-26", pDay, true, ""}}},
		{"ينعقد المؤتمر الأحد المقبل", []wantDate{{"الأحد المقبل", "2015-10-04", pDay, true, ""}}},
		{"تنتهي المهلة الجمعة المقبلة", []wantDate{{"الجمعة المقبلة", "2015-10-09", pDay, true, ""}}},
		{"تنتهي المهلة الاثنين القادم", []wantDate{{"الاثنين القادم", "2015-10-05", pDay, true, ""}}},
		{"شنت الطائرات مساء الخميس غارات", []wantDate{{"مساء الخميس", "2015-10-01", pDay, true, ""}}},
		{"وكانت الغارة الثانية ليل الأربعاء الخميس.", []wantDate{{"ليل الأربعاء الخميس", "2015-09-30", pDay, true, ""}}},
		{"وصل مساء يوم الثلاثاء", []wantDate{{"مساء يوم الثلاثاء", "2015-09-29", pDay, true, ""}}},
		{"قال يوم خميس إنه سيعود", []wantDate{{"يوم خميس", "2015-10-01", pDay, true, ""}}},
		{"والأربعاء أيضا", []wantDate{{"الأربعاء", "2015-09-30", pDay, true, ""}}},
		{"صدر القرار الخميس 1 أكتوبر 2015", []wantDate{{"الخميس 1 أكتوبر 2015", "2015-10-01", pDay, false, ""}}},
		{"صدر القرار الجمعة، 25 سبتمبر", []wantDate{{"الجمعة، 25 سبتمبر", "2015-09-25", pDay, true, ""}}},

		// Relative periods and amounts.
		{"ارتفعت الأسعار الأسبوع الماضي", []wantDate{{"الأسبوع الماضي", "2015-09-20", pWeek, true, ""}}},
		{"تبدأ الحملة الأسبوع المقبل", []wantDate{{"الأسبوع المقبل", "2015-10-04", pWeek, true, ""}}},
		{"ارتفعت الأسعار هذا الأسبوع", []wantDate{{"هذا الأسبوع", "2015-09-27", pWeek, true, ""}}},
		{"تراجع الإنتاج الشهر الماضي", []wantDate{{"الشهر الماضي", "2015-09-01", pMonth, true, ""}}},
		{"حتى نهاية الشهر الجاري", []wantDate{{"الشهر الجاري", "2015-10-01", pMonth, true, ""}}},
		{"تراجع الإنتاج العام الماضي", []wantDate{{"العام الماضي", "2014-01-01", pYear, true, ""}}},
		{"مقارنة بالسنة الماضية", []wantDate{{"السنة الماضية", "2014-01-01", pYear, true, ""}}},
		{"تجرى الانتخابات العام المقبل", []wantDate{{"العام المقبل", "2016-01-01", pYear, true, ""}}},
		{"تحسن الوضع هذه السنة", []wantDate{{"هذه السنة", "2015-01-01", pYear, true, ""}}},
		{"وصل قبل يومين", []wantDate{{"قبل يومين", "2015-09-30", pDay, true, ""}}},
		{"وصل منذ ثلاثة أيام", []wantDate{{"منذ ثلاثة أيام", "2015-09-29", pDay, true, ""}}},
		{"وصل قبل أسبوع، وغادر", []wantDate{{"قبل أسبوع", "2015-09-20", pWeek, true, ""}}},
		{"بدأت الحرب قبل 15 عاما", []wantDate{{"قبل 15 عاما", "2000-01-01", pYear, true, ""}}},
		{"بدأت الحرب قبل ١٥ عاما", []wantDate{{"قبل ١٥ عاما", "2000-01-01", pYear, true, ""}}},
		{"وقع الاتفاق قبل شهرين", []wantDate{{"قبل شهرين", "2015-08-01", pMonth, true, ""}}},
		{"وقع الاتفاق قبل نحو عامين", []wantDate{{"قبل نحو عامين", "2013-01-01", pYear, true, ""}}},
		{"يعود الوفد بعد أسبوعين", []wantDate{{"بعد أسبوعين", "2015-10-11", pWeek, true, ""}}},
		{"فرض الحصار منذ أسبوعين على المنطقة", []wantDate{{"منذ أسبوعين", "2015-09-13", pWeek, true, ""}}},
		{"وصل قبل أيام", []wantDate{{"قبل أيام", "", pNone, true, ""}}},
		{"يعصف بالبلد منذ سنوات", []wantDate{{"منذ سنوات", "", pNone, true, ""}}},

		// A day and a month, every series, with and without a year.
		{"في 30 ايلول/سبتمبر قصفت الطائرات", []wantDate{{"30 ايلول/سبتمبر", "2015-09-30", pDay, true, ""}}},
		{"بدأ في 30 أيلول (سبتمبر) 2015", []wantDate{{"30 أيلول (سبتمبر) 2015", "2015-09-30", pDay, false, ""}}},
		{"ولد في 16 كانون الثاني 1980", []wantDate{{"16 كانون الثاني 1980", "1980-01-16", pDay, false, ""}}},
		{"تنتهي في 31 كانون الأول", []wantDate{{"31 كانون الأول", "2015-12-31", pDay, true, ""}}},
		{"اجتماع 3 تشرين الأول", []wantDate{{"3 تشرين الأول", "2015-10-03", pDay, true, ""}}},
		{"اجتماع 3 تشرين الثاني/نوفمبر 2014", []wantDate{{"3 تشرين الثاني/نوفمبر 2014", "2014-11-03", pDay, false, ""}}},
		{"في 12 شباط و7 آذار و9 نيسان", []wantDate{
			{"12 شباط", "2015-02-12", pDay, true, ""},
			{"7 آذار", "2015-03-07", pDay, true, ""},
			{"9 نيسان", "2015-04-09", pDay, true, ""},
		}},
		{"في 1 أيار و2 حزيران و3 تموز و4 آب", []wantDate{
			{"1 أيار", "2015-05-01", pDay, true, ""},
			{"2 حزيران", "2015-06-02", pDay, true, ""},
			{"3 تموز", "2015-07-03", pDay, true, ""},
			{"4 آب", "2015-08-04", pDay, true, ""},
		}},
		{"في 5 يناير 2016 و6 فبراير و7 مارس 2015", []wantDate{
			{"5 يناير 2016", "2016-01-05", pDay, false, ""},
			{"6 فبراير", "2015-02-06", pDay, true, ""},
			{"7 مارس 2015", "2015-03-07", pDay, false, ""},
		}},
		{"بين 8 ابريل و9 مايو و10 يونيه و11 يوليه", []wantDate{
			{"8 ابريل", "2015-04-08", pDay, true, ""},
			{"9 مايو", "2015-05-09", pDay, true, ""},
			{"10 يونيه", "2015-06-10", pDay, true, ""},
			{"11 يوليه", "2015-07-11", pDay, true, ""},
		}},
		{"في 12 اغسطس و13 أكتوبر و14 نوفمبر و15 ديسمبر", []wantDate{
			{"12 اغسطس", "2015-08-12", pDay, true, ""},
			{"13 أكتوبر", "2015-10-13", pDay, true, ""},
			{"14 نوفمبر", "2015-11-14", pDay, true, ""},
			{"15 ديسمبر", "2015-12-15", pDay, true, ""},
		}},
		{"في 5 جانفي و6 فيفري و7 أفريل و8 ماي", []wantDate{
			{"5 جانفي", "2015-01-05", pDay, true, ""},
			{"6 فيفري", "2015-02-06", pDay, true, ""},
			{"7 أفريل", "2015-04-07", pDay, true, ""},
			{"8 ماي", "2015-05-08", pDay, true, ""},
		}},
		{"في 9 جوان 2014 و14 جويلية 2014 و20 أوت 2015", []wantDate{
			{"9 جوان 2014", "2014-06-09", pDay, false, ""},
			{"14 جويلية 2014", "2014-07-14", pDay, false, ""},
			{"20 أوت 2015", "2015-08-20", pDay, false, ""},
		}},
		{"في 1 يوليوز 2011 و11 غشت و15 شتنبر و2 نونبر و3 دجنبر 2014", []wantDate{
			{"1 يوليوز 2011", "2011-07-01", pDay, false, ""},
			{"11 غشت", "2015-08-11", pDay, true, ""},
			{"15 شتنبر", "2015-09-15", pDay, true, ""},
			{"2 نونبر", "2015-11-02", pDay, true, ""},
			{"3 دجنبر 2014", "2014-12-03", pDay, false, ""},
		}},
		{"في ٣٠ سبتمبر ٢٠١٥ أعلن", []wantDate{{"٣٠ سبتمبر ٢٠١٥", "2015-09-30", pDay, false, ""}}},
		{"في 5 من يونيو", []wantDate{{"5 من يونيو", "2015-06-05", pDay, true, ""}}},
		{"في 30 سبتمبر 2015م أعلن", []wantDate{{"30 سبتمبر 2015م", "2015-09-30", pDay, false, ""}}},
		{"في 30 سبتمبر من عام 2015", []wantDate{{"30 سبتمبر من عام 2015", "2015-09-30", pDay, false, ""}}},
		{"في الأول من سبتمبر", []wantDate{{"الأول من سبتمبر", "2015-09-01", pDay, true, ""}}},
		{"يبدأ العام الدراسي أول أكتوبر", []wantDate{{"أول أكتوبر", "2015-10-01", pDay, true, ""}}},
		{"منذ الأول من كانون الثاني 2014", []wantDate{{"الأول من كانون الثاني 2014", "2014-01-01", pDay, false, ""}}},
		{"يوم 30 أيلول/سبتمبر.", []wantDate{{"يوم 30 أيلول/سبتمبر", "2015-09-30", pDay, true, ""}}},
		{"في 28 سبتمبر الماضي", []wantDate{{"28 سبتمبر الماضي", "2015-09-28", pDay, true, ""}}},
		{"في 2 أكتوبر الماضي", []wantDate{{"2 أكتوبر الماضي", "2014-10-02", pDay, true, ""}}},
		{"في 20 سبتمبر المقبل", []wantDate{{"20 سبتمبر المقبل", "2016-09-20", pDay, true, ""}}},
		{"في 29 شباط", []wantDate{{"29 شباط", "", pDay, true, ""}}}, // 2015 has none

		// A month without a day.
		{"في نهاية أيلول الماضي", []wantDate{{"أيلول الماضي", "2015-09-01", pMonth, true, ""}}},
		{"في نهاية ايلول (سبتمبر) الماضي.", []wantDate{{"ايلول (سبتمبر) الماضي", "2015-09-01", pMonth, true, ""}}},
		{"في أكتوبر الماضي", []wantDate{{"أكتوبر الماضي", "2014-10-01", pMonth, true, ""}}},
		{"في مارس المقبل", []wantDate{{"مارس المقبل", "2016-03-01", pMonth, true, ""}}},
		{"في أيلول وقع الانفجار", []wantDate{{"أيلول", "2015-09-01", pMonth, true, ""}}},
		{"خلال ديسمبر", []wantDate{{"ديسمبر", "2015-12-01", pMonth, true, ""}}},
		{"منذ شهر مارس", []wantDate{{"مارس", "2015-03-01", pMonth, true, ""}}},
		{"اندلعت في آذار 2011", []wantDate{{"آذار 2011", "2011-03-01", pMonth, false, ""}}},
		{"اندلعت في آب/أغسطس", []wantDate{{"آب/أغسطس", "2015-08-01", pMonth, true, ""}}},
		{"اندلعت في آب", []wantDate{{"آب", "2015-08-01", pMonth, true, ""}}}, // with its madda, August
		{"منذ شهر جويلية 2012", []wantDate{{"جويلية 2012", "2012-07-01", pMonth, false, ""}}},

		// Numeric dates.
		{"صدر القرار 16/10/2025 وأعلن", []wantDate{{"16/10/2025", "2025-10-16", pDay, false, ""}}},
		{"صدر القرار 2025-10-16 وأعلن", []wantDate{{"2025-10-16", "2025-10-16", pDay, false, ""}}},
		{"صدر القرار 16-10-2025 وأعلن", []wantDate{{"16-10-2025", "2025-10-16", pDay, false, ""}}},
		{"صدر القرار ١٦/١٠/٢٠٢٥ وأعلن", []wantDate{{"١٦/١٠/٢٠٢٥", "2025-10-16", pDay, false, ""}}},
		{"صدر القرار 16.10.2025.", []wantDate{{"16.10.2025", "2025-10-16", pDay, false, ""}}},
		{"صدر القرار ١٦؍١٠؍٢٠٢٥", []wantDate{{"١٦؍١٠؍٢٠٢٥", "2025-10-16", pDay, false, ""}}},
		{"بتاريخ 1436/12/17هـ", []wantDate{{"1436/12/17هـ", "2015-10-01", pDay, false, Hijri}}},

		// Hijri dates and years.
		{"الخميس 17 ذو الحجة 1436 هـ الموافق 1 أكتوبر 2015 م", []wantDate{
			{"الخميس 17 ذو الحجة 1436 هـ", "2015-10-01", pDay, false, Hijri},
			{"1 أكتوبر 2015 م", "2015-10-01", pDay, false, ""},
		}},
		{"يبدأ الصوم في 1 رمضان 1436هـ", []wantDate{{"1 رمضان 1436هـ", "2015-06-18", pDay, false, Hijri}}},
		{"في 17 ذي الحجة", []wantDate{{"17 ذي الحجة", "2015-10-01", pDay, true, Hijri}}},
		{"في 12 ربيع الأول 1437", []wantDate{{"12 ربيع الأول 1437", "2015-12-24", pDay, false, Hijri}}},
		{"في 1 جمادى الآخرة 1437 هـ", []wantDate{{"1 جمادى الآخرة 1437 هـ", "2016-03-11", pDay, false, Hijri}}}, // Umm al-Qura: 10 March
		{"في 1 ربيع الثاني 1437", []wantDate{{"1 ربيع الثاني 1437", "2016-01-12", pDay, false, Hijri}}},
		{"خلال شهر رمضان", []wantDate{{"رمضان", "2015-06-18", pMonth, true, Hijri}}},
		{"في محرم 1437 هـ", []wantDate{{"محرم 1437 هـ", "2015-10-15", pMonth, false, Hijri}}},
		{"عام 1436 هـ", []wantDate{{"عام 1436 هـ", "2014-10-25", pYear, false, Hijri}}},
		{"سنة 1436 للهجرة", []wantDate{{"سنة 1436 للهجرة", "2014-10-25", pYear, false, Hijri}}},

		// Years.
		{"تدخلت روسيا منذ عام 2015، عندما", []wantDate{{"عام 2015", "2015-01-01", pYear, false, ""}}},
		{"يعصف بالبلد منذ 2011", []wantDate{{"2011", "2011-01-01", pYear, false, ""}}},
		{"في العام 2003", []wantDate{{"العام 2003", "2003-01-01", pYear, false, ""}}},
		{"وثيقة 2015م الشهيرة", []wantDate{{"2015م", "2015-01-01", pYear, false, ""}}},

		// Several in one text, in order.
		{"قال أمس إن الاتفاق الموقع في 30 أيلول الماضي سينفذ الأسبوع المقبل.", []wantDate{
			{"أمس", "2015-10-01", pDay, true, ""},
			{"30 أيلول الماضي", "2015-09-30", pDay, true, ""},
			{"الأسبوع المقبل", "2015-10-04", pWeek, true, ""},
		}},
	}
	for _, tt := range tests {
		got := FindDates(tt.text, dateRef)
		checkDates(t, tt.text, dateRef, got)
		if len(got) != len(tt.want) {
			t.Errorf("FindDates(%q) = %s, want %d dates", tt.text, formatDates(got), len(tt.want))
			continue
		}
		for i, w := range tt.want {
			sp := mustSpan(t, tt.text, w.sub)
			want := Date{Text: w.sub, Start: sp.Start, End: sp.End, Time: mustDay(t, w.day),
				Precision: w.prec, Relative: w.rel, Calendar: w.cal}
			if want.Calendar == "" {
				want.Calendar = Gregorian
			}
			if got[i] != want {
				t.Errorf("FindDates(%q)[%d] = %s, want %s", tt.text, i, formatDate(got[i]), formatDate(want))
			}
		}
	}
}

// TestFindDatesNone lists texts without dates, many with a word that is
// also a date word.
func TestFindDatesNone(t *testing.T) {
	for _, text := range []string{
		"مارس الرياضة منذ صغره", // مارس: practised
		"في مارس", // ambiguous month with context alone
		"زار أب الضحية المستشفى",        // أب: father
		"وقف في اب المنزل",              // اب: August or father
		"قال رمضان إن الفريق جاهز",      // رمضان: a name
		"وقال الرئيس رجب طيب أردوغان",   // رجب: a name
		"النتيجة صفر",                   // صفر: zero
		"هذا محرم شرعا",                 // محرم: forbidden
		"في اليوم التالي عاد الهدوء",    // the next day of the story
		"في اليوم الأول من المؤتمر",     // the first day
		"في مثل هذا اليوم من كل عام",    // this day of any year
		"انتخب الأمين العام المقبل",     // العام: general
		"ذكرت صحيفة الغد الأردنية",      // a newspaper
		"أقيمت أمسية شعرية",             // أمس inside أمسية
		"لاعبو الفريق الأحد عشر",        // eleven
		"خلاف بين الاثنين",              // the two
		"قال أحد المسؤولين",             // one of
		"وصلوا قبل يومين من الانتخابات", // counted from an event
		"بعد يوم حافل بالأحداث",         // counted from the story
		"صباح الخير",                    // a greeting
		"بلغ عددهم 1500 م تقريبا",       // metres
		"الحصة 3/4 من الإنتاج",          // a fraction
		"الرقم 1/2/3/2025 ليس تاريخا",   // a longer run
		"التاريخ 31/02/2020 غير موجود",  // no such day
		"سجل 2/30 نقطة",                 // not a day
		"انتهت المباراة 3.30 سبتمبر",    // a decimal before a month
		"كانون", // half a month
		"شهد الربيع العربي احتجاجات واسعة", // spring, not a month
	} {
		if got := FindDates(text, dateRef); len(got) != 0 {
			t.Errorf("FindDates(%q) = %s, want none", text, formatDates(got))
		}
	}
}

// TestFindDatesLongText checks offsets far into a text, past the ring of
// lexemes the parser keeps.
func TestFindDatesLongText(t *testing.T) {
	text := strings.Repeat("نص عادي، بلا تاريخ. ", 500) + "قال أمس إن"
	got := FindDates(text, dateRef)
	sp := mustSpan(t, text, "أمس")
	if len(got) != 1 || got[0].Start != sp.Start || got[0].End != sp.End {
		t.Errorf("FindDates(long text) = %s, want أمس at [%d,%d)", formatDates(got), sp.Start, sp.End)
	}
}

// TestFindDatesZeroRef checks that without a reference time relative
// expressions are found but not resolved, and exact dates still are.
func TestFindDatesZeroRef(t *testing.T) {
	text := "قال أمس إن اتفاق 30 أيلول 2015 سينفذ في 5 تشرين الثاني، والخميس الماضي بدأ التحضير قبل يومين."
	got := FindDates(text, time.Time{})
	want := []struct {
		sub string
		day string
		rel bool
	}{
		{"أمس", "", true},
		{"30 أيلول 2015", "2015-09-30", false},
		{"5 تشرين الثاني", "", true},
		{"الخميس الماضي", "", true},
		{"قبل يومين", "", true},
	}
	if len(got) != len(want) {
		t.Fatalf("FindDates(%q, zero) = %s, want %d dates", text, formatDates(got), len(want))
	}
	for i, w := range want {
		if got[i].Text != w.sub || !got[i].Time.Equal(mustDay(t, w.day)) || got[i].Relative != w.rel {
			t.Errorf("FindDates(%q, zero)[%d] = %s, want %q at %q, relative %v", text, i, formatDate(got[i]), w.sub, w.day, w.rel)
		}
	}
}

// TestFindDatesYearless checks the year given to a date without one.
func TestFindDatesYearless(t *testing.T) {
	tests := []struct {
		ref, text, want string
	}{
		{"2016-01-05", "في 28 ديسمبر", "2015-12-28"}, // more than six months ahead: last year
		{"2016-01-05", "في 3 يناير", "2016-01-03"},
		{"2015-10-02", "في 16 مارس", "2015-03-16"},
		{"2015-10-02", "في 16 نوفمبر", "2015-11-16"}, // an announced date
		{"2016-03-01", "في 29 شباط", "2016-02-29"},
		{"2016-01-05", "في ديسمبر الماضي", "2015-12-01"},
		{"2016-01-05", "في ديسمبر", "2015-12-01"},
		{"2015-10-02", "في ديسمبر", "2015-12-01"},
		{"2015-06-01", "في ديسمبر", "2015-12-01"}, // six months ahead: this year
		{"2015-05-01", "في ديسمبر", "2014-12-01"},
		{"2016-01-05", "في يناير المقبل", "2017-01-01"},
		{"2016-01-05", "في يناير الجاري", "2016-01-01"},
	}
	for _, tt := range tests {
		ref := mustDay(t, tt.ref)
		got := FindDates(tt.text, ref)
		if len(got) != 1 || !got[0].Time.Equal(mustDay(t, tt.want)) {
			t.Errorf("FindDates(%q, %s) = %s, want one date on %s", tt.text, tt.ref, formatDates(got), tt.want)
		}
	}
}

// TestFindDatesRefLocation checks that ref's calendar day is taken in
// ref's location.
func TestFindDatesRefLocation(t *testing.T) {
	beirut := time.FixedZone("Beirut", 3*3600)
	ref := time.Date(2015, 10, 2, 1, 0, 0, 0, beirut) // 1 October, 22:00 UTC
	got := FindDates("قال أمس", ref)
	if len(got) != 1 || !got[0].Time.Equal(mustDay(t, "2015-10-01")) {
		t.Errorf("FindDates(أمس, %v) = %s, want 2015-10-01", ref, formatDates(got))
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		day  string
		prec DatePrecision
		ok   bool
	}{
		{"أمس", "2015-10-01", pDay, true},
		{"  30 ايلول/سبتمبر  ", "2015-09-30", pDay, true},
		{"16/10/2025", "2025-10-16", pDay, true},
		{"مارس", "2015-03-01", pMonth, true}, // no guard: the caller says it is a date
		{"أيلول", "2015-09-01", pMonth, true},
		{"خميس", "2015-10-01", pDay, true},
		{"2011", "2011-01-01", pYear, true},
		{"الأمس", "2015-10-01", pDay, true},
		{"17 رمضان 1436 هـ", "2015-07-04", pDay, true},
		{"الأسبوع الماضي", "2015-09-20", pWeek, true},
		{"والخميس", "2015-10-01", pDay, true},
		{"أمس قال", "", pNone, false},
		{"16/10/2025.", "", pNone, false},
		{"قال الوزير", "", pNone, false},
		{"", "", pNone, false},
		{"كانون", "", pNone, false},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in, dateRef)
		if ok != tt.ok {
			t.Errorf("ParseDate(%q) ok = %v, want %v (got %s)", tt.in, ok, tt.ok, formatDate(got))
			continue
		}
		if !ok {
			continue
		}
		if !got.Time.Equal(mustDay(t, tt.day)) || got.Precision != tt.prec || got.Text != tt.in[got.Start:got.End] {
			t.Errorf("ParseDate(%q) = %s, want %s %v", tt.in, formatDate(got), tt.day, tt.prec)
		}
	}
}

// TestFindDatesSeeds scans the seed articles, checks the invariants, and
// finds the date of the first Russian strikes in seed 004.
func TestFindDatesSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles in ../../shared/seeds")
	}
	ref := time.Date(2015, 10, 1, 12, 0, 0, 0, time.UTC)
	found := false
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		dates := FindDates(text, ref)
		checkDates(t, text, ref, dates)
		if !strings.HasPrefix(filepath.Base(f), "004_") {
			continue
		}
		for _, d := range dates {
			if d.Text == "30 ايلول/سبتمبر" {
				found = true
				if want := mustDay(t, "2015-09-30"); !d.Time.Equal(want) || d.Precision != PrecisionDay {
					t.Errorf("%s: %s, want 2015-09-30 day", f, formatDate(d))
				}
			}
		}
		if !found {
			t.Errorf("%s: 30 ايلول/سبتمبر not found in %s", f, formatDates(dates))
		}
	}
}

// TestDateVocabulary checks that no word is listed twice, which would
// silently give it the meaning of its first list.
func TestDateVocabulary(t *testing.T) {
	if len(dateWordClashes) > 0 {
		t.Errorf("date words listed twice (after Normalize): %q", dateWordClashes)
	}
}

func TestDatePrecisionText(t *testing.T) {
	for p := PrecisionUnknown; p <= PrecisionYear; p++ {
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var q DatePrecision
		if err := json.Unmarshal(b, &q); err != nil || q != p {
			t.Errorf("json round trip of %v: %s gives %v, %v", p, b, q, err)
		}
	}
	if _, err := DatePrecision(42).MarshalText(); err == nil {
		t.Error("DatePrecision(42).MarshalText() succeeded")
	}
	var q DatePrecision
	if err := q.UnmarshalText([]byte("fortnight")); err == nil {
		t.Error(`UnmarshalText("fortnight") succeeded`)
	}
}

// checkDates checks the invariants of FindDates: spans in order, not
// overlapping, in bounds, Text = text[Start:End], valid UTF-8; Time at
// midnight UTC; and ParseDate of each Text gives the same date.
func checkDates(t *testing.T, text string, ref time.Time, dates []Date) {
	t.Helper()
	end := 0
	for i, d := range dates {
		if d.Start < end || d.Start >= d.End || d.End > len(text) {
			t.Fatalf("date %d of %q: span [%d,%d) after %d, want in order, non-empty and in bounds", i, text, d.Start, d.End, end)
		}
		end = d.End
		if d.Text != text[d.Start:d.End] || !utf8.ValidString(d.Text) {
			t.Fatalf("date %d of %q: Text %q (% x), want text[%d:%d] in valid UTF-8", i, text, d.Text, d.Text, d.Start, d.End)
		}
		if !d.Time.IsZero() && (d.Time.Location() != time.UTC || d.Time != dayOf(d.Time)) {
			t.Fatalf("date %d of %q: Time %v, want midnight UTC", i, text, d.Time)
		}
		if d.Calendar != Gregorian && d.Calendar != Hijri {
			t.Fatalf("date %d of %q: Calendar %q", i, text, d.Calendar)
		}
		if p, ok := ParseDate(d.Text, ref); !ok || p.Time != d.Time || p.Precision != d.Precision {
			t.Fatalf("date %d of %q: ParseDate(%q) = %s, %v; want %s", i, text, d.Text, formatDate(p), ok, formatDate(d))
		}
	}
}

// mustDay parses 2006-01-02 as midnight UTC; "" is the zero Time.
func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func formatDate(d Date) string {
	day := "-"
	if !d.Time.IsZero() {
		day = d.Time.Format(time.DateOnly)
	}
	return fmt.Sprintf("{%q [%d,%d) %s %v relative=%v %s}", d.Text, d.Start, d.End, day, d.Precision, d.Relative, d.Calendar)
}

func formatDates(ds []Date) string {
	var b strings.Builder
	b.WriteString("[")
	for i, d := range ds {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(formatDate(d))
	}
	b.WriteString("]")
	return b.String()
}

// dateFuzzWords are words and marks that FuzzFindDates builds texts from,
// so that the fuzzer reaches the matchers quickly.
var dateFuzzWords = strings.Fields("أمس الأمس بالأمس أول من اليوم غدا بعد غد قبل منذ نحو يوم يومين أيام أسبوع " +
	"شهر عام سنة العام السنة الأسبوع الشهر الماضي المقبل الجاري هذا هذه الخميس الأربعاء خميس الأحد عشر " +
	"مساء ليل فجر أيلول سبتمبر كانون تشرين الأول الثاني آب مارس رمضان ربيع جمادى الآخرة ذو ذي الحجة هـ م " +
	"ميلادي 1 30 ٣٠ 2015 1436 ١٤٣٦ 12 / - . ( ) ، \n في الأمين بين على وقال")

// FuzzFindDates checks that FindDates never panics and keeps its
// invariants, on raw input and on input spelled with date words.
func FuzzFindDates(f *testing.F) {
	for _, s := range []string{
		"", "قال أمس", "في 30 ايلول/سبتمبر", "16/10/2025", "١٦/١٠/٢٠٢٥", "ليل الأربعاء الخميس",
		"17 ذو الحجة 1436 هـ", "قبل 15 عاما", "أيلول (سبتمبر) الماضي", "\xff30 أيلول\xfe", "منذ 2011",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDates(t, s, dateRef, FindDates(s, dateRef))
		checkDates(t, s, time.Time{}, FindDates(s, time.Time{}))
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			b.WriteString(dateFuzzWords[int(s[i])%len(dateFuzzWords)])
			if s[i]&1 == 0 {
				b.WriteByte(' ')
			}
		}
		words := b.String()
		checkDates(t, words, dateRef, FindDates(words, dateRef))
	})
}

// dateBenchParagraph is a news paragraph written for the benchmark, with
// dates of many kinds.
const dateBenchParagraph = `أعلنت وزارة الدفاع مساء أمس أن طائراتها شنت منذ 30 أيلول/سبتمبر الماضي ` +
	`أكثر من مئة غارة، وقال المتحدث باسمها في مؤتمر صحافي عقده الخميس إن العمليات ستتواصل ` +
	`حتى نهاية الشهر الجاري. وكانت الحكومة قد وافقت في 16/10/2015 على خطة أعدت قبل ثلاثة أسابيع، ` +
	`فيما تحدثت مصادر محلية عن اشتباكات عنيفة اندلعت فجر اليوم الجمعة قرب الحدود، بعد هدوء ` +
	`استمر منذ عام 2014. ويتوقع أن يزور المبعوث الدولي العاصمة الأسبوع المقبل، على أن تعقد ` +
	`الجولة التالية من المحادثات في 5 تشرين الثاني 2015 الموافق 23 محرم 1437 هـ.`

func BenchmarkFindDates(b *testing.B) {
	text := strings.Repeat(dateBenchParagraph+"\n", 20)
	n := len(FindDates(text, dateRef))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		FindDates(text, dateRef)
	}
	b.ReportMetric(float64(n), "dates/op")
}
