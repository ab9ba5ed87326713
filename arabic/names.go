package arabic

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// This file holds the spelling-variant keys. Arabic spells its own words
// one way, but a foreign name has many spellings: a long vowel is written
// or left out (كوناشينكوف, كوناشنكوف), a g is غ ج ق or ك (ايغور, ايجور,
// إيقور), a letter is doubled or not (ميللر, ميلر). Two keys join them:
//
//   - the name key (NameKey) writes every word as its skeleton: the first
//     letter, then the other letters less the long vowels and the hamza
//     seats, with the letters that transliterations confuse made one (see
//     skeleton);
//   - the key (Key, and Token.Key) is the skeleton only for a word that
//     looks transliterated (looksForeign), and the key of its place for a
//     country or city (placeByStem); any other word keeps its light stem,
//     with ؤ and ئ written ء (مسؤول, مسئول) and a final ه read as ة
//     (الحكومه), so that two Arabic words meet in it only if their stems
//     differ in these letters or name one place (أمريكا, أميركا).
//
// The skeleton is what transliterations share, but Arabic words share it
// too: كاتب and كتب, جامعة and جماعة, منطقة and منتج, شركة and شرقية meet
// in it. Over three weeks of Saudi news (SaudiNewsNet, 9 million words),
// the skeleton joins 57% of the frequent words whose key has four letters
// or more (the keys the index uses) with a frequent word of another stem,
// and of a hand-checked sample of the pairs it joins, 11 in 100 are forms
// of one word; the key joins 1.2%, and 3 in 4 of its pairs are forms of
// one word. internal/eval/keys.go measures it.

// keyVowel marks, in keyTable, the letters a skeleton drops after its
// first letter: the long vowels and the hamza seats.
const keyVowel = -1

// keyTable gives, for each letter of the Arabic block, the letter that
// stands for it in a skeleton, keyVowel, or 0 for the letter itself: the
// letters for a g sound meet in ك, and letters that transliterations
// confuse meet in one of them.
var keyTable = func() (t [256]rune) {
	set := func(to rune, rs ...rune) {
		for _, r := range rs {
			t[r-0x600] = to
		}
	}
	set(Kaf, Ghain, Jeem, Qaf, Gaf, Tcheh, Keheh)
	set(Teh, Theh, Tah)
	set(Zain, Thal, Zah, Jeh)
	set(Dal, Dad)
	set(Seen, Sad)
	set(Beh, Peh)
	set(Feh, Veh)
	set(Heh, TehMarbuta)
	set(keyVowel, Alef, Waw, Yeh, AlefMaksura, Hamza, WawHamzaAbove, YehHamzaAbove,
		AlefHamzaAbove, AlefHamzaBelow, AlefMadda)
	return t
}()

// skeleton returns the name key of a stem (isArabicWord): the first
// letter, then the other letters less the long vowels ا و ي and the hamza
// seats, with the g-sound letters غ ج ق ك as ك, ث ط as ت, ذ ظ as ز,
// ض as د, ص as س, and a repeated letter (two alike once mapped, side by
// side or with only dropped letters between them: ميللر, كق, نان) written
// once. كوناشينكوف and كوناشنكوف give كنشنكف; ايغور, ايجور and إيقور give
// اكر. skeleton(skeleton(s)) == skeleton(s).
func skeleton(stem string) string {
	var stack [64]byte
	buf := stack[:0]
	var last rune = -2 // the last letter written to the skeleton
	for i := 0; i < len(stem); i += 2 {
		r := letterAt(stem, i)
		k := keyTable[r-0x600]
		switch {
		case k == 0:
			k = r
		case k == keyVowel && i == 0:
			k = r
			if r != Waw && r != Yeh {
				k = Alef // a first hamza, on whatever seat
			}
		case k == keyVowel:
			continue
		}
		if k != last {
			buf = utf8.AppendRune(buf, k)
		}
		last = k
	}
	if string(buf) == stem {
		return stem
	}
	return string(buf)
}

// makeKey returns the key of a stem (isArabicWord), as Token.Key holds it.
// A final ه is first read as ة (hehEnding); then the key is the key of
// its place if it is the stem of a country or city of words/places.txt,
// its skeleton if it looks transliterated (and the skeleton has three
// letters or more), and otherwise the stem with ؤ and ئ written ء.
func makeKey(stem string) string {
	stem = hehEnding(stem)
	if k, ok := placeByStem()[stem]; ok {
		return k
	}
	if looksForeign(stem) {
		if k := skeleton(stem); len(k) >= 2*minSkeleton {
			return k
		}
	}
	return foldHamza(stem)
}

// minSkeleton is the fewest letters of a skeleton that Key uses: a shorter
// one says too little of the word (ماريو → مر, تويوتا → ت) and meets
// short Arabic stems (مر, ت), so such a foreign word keeps its stem.
const minSkeleton = 3

// hehEnding returns the stem of a word written with a final ه for ة
// (الحكومه, السعوديه): the stem the light stemmer gives the word written
// with ة (حكوم, سعود). The stemmer reads ة before folding and cuts it,
// then a relational ي and a final hamza before it, but it keeps ه, which
// may be the word's own (اتجاه) or a pronoun. hehEnding cuts ه as the
// stemmer cuts ة, in stems of four letters or more, but not after ا, where
// ه is more often a pronoun the stemmer kept (أعلاه, أسماه) than the ة of
// حياة, and not in the name of God (الله, عبدالله).
func hehEnding(stem string) string {
	n := len(stem)
	if n < 8 || letterAt(stem, n-2) != Heh || letterAt(stem, n-4) == Alef ||
		strings.HasSuffix(stem, allah[2:]) {
		return stem
	}
	s := stem[:n-2]
	if len(s) >= 8 && letterAt(s, len(s)-2) == Yeh {
		s = s[:len(s)-2]
	}
	if len(s) >= 8 {
		if l := letterAt(s, len(s)-2); l == Hamza || l == WawHamzaAbove || l == YehHamzaAbove {
			s = s[:len(s)-2]
		}
	}
	return s
}

// foldHamza writes the hamza seats ؤ and ئ of s as ء: مسؤول and مسئول,
// شؤون and شئون, شيء and شيئا meet. (أ إ آ are already ا in a stem.)
func foldHamza(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r == WawHamzaAbove || r == YehHamzaAbove })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i += 2 { // every letter of s is two bytes
		if r := letterAt(s, i); r == WawHamzaAbove || r == YehHamzaAbove {
			utf8.EncodeRune(b[i:], Hamza)
		}
	}
	return string(b)
}

// isLongVowel reports whether r is one of the letters ا و ي, which write
// the long vowels (and, in transliterations, most of the short ones).
func isLongVowel(r rune) bool { return r == Alef || r == Waw || r == Yeh }

// looksForeign reports whether a stem (isArabicWord) looks like a
// transliterated foreign word, so that its key is its skeleton. Arabic
// stems follow a few patterns, with at most two long vowels in set places;
// a transliteration writes a vowel letter wherever the foreign word has a
// vowel. With n the letters of the stem and v its long vowels after the
// first letter, a stem looks foreign if:
//
//  1. it holds a letter that Arabic words lack: پ چ ژ ڤ گ;
//  2. n ≥ 8: longer than any Arabic pattern gives (كوالالمبور,
//     عبدالعزيز; only a rare compound such as استخبارات comes too);
//  3. v ≥ 3 (غوتيريس, كاميرون, نتنياهو), unless it has the pattern of the
//     broken plurals مفاعيل and فواعيل: six letters, ا third and ي fifth
//     (ملايين, صواريخ, مواعيد);
//  4. a long vowel comes before a doubled ل or ر (ميللر, فيللا);
//  5. n ≥ 6 and it ends in وف, the Russian -ov (لافروف, قاديروف): shorter
//     stems in وف are Arabic (ظروف, معروف); or n ≥ 5 and it ends in يو
//     (استديو, سيناريو, ماريو);
//  6. n ≥ 5 and its second and fourth letters are و or ي with a consonant
//     between them (بوتين, غوتيريس, ايغور), unless it begins with ت م ي ن,
//     the prefixes of Arabic patterns (توفير, ميزان), or with ا and و, or
//     has five letters and ends in ن, a dual or plural (عينين, زيتون);
//  7. n ≥ 6 and its second and fifth letters are long vowels with two
//     consonants between them (ميستورا, فيسبوك, مونديال), a shape no
//     Arabic pattern has;
//  8. it is in foreignStems: a frequent name whose shorter spelling has
//     the shape of an Arabic word (مستورا beside ميستورا, ميلر beside
//     ميللر).
//
// Over the frequent words of three weeks of Saudi news, the rules take
// about 4% of the stems for foreign; the Arabic stems among them are
// mostly plurals and duals whose skeleton no other frequent word has. What they
// miss are foreign names spelled like Arabic words, with one or two long
// vowels in the places of a pattern (ترامب, ميركل, اوباما): those meet
// their other spellings under NameKey only.
func looksForeign(s string) bool {
	n := len(s) / 2
	if n < 2 {
		return false
	}
	l := func(i int) rune { return letterAt(s, 2*i) }
	v := 0
	for i := 0; i < n; i++ {
		switch r := l(i); r {
		case Alef, Waw, Yeh:
			if i > 0 {
				v++
			}
		case Peh, Tcheh, Jeh, Veh, Gaf: // 1
			return true
		}
	}
	switch {
	case n >= 8: // 2
		return true
	case v >= 3 && !(n == 6 && l(2) == Alef && l(4) == Yeh): // 3
		return true
	case n >= 6 && l(n-2) == Waw && l(n-1) == Feh, n >= 5 && l(n-2) == Yeh && l(n-1) == Waw: // 5
		return true
	case n >= 6 && isLongVowel(l(1)) && !isLongVowel(l(2)) && !isLongVowel(l(3)) && isLongVowel(l(4)): // 7
		return true
	}
	for i := 1; i+2 < n; i++ { // 4
		if d := l(i + 1); isLongVowel(l(i)) && (d == Lam || d == Reh) && l(i+2) == d {
			return true
		}
	}
	if n >= 5 && (l(1) == Waw || l(1) == Yeh) && !isLongVowel(l(2)) && (l(3) == Waw || l(3) == Yeh) { // 6
		switch first := l(0); {
		case first == Teh, first == Meem, first == Yeh, first == Noon:
		case first == Alef && l(1) == Waw:
		case n == 5 && l(4) == Noon:
		default:
			return true
		}
	}
	return foreignStems().has(s) // 8
}

// foreignStems holds foreign names, frequent in the news, whose shorter
// spellings the rules of looksForeign take for Arabic words, as stems
// (for Key) and as whole words (for WholeKey: the stemmer reads بوتن as
// ب+وتن). Extend it when a name's spellings fail to meet under Key. It is
// built on first use, since stemming loads the segmenter's lexicon.
var foreignStems = sync.OnceValue(func() wordSet {
	s := wordSet{}
	for _, w := range strings.Fields(`
		مستورا ميلر بوتين بوتن ترامب ترمب ميركل
	`) {
		s[Stem(w)] = struct{}{}
		s[Normalize(w)] = struct{}{}
	}
	return s
})

// Key returns the spelling-variant key of one word, as Analyze computes it
// for a token (see Token.Key). Use it to match words whose spelling
// varies without joining Arabic words that differ:
//
//   - a country or city of words/places.txt, with its clitics and its
//     nisba adjectives, has the key PlaceKey gives: Key("لروسيا") ==
//     Key("الروسية") == "روسيا", and Key("أميركا") == Key("الأمريكي");
//   - a word that looks transliterated has its NameKey:
//     Key("كوناشينكوف") == Key("كوناشنكوف") == "كنشنكف", and
//     Key("ايغور") == Key("إيقور");
//   - any other word has its light stem, with the hamza seats ؤ and ئ
//     written ء: Key("المسؤولين") == Key("مسئول"), and Key("الجامعة")
//     != Key("الجماعة").
//
// A name whose short spelling looks Arabic (ميركل beside ميركيل) meets
// its other spellings under NameKey, not Key. A word of another script
// has its lower case, a number its digits.
func Key(word string) string {
	pre := normalize(word, false)
	norm := foldVariants(pre)
	if isArabicWord(norm) {
		return makeKey(splitWord(pre, norm).stem)
	}
	return otherStem(norm)
}

// NameKey returns the skeleton of one word: its light stem with the long
// vowels and the hamza seats dropped after the first letter, the letters
// of a g sound (غ ج ق ك) written ك, ث ط written ت, ذ ظ ز, ض د, ص س, and
// doubled letters written once. NameKey("ميستورا") == NameKey("مستورا")
// == "مستر", NameKey("ميللر") == NameKey("ميلر").
//
// Use it for text known to be a name, a person or an organization, to
// join its transliterations: it joins every transliteration Key joins,
// and more, but it also joins Arabic words (محمد and محمود, جامعة and
// جماعة), so do not use it on running text; use Key there. For a word
// that looks transliterated and names no place, NameKey and Key are the
// same, unless the skeleton has fewer than three letters.
func NameKey(word string) string {
	pre := normalize(word, false)
	norm := foldVariants(pre)
	if isArabicWord(norm) {
		return skeleton(hehEnding(splitWord(pre, norm).stem))
	}
	return otherStem(norm)
}

// WholeKey returns the key of one word taken whole, with no clitic split
// and no ending removed, by the rules of Key: WholeKey("فالنتينوف") ==
// WholeKey("فالينتينوف"), where Key splits them as ف+ال+… A foreign name
// whose first letters look like clitics is matched through this key.
func WholeKey(word string) string {
	norm := foldVariants(normalize(word, false))
	if isArabicWord(norm) {
		return makeKey(norm)
	}
	return otherStem(norm)
}
