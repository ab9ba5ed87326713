package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/isnad-project/isnad/internal/api"
	"github.com/isnad-project/isnad/internal/store"
	"github.com/isnad-project/isnad/internal/web"
)

const defaultAddr = "127.0.0.1:8080"

func serveCmd(fs *flag.FlagSet) func(context.Context, *flag.FlagSet, io.Writer, io.Writer) int {
	db := dbFlag(fs)
	addr := fs.String("addr", defaultAddr, "listen on this HOST:PORT")
	dev := fs.Bool("dev", false, "re-read templates and static files from internal/web/static on each request")
	return func(ctx context.Context, fs *flag.FlagSet, stdout, stderr io.Writer) int {
		s, err := openStore(ctx, *db)
		if err != nil {
			fmt.Fprintln(stderr, "isnad serve:", err)
			return exitFailure
		}
		defer s.Close()
		if err := serve(ctx, s, *addr, *dev, stdout, stderr); err != nil {
			fmt.Fprintln(stderr, "isnad serve:", err)
			return exitFailure
		}
		return exitOK
	}
}

// newMux returns the HTTP handler of isnad: the JSON API and the web pages
// over the store r.
func newMux(r store.Reader, dev bool, logger *slog.Logger) (http.Handler, error) {
	mux := http.NewServeMux()
	api.NewHandler(r, logger).Install(func(p string, h http.Handler) { mux.Handle(p, h) })
	w, err := web.NewHandler(r, web.Options{Dev: dev}, logger)
	if err != nil {
		return nil, err
	}
	w.Install(func(p string, h http.Handler) { mux.Handle(p, h) })
	return mux, nil
}

// serve listens on addr until ctx is done, then shuts down gracefully:
// the HTTP server stops taking requests and finishes those in flight
// before the caller closes the store.
func serve(ctx context.Context, r store.Reader, addr string, dev bool, stdout, stderr io.Writer) error {
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	mux, err := newMux(r, dev, logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "isnad: serving on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
