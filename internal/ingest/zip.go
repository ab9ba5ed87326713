package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// zipFormat reads a .zip archive: each member, in the archive's order, is
// read by the format its name matches, with Name "archive.zip!member" (so
// Where reads "archive.zip!member.json record 7"). Directories, hidden
// members (".x", "__MACOSX/…") and members of no known format are skipped
// silently. An archive inside the archive is a Problem: it is not opened.
// A corrupt archive is a Problem; a corrupt member is a Problem naming the
// member and, where the format knows it, the record.
//
// The archive is read in place through Input.At; an archive that is not a
// file (a pipe) is first read into memory, up to maxZipBuffer.
type zipFormat struct{}

// maxZipBuffer is the largest archive read into memory when it cannot be
// read in place.
const maxZipBuffer = 256 << 20

func (zipFormat) Name() string { return "zip" }

func (zipFormat) Match(name string, head []byte) bool { return ext(name) == ".zip" }

func (zipFormat) Read(ctx context.Context, in Input, emit func(Document) error, fail func(*Problem)) error {
	problem := func(err error) { fail(&Problem{Path: in.Name, Err: err}) }
	at, size := in.At, in.Size
	if at == nil {
		b, err := io.ReadAll(io.LimitReader(in.R, maxZipBuffer+1))
		if err != nil {
			problem(err)
			return nil
		}
		if len(b) > maxZipBuffer {
			problem(fmt.Errorf("archive that is not a file is larger than %s", mb(maxZipBuffer)))
			return nil
		}
		at, size = bytes.NewReader(b), int64(len(b))
	}
	zr, err := zip.NewReader(at, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // member names are never used as paths here
		problem(err)
		return nil
	}
	for _, f := range zr.File {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := strings.TrimSuffix(f.Name, "/")
		if f.FileInfo().IsDir() || hiddenMember(name) || !known(name) {
			continue
		}
		member := in.Name + "!" + name
		if ext(name) == ".zip" {
			fail(&Problem{Path: member, Err: errors.New("archive inside an archive is not read")})
			continue
		}
		rc, err := f.Open()
		if err != nil {
			fail(&Problem{Path: member, Err: err})
			continue
		}
		er := &errReader{r: rc}
		err = read(ctx, Input{
			Name:       member,
			R:          er,
			Size:       int64(min(f.UncompressedSize64, 1<<62)),
			MaxArticle: in.MaxArticle,
		}, emit, fail)
		if err == nil && er.err == nil {
			// A format may stop before the end (after a JSON array's "]"),
			// where zip checks the member's CRC-32: read to the end.
			if _, derr := io.Copy(io.Discard, er); derr != nil {
				fail(&Problem{Path: member, Err: fmt.Errorf("after the last article: %w", derr)})
			}
		}
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// An errReader remembers the first error, other than io.EOF, that its reader
// returned, so that an error the format already reported is not reported again.
type errReader struct {
	r   io.Reader
	err error
}

func (r *errReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF && r.err == nil {
		r.err = err
	}
	return n, err
}

// hiddenMember reports whether any element of a member's path is hidden.
func hiddenMember(name string) bool {
	for _, elem := range strings.Split(name, "/") {
		if hidden(elem) {
			return true
		}
	}
	return false
}
