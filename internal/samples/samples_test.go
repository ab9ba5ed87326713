package samples

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// ---- loading ----

type article struct {
	name  string
	text  string // the whole file
	title string // line 1
	body  string // everything after line 1
}

func loadArticles(t *testing.T) []article {
	t.Helper()
	entries, err := fs.ReadDir(Files(), ".")
	if err != nil {
		t.Fatalf("reading embedded articles: %v", err)
	}
	var arts []article
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := fs.ReadFile(Files(), e.Name())
		if err != nil {
			t.Fatalf("reading %s: %v", e.Name(), err)
		}
		text := string(b)
		title, body, _ := strings.Cut(text, "\n")
		arts = append(arts, article{name: e.Name(), text: text, title: title, body: body})
	}
	return arts
}

func byName(t *testing.T, arts []article) map[string]article {
	t.Helper()
	m := make(map[string]article, len(arts))
	for _, a := range arts {
		m[a.name] = a
	}
	return m
}

// fileFor resolves a README file reference: a full file name or its
// two-digit prefix ("05").
func fileFor(t *testing.T, arts []article, ref string) string {
	t.Helper()
	ref = strings.TrimSpace(ref)
	for _, a := range arts {
		if a.name == ref || strings.HasPrefix(a.name, ref+"_") {
			return a.name
		}
	}
	t.Fatalf("README names a file %q that is not in the corpus", ref)
	return ""
}

func fileList(t *testing.T, arts []article, cell string) []string {
	t.Helper()
	var out []string
	for _, ref := range strings.Split(cell, ",") {
		if strings.TrimSpace(ref) == "" {
			continue
		}
		out = append(out, fileFor(t, arts, ref))
	}
	sort.Strings(out)
	return out
}

type goldClaim struct {
	Speaker []string `json:"speaker"`
	Role    string   `json:"role"`
	Verb    string   `json:"verb"`
	Act     string   `json:"act"`
	Direct  bool     `json:"direct"`
	Content string   `json:"content"`
	Via     []string `json:"via"`
	Figures []struct {
		Value float64 `json:"value"`
		Unit  string  `json:"unit"`
		Text  string  `json:"text"`
	} `json:"figures"`
}

func loadGold(t *testing.T) (map[string][]goldClaim, []string) {
	t.Helper()
	gold := map[string][]goldClaim{}
	var order []string
	sc := bufio.NewScanner(bytes.NewReader(GoldClaims))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var rec struct {
			Doc    string      `json:"doc"`
			Claims []goldClaim `json:"claims"`
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			t.Fatalf("claims.jsonl: %v in %.80s", err, line)
		}
		if _, dup := gold[rec.Doc]; dup {
			t.Fatalf("claims.jsonl: %s twice", rec.Doc)
		}
		gold[rec.Doc] = rec.Claims
		order = append(order, rec.Doc)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return gold, order
}

// ---- README parsing ----

func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// section returns the text under "## name" up to the next "## " heading.
func section(t *testing.T, md, name string) string {
	t.Helper()
	head := "## " + name + "\n"
	i := strings.Index(md, head)
	if i < 0 {
		t.Fatalf("README has no section %q", name)
	}
	rest := md[i+len(head):]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j+1]
	}
	return rest
}

var sepRow = regexp.MustCompile(`^\|(\s*:?-+:?\s*\|)+\s*$`)

// tableRows returns the data rows of every markdown table in s, header
// and separator rows left out. A cell wrapped in backticks is unwrapped
// and keeps its inner spaces.
func tableRows(s string) [][]string {
	var rows [][]string
	inTable := false
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(line, "|") {
			inTable = false
			continue
		}
		if !inTable { // header row
			inTable = true
			continue
		}
		if sepRow.MatchString(line) {
			continue
		}
		inner := strings.TrimSuffix(strings.TrimPrefix(strings.TrimRight(line, " "), "|"), "|")
		var cells []string
		for _, c := range strings.Split(inner, "|") {
			c = strings.TrimSpace(c)
			if len(c) >= 2 && strings.HasPrefix(c, "`") && strings.HasSuffix(c, "`") {
				c = c[1 : len(c)-1]
			}
			cells = append(cells, c)
		}
		rows = append(rows, cells)
	}
	return rows
}

func needCols(t *testing.T, where string, row []string, n int) {
	t.Helper()
	if len(row) != n {
		t.Fatalf("README %s: row has %d cells, want %d: %q", where, len(row), n, row)
	}
}

// ---- matching ----

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }

// wordAt reports whether s occurs in text as a whole word, optionally
// preceded by one proclitic letter from procl that itself starts a word.
func wordAt(text, s, procl string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], s)
		if i < 0 {
			return false
		}
		i += from
		from = i + 1
		e := i + len(s)
		if r, _ := utf8.DecodeRuneInString(text[e:]); e < len(text) && isWordRune(r) {
			continue
		}
		if i == 0 {
			return true
		}
		r1, n1 := utf8.DecodeLastRuneInString(text[:i])
		if !isWordRune(r1) {
			return true
		}
		if strings.ContainsRune(procl, r1) {
			if i-n1 == 0 {
				return true
			}
			if r2, _ := utf8.DecodeLastRuneInString(text[:i-n1]); !isWordRune(r2) {
				return true
			}
		}
	}
}

func matches(t *testing.T, text, s, mode string) bool {
	t.Helper()
	switch mode {
	case "sub":
		return strings.Contains(text, s)
	case "bare":
		return wordAt(text, s, "")
	case "word":
		return wordAt(text, s, "وف")
	case "name":
		return wordAt(text, s, "وفبلك")
	case "line":
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) == s {
				return true
			}
		}
		return false
	case "title-repeat":
		lines := strings.SplitN(text, "\n", 3)
		return len(lines) >= 2 && lines[0] != "" && lines[0] == lines[1]
	case "diacritic":
		return strings.ContainsFunc(text, func(r rune) bool { return r >= 0x064B && r <= 0x0652 })
	}
	t.Fatalf("README uses unknown match mode %q", mode)
	return false
}

func filesMatching(t *testing.T, arts []article, s, mode string) []string {
	t.Helper()
	var out []string
	for _, a := range arts {
		if matches(t, a.text, s, mode) {
			out = append(out, a.name)
		}
	}
	return out
}

// distinctTexts counts the different bodies among the named files.
func distinctTexts(m map[string]article, names []string) int {
	seen := map[string]bool{}
	for _, n := range names {
		seen[m[n].body] = true
	}
	return len(seen)
}

// ---- numbers ----

var wordNumbers = map[string]float64{
	"خمسة عشر": 15, "ثلاثمائة وخمسين": 350, "ثلاثمائة وخمسون": 350, "ست": 6, "غارتين": 2,
	"تسعة": 9, "الأربع والعشرين": 24, "ثلاثة": 3, "مركزي": 2, "ثلاثين": 30, "يوم واحد": 1,
	"أربع": 4, "ثلاث": 3, "ستين": 60, "نصف مليون": 500000, "أسبوعين": 2, "يومين": 2,
	"أربعين ألف": 40000,
}

var digitsRe = regexp.MustCompile(`^([0-9]+)( ألف)?$`)

// numberValue reads a figure as written: digits in either script, with
// thousands separators and an optional ألف, or one of the word forms the
// corpus uses.
func numberValue(text string) (float64, bool) {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r >= '٠' && r <= '٩':
			b.WriteRune('0' + (r - '٠'))
		case r == ',' || r == '٬':
		default:
			b.WriteRune(r)
		}
	}
	if m := digitsRe.FindStringSubmatch(b.String()); m != nil {
		v, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return 0, false
		}
		if m[2] != "" {
			v *= 1000
		}
		return v, true
	}
	v, ok := wordNumbers[text]
	return v, ok
}

func TestNumberValue(t *testing.T) {
	for text, want := range map[string]float64{
		"1,500": 1500, "١٬٥٠٠": 1500, "٣٥": 35, "250 ألف": 250000, "24": 24, "نصف مليون": 500000,
	} {
		if got, ok := numberValue(text); !ok || got != want {
			t.Errorf("numberValue(%q) = %v, %v; want %v", text, got, ok, want)
		}
	}
	if _, ok := numberValue("عشرات"); ok {
		t.Errorf("numberValue(عشرات) should not give a value")
	}
}

// quotedShare returns the share of the letters of line[s:e] that lie
// inside quotation marks ("…", «…», “…”) on that line.
func quotedShare(line string, s, e int) float64 {
	closers := map[rune]rune{'"': '"', '«': '»', '“': '”'}
	var cur rune
	inside := map[int]bool{}
	for i, r := range line {
		if cur == 0 {
			if c, ok := closers[r]; ok {
				cur = c
			}
			continue
		}
		if r == cur {
			cur = 0
			continue
		}
		inside[i] = true
	}
	var n, in int
	for i, r := range line[s:e] {
		if strings.ContainsRune(" \t«»“”\"،,.؟?", r) {
			continue
		}
		n++
		if inside[s+i] {
			in++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(in) / float64(n)
}

// ---- tests ----

var fileNameRe = regexp.MustCompile(`^[0-9]{2}_[a-z0-9_]+\.txt$`)

func TestEmbeddedArticles(t *testing.T) {
	arts := loadArticles(t)
	if len(arts) < 12 {
		t.Fatalf("%d articles embedded, want at least 12", len(arts))
	}
	raw, err := fs.Glob(FS, "articles/*.txt")
	if err != nil || len(raw) != len(arts) {
		t.Errorf("FS has %d articles (err %v), Files() has %d", len(raw), err, len(arts))
	}
	for _, a := range arts {
		if !fileNameRe.MatchString(a.name) {
			t.Errorf("%s: file name is not NN_ascii.txt", a.name)
		}
		if !utf8.ValidString(a.text) {
			t.Errorf("%s: not valid UTF-8", a.name)
		}
		if strings.HasPrefix(a.text, "\uFEFF") || strings.Contains(a.text, "\r") {
			t.Errorf("%s: BOM or CR in file", a.name)
		}
		if !strings.HasSuffix(a.text, "\n") {
			t.Errorf("%s: no final newline", a.name)
		}
		title := strings.TrimSpace(a.title)
		if title == "" || title != a.title {
			t.Errorf("%s: first line %q is not a clean title", a.name, a.title)
		}
		if strings.HasSuffix(title, ".") {
			t.Errorf("%s: title ends with a period", a.name)
		}
		if n := utf8.RuneCountInString(title); n > 100 {
			t.Errorf("%s: title has %d runes, too long for a headline", a.name, n)
		}
		if !strings.ContainsFunc(title, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
			t.Errorf("%s: title has no Arabic letter", a.name)
		}
		if strings.TrimSpace(a.body) == "" {
			t.Errorf("%s: empty body", a.name)
		}
	}
}

func TestFilesTable(t *testing.T) {
	arts := loadArticles(t)
	m := byName(t, arts)
	md := readme(t)
	short := map[string]bool{}
	for _, row := range tableRows(section(t, md, "Special files")) {
		needCols(t, "Special files", row, 2)
		if row[0] == "short" {
			short[fileFor(t, arts, row[1])] = true
		}
	}
	if len(short) == 0 {
		t.Errorf("README names no short file")
	}
	listed := map[string]bool{}
	for _, row := range tableRows(section(t, md, "Files")) {
		needCols(t, "Files", row, 5)
		name := row[0]
		a, ok := m[name]
		if !ok {
			t.Errorf("README lists %s, which is not embedded", name)
			continue
		}
		listed[name] = true
		if row[1] == "" || row[4] == "" {
			t.Errorf("README: %s has no outlet or purpose", name)
		}
		words := len(strings.Fields(a.text))
		if want, err := strconv.Atoi(row[3]); err != nil || want != words {
			t.Errorf("README: %s has %q words, the file has %d", name, row[3], words)
		}
		if short[name] {
			lines := 0
			for _, l := range strings.Split(a.body, "\n") {
				if strings.TrimSpace(l) != "" {
					lines++
				}
			}
			if words >= 150 || lines > 4 {
				t.Errorf("%s is listed as short but has %d words in %d body lines", name, words, lines)
			}
		} else if words < 150 || words > 500 {
			t.Errorf("%s has %d words, want 150-500", name, words)
		}
	}
	for _, a := range arts {
		if !listed[a.name] {
			t.Errorf("%s is embedded but missing from the README Files table", a.name)
		}
	}
}

// lcsTokens returns the length of the longest common subsequence of a, b.
func lcsTokens(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestDuplicates(t *testing.T) {
	arts := loadArticles(t)
	m := byName(t, arts)
	exact := map[[2]string]bool{}
	near := 0
	for _, row := range tableRows(section(t, readme(t), "Duplicates")) {
		needCols(t, "Duplicates", row, 4)
		b, a := m[fileFor(t, arts, row[1])], m[fileFor(t, arts, row[2])]
		switch row[0] {
		case "exact":
			if a.text != b.text {
				t.Errorf("%s and %s are listed as exact duplicates but differ", a.name, b.name)
			}
			exact[[2]string{a.name, b.name}] = true
			exact[[2]string{b.name, a.name}] = true
		case "near":
			near++
			if a.body == b.body {
				t.Errorf("%s and %s are listed as near duplicates but have the same body", a.name, b.name)
			}
			for _, ch := range strings.Split(row[3], ";") {
				from, to, ok := strings.Cut(ch, "→")
				from, to = strings.TrimSpace(from), strings.TrimSpace(to)
				if !ok || from == "" || to == "" {
					t.Fatalf("README: bad change %q", ch)
				}
				if !strings.Contains(a.text, from) || strings.Contains(a.text, to) {
					t.Errorf("%s should contain %q and not %q", a.name, from, to)
				}
				if !strings.Contains(b.text, to) || strings.Contains(b.text, from) {
					t.Errorf("%s should contain %q and not %q", b.name, to, from)
				}
			}
			ta, tb := strings.Fields(a.body), strings.Fields(b.body)
			sim := 2 * float64(lcsTokens(ta, tb)) / float64(len(ta)+len(tb))
			if sim < 0.75 || sim > 0.95 {
				t.Errorf("%s vs %s: token similarity %.2f, want a near duplicate (0.75-0.95)", a.name, b.name, sim)
			}
		default:
			t.Errorf("README: unknown duplicate kind %q", row[0])
		}
	}
	if len(exact) == 0 || near == 0 {
		t.Fatalf("README lists %d exact and %d near duplicate pairs; want at least one of each", len(exact)/2, near)
	}
	for i, a := range arts {
		for _, b := range arts[i+1:] {
			if a.body == b.body && !exact[[2]string{a.name, b.name}] {
				t.Errorf("%s and %s have the same body but the README does not say so", a.name, b.name)
			}
		}
	}
}

func TestSpellingVariants(t *testing.T) {
	arts := loadArticles(t)
	groups := map[string]int{}
	for _, row := range tableRows(section(t, readme(t), "Spelling variants")) {
		needCols(t, "Spelling variants", row, 3)
		groups[row[0]]++
		want := fileList(t, arts, row[2])
		got := filesMatching(t, arts, row[1], "name")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("spelling %q: README says %v, found in %v", row[1], want, got)
		}
	}
	if len(groups) < 4 {
		t.Errorf("README lists %d spelling-variant groups, want at least 4", len(groups))
	}
	for g, n := range groups {
		if n < 2 {
			t.Errorf("variant group %q has only one spelling", g)
		}
	}
}

func TestCoverage(t *testing.T) {
	arts := loadArticles(t)
	m := byName(t, arts)
	rows := tableRows(section(t, readme(t), "Coverage"))
	if len(rows) < 40 {
		t.Fatalf("README Coverage has %d rows", len(rows))
	}
	for _, row := range rows {
		needCols(t, "Coverage", row, 4)
		want := fileList(t, arts, row[3])
		got := filesMatching(t, arts, row[1], row[2])
		if !reflect.DeepEqual(got, want) {
			t.Errorf("coverage %s %q (%s): README says %v, found in %v", row[0], row[1], row[2], want, got)
		}
		if n := distinctTexts(m, got); n < 2 {
			t.Errorf("coverage %s %q occurs in %d distinct texts, want at least 2", row[0], row[1], n)
		}
	}
}

// extraReporting are reporting words outside the Coverage list that a
// claim-free article must not use either.
var extraReporting = []string{"ذكر", "ذكرت", "أفاد", "أفادت", "كشف", "كشفت", "نقلت", "أوردت", "صرح",
	"مؤكدا", "مشيرا", "مضيفا", "وفق", "بيان", "تصريح", "قوله"}

func TestNoClaimsFile(t *testing.T) {
	arts := loadArticles(t)
	m := byName(t, arts)
	gold, _ := loadGold(t)
	md := readme(t)
	var cov [][]string
	for _, row := range tableRows(section(t, md, "Coverage")) {
		if row[0] == "verb" || row[0] == "phrase" || row[0] == "relay" {
			cov = append(cov, row)
		}
	}
	found := false
	for _, row := range tableRows(section(t, md, "Special files")) {
		if row[0] != "no-claims" {
			continue
		}
		found = true
		a := m[fileFor(t, arts, row[1])]
		if n := len(gold[a.name]); n != 0 {
			t.Errorf("%s is the claim-free file but has %d gold claims", a.name, n)
		}
		for _, c := range cov {
			if matches(t, a.text, c[1], c[2]) {
				t.Errorf("%s is the claim-free file but contains %q", a.name, c[1])
			}
		}
		for _, w := range extraReporting {
			if matches(t, a.text, w, "word") {
				t.Errorf("%s is the claim-free file but contains %q", a.name, w)
			}
		}
	}
	if !found {
		t.Errorf("README names no claim-free file")
	}
}

var actOf = map[string]string{
	"نفى": "deny", "نفت": "deny", "نافيا": "deny", "رافضا": "deny",
	"اتهم": "accuse", "اتهمت": "accuse", "متهما": "accuse",
	"حذر":  "warn",
	"طالب": "demand", "دعا": "demand", "دعت": "demand", "داعيا": "demand",
	"تعهد":  "promise",
	"تساءل": "question",
}

func TestGoldClaims(t *testing.T) {
	arts := loadArticles(t)
	m := byName(t, arts)
	gold, order := loadGold(t)
	var names []string
	for _, a := range arts {
		names = append(names, a.name)
	}
	if !reflect.DeepEqual(order, names) {
		t.Fatalf("claims.jsonl documents %v, want one per file in order %v", order, names)
	}
	total := 0
	for _, name := range names {
		text := m[name].text
		lines := strings.Split(text, "\n")
		for i, c := range gold[name] {
			total++
			where := name + " claim " + strconv.Itoa(i+1)
			if len(c.Speaker) == 0 || c.Verb == "" || c.Content == "" {
				t.Errorf("%s: empty speaker, verb or content", where)
				continue
			}
			want, ok := actOf[c.Verb]
			if !ok {
				want = "assert"
			}
			if c.Act != want {
				t.Errorf("%s: verb %s has act %s, want %s", where, c.Verb, c.Act, want)
			}
			spoken := false
			for _, s := range c.Speaker {
				if s == "" {
					t.Errorf("%s: empty speaker string", where)
				}
				spoken = spoken || strings.Contains(text, s)
			}
			if !spoken {
				t.Errorf("%s: no speaker string %q occurs in the text", where, c.Speaker)
			}
			if c.Role != "" && !strings.Contains(text, c.Role) {
				t.Errorf("%s: role %q not in the text", where, c.Role)
			}
			var line string
			n := 0
			for _, l := range lines {
				if strings.Contains(l, c.Content) {
					if n == 0 {
						line = l
					}
					n++
				}
			}
			if n != 1 {
				t.Errorf("%s: content found on %d lines, want 1: %.60s", where, n, c.Content)
				continue
			}
			if !strings.Contains(line, c.Verb) {
				t.Errorf("%s: verb %q not on the content's line", where, c.Verb)
			}
			for _, v := range c.Via {
				if !strings.Contains(line, v) {
					t.Errorf("%s: relay %q not on the content's line", where, v)
				}
			}
			s := strings.Index(line, c.Content)
			if share := quotedShare(line, s, s+len(c.Content)); (share >= 0.5) != c.Direct {
				t.Errorf("%s: direct=%v but %.0f%% of the content is quoted", where, c.Direct, 100*share)
			}
			for _, f := range c.Figures {
				if !strings.Contains(c.Content, f.Text) {
					t.Errorf("%s: figure %q not in the content", where, f.Text)
				}
				if v, ok := numberValue(f.Text); !ok || v != f.Value {
					t.Errorf("%s: figure %q has value %v, reads as %v (%v)", where, f.Text, f.Value, v, ok)
				}
				if f.Unit == "" {
					t.Errorf("%s: figure %q has no unit", where, f.Text)
				}
			}
		}
	}
	if total < 100 {
		t.Errorf("only %d gold claims", total)
	}
	// An exact duplicate carries the same claims.
	for _, row := range tableRows(section(t, readme(t), "Duplicates")) {
		if row[0] == "exact" {
			a, b := fileFor(t, arts, row[1]), fileFor(t, arts, row[2])
			if !reflect.DeepEqual(gold[a], gold[b]) {
				t.Errorf("%s and %s are identical but their gold claims differ", a, b)
			}
		}
	}
}

func TestClaimsTables(t *testing.T) {
	arts := loadArticles(t)
	gold, _ := loadGold(t)
	sec := section(t, readme(t), "Claims")
	parts := strings.Split(sec, "\n### ")
	seen := map[string]bool{}
	sameRe := regexp.MustCompile("Same claims as `([^`]+)`")
	for _, p := range parts[1:] {
		head, rest, _ := strings.Cut(p, "\n")
		name := fileFor(t, arts, strings.TrimSpace(head))
		seen[name] = true
		rows := tableRows(rest)
		if mm := sameRe.FindStringSubmatch(rest); mm != nil {
			other := fileFor(t, arts, mm[1])
			if len(rows) != 0 || !reflect.DeepEqual(gold[name], gold[other]) {
				t.Errorf("README: %s should have the same claims as %s", name, other)
			}
			continue
		}
		if len(rows) != len(gold[name]) {
			t.Errorf("README lists %d claims for %s, claims.jsonl has %d", len(rows), name, len(gold[name]))
			continue
		}
		for i, row := range rows {
			needCols(t, "Claims", row, 7)
			c := gold[name][i]
			via := "—"
			if len(c.Via) > 0 {
				via = strings.Join(c.Via, "; ")
			}
			direct := "no"
			if c.Direct {
				direct = "yes"
			}
			words := strings.Fields(c.Content)
			begins := strings.Join(words[:min(4, len(words))], " ")
			if len(words) > 4 {
				begins += " …"
			}
			got := []string{row[1], row[2], row[3], row[4], row[5], row[6]}
			want := []string{c.Speaker[0], c.Verb, c.Act, direct, via, begins}
			if row[0] != strconv.Itoa(i+1) || !reflect.DeepEqual(got, want) {
				t.Errorf("README %s claim %s: %q, claims.jsonl says %q", name, row[0], got, want)
			}
		}
	}
	for _, a := range arts {
		if !seen[a.name] {
			t.Errorf("README Claims has no subsection for %s", a.name)
		}
	}
}

func TestFiguresTable(t *testing.T) {
	arts := loadArticles(t)
	m := byName(t, arts)
	gold, _ := loadGold(t)
	rows := tableRows(section(t, readme(t), "Figures"))
	if len(rows) < 20 {
		t.Fatalf("README Figures has %d rows", len(rows))
	}
	for _, row := range rows {
		needCols(t, "Figures", row, 6)
		name := fileFor(t, arts, row[1])
		source, text, unit := row[2], row[3], row[5]
		value, err := strconv.ParseFloat(row[4], 64)
		if err != nil {
			t.Errorf("README figure %q: bad value %q", text, row[4])
			continue
		}
		if v, ok := numberValue(text); !ok || v != value {
			t.Errorf("README figure %q in %s: value %v, but it reads as %v (%v)", text, name, value, v, ok)
		}
		if source == "—" {
			if !strings.Contains(m[name].text, text) {
				t.Errorf("README figure %q not in %s", text, name)
			}
			continue
		}
		found := false
		for _, c := range gold[name] {
			if !sliceHas(c.Speaker, source) {
				continue
			}
			for _, f := range c.Figures {
				if f.Text == text && f.Value == value && f.Unit == unit {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("README figure %s %q (%v %s) in %s: no gold claim by that speaker carries it", row[0], text, value, unit, name)
		}
	}
}

func sliceHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
