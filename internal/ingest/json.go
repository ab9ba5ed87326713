package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/isnad-project/isnad/internal/extract"
	"github.com/isnad-project/isnad/internal/news"
)

// jsonFormat reads articles from JSON records:
//
//   - .jsonl and .ndjson: JSON Lines, one record per line. Lines have no
//     length limit below maxLine; a line that does not parse is a Problem
//     naming it, and reading goes on with the next line. Where is
//     "path:line N" and the ID position is N-1.
//   - .json: by its first byte, an array of records (read one record at a
//     time with a streaming decoder, so a 200 MB array is never held whole;
//     Where "path record N", position N-1), or JSON Lines when the first
//     line is a whole record, or else a stream of records (one object, maybe
//     pretty-printed, or several in a row).
//
// A record is an object with these fields, all optional but the text:
//
//	id                            string or number; the article ID, else a hash
//	url, title
//	text | content                the body; the first that is a non-empty string
//	date | published | date_extracted   see parseDate
//	outlet | source               the publisher, e.g. SaudiNewsNet's "aawsat"
//
// Other fields (author…) are ignored. A record with neither text nor content
// is a Problem wrapping ErrNoText; one whose text is empty is kept, with a
// warning. Text is cleaned lightly by extract.Tidy (no title heuristic, no
// boilerplate removal). The JSON decoder replaces invalid UTF-8 and lone
// surrogates with U+FFFD; a record that has U+FFFD gets a warning.
type jsonFormat struct{}

// maxLineFactor sets maxLine, the longest JSON line read, to this many times
// MaxArticle: escapes (\u0627 for ا) make a record up to three times its text.
// A longer line is a Problem and is skipped without being held in memory.
const maxLineFactor = 4

func (jsonFormat) Name() string { return "json" }

func (jsonFormat) Match(name string, head []byte) bool {
	switch ext(name) {
	case ".json", ".jsonl", ".ndjson":
		return true
	}
	return false
}

var utf8BOM = []byte("\xEF\xBB\xBF")

func (jsonFormat) Read(ctx context.Context, in Input, emit func(Document) error, fail func(*Problem)) error {
	br, ok := in.R.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(in.R, 64<<10)
	}
	if b, _ := br.Peek(len(utf8BOM)); bytes.Equal(b, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	r := &jsonReader{in: in, br: br, emit: emit, fail: fail}
	if e := ext(in.Name); e == ".jsonl" || e == ".ndjson" {
		return r.lines(ctx, false)
	}
	c, err := firstByte(br)
	switch {
	case err == io.EOF:
		fail(&Problem{Path: in.Name, Err: ErrEmpty})
		return nil
	case err != nil:
		fail(&Problem{Path: in.Name, Err: err})
		return nil
	case c == '[':
		return r.array(ctx)
	case c == '{':
		return r.lines(ctx, true)
	}
	fail(&Problem{Path: in.Name, Err: fmt.Errorf("not JSON: starts with %q, want [ or {", c)})
	return nil
}

// firstByte returns the first byte after white space, without consuming it.
func firstByte(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			br.Discard(1)
			continue
		}
		return b[0], nil
	}
}

// A jsonReader reads the records of one input.
type jsonReader struct {
	in   Input
	br   *bufio.Reader
	emit func(Document) error
	fail func(*Problem)
}

// lines reads JSON Lines. With fallback set (a .json file starting with "{"),
// a first line that is not a whole JSON value means the file is one
// pretty-printed object or a stream of them, which r.stream reads.
func (r *jsonReader) lines(ctx context.Context, fallback bool) error {
	maxLine := maxLineFactor * r.in.MaxArticle
	var buf []byte
	line, records := 0, 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var long int64
		var err error
		buf, long, err = readLine(r.br, buf[:0], maxLine)
		if err != nil && err != io.EOF {
			r.fail(&Problem{Path: r.in.Name, Line: line + 1, Err: err})
			return nil
		}
		if len(buf) == 0 && long == 0 && err == io.EOF {
			break
		}
		line++
		value := bytes.TrimSpace(buf)
		switch {
		case long > 0:
			records++
			r.fail(&Problem{Path: r.in.Name, Line: line, Err: fmt.Errorf("%w (line of %s > %s)", ErrTooLarge, mb(long), mb(maxLine))})
		case len(value) == 0:
			// blank line
		case fallback && records == 0 && !json.Valid(value):
			rest := io.MultiReader(bytes.NewReader(buf), r.br)
			return r.stream(ctx, rest)
		default:
			records++
			rec := newRecord(r.in.MaxArticle)
			if err := json.Unmarshal(value, &rec); err != nil {
				r.fail(&Problem{Path: r.in.Name, Line: line, Err: lineError(jsonError(err))})
				break
			}
			doc, err := rec.document(r.in.Name, line-1, where(r.in.Name, line, 0))
			if err != nil {
				r.fail(&Problem{Path: r.in.Name, Line: line, Err: err})
				break
			}
			if err := r.emit(doc); err != nil {
				return err
			}
		}
		if cap(buf) > 1<<20 {
			buf = nil // do not keep one huge line's buffer for the rest
		}
		if err == io.EOF {
			break
		}
	}
	if records == 0 {
		r.fail(&Problem{Path: r.in.Name, Err: ErrEmpty})
	}
	return nil
}

// readLine appends the next line of br, with its "\n", to buf. A line longer
// than max is read through but not kept: readLine then returns its length as
// long and an empty buf. err is io.EOF when the line is the last.
//
// A line longer than br's buffer is gathered in chunks and copied once into
// a buffer of the right size, so a long line is held at most twice, briefly
// (growing one buffer by appending would hold it up to three times).
func readLine(br *bufio.Reader, buf []byte, max int64) (_ []byte, long int64, err error) {
	chunk, err := br.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		if n := int64(len(chunk)); n > max {
			return buf[:0], n, err
		}
		return append(buf, chunk...), 0, err
	}
	n := int64(len(chunk))
	chunks := [][]byte{bytes.Clone(chunk)}
	for err == bufio.ErrBufferFull {
		chunk, err = br.ReadSlice('\n')
		n += int64(len(chunk))
		if n <= max {
			chunks = append(chunks, bytes.Clone(chunk))
		} else {
			chunks = nil
		}
	}
	if n > max {
		return buf[:0], n, err
	}
	buf = slices.Grow(buf[:0], int(n))
	for _, c := range chunks {
		buf = append(buf, c...)
	}
	return buf, 0, err
}

// array reads a JSON array of records, one record at a time.
func (r *jsonReader) array(ctx context.Context) error {
	dec := json.NewDecoder(r.br)
	if _, err := dec.Token(); err != nil { // "["
		r.fail(&Problem{Path: r.in.Name, Err: jsonError(err)})
		return nil
	}
	n := 0
	for dec.More() {
		if err := ctx.Err(); err != nil {
			return err
		}
		n++
		ok, err := r.decode(dec, n)
		if err != nil || !ok {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // "]"
		r.fail(&Problem{Path: r.in.Name, Record: n + 1, Err: jsonError(err)})
	}
	return nil
}

// stream reads a stream of JSON records: one object, or several in a row.
func (r *jsonReader) stream(ctx context.Context, in io.Reader) error {
	dec := json.NewDecoder(in)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		ok, err := r.decode(dec, n)
		if err != nil || !ok {
			return err
		}
	}
}

// decode decodes record n from dec and emits it. ok is false at the end of
// the stream and when it cannot go on (a syntax or read error, reported as a
// Problem); err is an error from emit.
func (r *jsonReader) decode(dec *json.Decoder, n int) (ok bool, err error) {
	rec := newRecord(r.in.MaxArticle)
	if err := dec.Decode(&rec); err != nil {
		if err == io.EOF {
			return false, nil
		}
		r.fail(&Problem{Path: r.in.Name, Record: n, Err: jsonError(err)})
		// A value of the wrong type was read whole; the stream goes on.
		var te *json.UnmarshalTypeError
		var fe *fieldError
		return errors.As(err, &te) || errors.As(err, &fe), nil
	}
	doc, err := rec.document(r.in.Name, n-1, where(r.in.Name, 0, n))
	if err != nil {
		r.fail(&Problem{Path: r.in.Name, Record: n, Err: err})
		return true, nil
	}
	return true, r.emit(doc)
}

// jsonError rewords the decoder's errors for people who wrote the input,
// not the Go types that read it.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te) && te.Field == "":
		return fmt.Errorf("record is a JSON %s, want an object", te.Value)
	case errors.As(err, &te):
		return fmt.Errorf("field %q is a JSON %s, want a string", te.Field, te.Value)
	case errors.As(err, &se) && strings.HasPrefix(se.Error(), "unexpected end"),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errors.New("invalid JSON: unexpected end of input")
	case errors.As(err, &se):
		return fmt.Errorf("invalid JSON at byte %d: %v", se.Offset, se)
	}
	return err
}

// lineError rewords a JSON error in a line: offsets count from the line's
// first character.
func lineError(err error) error {
	msg := err.Error()
	if !strings.HasPrefix(msg, "invalid JSON at byte ") {
		return err
	}
	return errors.New(strings.Replace(msg, ":", " of the line:", 1))
}

// A record is one JSON article record; see jsonFormat.
type record struct {
	ID            json.RawMessage `json:"id"`
	URL           string          `json:"url"`
	Title         string          `json:"title"`
	Text          textField       `json:"text"`
	Content       textField       `json:"content"`
	Date          json.RawMessage `json:"date"`
	Published     json.RawMessage `json:"published"`
	DateExtracted json.RawMessage `json:"date_extracted"`
	Outlet        string          `json:"outlet"`
	Source        string          `json:"source"`
}

func newRecord(max int64) record {
	return record{Text: textField{max: max}, Content: textField{max: max}}
}

// A textField is a record's text. A string longer than max is not kept: its
// length is. When the string has no escapes, that length is read from the
// raw bytes without decoding them, so a huge text is never copied.
type textField struct {
	max  int64
	set  bool   // present and a string
	s    string // the text, if not over max
	size int64  // the text's length in bytes, if over max
}

// A fieldError is a text field that is not a string.
type fieldError struct{ value string }

func (e *fieldError) Error() string {
	return fmt.Sprintf("text field is a JSON %s, want a string", e.value)
}

func (t *textField) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		return nil
	case len(b) == 0 || b[0] != '"':
		return &fieldError{jsonKind(b)}
	}
	t.set = true
	if bytes.IndexByte(b, '\\') < 0 {
		// No escapes: the text is the bytes between the quotes.
		if n := int64(len(b) - 2); n > t.max {
			t.size = n
			return nil
		}
		if utf8.Valid(b) {
			t.s = string(b[1 : len(b)-1])
			return nil
		}
	}
	if err := json.Unmarshal(b, &t.s); err != nil {
		return err
	}
	if n := int64(len(t.s)); n > t.max {
		t.size, t.s = n, ""
	}
	return nil
}

func jsonKind(b []byte) string {
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	}
	return "number"
}

// document turns r, the record at position pos of source, into a Document.
func (r *record) document(source string, pos int, where string) (Document, error) {
	var text *textField
	switch {
	case r.Text.set && (r.Text.s != "" || r.Text.size > 0):
		text = &r.Text
	case r.Content.set:
		text = &r.Content
	case r.Text.set:
		text = &r.Text
	default:
		return Document{}, ErrNoText
	}
	if text.size > 0 {
		return Document{}, tooLarge(text.size, text.max)
	}
	a := news.Article{
		Source: source,
		URL:    strings.TrimSpace(r.URL),
		Title:  extract.TidyLine(r.Title),
		Text:   extract.Tidy(text.s),
		Outlet: extract.TidyLine(r.Outlet),
	}
	if a.Outlet == "" {
		a.Outlet = extract.TidyLine(r.Source)
		// Some datasets put the article's address in "source".
		if strings.HasPrefix(a.Outlet, "http://") || strings.HasPrefix(a.Outlet, "https://") {
			if a.URL == "" {
				a.URL = a.Outlet
			}
			a.Outlet = ""
		}
	}
	id, warn := recordID(r.ID)
	if warn != "" {
		a.Warnings = append(a.Warnings, warn)
	}
	a.ID = news.ArticleID(id)
	if a.ID == "" {
		a.ID = articleID(source, pos)
	}
	for _, d := range []json.RawMessage{r.Date, r.Published, r.DateExtracted} {
		if len(d) == 0 || string(d) == "null" || string(d) == `""` {
			continue
		}
		t, warn := parseDate(d)
		if warn != "" {
			a.Warnings = append(a.Warnings, warn)
		}
		a.Published = t
		break
	}
	switch {
	case a.Text == "" && a.Title != "":
		a.Warnings = append(a.Warnings, extract.WarnTitleOnly)
	case a.Text == "":
		a.Warnings = append(a.Warnings, extract.WarnNoBody)
	}
	for _, s := range []string{a.Text, a.Title, a.URL, a.Outlet, string(a.ID)} {
		if strings.Contains(s, replacement) {
			a.Warnings = append(a.Warnings, extract.WarnReplacement)
			break
		}
	}
	return Document{Article: a, Where: where}, nil
}

// recordID returns the record's own id: a string, or a number as written.
// Anything else is ignored, with a warning.
func recordID(raw json.RawMessage) (id, warning string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", ""
	}
	switch c := raw[0]; {
	case c == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", "unreadable id; using a hash"
		}
		return strings.TrimSpace(s), ""
	case c == '-' || c >= '0' && c <= '9':
		return string(raw), ""
	}
	return "", fmt.Sprintf("id is a JSON %s, not a string or number; using a hash", jsonKind(raw))
}

// replacement is U+FFFD REPLACEMENT CHARACTER, which the JSON decoder puts
// where bytes were not valid UTF-8.
const replacement = "\uFFFD"

// dateLayouts are the date forms parseDate accepts, tried in order. A time
// without a zone is taken as UTC. Fractional seconds are accepted after the
// seconds of any layout.
var dateLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC822Z,
	time.RFC822,
	"2 January 2006",
	"January 2, 2006",
	"Jan 2, 2006",
}

// parseDate parses a record's date: a string in one of dateLayouts, or a
// number of seconds (or milliseconds, if it is that large) since 1970. An
// unparseable date gives the zero time and a warning.
func parseDate(raw json.RawMessage) (time.Time, string) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		f, err := strconv.ParseFloat(string(raw), 64)
		if err != nil {
			return time.Time{}, fmt.Sprintf("unparseable date %s", truncate(string(raw), 40))
		}
		if f > 1e11 { // milliseconds: 1e11 seconds is the year 5138
			f /= 1000
		}
		return time.Unix(int64(f), int64((f-float64(int64(f)))*1e9)).UTC(), ""
	}
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, ""
		}
	}
	return time.Time{}, fmt.Sprintf("unparseable date %q", truncate(s, 40))
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
