package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/version"
)

// serveCommand runs the server, which is another program: brochure-serve
// (cmd/brochure-serve), beside this one or on PATH. The HTTP stack
// (net/http, crypto/tls, crypto/x509, html/template…) has about forty
// packages to initialise, which every other command paid at each start
// while it was linked in here.
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
			path, err := serverPath()
			if err != nil {
				return err
			}
			args := []string{path, "--content=" + c.String("content"), "--messages=" + messages, "--addr=" + c.String("addr")}
			if auth := c.String("auth"); auth != "" {
				args = append(args, "--auth="+auth)
			}
			if c.IsSet("renders") {
				args = append(args, "--renders="+strconv.Itoa(c.Int("renders")))
			}
			return runServer(path, args)
		},
	}
}

// serverPath finds brochure-serve: beside this program (its symbolic
// links resolved, so that a link to bin/brochure finds
// bin/brochure-serve), else on PATH.
func serverPath() (string, error) {
	where := "on PATH"
	if self, err := os.Executable(); err == nil {
		if self, err = filepath.EvalSymlinks(self); err == nil {
			beside := filepath.Join(filepath.Dir(self), serverName)
			if fi, err := os.Stat(beside); err == nil && fi.Mode().IsRegular() {
				return beside, nil
			}
			where = "in " + filepath.Dir(self) + ", beside brochure, nor on PATH"
		}
	}
	if path, err := exec.LookPath(serverName); err == nil {
		return path, nil
	}
	at := "latest"
	if v := version.String(); strings.HasPrefix(v, "v") && !strings.ContainsAny(v, " +") {
		at = v
	}
	return "", fmt.Errorf("serve: %s (the server) is not %s: install it beside brochure "+
		"(\"make\" builds both into bin/; go install github.com/brochure-dev/brochure/cmd/brochure-serve@%s)", serverName, where, at)
}
