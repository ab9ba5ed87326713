package arabic

import (
	"testing"
	"time"
)

func TestFromHijri(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string // Gregorian, 2006-01-02
	}{
		{1, 1, 1, "0622-07-19"},      // the epoch: 16 July 622 Julian
		{1400, 1, 1, "1979-11-21"},   // the start of the 15th century AH
		{1436, 1, 1, "2014-10-25"},   // as Umm al-Qura
		{1436, 9, 1, "2015-06-18"},   // as Umm al-Qura
		{1436, 12, 17, "2015-10-01"}, // as Umm al-Qura
		{1436, 12, 30, "2015-10-14"}, // 1436 is a leap year: Dhu al-Hijja has 30 days
		{1437, 1, 1, "2015-10-15"},   // Umm al-Qura: 14 October
		{1437, 6, 1, "2016-03-11"},   // Umm al-Qura: 10 March
		{1447, 9, 1, "2026-02-18"},   // as Umm al-Qura
	}
	for _, tt := range tests {
		got, ok := FromHijri(tt.y, tt.m, tt.d)
		if !ok || got.Format(time.DateOnly) != tt.want || got.Location() != time.UTC || got != dayOf(got) {
			t.Errorf("FromHijri(%d, %d, %d) = %v, %v; want %s at midnight UTC", tt.y, tt.m, tt.d, got, ok, tt.want)
		}
		if y, m, d := ToHijri(got); ok && (y != tt.y || m != tt.m || d != tt.d) {
			t.Errorf("ToHijri(%v) = %d-%d-%d, want %d-%d-%d", got, y, m, d, tt.y, tt.m, tt.d)
		}
	}
}

func TestFromHijriInvalid(t *testing.T) {
	if _, ok := FromHijri(9999, 12, 29); !ok {
		t.Error("FromHijri(9999, 12, 29) failed: the last year is accepted")
	}
	for _, tt := range [][3]int{
		{0, 1, 1}, {-5, 1, 1}, {10000, 1, 1}, {1436, 0, 1}, {1436, 13, 1},
		{1436, 1, 0}, {1436, 1, 31}, {1436, 2, 30}, {1437, 12, 30}, // 1437 is a common year
	} {
		if got, ok := FromHijri(tt[0], tt[1], tt[2]); ok || !got.IsZero() {
			t.Errorf("FromHijri(%d, %d, %d) = %v, %v; want zero, false", tt[0], tt[1], tt[2], got, ok)
		}
	}
}

// TestHijriDays walks day by day from 1900 to 2100 and checks that ToHijri
// counts days one at a time, that FromHijri inverts it, and that a 30-year
// cycle has 10631 days.
func TestHijriDays(t *testing.T) {
	day := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	py, pm, pd := ToHijri(day.AddDate(0, 0, -1))
	for ; day.Before(end); day = day.AddDate(0, 0, 1) {
		y, m, d := ToHijri(day)
		next := d == pd+1 && m == pm && y == py ||
			d == 1 && pd == hijriMonthDays(py, pm) && (m == pm+1 && y == py || m == 1 && pm == 12 && y == py+1)
		if !next {
			t.Fatalf("ToHijri(%v) = %d-%d-%d after %d-%d-%d", day, y, m, d, py, pm, pd)
		}
		if back, ok := FromHijri(y, m, d); !ok || !back.Equal(day) {
			t.Fatalf("FromHijri(ToHijri(%v)) = %v, %v", day, back, ok)
		}
		py, pm, pd = y, m, d
	}
	a, _ := FromHijri(1411, 1, 1)
	b, _ := FromHijri(1441, 1, 1)
	if days := int(b.Sub(a).Hours() / 24); days != 10631 {
		t.Errorf("30 Hijri years from 1411 have %d days, want 10631", days)
	}
}

// TestToHijriLocation checks that ToHijri takes the calendar day of t in
// t's location.
func TestToHijriLocation(t *testing.T) {
	late := time.Date(2015, 10, 1, 23, 0, 0, 0, time.FixedZone("UTC-5", -5*3600)) // 2 October UTC
	if y, m, d := ToHijri(late); y != 1436 || m != 12 || d != 17 {
		t.Errorf("ToHijri(%v) = %d-%d-%d, want 1436-12-17", late, y, m, d)
	}
}

func TestToHijriBeforeEpoch(t *testing.T) {
	epoch, _ := FromHijri(1, 1, 1)
	if y, m, d := ToHijri(epoch.AddDate(0, 0, -1)); y != 0 || m != 12 || d != 29 && d != 30 {
		t.Errorf("ToHijri(day before the epoch) = %d-%d-%d, want 0-12-29 or 0-12-30", y, m, d)
	}
}
