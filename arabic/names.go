package arabic

import "unicode/utf8"

// keyVowel marks, in keyTable, the letters a Key drops after its first
// letter: the long vowels and the hamza seats.
const keyVowel = -1

// keyTable gives, for each letter of the Arabic block, the letter that
// stands for it in a Key, keyVowel, or 0 for the letter itself: the letters
// for a g sound meet in ك, and letters that transliterations confuse meet
// in one of them.
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

// makeKey returns the spelling-variant key of a stem (isArabicWord): the
// first letter, then the other letters less the long vowels ا و ي and the
// hamza seats, with the g-sound letters غ ج ق ك as ك, ث ط as ت, ذ ظ as ز,
// ض as د, ص as س, and a doubled letter (two alike, side by side, once
// mapped: ميللر, كق) written once. كوناشينكوف and
// كوناشنكوف give كنشنكف; ايغور, ايجور and إيقور give اكر.
func makeKey(stem string) string {
	var stack [64]byte
	buf := stack[:0]
	var last rune = -2 // the previous letter of stem, mapped
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
			last = k
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

// Key returns the spelling-variant key of one word, as Analyze computes it
// for a token: Key("كوناشينكوف") == Key("كوناشنكوف"). See Token.Key.
func Key(word string) string {
	pre := normalize(word, false)
	norm := foldVariants(pre)
	if isArabicWord(norm) {
		return makeKey(splitWord(pre, norm).stem)
	}
	return otherStem(norm)
}

// WholeKey returns the spelling-variant key of one word taken whole, with
// no clitic split: WholeKey("فالنتينوف") == WholeKey("فالينتينوف"), where
// Key splits them as ف+ال+… A foreign name whose first letters look like
// clitics is matched through this key.
func WholeKey(word string) string {
	norm := foldVariants(normalize(word, false))
	if isArabicWord(norm) {
		return makeKey(norm)
	}
	return otherStem(norm)
}
