package arabic

import "time"

// This file converts between the Gregorian calendar and the tabular
// (arithmetic) Islamic calendar.
//
// The tabular calendar replaces the sighting of the new moon with a rule: a
// cycle of 30 years holds 19 common years of 354 days and 11 leap years of
// 355, and the months alternate 30 and 29 days, starting with 30, except
// that Dhu al-Hijja has 30 days in a leap year. We use the most common set
// of leap years, 2 5 7 10 13 16 18 21 24 26 29 of each cycle (the one of
// the "Kuwaiti algorithm"), and the civil epoch: 1 Muharram 1 AH is Friday
// 16 July 622 (Julian), 19 July 622 in the proleptic Gregorian calendar.
//
// Saudi Arabia's Umm al-Qura calendar and the sighting calendars of other
// countries are computed from astronomy or decided by committees, so a
// tabular date usually lies within a day of theirs, occasionally two. That
// is good enough to place a news event in time; it is not the date an
// official calendar prints.

// hijriEpoch is the day of 1 Muharram 1 AH, counted from 1970-01-01: Julian
// day 1948440 minus Julian day 2440588.
const hijriEpoch = -492148

// hijriLeap reports whether year (AH) has 355 days in the tabular calendar.
func hijriLeap(year int) bool { return hijriMod(14+11*year, 30) < 11 }

// hijriMonthDays returns the length of a month of the tabular calendar.
func hijriMonthDays(year, month int) int {
	if month%2 == 1 || month == 12 && hijriLeap(year) {
		return 30
	}
	return 29
}

// hijriDaysBefore returns the days from 1 Muharram 1 AH to the first day of
// month in year: 354 a year, one more for each leap year before it, and 30
// and 29 days for the months before it.
func hijriDaysBefore(year, month int) int {
	return 354*(year-1) + hijriDiv(3+11*year, 30) + 29*(month-1) + month/2
}

// FromHijri returns the Gregorian day, at midnight UTC, of day month year
// in the tabular Islamic calendar (year in AH, month 1 for Muharram to 12
// for Dhu al-Hijja). It reports false, and the zero Time, unless 1 <= year
// <= 9999, 1 <= month <= 12 and the month has that day. See the comment at
// the top of hijri.go for how far it may lie from an official calendar.
func FromHijri(year, month, day int) (time.Time, bool) {
	if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > hijriMonthDays(year, month) {
		return time.Time{}, false
	}
	days := hijriEpoch + hijriDaysBefore(year, month) + day - 1
	return time.Date(1970, 1, 1+days, 0, 0, 0, 0, time.UTC), true
}

// ToHijri returns the date in the tabular Islamic calendar of the calendar
// day of t in t's location. Days before the epoch (19 July 622) get years
// below 1, following the same arithmetic backwards.
func ToHijri(t time.Time) (year, month, day int) {
	y, m, d := t.Date()
	days := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/86400) - hijriEpoch
	// The mean year is 10631/30 days; the offset makes the estimate exact
	// for the leap-year pattern above (Reingold and Dershowitz, Calendrical
	// Calculations, "islamic-from-fixed").
	year = hijriDiv(30*days+10646, 10631)
	rest := days - hijriDaysBefore(year, 1)
	month = 1
	for month < 12 && rest >= hijriMonthDays(year, month) {
		rest -= hijriMonthDays(year, month)
		month++
	}
	return year, month, rest + 1
}

// hijriDiv and hijriMod divide rounding toward minus infinity, so that
// dates before the epoch follow the same arithmetic.
func hijriDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func hijriMod(a, b int) int { return a - b*hijriDiv(a, b) }
