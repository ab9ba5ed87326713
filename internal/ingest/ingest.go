package ingest

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/isnad-project/isnad/internal/derrors"
	"github.com/isnad-project/isnad/internal/news"
)

// A Document is one article read from an input, before analysis.
type Document struct {
	// Article has ID, Source, Outlet, URL, Title, Published, Text (cleaned)
	// and Warnings set; the analysis fields are empty.
	Article news.Article
	// Where says where the article came from, for messages: "path",
	// "path:line 12", "archive.zip!inner.json record 7".
	Where string
}

// A Problem is input that could not be read. Its Error names the file and the
// line or record. Problems match derrors.BadInput with errors.Is, and the
// sentinel errors of this package (ErrEmpty, ErrTooLarge…) where they apply.
type Problem struct {
	Path   string // the file, or "archive.zip!member.json"
	Line   int    // 1-based line, 0 when not applicable
	Record int    // 1-based record in a JSON array or stream, 0 when not applicable
	Err    error
}

func (p *Problem) Error() string {
	return where(p.Path, p.Line, p.Record) + ": " + p.Err.Error()
}

func (p *Problem) Unwrap() error { return p.Err }

// Is reports whether target is derrors.BadInput: every Problem is bad input.
func (p *Problem) Is(target error) bool { return target == derrors.BadInput }

// where formats a position as Document.Where does.
func where(path string, line, record int) string {
	switch {
	case line > 0:
		return path + ":line " + strconv.Itoa(line)
	case record > 0:
		return path + " record " + strconv.Itoa(record)
	}
	return path
}

// Reasons an input is rejected, found in Problems with errors.Is.
var (
	ErrEmpty    = errors.New("empty file")
	ErrNotText  = errors.New("not UTF-8 text")
	ErrTooLarge = errors.New("article too large")
	ErrNoText   = errors.New("no text or content field")
	ErrFormat   = errors.New("unknown format")
)

// tooLarge is the Problem error for an article of n bytes, over max.
func tooLarge(n, max int64) error {
	return fmt.Errorf("%w (%s > %s)", ErrTooLarge, mb(n), mb(max))
}

// mb formats a size in bytes for messages, in MB (MiB, as people say MB)
// or KB: "50 MB", "1.5 MB", "6 KB".
func mb(n int64) string {
	unit, name := int64(1<<20), "MB"
	if n < unit {
		unit, name = 1<<10, "KB"
	}
	if n < unit {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	if n%unit == 0 || n >= 10*unit {
		return strconv.FormatInt((n+unit/2)/unit, 10) + " " + name
	}
	return strconv.FormatFloat(float64(n)/float64(unit), 'f', 1, 64) + " " + name
}

// An Input is one file, or one member of an archive, handed to a Format.
type Input struct {
	// Name is the path as given or as Walk found it under a directory given;
	// for an archive member, "archive.zip!member". It is the Source of the
	// articles read from it, and the Path of its Problems.
	Name string
	// R reads the content from the start.
	R io.Reader
	// Size is the number of bytes R yields, or -1 if unknown. It may be
	// wrong (an archive header can lie): formats must not trust it further
	// than for a fast rejection or a buffer size.
	Size int64
	// At, when not nil, reads the same content at any offset (a file on
	// disk). Formats that need random access, like zip, use it.
	At io.ReaderAt
	// MaxArticle is the largest article text accepted, in bytes.
	MaxArticle int64
}

// A Format reads one kind of file. Formats are tried in the order of the
// table formats; the first that matches reads the file.
type Format interface {
	// Name is a short lower-case name for messages: "text", "json".
	Name() string
	// Match reports whether the format reads a file with this name and
	// these first bytes (up to 512). head is nil when only the name is
	// known: Match then answers whether the format may read such a file.
	Match(name string, head []byte) bool
	// Read reads in, calling emit for each article in order and fail for
	// each problem, and goes on after problems where it can. It returns
	// only ctx's error or an error returned by emit.
	Read(ctx context.Context, in Input, emit func(Document) error, fail func(*Problem)) error
}

// formats are the formats Walk knows, in the order they are tried.
var formats = []Format{
	textFormat{},
	jsonFormat{},
	zipFormat{},
}

// headSize is how many first bytes Match sees.
const headSize = 512

// DefaultMaxArticle is the default Walker.MaxArticle.
const DefaultMaxArticle = 16 << 20

// A Walker reads files, directories and archives into Documents. The zero
// Walker is ready to use with default limits.
type Walker struct {
	// MaxArticle is the largest article text accepted, in bytes; a larger
	// article is a Problem wrapping ErrTooLarge. 0 means DefaultMaxArticle.
	MaxArticle int64

	// Progress, if not nil, is told how far Walk has got: n more bytes of
	// the file path have been read, and done once the file is finished
	// (then n completes the file's size). Over a Walk, the n add up to the
	// Bytes that CountFiles counts for the same paths, and done is reported
	// once for each of its Files, so a caller can draw a progress bar in
	// bytes or in files. For an archive, bytes are those of the archive on
	// disk, approximated while its members are read. Progress is called
	// on the goroutine that called Walk.
	Progress func(path string, n int64, done bool)

	// FS, if not nil, is where paths are read, instead of the operating
	// system's files: paths are then slash-separated and relative to its
	// root, as fs.ValidPath says ("samples", "samples/a.txt"), as for an
	// embed.FS. Archives in FS are read in place when its files implement
	// io.ReaderAt (embed.FS and os.DirFS files do), else into memory.
	FS fs.FS
}

// Walk reads every path with the zero Walker; see Walker.Walk.
func Walk(ctx context.Context, paths []string, emit func(Document) error, fail func(*Problem)) error {
	var w Walker
	return w.Walk(ctx, paths, emit, fail)
}

// Walk reads every path: a file, a directory (walked recursively, files in
// lexical order), or a .zip archive (its members read by the same formats).
// Inside a directory, hidden directories are not entered, and hidden files,
// files of no known format and symbolic links to directories are skipped
// silently; CountFiles reports how many files were skipped (not counting
// those in hidden directories). A path named explicitly is always read, even
// through a symbolic link, and is a Problem if no format reads it.
//
// Walk calls emit for each document in a deterministic order and fail for
// each problem, and goes on after problems. It returns only ctx's error or an
// error returned by emit, which stops it. emit and fail are called on the
// goroutine that called Walk; fail may be nil.
func (w *Walker) Walk(ctx context.Context, paths []string, emit func(Document) error, fail func(*Problem)) error {
	if fail == nil {
		fail = func(*Problem) {}
	}
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		info, err := w.stat(path)
		if err != nil {
			fail(&Problem{Path: path, Err: pathErr(err)})
			w.progress(path, 0, true)
			continue
		}
		if !info.IsDir() {
			if err := w.readFile(ctx, path, info, true, emit, fail); err != nil {
				return err
			}
			continue
		}
		root := w.walkRoot(path)
		err = w.walkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fail(&Problem{Path: p, Err: pathErr(err)})
				w.progress(p, 0, true)
				return nil // WalkDir skips an unreadable directory
			}
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			if p == root {
				return nil
			}
			if hidden(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !known(d.Name()) {
				return nil
			}
			info, err := w.stat(p) // follows a symbolic link
			if err != nil {
				fail(&Problem{Path: p, Err: pathErr(err)})
				w.progress(p, 0, true)
				return nil
			}
			if !info.Mode().IsRegular() {
				return nil
			}
			return w.readFile(ctx, p, info, false, emit, fail)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// readFile reads one file with the first format that matches it. explicit
// says the caller named the file, so an unknown format is a Problem rather
// than a silent skip (readFile is only called for known names otherwise).
func (w *Walker) readFile(ctx context.Context, path string, info fs.FileInfo, explicit bool, emit func(Document) error, fail func(*Problem)) error {
	size := info.Size()
	cr := &counter{}
	var reported int64
	step := func() {
		if n := min(cr.n, size) - reported; n > 0 {
			reported += n
			w.progress(path, n, false)
		}
	}
	defer func() {
		if rest := size - reported; rest > 0 {
			w.progress(path, rest, false)
		}
		w.progress(path, 0, true)
	}()
	if !info.Mode().IsRegular() && !explicit {
		return nil
	}
	f, err := w.open(path)
	if err != nil {
		fail(&Problem{Path: path, Err: pathErr(err)})
		return nil
	}
	defer f.Close()

	in := Input{
		Name:       path,
		R:          cr.reader(f),
		Size:       size,
		MaxArticle: w.maxArticle(),
	}
	if at, ok := f.(io.ReaderAt); ok && info.Mode().IsRegular() {
		in.At = cr.readerAt(at)
	}
	if !info.Mode().IsRegular() {
		in.Size = -1 // a pipe or device: its size says nothing
	}
	if w.Progress != nil {
		next := emit
		emit = func(d Document) error {
			step()
			return next(d)
		}
	}
	return read(ctx, in, emit, fail)
}

// read reads in with the first format that matches it: a file Walk found or
// an archive member.
func read(ctx context.Context, in Input, emit func(Document) error, fail func(*Problem)) error {
	if in.Size == 0 {
		fail(&Problem{Path: in.Name, Err: ErrEmpty})
		return nil
	}
	br := bufio.NewReaderSize(in.R, 64<<10)
	head, err := br.Peek(headSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		fail(&Problem{Path: in.Name, Err: pathErr(err)})
		return nil
	}
	if len(head) == 0 {
		fail(&Problem{Path: in.Name, Err: ErrEmpty})
		return nil
	}
	in.R = br
	for _, f := range formats {
		if f.Match(in.Name, head) {
			return f.Read(ctx, in, emit, fail)
		}
	}
	fail(&Problem{Path: in.Name, Err: fmt.Errorf("%w (formats: %s)", ErrFormat, formatNames())})
	return nil
}

func (w *Walker) maxArticle() int64 {
	if w.MaxArticle > 0 {
		return w.MaxArticle
	}
	return DefaultMaxArticle
}

func (w *Walker) progress(path string, n int64, done bool) {
	if w.Progress != nil {
		w.Progress(path, n, done)
	}
}

// A Count is what CountFiles found.
type Count struct {
	Files   int   // files Walk will read or report as a Problem
	Bytes   int64 // their total size
	Skipped int   // files in directories that Walk skips silently
}

// CountFiles counts cheaply, from names and sizes, what Walk will read from
// paths, so that a caller can draw a progress bar before reading. A path that
// does not exist counts as one file of 0 bytes, as Walk reports one Problem
// for it. It returns only ctx's error.
func CountFiles(ctx context.Context, paths []string) (Count, error) {
	var w Walker
	return w.CountFiles(ctx, paths)
}

// CountFiles is like the function CountFiles, for the paths as w reads them
// (in w.FS, if set).
func (w *Walker) CountFiles(ctx context.Context, paths []string) (Count, error) {
	var c Count
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		info, err := w.stat(path)
		if err != nil {
			c.Files++
			continue
		}
		if !info.IsDir() {
			c.Files++
			c.Bytes += info.Size()
			continue
		}
		root := w.walkRoot(path)
		err = w.walkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				c.Files++ // Walk reports a Problem for it
				return nil
			}
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			if p == root {
				return nil
			}
			if hidden(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				c.Skipped++
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !known(d.Name()) {
				c.Skipped++
				return nil
			}
			info, err := w.stat(p)
			switch {
			case err != nil:
				c.Files++
			case info.Mode().IsRegular():
				c.Files++
				c.Bytes += info.Size()
			default:
				c.Skipped++
			}
			return nil
		})
		if err != nil {
			return c, err
		}
	}
	return c, nil
}

// walkRoot returns the root to walk for the directory at path. WalkDir does
// not follow a symbolic link even at the root, but a directory the caller
// names through a link is meant to be read: a trailing separator makes the
// system follow it. The paths WalkDir reports are the same either way
// ("link/a.txt"). (fs.WalkDir follows the root: in w.FS there is nothing to do.)
func (w *Walker) walkRoot(path string) string {
	if w.FS != nil {
		return path
	}
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return path + string(filepath.Separator)
	}
	return path
}

// stat, walkDir and open reach files in w.FS, or in the operating system's.

func (w *Walker) stat(path string) (fs.FileInfo, error) {
	if w.FS != nil {
		return fs.Stat(w.FS, path)
	}
	return os.Stat(path)
}

func (w *Walker) walkDir(root string, fn fs.WalkDirFunc) error {
	if w.FS != nil {
		return fs.WalkDir(w.FS, root, fn)
	}
	return filepath.WalkDir(root, fn)
}

func (w *Walker) open(path string) (fs.File, error) {
	if w.FS != nil {
		return w.FS.Open(path)
	}
	return os.Open(path)
}

// known reports whether some format may read a file with this name.
func known(name string) bool {
	for _, f := range formats {
		if f.Match(name, nil) {
			return true
		}
	}
	return false
}

// formatNames lists the formats for messages: "text, json, zip".
func formatNames() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name()
	}
	return strings.Join(names, ", ")
}

// hidden reports whether a file or directory name is hidden: it starts with
// a dot, or is the resource fork folder macOS adds to archives.
func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || name == "__MACOSX"
}

// ext returns the lower-cased extension of name, with the dot.
func ext(name string) string {
	return strings.ToLower(filepath.Ext(name))
}

// pathErr drops the operation and path that *fs.PathError repeats, since a
// Problem names the path already: "a.txt: no such file or directory".
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// articleID returns the ID of the article at position pos (0-based) of
// source when the input gives none: the first 16 hex digits of
// sha256(source + "\x00" + pos).
func articleID(source string, pos int) news.ArticleID {
	h := sha256.New()
	io.WriteString(h, source)
	h.Write([]byte{0})
	io.WriteString(h, strconv.Itoa(pos))
	return news.ArticleID(hex.EncodeToString(h.Sum(nil))[:16])
}

// A counter counts the bytes read from a file, for Walker.Progress.
type counter struct{ n int64 }

func (c *counter) reader(r io.Reader) io.Reader { return &countReader{r, c} }

func (c *counter) readerAt(r io.ReaderAt) io.ReaderAt { return &countReaderAt{r, c} }

type countReader struct {
	r io.Reader
	c *counter
}

func (r *countReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.c.n += int64(n)
	return n, err
}

type countReaderAt struct {
	r io.ReaderAt
	c *counter
}

func (r *countReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := r.r.ReadAt(p, off)
	r.c.n += int64(n)
	return n, err
}
