package resolve

import (
	_ "embed"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/isnad-project/isnad/arabic"
	"github.com/isnad-project/isnad/internal/news"
)

// shippedAliases is isnad's alias table.
//
//go:embed aliases.txt
var shippedAliases string

// shippedFile names the shipped table in errors.
const shippedFile = "aliases.txt"

// Options configure a Resolver. The zero value uses the shipped alias table
// alone.
type Options struct {
	// AliasFile is the path of the user's alias table, in the format of
	// the shipped aliases.txt. It is read after the shipped table: an entry
	// with the key of a shipped entry replaces it, and a name it lists is
	// taken from any shipped entry. Empty means none.
	AliasFile string
}

// Flags binds the options to fs: -aliases FILE.
func (o *Options) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.AliasFile, "aliases", o.AliasFile, "an alias table (format of internal/resolve/aliases.txt) whose entries override isnad's")
}

// A Resolver gives each entity mention a key shared by all spellings of the
// entity, and a canonical display name. It is immutable once built, and
// safe for use by several goroutines.
type Resolver struct {
	entries []aliasEntry
	// byName maps an alias in normalized form (words of arabic.Normalize,
	// Latin in lower case, one space between) to its entry.
	byName map[string]int
	// byKey maps the key phrase of a person's alias (see keyPhrase) to
	// its entry, so that بوتن finds بوتين.
	byKey map[string]int
	// an finds the proclitics of names the table does not know.
	an *arabic.Analyzer
}

// New returns a Resolver with the shipped alias table and, if
// opts.AliasFile is set, the user's. Errors name the file and line.
func New(opts Options) (*Resolver, error) {
	entries, err := parseAliases(shippedFile, shippedAliases)
	if err != nil {
		return nil, err
	}
	if opts.AliasFile != "" {
		data, err := os.ReadFile(opts.AliasFile)
		if err != nil {
			return nil, fmt.Errorf("alias table: %w", err)
		}
		user, err := parseAliases(opts.AliasFile, string(data))
		if err != nil {
			return nil, err
		}
		replaced := map[string]bool{}
		for _, u := range user {
			replaced[u.key] = true
		}
		entries = append(slices.DeleteFunc(entries, func(e aliasEntry) bool { return replaced[e.key] }), user...)
	}
	r := &Resolver{entries: entries, byName: map[string]int{}, byKey: map[string]int{},
		an: arabic.NewAnalyzer(arabic.Options{NoRepair: true})}
	// Within one file a name may name one entity only; across files the
	// later (the user's) wins.
	owner := map[string]int{}
	for i, e := range entries {
		for _, a := range e.aliases {
			n := strings.Join(normWords(a), " ")
			if n == "" {
				return nil, fmt.Errorf("%s:%d: alias %q has no letters", e.file, e.line, a)
			}
			if j, ok := owner[n]; ok && j != i && entries[j].file == e.file {
				return nil, fmt.Errorf("%s:%d: %q already names %s (line %d)", e.file, e.line, a, entries[j].key, entries[j].line)
			}
			owner[n] = i
			r.byName[n] = i
			if e.typ == "PER" {
				ws := normWords(a)
				if k := keyPhrase(ws); len(ws) > 1 || letterCount(k) >= 3 {
					r.byKey[k] = i
				}
			}
		}
	}
	return r, nil
}

func letterCount(s string) int { return len([]rune(strings.ReplaceAll(s, " ", ""))) }

// normWords returns the words of s in the form names are matched in:
// arabic.Normalize, Latin letters in lower case.
func normWords(s string) []string {
	toks := arabic.Tokenize(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if n := strings.ToLower(arabic.Normalize(t.Text)); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// A reading is what Resolve makes of one mention.
type reading struct {
	key, name string
	words     []string // the name's words, normalized, titles and proclitics off
	surname   string   // the surname key of a person (surnameKey)
	alias     bool     // found in the alias table
	lone      bool     // a person named by one unit: a surname alone, or a first name
}

// Resolve fills Key and Name of every entity of ents with a non-empty Text,
// and returns ents. It changes no other field: spans, types and coordinates
// stay as they were. text is the article the entities point into; the
// entities of one article are resolved together.
//
// A mention is read from its Text: in normalized form, the proclitics of
// its first word (و ف ب ل) taken off where that gives a known name, and for
// a person the titles taken off (الرئيس السوري بشار الأسد → بشار الأسد,
// المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف → إيغور كوناشينكوف).
//
// A name of the alias table (of a type that fits the mention's: a state
// also names an ORG mention) gives the table's key and canonical name; an
// organization is looked up with and without a leading تنظيم, حركة, وكالة …,
// and a person also by the spelling-variant keys of the words (بوتن), and by
// the first and last words of a longer name.
//
// Any other person's key is "per:" and the name key of the surname
// (arabic.NameKey of the last word, less its article, with a particle
// before it: بن سلمان): كوناشينكوف, كوناشنكوف and ايجور كوناشنكوف all give
// per:كنشنكف, in this article and in any other. A short surname whose key
// keeps fewer than three letters (اوسو → اس) uses its light stems instead.
// Within the article, a person named by one word takes the key and name of
// the one full name whose surname (or key) it matches, and all mentions of a
// person share the longest name the article gives. Any other entity's key is
// its type in lower case, ":" and the keys (arabic.Key) of its words
// joined by "_" (org:وزار_دفاع_روسيا); its name is the mention without
// proclitics.
//
// Limits: two persons of one surname (حافظ الأسد, ماهر الأسد) share a key
// unless the alias table tells them apart.
func (r *Resolver) Resolve(text string, ents []news.Entity) []news.Entity {
	rs := make([]reading, len(ents))
	for i := range ents {
		if ents[i].Text != "" {
			rs[i] = r.read(ents[i].Type, ents[i].Text)
		}
	}
	r.link(ents, rs)
	for i := range ents {
		if rs[i].key != "" {
			ents[i].Key, ents[i].Name = rs[i].key, rs[i].name
		}
	}
	return ents
}

// read resolves one mention on its own.
func (r *Resolver) read(typ, text string) reading {
	toks := arabic.Tokenize(text)
	var ws []string
	var starts, ends []int
	for _, t := range toks {
		if n := strings.ToLower(arabic.Normalize(t.Text)); n != "" {
			ws = append(ws, n)
			starts = append(starts, t.Start)
			ends = append(ends, t.End)
		}
	}
	if len(ws) == 0 {
		return reading{}
	}
	first := 0
	if typ == "PER" {
		first = stripTitles(ws)
	}
	ws, starts = ws[first:], starts[first:]
	if e, w0, ok := r.lookup(typ, ws); ok {
		ws[0] = w0
		return reading{key: e.key, name: e.name, words: ws, surname: surnameKey(surnameUnit(ws)), alias: true}
	}
	// Not in the table: take the proclitics off the first word when its
	// analysis says they are there.
	w0, cut := ws[0], 0
	if tk := r.an.Analyze(ws[0]); len(tk) == 1 {
		segs := tk[0].Segments
		for len(segs) > 1 && isProclitic(segs[0]) {
			cut += len(segs[0])
			segs = segs[1:]
		}
		w0 = ws[0][cut:]
		if segs[0] == article && !strings.HasPrefix(w0, article) {
			w0 = article + strings.TrimPrefix(w0, lam) // للأمم: ل + الأمم
		}
	}
	ws[0] = w0
	name := text[starts[0]:ends[len(ends)-1]]
	if cut > 0 {
		name = text[startAfter(text[starts[0]:], cut)+starts[0] : ends[len(ends)-1]]
	}
	rd := reading{words: ws, name: name}
	if typ == "PER" {
		rd.surname = surnameKey(surnameUnit(ws))
		rd.key = "per:" + rd.surname
		rd.lone = len(surnameUnit(ws)) == len(ws)
		return rd
	}
	ks := make([]string, len(ws))
	for i, w := range ws {
		ks[i] = arabic.Key(w)
	}
	prefix := strings.ToLower(typ)
	if prefix == "" {
		prefix = "ent"
	}
	rd.key = prefix + ":" + strings.Join(ks, "_")
	return rd
}

// isProclitic reports whether seg, a segment of arabic's analysis, is a
// proclitic that is not part of a name: و ف ب ل ك. The article stays.
func isProclitic(seg string) bool {
	r, n := utf8.DecodeRuneInString(seg)
	if n != len(seg) {
		return false
	}
	switch r {
	case arabic.Waw, arabic.Feh, arabic.Beh, arabic.Lam, arabic.Kaf:
		return true
	}
	return false
}

// startAfter returns the byte offset in s after its first n bytes of
// normalized letters: the proclitics, as written, with the harakat and
// tatweel that follow them.
func startAfter(s string, n int) int {
	for i := range s {
		if i > 0 && len(arabic.Normalize(s[:i])) >= n {
			return i
		}
	}
	return 0
}

// lookup finds ws in the alias table: by name, with the first word in each
// of its forms, then for an organization without a leading head word, then
// for a person by key phrase (whole, then first and last words). It returns
// the entry and the form of the first word that matched.
func (r *Resolver) lookup(typ string, ws []string) (aliasEntry, string, bool) {
	try := func(ws []string) (aliasEntry, string, bool) {
		rest := strings.Join(ws[1:], " ")
		for _, f := range forms(ws[0]) {
			n := f
			if rest != "" {
				n += " " + rest
			}
			if i, ok := r.byName[n]; ok && compatible(r.entries[i].typ, typ) {
				return r.entries[i], f, true
			}
		}
		return aliasEntry{}, "", false
	}
	if e, f, ok := try(ws); ok {
		return e, f, true
	}
	if typ != "PER" && len(ws) > 1 {
		if _, ok := inSet(ws[0], orgHeads); ok {
			if e, _, ok := try(ws[1:]); ok {
				return e, ws[0], true
			}
		}
	}
	if typ != "PER" && typ != "" {
		return aliasEntry{}, "", false
	}
	phrases := [][]string{ws}
	if len(ws) > 2 {
		phrases = append(phrases, []string{ws[0], ws[len(ws)-1]})
	}
	for _, p := range phrases {
		rest := keyPhrase(p[1:])
		for _, f := range forms(p[0]) {
			k := wordKey(f)
			if rest != "" {
				k += " " + rest
			} else if letterCount(k) < 3 {
				continue
			}
			if i, ok := r.byKey[k]; ok {
				return r.entries[i], f, true
			}
		}
	}
	return aliasEntry{}, "", false
}

// link gives a person named by one word the key and name of the one full
// name of the article it belongs to, and every person of one key the longest
// name the article gives.
func (r *Resolver) link(ents []news.Entity, rs []reading) {
	bySurname := map[string][]fullName{}
	for i, rd := range rs {
		if ents[i].Type != "PER" || rd.key == "" || rd.lone && !rd.alias {
			continue
		}
		if len(rd.words) < 2 {
			continue
		}
		l := bySurname[rd.surname]
		if !slices.ContainsFunc(l, func(f fullName) bool { return f.key == rd.key }) {
			bySurname[rd.surname] = append(l, fullName{rd.key, rd.name})
		}
	}
	for i := range rs {
		rd := &rs[i]
		if ents[i].Type != "PER" || !rd.lone || rd.alias {
			continue
		}
		cands := []string{rd.surname}
		for _, f := range forms(rd.words[0]) {
			cands = append(cands, surnameKey([]string{f}))
		}
		for _, s := range cands {
			if l := bySurname[s]; len(l) == 1 {
				rd.key, rd.name = l[0].key, l[0].name
				break
			}
		}
	}
	// One name per key: the longest the article gives, for keys the table
	// does not name.
	longest := map[string]string{}
	for i, rd := range rs {
		if rd.key == "" || rd.alias || ents[i].Type != "PER" {
			continue
		}
		if l, ok := longest[rd.key]; !ok || len(rd.name) > len(l) {
			longest[rd.key] = rd.name
		}
	}
	for i := range rs {
		if n, ok := longest[rs[i].key]; ok && !rs[i].alias {
			rs[i].name = n
		}
	}
}

// A fullName is a person named by more than one word in an article.
type fullName struct{ key, name string }
