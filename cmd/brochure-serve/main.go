// Command brochure-serve serves the page where salespeople make personal
// editions, and the HTTP API under it (see README.md, "brochure serve").
// "brochure serve" runs it, found beside brochure or on PATH: the HTTP
// stack lives in this program alone, so that the other commands do not
// pay its initialisation at every start.
//
//	brochure-serve [--content DIR] [--messages text|github] [--addr HOST:PORT] [--auth env:NAME|file:PATH] [--renders N]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/brochure-dev/brochure/internal/build"
	// Initialised early: the heap is given huge pages before most
	// packages allocate.
	_ "github.com/brochure-dev/brochure/internal/hugeheap"
	"github.com/brochure-dev/brochure/internal/problem"
	"github.com/brochure-dev/brochure/internal/serve"
)

// Exit codes, brochure's.
const (
	exitOK      = 0
	exitContent = 1 // content errors, or the server failed
	exitUsage   = 2 // the command line is wrong
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the command line's.
type options struct {
	content, messages, addr, auth string
	renders                       int
}

// run serves until SIGTERM or Ctrl-C, and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	var o options
	flags := flag.NewFlagSet("brochure-serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.StringVar(&o.content, "content", "brochures", "the content `DIR`: one folder per role; layouts/ and fonts/ beside it override the built-in ones")
	flags.StringVar(&o.messages, "messages", "text", "write problems as `FORMAT`: text (a line each, on standard error) or github (GitHub Actions annotations, on standard output)")
	flags.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT` (the default serves this machine only)")
	flags.StringVar(&o.auth, "auth", "", "require the token or user:password read from `SOURCE`: env:NAME (an environment variable) or file:PATH, never the secret itself")
	flags.IntVar(&o.renders, "renders", 0, "make at most `N` brochures at once (default one per CPU)")
	flags.Usage = func() {
		fmt.Fprint(stderr, "brochure-serve serves the page where salespeople make personal editions, and\n"+
			"the HTTP API under it; \"brochure serve\" runs it (see brochure serve --help).\n\n"+
			"usage: brochure-serve [--content DIR] [--messages FORMAT] [--addr HOST:PORT] [--auth SOURCE] [--renders N]\n\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage // the flag package said what is wrong
	}
	err := serveUntilStopped(o, flags.Args(), stdout, stderr)
	if err == nil {
		return exitOK
	}
	code := exitContent
	var usage build.UsageError
	if errors.As(err, &usage) {
		code = exitUsage
	}
	problem.Print(stdout, stderr, o.messages, "error", err)
	return code
}

// serveUntilStopped loads the content, listens and serves until SIGTERM
// or Ctrl-C, letting the requests in flight finish.
func serveUntilStopped(o options, extra []string, stdout, stderr io.Writer) error {
	switch o.messages {
	case "text", "github":
	default:
		return build.UsageError{Err: fmt.Errorf("--messages %q: want text or github", o.messages)}
	}
	if len(extra) > 0 {
		return build.UsageError{Err: fmt.Errorf("unexpected argument %q: brochure-serve takes only flags (see brochure-serve --help)", extra[0])}
	}
	secret, err := authSecret(o.auth)
	if err != nil {
		return err
	}
	// As brochure does for its builds (cmd/brochure/gc.go): the server
	// renders brochures, with its heap in huge pages (the import of
	// internal/hugeheap), and collects when the heap has grown fivefold.
	// GOGC set in the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	srv, err := serve.New(o.content, serve.Options{
		Auth: secret, Renders: o.renders,
		Log: slog.New(slog.NewJSONHandler(stderr, nil)),
	})
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", o.addr)
	if err != nil {
		return build.UsageError{Err: fmt.Errorf("--addr %s: %w", o.addr, err)}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	who := "this machine only"
	if host, _, _ := net.SplitHostPort(l.Addr().String()); !net.ParseIP(host).IsLoopback() {
		who = "every machine that can reach it"
	}
	access := "no access control"
	if secret != "" {
		access = "access control on"
	}
	_, werr := fmt.Fprintf(stdout, "serving %s on http://%s (%s; %s)\n", o.content, l.Addr(), who, access)
	if err := srv.Run(ctx, l); err != nil {
		return err
	}
	if werr != nil {
		return fmt.Errorf("standard output: %w", werr)
	}
	return nil
}

// authSecret reads the secret that --auth names: from an environment
// variable or a file, so that it never shows in a process list.
func authSecret(source string) (string, error) {
	if source == "" {
		return "", nil
	}
	kind, name, _ := strings.Cut(source, ":")
	var secret string
	switch kind {
	case "env":
		secret = os.Getenv(name)
		if secret == "" {
			return "", build.UsageError{Err: fmt.Errorf("--auth %s: the environment variable %s is empty or not set", source, name)}
		}
	case "file":
		data, err := os.ReadFile(name)
		if err != nil {
			return "", build.UsageError{Err: fmt.Errorf("--auth %s: %w", source, errors.Unwrap(err))}
		}
		secret = strings.TrimSpace(string(data))
		if secret == "" {
			return "", build.UsageError{Err: fmt.Errorf("--auth %s: the file is empty", source)}
		}
	default:
		return "", build.UsageError{Err: errors.New("--auth: give env:NAME or file:PATH, where the token or user:password is; never the secret itself")}
	}
	return secret, nil
}
