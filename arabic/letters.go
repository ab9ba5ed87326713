package arabic

// Named Arabic letters, marks, digits and punctuation, so that code never
// holds an unexplained literal rune. Names follow the Unicode character
// names (ARABIC LETTER ALEF WITH HAMZA ABOVE → AlefHamzaAbove), as in bleve's
// analysis/lang/ar and Lucene's ArabicNormalizer.
const (
	// Letters of the Arabic block (U+0621–U+064A).
	Hamza          = '\u0621' // ء
	AlefMadda      = '\u0622' // آ
	AlefHamzaAbove = '\u0623' // أ
	WawHamzaAbove  = '\u0624' // ؤ
	AlefHamzaBelow = '\u0625' // إ
	YehHamzaAbove  = '\u0626' // ئ
	Alef           = '\u0627' // ا
	Beh            = '\u0628' // ب
	TehMarbuta     = '\u0629' // ة
	Teh            = '\u062A' // ت
	Theh           = '\u062B' // ث
	Jeem           = '\u062C' // ج
	Hah            = '\u062D' // ح
	Khah           = '\u062E' // خ
	Dal            = '\u062F' // د
	Thal           = '\u0630' // ذ
	Reh            = '\u0631' // ر
	Zain           = '\u0632' // ز
	Seen           = '\u0633' // س
	Sheen          = '\u0634' // ش
	Sad            = '\u0635' // ص
	Dad            = '\u0636' // ض
	Tah            = '\u0637' // ط
	Zah            = '\u0638' // ظ
	Ain            = '\u0639' // ع
	Ghain          = '\u063A' // غ
	Tatweel        = '\u0640' // ـ (kashida: stretches a word, carries no sound)
	Feh            = '\u0641' // ف
	Qaf            = '\u0642' // ق
	Kaf            = '\u0643' // ك
	Lam            = '\u0644' // ل
	Meem           = '\u0645' // م
	Noon           = '\u0646' // ن
	Heh            = '\u0647' // ه
	Waw            = '\u0648' // و
	AlefMaksura    = '\u0649' // ى
	Yeh            = '\u064A' // ي

	// Harakat: short vowels, tanween, shadda, sukun (U+064B–U+0652), and
	// the further marks up to U+065F.
	Fathatan           = '\u064B' // ً
	Dammatan           = '\u064C' // ٌ
	Kasratan           = '\u064D' // ٍ
	Fatha              = '\u064E' // َ
	Damma              = '\u064F' // ُ
	Kasra              = '\u0650' // ِ
	Shadda             = '\u0651' // ّ
	Sukun              = '\u0652' // ْ
	MaddahAbove        = '\u0653' // combining madda: ا + MaddahAbove = آ
	HamzaAbove         = '\u0654' // combining hamza: ا + HamzaAbove = أ, ي + HamzaAbove = ئ
	HamzaBelow         = '\u0655' // combining hamza: ا + HamzaBelow = إ
	lastHaraka         = '\u065F' // ARABIC WAVY HAMZA BELOW, end of the harakat range
	SuperscriptAlef    = '\u0670' // ٰ (dagger alef, as in هٰذا)
	AlefWasla          = '\u0671' // ٱ
	AlefWavyHamzaAbove = '\u0672' // ٲ
	AlefWavyHamzaBelow = '\u0673' // ٳ

	// Letters of Persian, Urdu and Kurdish that appear in Arabic text,
	// mostly in transliterated names or from Persian keyboards.
	Peh              = '\u067E' // پ
	Tcheh            = '\u0686' // چ
	Jeh              = '\u0698' // ژ
	Veh              = '\u06A4' // ڤ
	Keheh            = '\u06A9' // ک (Persian kaf)
	Gaf              = '\u06AF' // گ
	HehDoachashmee   = '\u06BE' // ھ (Urdu two-eyed heh)
	HehYehAbove      = '\u06C0' // ۀ
	HehGoal          = '\u06C1' // ہ (Urdu heh)
	FarsiYeh         = '\u06CC' // ی (Persian yeh: dotless at the end of a word)
	Ae               = '\u06D5' // ە (Kurdish/Uyghur ae)
	ArabicFullStop   = '\u06D4' // ۔ (Urdu full stop)
	firstQuranicMark = '\u06D6' // ARABIC SMALL HIGH LIGATURE SAD WITH LAM WITH ALEF MAKSURA
	lastQuranicMark  = '\u06ED' // ARABIC SMALL LOW MEEM

	// Honorific and Quranic marks above the letters (U+0610–U+061A),
	// and the Quranic marks of Arabic Extended-A.
	firstHonorific     = '\u0610' // ARABIC SIGN SALLALLAHOU ALAYHE WASSALLAM
	lastHonorific      = '\u061A' // ARABIC SMALL KASRA
	firstExtendedAMark = '\u08CA' // ARABIC SMALL HIGH FARSI YEH
	lastExtendedAMark  = '\u08FF' // ARABIC MARK SIDEWAYS NOON GHUNNA
	disputedEndOfAyah  = '\u08E2' // a format character inside the Extended-A marks

	// Digits.
	ArabicIndicZero         = '\u0660' // ٠
	ArabicIndicNine         = '\u0669' // ٩
	ExtendedArabicIndicZero = '\u06F0' // ۰ (Persian and Urdu digits)
	ExtendedArabicIndicNine = '\u06F9' // ۹

	// Punctuation.
	ArabicComma              = '\u060C' // ،
	ArabicSemicolon          = '\u061B' // ؛
	ArabicQuestionMark       = '\u061F' // ؟
	ArabicPercentSign        = '\u066A' // ٪
	ArabicDecimalSeparator   = '\u066B' // ٫ (٢٫٥ = 2.5)
	ArabicThousandsSeparator = '\u066C' // ٬ (١٬٥٠٠ = 1,500)

	// Invisible format characters: joiners, bidi controls, byte order mark.
	SoftHyphen            = '\u00AD'
	ArabicLetterMark      = '\u061C' // ALM
	ZeroWidthSpace        = '\u200B' // ZWSP: an invisible word break
	ZeroWidthNonJoiner    = '\u200C' // ZWNJ
	ZeroWidthJoiner       = '\u200D' // ZWJ
	LeftToRightMark       = '\u200E' // LRM
	RightToLeftMark       = '\u200F' // RLM
	LeftToRightEmbedding  = '\u202A' // LRE, first of the bidi embedding controls
	RightToLeftOverride   = '\u202E' // RLO, last of them
	WordJoiner            = '\u2060'
	LeftToRightIsolate    = '\u2066' // LRI, first of the bidi isolates
	PopDirectionalIsolate = '\u2069' // PDI, last of them
	ByteOrderMark         = '\uFEFF' // BOM, also ZERO WIDTH NO-BREAK SPACE

	// Presentation forms: contextual shapes and ligatures kept for old
	// encodings and PDF extraction. NFKC maps them back to letters.
	firstPresentationA = '\uFB50' // Arabic Presentation Forms-A: U+FB50–U+FDFF
	lastPresentationA  = '\uFDFF'
	firstPresentationB = '\uFE70' // Arabic Presentation Forms-B: U+FE70–U+FEFF
	lastPresentationB  = '\uFEFF'

	noBreakSpace = '\u00A0'
)

// isHaraka reports whether r is a diacritic that Normalize removes: the
// harakat and tanween (U+064B–U+065F), the superscript alef, the Quranic
// annotation marks (U+06D6–U+06ED), the honorific marks (U+0610–U+061A)
// and the Quranic marks of Arabic Extended-A (U+08CA–U+08FF).
func isHaraka(r rune) bool {
	switch {
	case Fathatan <= r && r <= lastHaraka,
		r == SuperscriptAlef,
		firstQuranicMark <= r && r <= lastQuranicMark,
		firstHonorific <= r && r <= lastHonorific:
		return true
	case firstExtendedAMark <= r && r <= lastExtendedAMark:
		return r != disputedEndOfAyah
	}
	return false
}

// isIgnorable reports whether r is an invisible format character that
// Normalize removes: joiners, bidi marks and controls, the soft hyphen,
// the word joiner and the byte order mark.
func isIgnorable(r rune) bool {
	switch {
	case r == SoftHyphen, r == ArabicLetterMark, r == WordJoiner, r == ByteOrderMark:
		return true
	case ZeroWidthSpace <= r && r <= RightToLeftMark,
		LeftToRightEmbedding <= r && r <= RightToLeftOverride,
		LeftToRightIsolate <= r && r <= PopDirectionalIsolate:
		return true
	}
	return false
}

// isPresentationForm reports whether r lies in one of the two Arabic
// presentation-form blocks.
func isPresentationForm(r rune) bool {
	return firstPresentationA <= r && r <= lastPresentationA ||
		firstPresentationB <= r && r <= lastPresentationB
}
