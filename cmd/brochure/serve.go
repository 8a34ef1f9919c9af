package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
	"github.com/brochure-dev/brochure/internal/serve"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve a page where salespeople make personal editions, and the HTTP API under it",
		Description: "Serves the page and the API (see README.md, \"brochure serve\") for the content\n" +
			"folder, reloading it when a file changes; broken content keeps the last good\n" +
			"one and shows its errors. Stops on SIGTERM or Ctrl-C, letting requests in\n" +
			"flight finish. The access log (JSON, one line per request, no personal\n" +
			"fields) goes to standard error.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT` (the default serves this machine only)"},
			&cli.StringFlag{Name: "auth", Usage: "require the token or user:password read from `SOURCE`: env:NAME (an environment variable) or file:PATH, never the secret itself"},
			&cli.IntFlag{Name: "renders", Usage: "make at most `N` brochures at once", DefaultText: "one per CPU"},
		},
		Action: func(c *cli.Context) error {
			secret, err := authSecret(c.String("auth"))
			if err != nil {
				return err
			}
			srv, err := serve.New(c.String("content"), serve.Options{
				Auth: secret, Renders: c.Int("renders"),
				Log: slog.New(slog.NewJSONHandler(c.App.ErrWriter, nil)),
			})
			if err != nil {
				return err
			}
			l, err := net.Listen("tcp", c.String("addr"))
			if err != nil {
				return build.UsageError{Err: fmt.Errorf("--addr %s: %w", c.String("addr"), err)}
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
			fmt.Fprintf(c.App.Writer, "serving %s on http://%s (%s; %s)\n", c.String("content"), l.Addr(), who, access)
			return srv.Run(ctx, l)
		},
	}
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
