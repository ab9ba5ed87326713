package geo

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
)

// Name forms. Every name in the gazetteer and every word looked up in it is
// in arabic.Normalize form (أ إ آ → ا, ة → ه, ى → ي, no harakat), so حماة and
// حماه, إدلب and ادلب are already one form. What Normalize leaves to this
// file: the article ال, the proclitics glued to the first word, the words
// around a name (محافظة إدلب, ريف حماة الشمالي) and the space in ديرالزور.

// Letters written as text, spelled by their arabic names so that no literal
// needs explaining: the article ال, the proclitics and the hamza.
var (
	article = string([]rune{arabic.Alef, arabic.Lam}) // ال
	lamLam  = string([]rune{arabic.Lam, arabic.Lam})  // لل: ل + ال, with the alef dropped
	hamza   = string(arabic.Hamza)                    // ء
	heh     = string(arabic.Heh)                      // ه, and ة once normalized
	yeh     = string(arabic.Yeh)                      // ي
	teh     = string(arabic.Teh)                      // ت
	alef    = string(arabic.Alef)
)

// minLetters is the fewest letters a word may keep once its clitics are
// taken off: no place is named by one letter.
const minLetters = 2

// A form is what a word may be once its proclitics are taken off.
type form struct {
	s string
	// bare is set when s may be a name without its article: الرقة is
	// written رقة after ل + ال (للرقة), but not alone (رياض is a man, الرياض
	// the city) and never after و (ورقة is "paper").
	bare bool
}

// forms returns w and what w may be with its proclitics taken off, most
// literal first: w itself; w without و or ف; then without ب or ل after them;
// then without لل (ل + ال). A form keeps at least two letters. The strings
// are substrings of w: nothing is allocated but the slice, which the caller
// may pass in to reuse.
func forms(w string, buf []form) []form {
	out := append(buf[:0], form{w, false})
	if len(w) < 3*2 { // two letters left after a one-letter clitic: no form
		return out
	}
	bases := [2]string{w, ""}
	if rest, ok := cutConj(w); ok && letters(rest) >= minLetters {
		bases[1] = rest
		out = append(out, form{rest, false})
	}
	for _, b := range bases {
		if b == "" {
			continue
		}
		if rest, ok := cutPrep(b); ok && letters(rest) >= minLetters {
			// للاذقية is ل + اللاذقية, the article's alef and lam dropped:
			// what follows the first ل may be a bare name.
			out = append(out, form{rest, strings.HasPrefix(rest, lam)})
		}
		if rest, ok := strings.CutPrefix(b, lamLam); ok && letters(rest) >= minLetters {
			out = append(out, form{rest, true})
		}
	}
	return out
}

// The proclitics, as text.
var (
	waw = string(arabic.Waw)
	feh = string(arabic.Feh)
	beh = string(arabic.Beh)
	lam = string(arabic.Lam)
)

// cutConj returns w without a first و or ف (and, so).
func cutConj(w string) (string, bool) {
	if rest, ok := strings.CutPrefix(w, waw); ok {
		return rest, true
	}
	return strings.CutPrefix(w, feh)
}

// cutPrep returns w without a first ب or ل (in, to). ك (like) is left out:
// it rarely comes before a place, and taking it off makes words of names
// (كبرى → بري).
func cutPrep(w string) (string, bool) {
	if rest, ok := strings.CutPrefix(w, beh); ok {
		return rest, true
	}
	return strings.CutPrefix(w, lam)
}

// letters counts the runes of s.
func letters(s string) int { return utf8.RuneCountInString(s) }

// stripClitics returns w without its proclitics when the rest is one of set:
// والرئيس → الرئيس when set holds الرئيس. It reports false when no form of w
// is in set.
func stripClitics(w string, set map[string]bool) (string, bool) {
	var buf [6]form
	for _, f := range forms(w, buf[:0]) {
		if set[f.s] {
			return f.s, true
		}
	}
	return "", false
}

// A kindHint is what the words before a name say about the kind of place:
// محافظة إدلب is the governorate, مدينة إدلب the city.
type kindHint uint8

const (
	hintNone    kindHint = iota
	hintAdmin            // محافظة, ريف, ولاية, إقليم: the governorate or region
	hintTown             // مدينة, العاصمة, حي: the town
	hintVillage          // بلدة, قرية: a town, and a small one, so a local one
)

// heads are the words that may stand before a place name inside a mention
// and are not part of it, in normalized form, with the kind they point to.
// A head may carry proclitics (بريف, ومحافظة). Directions (شمال سوريا) say
// nothing about the kind.
var heads = func() map[string]kindHint {
	m := map[string]kindHint{}
	for _, w := range strings.Fields("محافظه ريف ولايه اقليم مقاطعه قضاء ناحيه منطقه مناطق") {
		m[w] = hintAdmin
	}
	for _, w := range strings.Fields("مدينه العاصمه عاصمه حي مخيم ضاحيه ضواحي") {
		m[w] = hintTown
	}
	for _, w := range strings.Fields("بلده قريه بلدات قري") {
		m[w] = hintVillage
	}
	for _, w := range strings.Fields("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي اطراف محيط داخل") {
		m[w] = hintNone
	}
	for w, h := range m {
		m[article+w] = h // الريف, المدينه: with the article too
	}
	return m
}()

// headSet is the set of heads, for stripClitics.
var headSet = func() map[string]bool {
	s := make(map[string]bool, len(heads))
	for w := range heads {
		s[w] = true
	}
	return s
}()

// trailers are the words that may follow a place name inside a mention and
// are not part of it: حلب الشرقية, ريف حماة الشمالي, حلب القديمة. A name that
// holds one (الغوطة الشرقية) is matched whole before trailers are dropped.
var trailers = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("الشمالي الجنوبي الشرقي الغربي الاوسط القديمه الجديده الكبري المحتل المحتله المحاصر المحاصره") {
		m[w] = true
		if strings.HasSuffix(w, "ي") {
			m[w+"ه"] = true // the feminine: الشمالية
		}
	}
	return m
}()

// cityPrefixes are the words GeoNames puts before some Arabic names
// (محافظة إدلب, مدينة خور فكان, قضاء تلكيف);
// the build keeps the name without them, and the words count as heads when
// a text uses them.
var cityPrefixes = map[string]bool{
	"محافظه": true, "مدينه": true, "قضاء": true, "ناحيه": true,
	"ولايه": true, "مقاطعه": true, "بلديه": true,
}

// variants returns the names under which a place called name is found, in
// normalized form. written are the forms a text writes, with or without
// proclitics: the name, written without its spaces (ديرالزور, كفرنبل) and
// without a final hamza after alef (كربلاء → كربلا), with a final alef for
// the ة of ـية and ـتة (أنطاكية → أنطاكيا), and with the article too (ميادين → الميادين, شيخ
// مسكين → الشيخ مسكين), unless its first word is short. bare are the forms without the
// article of a name that has one (الميادين → ميادين), which a text writes only
// after ل + ال (للرقة, للمغرب); see form.bare. withArticle false adds no
// article to a name written without one: country names, whose adjective
// with ال (السورية) must not read as the country.
func variants(name string, withArticle bool) (written, bare []string) {
	n := strings.Join(strings.Fields(arabic.Normalize(name)), " ")
	if n == "" {
		return nil, nil
	}
	add := func(l *[]string, s string) {
		if s != "" && !slices.Contains(*l, s) {
			*l = append(*l, s)
		}
	}
	bases := []string{n}
	if s, ok := strings.CutSuffix(n, alef+hamza); ok && letters(s) > minLetters {
		bases = append(bases, s+alef)
	}
	if s, ok := strings.CutSuffix(n, heh); ok && letters(strings.ReplaceAll(s, " ", "")) >= 4 &&
		(strings.HasSuffix(s, yeh) || strings.HasSuffix(s, teh)) {
		bases = append(bases, s+alef) // أنطاكية and أنطاكيا, كفر زيتة and كفر زيتا
	}
	for _, b := range bases {
		add(&written, b)
		multi := strings.Contains(b, " ")
		if multi {
			add(&written, strings.ReplaceAll(b, " ", ""))
		}
		rest, ok := strings.CutPrefix(b, article)
		first, _, _ := strings.Cut(rest, " ")
		switch {
		case ok && letters(first) > minLetters:
			add(&bare, rest)
		case !withArticle:
		case !ok && letters(first) > minLetters && (multi || letters(b) > minLetters+1):
			// Not for a short name: ينا (Jena) would make الينا, "to us";
			// تل رفعت never takes the article.
			add(&written, article+b)
		}
	}
	return written, slices.DeleteFunc(bare, func(s string) bool { return slices.Contains(written, s) })
}

// words returns the words of text in normalized form, as the gazetteer
// holds them.
func words(text string) []string {
	toks := arabic.Tokenize(text)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if n := arabic.Normalize(t.Text); n != "" {
			out = append(out, n)
		}
	}
	return out
}
