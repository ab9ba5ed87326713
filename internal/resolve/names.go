package resolve

import (
	"strings"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
)

// Letters written as text, spelled by their arabic names.
var (
	article = string([]rune{arabic.Alef, arabic.Lam}) // ال
	lamLam  = string([]rune{arabic.Lam, arabic.Lam})  // لل: ل + ال, with the alef dropped
	lam     = string(arabic.Lam)
)

// minLetters is the fewest letters a word keeps once its proclitics are off.
const minLetters = 2

// forms returns w and what w may be with its proclitics taken off, most
// literal first: w; without و or ف; then without ب or ل; and for لل (ل + ال)
// the word with its article restored (للأمم → الأمم). Names do not take ك.
func forms(w string) []string {
	out := []string{w}
	bases := []string{w}
	if r, n := utf8.DecodeRuneInString(w); (r == arabic.Waw || r == arabic.Feh) && utf8.RuneCountInString(w[n:]) >= minLetters {
		out = append(out, w[n:])
		bases = append(bases, w[n:])
	}
	for _, b := range bases {
		if r, n := utf8.DecodeRuneInString(b); (r == arabic.Beh || r == arabic.Lam) && utf8.RuneCountInString(b[n:]) >= minLetters {
			out = append(out, b[n:])
		}
		if rest, ok := strings.CutPrefix(b, lamLam); ok && utf8.RuneCountInString(rest) >= minLetters {
			out = append(out, article+rest)
		}
	}
	return out
}

// inSet returns the form of w that set holds, if any.
func inSet(w string, set map[string]bool) (string, bool) {
	for _, f := range forms(w) {
		if set[f] {
			return f, true
		}
	}
	return "", false
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// titles are the words that say what a person is rather than who: ranks,
// offices, honorifics and roles, in normalized form. Those that are also
// first names (أمين, عماد, سيد) are listed with the article only.
var titles = setOf(`
	الرئيس رئيس الرئيسة رئيسة الجنرال جنرال الميجر ميجر اللواء العميد عميد العقيد عقيد
	المقدم مقدم الرائد النقيب نقيب الملازم ملازم المشير مشير الفريق العماد الأدميرال
	الشيخ شيخ الشيخة الدكتور دكتور د الدكتورة السيد السيدة الأستاذ البروفيسور المهندس الحاج
	الملك الملكة الأمير الأميرة العاهل ولي الإمام آية المرشد المفتي القاضي المحامي البابا
	الكاردينال المطران البطريرك الوزير وزير الوزيرة وزيرة النائب نائب النائبة نائبة السفير سفير
	السفيرة المبعوث مبعوث المبعوثة المتحدث متحدث المتحدثة الناطق ناطق الناطقة القائد قائد
	القيادي قيادي القيادية الزعيم زعيم الأمين المستشار مستشار المستشارة المدير مدير المديرة
	المفوض مفوض المنسق منسق المساعد مساعد الممثل ممثل المراسل مراسل الناشط ناشط الناشطة
	المعارض المحلل الخبير الباحث الكاتب الصحفي الصحافي المسؤول مسؤول عضو العضو حاكم الحاكم
	محافظ المحافظ رئيسا
`)

// complements are the words that follow a title and name what the person
// leads or speaks for (المتحدث باسم وزارة الدفاع …, رئيس هيئة الأركان …);
// besides them, every word with the article counts (الخارجية, الروسي).
var complements = setOf(`
	باسم بإسم وزارة هيئة مجلس جيش قوات حزب حركة جبهة لجنة مكتب دائرة إدارة مركز منظمة
	جامعة شعبة فرع فصيل لواء كتيبة فرقة فيلق تنظيم جماعة جمعية اتحاد رابطة نقابة محكمة
	بعثة وكالة صحيفة قناة موقع شركة بنك مؤسسة دولة حكومة رئاسة أمانة مفوضية برلمان كتلة
	ائتلاف تحالف غرفة عمليات أركان شؤون لشؤون عن في لدى
`)

// orgHeads are the words before an organization's name that the tables
// leave out: تنظيم داعش is داعش, وكالة رويترز is رويترز.
var orgHeads = setOf(`
	تنظيم جماعة حركة ميليشيا ميليشيات مليشيا مليشيات فصيل فصائل مجموعة وكالة قناة صحيفة
	موقع شبكة إذاعة تلفزيون
`)

// nameParticles join the word after them into one unit of a name: the
// surname of محمد بن سلمان is بن سلمان, of عبد الجبار is عبد الجبار.
var nameParticles = setOf(`عبد أبو أبي أبا بن ابن أم آل ولد بو دي دو دا فان فون`)

// nameTails join the word before them: نصر الله, نور الدين.
var nameTails = setOf(`الله الدين`)

// stripTitles returns the words of a person's mention without the titles
// and what follows them (see titles and complements): the words after the
// last title, less the complements right after it, and at least one word.
// first is the index of the first word kept.
func stripTitles(ws []string) (first int) {
	last := -1
	for i, w := range ws {
		if _, ok := inSet(w, titles); ok {
			last = i
		}
	}
	if last < 0 {
		return 0
	}
	i := last + 1
	for i < len(ws)-1 && isComplement(ws[i]) {
		i++
	}
	return min(i, len(ws)-1)
}

// isComplement reports whether w, a word after a title, belongs to the
// title: a word of complements, or any word with the article, with or
// without proclitics (للأمم).
func isComplement(w string) bool {
	for _, f := range forms(w) {
		if complements[f] || strings.HasPrefix(f, article) {
			return true
		}
	}
	return false
}

// dropArticle returns w without a leading ال when a word of three letters
// or more is left.
func dropArticle(w string) string {
	if rest, ok := strings.CutPrefix(w, article); ok && utf8.RuneCountInString(rest) >= 3 {
		return rest
	}
	return w
}

// wordKey is the name key (arabic.NameKey, the skeleton that joins
// transliterations) of one word of a name, taken whole but for its article:
// كوناشينكوف → كنشنكف, الأسد → اسد, and بوتن → بتن, where NameKey alone
// would take ب for a proclitic. The word is given to NameKey after an
// article, where arabic's clitic splitter finds no further proclitic.
func wordKey(w string) string { return arabic.NameKey(article + dropArticle(w)) }

// keyPhrase is the key of a name of several words: their word keys, joined.
func keyPhrase(ws []string) string {
	ks := make([]string, len(ws))
	for i, w := range ws {
		ks[i] = wordKey(w)
	}
	return strings.Join(ks, " ")
}

// surnameUnit returns the words of the surname of a person's name: the last
// word, with a particle before it (بن سلمان) or the word before a tail
// (نصر الله).
func surnameUnit(ws []string) []string {
	n := len(ws)
	if n >= 2 && (nameParticles[ws[n-2]] || nameTails[ws[n-1]]) {
		return ws[n-2:]
	}
	return ws[n-1:]
}

// surnameKey returns the key of a surname: the word keys of its unit, or,
// when they keep fewer than three letters (كيري → كر), the light stems, which
// keep the vowels that tell short names apart.
func surnameKey(unit []string) string {
	ks := make([]string, len(unit))
	n := 0
	for i, w := range unit {
		ks[i] = wordKey(w)
		n += utf8.RuneCountInString(ks[i])
	}
	if n < 3 {
		for i, w := range unit {
			ks[i] = arabic.Stem(w)
		}
	}
	return strings.Join(ks, "_")
}
