// Command brochure turns role content (TOML) and layouts (TOML) into
// branded PDF brochures. Run "brochure --help".
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
	"github.com/brochure-dev/brochure/internal/version"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // content or layout errors
	exitUsage   = 2 // the command line is wrong
)

func main() {
	os.Exit(run(os.Args))
}

func run(args []string) int {
	app := &cli.App{
		Name:    "brochure",
		Usage:   "turn role content and layouts into branded PDF brochures",
		Version: version.String(),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "content", Value: "brochures", Usage: "the content `DIR`: one folder per role; layouts/ and fonts/ beside it override the built-in ones"},
		},
		Commands:     []*cli.Command{buildCommand(), lintCommand(), listCommand(), watchCommand(), serveCommand(), preflightCommand(), versionCommand()},
		OnUsageError: usageError,
		CommandNotFound: func(c *cli.Context, name string) {
			fmt.Fprintf(os.Stderr, "brochure: unknown command %q (commands: build, lint, list, watch, serve, preflight, version, help)\n", name)
			os.Exit(exitUsage)
		},
		ExitErrHandler: func(*cli.Context, error) {},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = usageError
	}
	err := app.Run(interspersed(args))
	if err == nil {
		return exitOK
	}
	var usage build.UsageError
	code := exitContent
	if errors.As(err, &usage) {
		code = exitUsage
	}
	printErrors(err)
	return code
}

// usageError marks mistakes in flags and arguments, for exit code 2.
func usageError(c *cli.Context, err error, _ bool) error {
	name := "brochure"
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != name {
		name += " " + c.Command.Name
	}
	return build.UsageError{Err: fmt.Errorf("%w (see %s --help)", err, name)}
}

// printErrors prints each problem on its own line, once.
func printErrors(err error) {
	seen := map[string]bool{}
	for _, line := range strings.Split(err.Error(), "\n") {
		if line != "" && !seen[line] {
			seen[line] = true
			fmt.Fprintln(os.Stderr, line)
		}
	}
}

// splitList reads a flag like "en,fr" that may also be repeated.
func splitList(values []string) []string {
	var out []string
	for _, v := range values {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}
