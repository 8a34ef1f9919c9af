// Package serve is the web face of the pipeline: a page where a
// salesperson picks a role, a language and a layout, types a client's
// name, sees the pages update and downloads the PDF, and the HTTP API
// under it. It renders through internal/render like every other face,
// and nothing from a request reaches the file system: ids are looked up
// among the roles, layouts and people loaded.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/brochure-dev/brochure/internal/build"
	"github.com/brochure-dev/brochure/internal/problem"
)

// Options configure a server.
type Options struct {
	// Auth, when set, is the token or "user:password" every request must
	// give (Authorization: Bearer, or basic auth).
	Auth string
	// Renders is how many renders run at once (default: one per CPU the
	// process may use, GOMAXPROCS, which follows a container's CPU limit);
	// Queue how many more may wait (default: four times Renders) before
	// the server answers 503.
	Renders, Queue int
	// Reload is how often the content is checked for changes (default
	// one second; negative: never). Where the system tells of changes,
	// they are read at once, and the content is checked every Reload or
	// build.SafetyLook, whichever is longer, in case one was missed.
	Reload time.Duration
	// Log receives the access log; nil logs nothing.
	Log *slog.Logger
}

// Server serves the page and the API for one content folder.
type Server struct {
	dir   string
	opt   Options
	state atomic.Pointer[state]
	slots chan struct{} // renders running
	queue chan struct{} // renders running or waiting
	mux   *http.ServeMux
	// mu serialises reloads.
	mu sync.Mutex
}

// state is the content as last loaded, and the error of the last
// reload, if it failed: the server keeps serving the last good content.
type state struct {
	project *build.Project
	catalog *catalog
	snap    string
	err     error
	// jobs caches the jobs of each selection (a jobList), for this
	// content.
	jobs sync.Map
}

// New loads the content folder dir; it fails if the content cannot be
// loaded at all.
func New(dir string, opt Options) (*Server, error) {
	if opt.Renders <= 0 {
		opt.Renders = runtime.GOMAXPROCS(0) // follows a container's CPU limit
	}
	if opt.Queue <= 0 {
		opt.Queue = 4 * opt.Renders
	}
	if opt.Reload == 0 {
		opt.Reload = time.Second
	}
	s := &Server{dir: dir, opt: opt,
		slots: make(chan struct{}, opt.Renders), queue: make(chan struct{}, opt.Renders+opt.Queue)}
	snap := build.Snapshot(dir)
	p, c, err := load(dir)
	if err != nil {
		return nil, err
	}
	s.state.Store(&state{project: p, catalog: c, snap: snap + p.PhotosSnapshot()})
	s.routes()
	return s, nil
}

// Reload reads the content again if a file changed since it was last
// read. Broken content keeps the last good one, and its error is shown
// until a later change loads.
func (s *Server) Reload() {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.state.Load()
	files := build.Snapshot(s.dir) // before loading: a change meanwhile is seen next time
	snap := files + old.project.PhotosSnapshot()
	if snap == old.snap {
		return
	}
	p, c, err := load(s.dir)
	if err != nil {
		s.state.Store(&state{project: old.project, catalog: old.catalog, snap: snap, err: err})
		return
	}
	s.state.Store(&state{project: p, catalog: c, snap: files + p.PhotosSnapshot()})
}

// reloads reloads the content when the system tells of a change (after
// a moment, for the editor to finish saving), and looks every
// opt.Reload in case it missed one, or every SafetyLook if that is
// longer; where the system cannot tell, every opt.Reload. A server of
// 200 roles spent 3 % of a CPU looking every second.
func (s *Server) reloads(ctx context.Context) {
	changes := build.Changes(ctx, s.dir)
	wait := s.opt.Reload
	if changes != nil {
		wait = max(wait, build.SafetyLook)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-changes:
			time.Sleep(settle)
		case <-time.After(wait):
		}
		s.Reload()
	}
}

// settle is how long a change is given to finish before the content is
// read again: an editor saves in several steps.
const settle = 50 * time.Millisecond

// Run serves on l until ctx ends, then stops taking requests and lets
// those in flight finish (for up to ten seconds).
func (s *Server) Run(ctx context.Context, l net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       90 * time.Second,
		MaxHeaderBytes:    32 << 10,
	}
	if s.opt.Reload > 0 {
		go s.reloads(ctx)
	}
	done := make(chan error, 1)
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		done <- srv.Shutdown(shut)
	}()
	if err := srv.Serve(l); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return <-done
}

// Handler is the server's handler: the routes, behind the access log,
// the security headers and the access control.
func (s *Server) Handler() http.Handler {
	return s.logged(secure(s.authorised(s.mux)))
}

// acquire waits for a render slot. It answers 503 and returns false when
// too many renders are waiting already, or ctx ends first.
func (s *Server) acquire(w http.ResponseWriter, r *http.Request) bool {
	select {
	case s.queue <- struct{}{}:
	default:
		busy(w)
		return false
	}
	select {
	case s.slots <- struct{}{}:
		return true
	case <-r.Context().Done():
		<-s.queue
		return false
	case <-time.After(5 * time.Second):
		<-s.queue
		busy(w)
		return false
	}
}

func (s *Server) release() {
	<-s.slots
	<-s.queue
}

func busy(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	writeJSON(w, http.StatusServiceUnavailable, map[string]any{"errors": []problem.Problem{{Message: "busy: too many brochures are being made; try again in a second"}}})
}

// String says where the server's content comes from.
func (s *Server) String() string { return fmt.Sprintf("brochure server for %s", s.dir) }
