package claim

import (
	"strings"
	"sync"

	"github.com/isnad-project/isnad/arabic"
)

// An agency is a news agency or broadcaster that relays what others said.
// Spellings are the ways Arabic news writes its name, abbreviations
// included; each is matched as a sequence of normalized words, so أ ف ب,
// ا ف ب and أ.ف.ب are one spelling. The table was written for isnad.
type agency struct {
	name      string // the usual Arabic name
	spellings []string
}

var agencies = []agency{
	{"فرانس برس", []string{"فرانس برس", "فرانس بريس", "فرانس پرس", "أ ف ب", "وكالة الصحافة الفرنسية", "الوكالة الفرنسية", "ا ف ب"}},
	{"رويترز", []string{"رويترز", "رويتر", "رويترس"}},
	{"أسوشيتد برس", []string{"أسوشيتد برس", "أسوشيتدبرس", "أسوشييتد برس", "أسوشيايتد برس", "أسوشييتدبرس", "أسوشتيد برس", "أ ب", "الأسوشيتد برس", "اسوشيتد برس"}},
	{"سبوتنيك", []string{"سبوتنيك", "سبوتنك", "سپوتنيك"}},
	{"سانا", []string{"سانا", "وكالة الأنباء السورية", "الوكالة العربية السورية للأنباء"}},
	{"الأناضول", []string{"الأناضول", "أناضول", "الاناضول"}},
	{"د ب أ", []string{"د ب أ", "د.ب.أ", "وكالة الأنباء الألمانية", "الوكالة الألمانية"}},
	{"يونايتد برس", []string{"يونايتد برس", "يونايتد برس إنترناشونال", "يو بي آي", "يو بي اي"}},
	{"شينخوا", []string{"شينخوا", "شينهوا", "شنخوا", "وكالة أنباء الصين الجديدة"}},
	{"إرنا", []string{"إرنا", "ارنا", "وكالة الجمهورية الإسلامية للأنباء"}},
	{"تاس", []string{"تاس", "إيتار تاس", "ايتار تاس", "إيتار-تاس"}},
	{"ريا نوفوستي", []string{"ريا نوفوستي", "نوفوستي", "ريا نوفستي"}},
	{"إنترفاكس", []string{"إنترفاكس", "انترفاكس", "أنترفاكس"}},
	{"واس", []string{"واس", "وكالة الأنباء السعودية"}},
	{"قنا", []string{"قنا", "وكالة الأنباء القطرية"}},
	{"وام", []string{"وام", "وكالة أنباء الإمارات"}},
	{"كونا", []string{"كونا", "وكالة الأنباء الكويتية"}},
	{"بترا", []string{"بترا", "وكالة الأنباء الأردنية"}},
	{"وفا", []string{"وفا", "وكالة الأنباء الفلسطينية"}},
	{"بنا", []string{"بنا", "وكالة أنباء البحرين"}},
	{"العمانية", []string{"العمانية", "وكالة الأنباء العمانية"}},
	{"أ ش أ", []string{"أ ش أ", "وكالة أنباء الشرق الأوسط"}},
	{"تسنيم", []string{"تسنيم"}},
	{"فارس", []string{"وكالة فارس"}},
	{"مهر", []string{"وكالة مهر"}},
	{"إيسنا", []string{"إيسنا", "ايسنا"}},
	{"يونهاب", []string{"يونهاب"}},
	{"كيودو", []string{"كيودو"}},
	{"بلومبرغ", []string{"بلومبرغ", "بلومبيرغ", "بلومبرج"}},
	{"روسيا اليوم", []string{"روسيا اليوم", "آر تي"}},
	{"سكاي نيوز", []string{"سكاي نيوز"}},
	{"بي بي سي", []string{"بي بي سي", "بي.بي.سي"}},
	{"سي إن إن", []string{"سي إن إن", "سي ان ان"}},
	{"الجزيرة", []string{"الجزيرة"}},
	{"العربية", []string{"قناة العربية"}},
	{"إيلاف", []string{"إيلاف", "ايلاف"}},
}

var (
	agencyOnce sync.Once
	agencyIdx  map[string][][]string // first normalized word → spellings as word lists
)

func agencyIndex() map[string][][]string {
	agencyOnce.Do(func() {
		agencyIdx = make(map[string][][]string)
		for _, a := range agencies {
			for _, s := range a.spellings {
				ws := strings.FieldsFunc(arabic.Normalize(s), func(r rune) bool { return r == ' ' || r == '.' || r == '-' })
				if len(ws) == 0 {
					continue
				}
				agencyIdx[ws[0]] = append(agencyIdx[ws[0]], ws)
			}
		}
	})
	return agencyIdx
}

// agencyAt reports the number of words of an agency name that begins at
// words[0] (0 if none). A name may carry the proclitic ل or و on its first
// word (لرويترز، لفرانس برس).
func agencyAt(words []string) int {
	if len(words) == 0 {
		return 0
	}
	idx := agencyIndex()
	first := words[0]
	try := []string{first}
	for _, p := range []string{"ل", "و", "ب"} {
		if strings.HasPrefix(first, p) && len(first) > len(p)+2 {
			try = append(try, first[len(p):])
		}
	}
	best := 0
	for _, f := range try {
		for _, sp := range idx[f] {
			if len(sp) > len(words) || len(sp) <= best {
				continue
			}
			ok := true
			for i := 1; i < len(sp); i++ {
				if words[i] != sp[i] {
					ok = false
					break
				}
			}
			if ok {
				best = len(sp)
			}
		}
	}
	return best
}
