// Package derrors defines the kinds of error isnad returns, a helper to
// label errors once at the top of a function, and the one table that maps
// a kind to an HTTP status.
package derrors

import (
	"errors"
	"fmt"
	"net/http"
)

// Error kinds. Test for them with errors.Is.
var (
	// NotFound: the thing asked for does not exist.
	NotFound = errors.New("not found")
	// InvalidArgument: the caller's input is malformed or out of range.
	InvalidArgument = errors.New("invalid argument")
	// Unsupported: the operation is not available on this backend or build.
	Unsupported = errors.New("unsupported")
	// Conflict: the operation clashes with what is stored.
	Conflict = errors.New("conflict")
	// BadInput: an input file or record could not be read.
	BadInput = errors.New("bad input")
	// Unavailable: a service the operation needs cannot be reached.
	Unavailable = errors.New("unavailable")
)

var codes = []struct {
	err    error
	status int
}{
	{NotFound, http.StatusNotFound},
	{InvalidArgument, http.StatusBadRequest},
	{BadInput, http.StatusBadRequest},
	{Unsupported, http.StatusNotImplemented},
	{Conflict, http.StatusConflict},
	{Unavailable, http.StatusServiceUnavailable},
}

// ToStatus returns the HTTP status for err: the status of its kind, 200 for
// nil, and 500 for an error of no known kind.
func ToStatus(err error) int {
	if err == nil {
		return http.StatusOK
	}
	for _, c := range codes {
		if errors.Is(err, c.err) {
			return c.status
		}
	}
	return http.StatusInternalServerError
}

// Wrap adds context to *errp when it is non-nil, keeping the kind:
//
//	func (s *Store) Article(ctx context.Context, id news.ArticleID) (_ news.Article, err error) {
//		defer derrors.Wrap(&err, "Article(%q)", id)
func Wrap(errp *error, format string, args ...any) {
	if *errp != nil {
		*errp = fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), *errp)
	}
}
