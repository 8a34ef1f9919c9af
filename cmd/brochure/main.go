// Command brochure turns role content (TOML) and layouts (TOML) into
// branded PDF brochures. Run "brochure --help".
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
	// Initialised early: for the commands that render, the heap is given
	// huge pages before most packages allocate.
	_ "github.com/brochure-dev/brochure/internal/hugeheap"
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

// flagString writes a flag's line of help: as the CLI library does, but
// without "(default: false)" on every switch.
var flagString = cli.FlagStringer

// help writes the help the library's templates would (see writeHelp).
var help = writeHelp

// helpPrinter is the CLI library's: run makes it write the help in one
// go rather than in a write per line (77 system calls for --help), for
// the help writeHelp leaves to it.
var helpPrinter = cli.HelpPrinter

func run(args []string) int {
	cli.FlagStringer = func(f cli.Flag) string { return strings.Replace(flagString(f), " (default: false)", "", 1) }
	cli.HelpPrinter = func(w io.Writer, templ string, data any) {
		if help(w, templ, data) {
			return
		}
		var b bytes.Buffer
		helpPrinter(&b, templ, data)
		_, _ = w.Write(b.Bytes()) // w records its errors
	}
	stdout := &checkedWriter{w: os.Stdout}
	app := &cli.App{
		Writer:    stdout,
		ErrWriter: os.Stderr,
		Name:      "brochure",
		Usage:     "turn role content and layouts into branded PDF brochures",
		Version:   version.String(),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "content", Value: "brochures", Usage: "the content `DIR`: one folder per role; layouts/ and fonts/ beside it override the built-in ones"},
			&cli.StringFlag{Name: "messages", Value: "text", Usage: "write problems as `FORMAT`: text (a line each, on standard error) or github (GitHub Actions annotations, on standard output)"},
		},
		Before: func(c *cli.Context) error {
			switch messages = c.String("messages"); messages {
			case "text", "github":
				return nil
			}
			return build.UsageError{Err: fmt.Errorf("--messages %q: want text or github", messages)}
		},
		Commands:     []*cli.Command{buildCommand(), lintCommand(), listCommand(), watchCommand(), serveCommand(), preflightCommand(), versionCommand(), completionCommand()},
		OnUsageError: usageError,
		CommandNotFound: func(c *cli.Context, name string) {
			fmt.Fprintf(os.Stderr, "brochure: unknown command %q (commands: build, lint, list, watch, serve, preflight, version, completion, help)\n", name)
			os.Exit(exitUsage)
		},
		ExitErrHandler: func(*cli.Context, error) {},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = usageError
	}
	err := app.Run(interspersed(args))
	code := exitOK
	if err != nil {
		code = exitContent
		var usage build.UsageError
		if errors.As(err, &usage) {
			code = exitUsage
		}
		printProblems(stdout, os.Stderr, "error", err)
	}
	if stdout.err != nil {
		fmt.Fprintf(os.Stderr, "brochure: standard output: %v\n", unwrapPath(stdout.err))
		code = max(code, exitContent)
	}
	return code
}

// unwrapPath drops the path from an error: "write /dev/stdout: no space
// left on device" says "no space left on device".
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// usageError marks mistakes in flags and arguments, for exit code 2.
func usageError(c *cli.Context, err error, _ bool) error {
	name := "brochure"
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != name {
		name += " " + c.Command.Name
	}
	return build.UsageError{Err: fmt.Errorf("%w (see %s --help)", err, name)}
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
