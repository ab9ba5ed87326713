package extract

import "testing"

// Each rule in rules has at least one example here; lines that look close but
// are news must be kept.
func TestBoilerplate(t *testing.T) {
	for _, c := range []struct {
		line string
		tail bool
		want bool
	}{
		{"&", false, true},
		{"& & &", false, true},
		{"* * *", false, true},
		{"ـــــ", false, true},
		{"• 1015", false, true},
		{"• ١٠١٥ مشاهدة", false, true},
		{"• نقطة أولى في القائمة", false, false},
		{"جميع الحقوق محفوظة لمصدر الخبر", false, true},
		{"جميع الحقوق محفوظة © 2020", false, true},
		{"تابعونا على تلغرام", false, true},
		{"تابعنا على مواقع التواصل الاجتماعى", false, true},
		{"تابعوا اخر الاخبار على موقعنا", false, true},
		{"اشترك فى النشرة البريدية", false, true},
		{"إشترك في نشرتنا", false, true},
		{"اشترك في المسابقة عشرة متسابقين", false, false},
		{"للمزيد من الأخبار", false, true},
		{"اقرأ أيضاً: عنوان آخر", false, true},
		{"فيسبوك", false, true},
		{"فيس بوك تويتر", false, true},
		{"تابعوا صفحتنا على فيسبوك", false, true},
		{"يمكنكم متابعة حسابنا على انستغرام", false, true},
		{"Follow us on Twitter", false, true},
		{"وكتب على تويتر:", false, false},
		{"شارك الوزير صورة على تويتر", false, false},
		{"انضم المغني إلى تطبيق تيك توك ويوتيوب منذ سنوات طويلة مضت وقبل شهرتة الكبيرة في البلاد العربية", false, false},
		{"التعليقات", true, true},
		{"التعليقات (12)", true, true},
		{"التعليقات", false, false},
		{"قال إن التعليقات كثيرة", true, false},
	} {
		if got := isBoilerplate(c.line, c.tail); got != c.want {
			t.Errorf("isBoilerplate(%q, tail=%v) = %v, want %v", c.line, c.tail, got, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"أإآٱا", "ااااا"},
		{"فى النشرة", "في النشره"},
		{"أيضاً", "ايضا"},
		{"قــال", "قال"},
		{"  Follow\u00a0 US ", "follow us"},
	} {
		if got := fold(c.in); got != c.want {
			t.Errorf("fold(%q) = %q, want %q\n got % x\nwant % x", c.in, got, c.want, got, c.want)
		}
	}
}
