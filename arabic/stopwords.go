package arabic

import (
	"slices"
	"strings"
)

// defaultStopwords are common Arabic function words: prepositions,
// pronouns, demonstratives, relatives, particles, the verbs of being, and
// their most frequent forms with a clitic (وفي, منه). We wrote the list for
// this package; it covers the same ground as the stopword lists of Lucene's
// ArabicAnalyzer and of the golden-corpus-arabic project, without copying
// either. Write each word as it is spelled: the list is normalized when the
// package is loaded, and a word is a stopword when its Norm is in it.
//
// على is a stopword only when written with ى: normalized it reads علي, the
// name Ali (see stopExact).
const defaultStopwords = `
	في من على إلى عن مع منذ حتى خلال بين عند لدى نحو حول ضد دون بعد قبل أمام
	وراء تحت فوق عبر ضمن إثر رغم سوى غير مثل حيال لدي وفق وفقا بحسب حسب
	هو هي هم هما هن أنا نحن أنت أنتم أنتما إياه إياها إياهم
	هذا هذه ذلك تلك هؤلاء أولئك هنا هناك هنالك ذاك هذان هاتان هذين هاتين
	الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي
	أن إن لأن كأن لكن بل أو أم ثم قد لقد لا لم لن ما ماذا إذا إذ لو لولا كي
	كيف متى أين هل لماذا كم إلا إما أما حيث بينما عندما كما كلما مما ممن
	فيما بما لما بأن بأنه إنه أنه أنها إنها لأنه ليت لعل أي أية إذن يا
	كان كانت كانوا يكون تكون يكونوا ليس ليست ليسوا صار أصبح أصبحت ظل مازال
	لايزال زال
	كل بعض جميع كلا كلتا نفس ذات عدة أيضا فقط جدا الآن
	فيه فيها فيهم منه منها منهم عليه عليها عليهم إليه إليها إليهم عنه عنها
	عنهم له لها لهم به بها بهم معه معها معهم لديه لديها لديهم بينهم لي بي
	وفي ومن وعلى وإلى وعن ومع وهو وهي وهم وقد ولا ولم ولن وما وأن وإن
	وكان وكانت ولكن وهذا وهذه وذلك وتلك فإن فقد فلا وبين وكذلك كذلك لذلك
	بذلك هكذا وكل
	والذي والتي والذين لكنه لكنها لكنهم لكننا لكني لكنني لأنها لأنهم وأنه
	وأنها وإنه أنهم إنهم منهما بكل لكل بأي لأي لنا معنا علينا بلا ومنها
	ومنه فكان فكانت فهو فهي فإذا فلم ولكنه ولكنها وكما لدينا بيننا
`

// stopExact holds the stopwords whose Norm is also a content word: they
// are stopwords only when the word as written (less harakat) is the
// stopword. The key is the Norm, the value the written form.
var stopExact = map[string]string{
	Normalize("على"): "على", // علي is the name Ali
}

// A stopSet answers whether a normalized word is a stopword.
type stopSet map[string]string // Norm → required unfolded form, or ""

func newStopSet(words []string) stopSet {
	s := make(stopSet, len(words))
	for _, w := range words {
		n := Normalize(w)
		if n == "" {
			continue
		}
		s[n] = ""
		if written, ok := stopExact[n]; ok && normalize(w, false) == written {
			s[n] = written
		}
	}
	return s
}

// has reports whether the word with this Norm and unfolded form pre is a
// stopword.
func (s stopSet) has(norm, pre string) bool {
	written, ok := s[norm]
	return ok && (written == "" || written == pre)
}

var defaultStopSet = newStopSet(strings.Fields(defaultStopwords))

// Stopwords returns the default stopword list in normalized form, sorted.
// The caller owns the slice.
func Stopwords() []string {
	out := make([]string, 0, len(defaultStopSet))
	for w := range defaultStopSet {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

// IsStopword reports whether word, as written or normalized, is in the
// default stopword list.
func IsStopword(word string) bool {
	pre := normalize(word, false)
	return defaultStopSet.has(foldVariants(pre), pre)
}
