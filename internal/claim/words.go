package claim

import (
	"sync"

	"github.com/isnad-project/isnad/arabic"
)

// Word classes that frame a claim. Each list is written as Arabic spells
// the words; sets() normalizes them once. Written for isnad.
var (
	// complementizers open reported content: قال إن، أكد أنه، أفاد بأن.
	complementizerList = []string{
		"إن", "أن", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "إنهما", "أنهما", "إنهن", "أنهن",
		"إننا", "أننا", "إنني", "أنني", "إني", "أني",
		"بأن", "بأنه", "بأنها", "بأنهم", "بأنهما", "بأننا", "بأنني",
		"فإن", "فإنه", "فإنها", "فإنهم",
	}

	// timeWords are adverbs of time that sit between a verb and its subject
	// or content: قال الوزير، الثلاثاء، إن.
	timeWordList = []string{
		"أمس", "اليوم", "الليلة", "غدا", "مساء", "صباح", "صباحا", "مساء", "ظهر", "ظهرا", "فجر", "فجرا",
		"ليلا", "نهارا", "عصر", "عصرا", "يوم", "أول", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
		"الخميس", "الجمعة", "السبت", "مؤخرا", "سابقا", "لاحقا", "أيضا", "كذلك", "حاليا", "بدوره",
		"بدورها", "بدورهم", "أمس", "الماضي", "الماضية", "المقبل", "الجاري", "الحالي", "مجددا", "ثانية",
		"صراحة", "علنا", "رسميا", "بشكل", "قاطع",
	}

	// adverbialHeads open a phrase that says where or how something was
	// said, not who said it: في بيان، خلال مؤتمر صحفي، عبر تويتر.
	adverbialHeadList = []string{"خلال", "أثناء", "اثناء", "عبر", "عقب", "إثر", "لدى", "أمام", "بعد", "قبل", "ضمن", "وفي"}

	// adverbialNouns follow في in an adverbial: في بيان، في تصريح لـ.
	adverbialNounList = []string{
		"بيان", "بيانه", "بيانها", "بيانات", "بياناتها", "تصريح", "تصريحه", "تصريحها", "تصريحات", "تصريحاته",
		"مؤتمر", "حديث", "حديثه", "حديثها", "حوار", "مقابلة", "لقاء", "اتصال", "كلمة", "كلمته", "رسالة",
		"تغريدة", "تدوينة", "منشور", "تقرير", "تقريرها", "تقريره", "ندوة", "جلسة", "خطاب", "خطابه", "سياق",
		"اجتماع", "ختام", "مستهل", "معرض", "رده", "ردها", "إفادة", "شهادة", "إطار", "وقت", "موقف", "تعليق",
		"تعليقه", "حين", "الوقت", "المقابل", "حينه", "هذا", "ذلك", "نفس", "حوارها", "برنامج", "بيانهم",
		"مداخلة", "تسجيل", "شريط", "فيديو", "تصريحاتها", "وقتها", "الأثناء",
	}

	// roleNouns name an office or function: the words of a speaker's
	// role (وزير الخارجية، المتحدث باسم الجيش).
	roleNounList = []string{
		"وزير", "وزيرة", "متحدث", "متحدثة", "ناطق", "ناطقة", "رئيس", "رئيسة", "قائد", "قائدة", "مدير",
		"مديرة", "مسؤول", "مسؤولة", "مسؤولو", "مسؤولي", "مسؤولون", "سفير", "سفيرة", "مندوب", "مندوبة",
		"مبعوث", "مبعوثة", "ممثل", "ممثلة", "عضو", "عضوة", "نائب", "نائبة", "أمين", "زعيم", "مستشار",
		"مستشارة", "محافظ", "قيادي", "سناتور", "ملك", "سلطان", "أمير", "مشرف", "طبيب", "مهندس", "معلم",
		"محاضر", "أخصائي", "استشاري", "مختص", "لاعب", "مدرب", "ناشط", "شاعر", "فنان", "محلل", "خبير", "باحث", "كاتب", "صحفي", "صحافي", "مراسل", "منسق",
		"مفوض", "مفوضة", "رئيسا", "ملك", "أمير", "ولي", "عهد", "وكيل", "نقيب", "قاض", "قاضي", "مدعي", "مدعية",
		"محامي", "محام", "موفد", "مساعد", "مساعدة", "أستاذ", "أستاذة", "عميد", "مؤسس", "مفتي", "إمام",
		"شيخ", "قائم", "مقام", "أمينة",
	}

	// ranks are titles that stay with a person's name: الجنرال فلان.
	rankList = []string{
		"جنرال", "الجنرال", "ميجر", "الميجر", "ميجور", "الميجور", "لواء", "اللواء", "عميد", "العميد",
		"عقيد", "العقيد", "مقدم", "المقدم", "رائد", "الرائد", "نقيب", "النقيب", "كولونيل", "الكولونيل",
		"لفتنانت", "اللفتنانت", "أدميرال", "الأدميرال", "الأميرال", "مارشال", "المارشال", "فريق", "الفريق",
		"دكتور", "الدكتور", "الدكتورة", "الشيخ", "السيد", "السيدة", "المهندس", "الأستاذ", "الحاج", "المشير",
	}

	// clauseStops end a backward search for a subject before its verb.
	clauseStopList = []string{
		"لكن", "ولكن", "لكنه", "لكنها", "فيما", "بينما", "حين", "حيث", "كما", "إذ", "ثم", "بل", "التي",
		"الذي", "الذين", "اللذين", "اللتين", "اللواتي", "مثل", "عندما", "بعدما", "حينما", "وقد", "فقد",
		"إن", "أن", "بأن", "و", "أو", "حتى", "لأن", "عن", "على", "إلى", "في", "من", "مع", "بعد", "قبل",
		"عندها", "وعندما", "ومع", "كذلك", "أيضا", "بدوره", "بدورها", "هذا", "هذه", "ذلك", "وذلك",
		"وهو", "وهي", "هو", "هي", "وكانت", "وكان", "كان", "كانت", "كانوا", "وكانوا", "يكون", "تكون",
		"فإن", "وإن", "ما", "إلا", "ولم", "ولا", "وهذا", "فهو", "فهي", "مما", "بما", "لما", "وهو ما", "فلا", "فلم", "ولن", "فلن", "لو", "ربما", "او", "أو",
	}

	// auxiliaries may stand between a subject and its verb: كانت الوزارة قد
	// أعلنت، المصادر لم تستبعد.
	auxiliaryList = []string{"قد", "لقد", "لم", "لن", "لا", "ما", "وقد", "فقد", "سبق", "أن"}

	// discourseWords open a sentence before a verb: وفي المقابل، قال…
	discourseList = []string{
		"كما", "فيما", "بينما", "إلى", "ذلك", "وإلى", "في", "المقابل", "من", "جهته", "جهتها", "جانبه",
		"جانبها", "بدوره", "بدورها", "لكن", "ولكن", "وفي", "وقد", "فقد", "قد", "لقد", "ثم", "كذلك", "أيضا",
		"وبدوره", "وبدورها", "ومن", "حين", "في حين", "أما", "وأما",
	}

	// functionWords are never part of a name.
	functionWordList = []string{
		"في", "من", "إلى", "الى", "على", "عن", "مع", "أن", "إن", "ما", "لا", "لم", "لن", "قد", "هذا", "هذه",
		"ذلك", "تلك", "التي", "الذي", "الذين", "هو", "هي", "هم", "كل", "بعض", "غير", "بين", "حول", "ضد",
		"منذ", "عند", "أو", "ثم", "بل", "لكن", "كما", "حيث", "إذا", "لو", "أي", "وقد", "أمس", "يوم", "عبر",
		"خلال", "بعد", "قبل", "نحو", "حتى", "إلا", "عدم", "فيما", "بينما", "وفي", "وهو", "وهي", "وكان",
	}

	// mediaNouns head the name of a relay: وكالة، صحيفة، قناة…
	mediaNounList = []string{
		"وكالة", "وكالات", "صحيفة", "صحف", "قناة", "قنوات", "إذاعة", "تلفزيون", "التلفزيون", "موقع", "مواقع",
		"شبكة", "مجلة", "وسائل", "وسائط", "الإعلام", "الوكالة", "الصحيفة", "القناة", "الإذاعة", "الموقع",
		"المجلة", "الشبكة", "التليفزيون", "تليفزيون", "راديو", "إعلام",
	}

	// attributionList are the attribution phrases that are no verb, by
	// their first word: بحسب، حسب، وفقا لـ، وفق، نقلا عن، طبقا لـ.
	attributionList = []string{"بحسب", "حسب", "حسبما", "وفقا", "وفق", "وفقما", "طبقا", "نقلا", "استنادا"}
)

type wordSets struct {
	complementizer, timeWord, adverbialHead, adverbialNoun, roleNoun, rank map[string]bool
	clauseStop, auxiliary, discourse, functionWord, mediaNoun, attribution map[string]bool
}

var (
	setsOnce sync.Once
	ws       wordSets
)

func sets() *wordSets {
	setsOnce.Do(func() {
		mk := func(list []string) map[string]bool {
			m := make(map[string]bool, len(list))
			for _, w := range list {
				m[arabic.Normalize(w)] = true
			}
			return m
		}
		ws = wordSets{
			complementizer: mk(complementizerList),
			timeWord:       mk(timeWordList),
			adverbialHead:  mk(adverbialHeadList),
			adverbialNoun:  mk(adverbialNounList),
			roleNoun:       mk(roleNounList),
			rank:           mk(rankList),
			clauseStop:     mk(clauseStopList),
			auxiliary:      mk(auxiliaryList),
			discourse:      mk(discourseList),
			functionWord:   mk(functionWordList),
			mediaNoun:      mk(mediaNounList),
			attribution:    mk(attributionList),
		}
	})
	return &ws
}

// isAttribution reports whether the normalized word w opens an attribution
// phrase (بحسب، وفقا، ووفقا، حسبما…).
func isAttribution(w string) bool {
	s := sets()
	return s.attribution[w] || s.attribution[stripConj(w)]
}

// stripConj returns a normalized word without a proclitic و or ف when what
// is left is still a word of three letters or more.
func stripConj(w string) string {
	if len(w) >= 8 && (w[:2] == "و" || w[:2] == "ف") { // three letters must remain: وفق is one word
		return w[2:]
	}
	return w
}

// stripDef returns w without the article ال (or لل, بال, وال…).
func stripDef(w string) string {
	for _, p := range []string{"وال", "بال", "فال", "كال", "لل", "ال"} {
		if len(w) > len(p)+2 && w[:len(p)] == p {
			return w[len(p):]
		}
	}
	return w
}

func hasDef(w string) bool {
	return len(w) > 6 && (w[:4] == "ال" || w[:4] == "لل") || len(w) > 8 && (w[:6] == "وال" || w[:6] == "بال" || w[:6] == "فال")
}
