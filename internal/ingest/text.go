package ingest

import (
	"context"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/isnad-project/isnad/internal/extract"
	"github.com/isnad-project/isnad/internal/news"
)

// textFormat reads a .txt file holding one article in UTF-8: a headline,
// maybe, then paragraphs, cleaned by extract.Text. The article's Source is the
// path as given and its ID articleID(path, 0).
//
// A file larger than MaxArticle is rejected from its size without being read;
// otherwise it is read once into one string, which extract.Text cleans into a
// second (so at most two copies). A file with a NUL byte or more than
// maxInvalid of bytes that are not UTF-8 is rejected as ErrNotText; fewer
// invalid bytes are replaced by U+FFFD with a warning.
type textFormat struct{}

// maxInvalid is the share of invalid UTF-8 bytes above which a .txt file is
// taken for another encoding or binary data rather than damaged text.
const maxInvalid = 0.10

func (textFormat) Name() string { return "text" }

func (textFormat) Match(name string, head []byte) bool { return ext(name) == ".txt" }

func (textFormat) Read(ctx context.Context, in Input, emit func(Document) error, fail func(*Problem)) error {
	problem := func(err error) { fail(&Problem{Path: in.Name, Err: err}) }
	if in.Size > in.MaxArticle {
		problem(tooLarge(in.Size, in.MaxArticle))
		return nil
	}
	var b strings.Builder
	if in.Size > 0 {
		b.Grow(int(in.Size))
	}
	n, err := io.Copy(&b, io.LimitReader(in.R, in.MaxArticle+1))
	if err != nil {
		problem(err)
		return nil
	}
	if n > in.MaxArticle {
		rest, _ := io.Copy(io.Discard, in.R)
		problem(tooLarge(n+rest, in.MaxArticle))
		return nil
	}
	raw := b.String()
	if strings.TrimSpace(raw) == "" {
		problem(ErrEmpty)
		return nil
	}
	if !isText(raw) {
		problem(ErrNotText)
		return nil
	}
	title, body, warnings := extract.Text(raw)
	return emit(Document{
		Article: news.Article{
			ID:       articleID(in.Name, 0),
			Source:   in.Name,
			Title:    title,
			Text:     body,
			Warnings: warnings,
		},
		Where: in.Name,
	})
}

// isText reports whether s is text in UTF-8, perhaps damaged: no NUL byte and
// at most maxInvalid of its bytes invalid.
func isText(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return false
	}
	if utf8.ValidString(s) {
		return true
	}
	invalid := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		}
		i += size
	}
	return float64(invalid) <= maxInvalid*float64(len(s))
}
