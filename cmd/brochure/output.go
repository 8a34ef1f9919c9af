package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brochure-dev/brochure/internal/build"
	"github.com/brochure-dev/brochure/internal/problem"
)

// messages is how problems are written: "text" (one line each, on
// standard error) or "github" (GitHub Actions annotations on standard
// output, shown on the pull request at their lines). Set by --messages.
var messages = "text"

// checkedWriter remembers the first error writing to it, so that output
// lost (a full disk, a closed pipe) fails the command.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// human is where a command writes its lines for people: standard output,
// or standard error when standard output carries JSON (--json -).
func human(c *cli.Context) io.Writer {
	if c.String("json") == "-" {
		return c.App.ErrWriter
	}
	return c.App.Writer
}

// printProblems writes err's problems at a level ("error", "warning"),
// each once, as --messages says.
func printProblems(stdout, stderr io.Writer, level string, err error) {
	problem.Print(stdout, stderr, messages, level, err)
}

// jobJSON is one job in the JSON summary.
type jobJSON struct {
	Role     string            `json:"role"`
	Langs    []string          `json:"langs"`
	Layout   string            `json:"layout"`
	Variant  string            `json:"variant"`
	Client   string            `json:"client,omitempty"`
	Output   string            `json:"output"`
	Status   string            `json:"status"`
	SHA256   string            `json:"sha256,omitempty"`
	Pages    int               `json:"pages,omitempty"`
	Bytes    int               `json:"bytes,omitempty"`
	MS       int64             `json:"ms"`
	Warnings []string          `json:"warnings"`
	Errors   []problem.Problem `json:"errors"`
}

// summary is the JSON of a build or a lint.
type summary struct {
	Built    int       `json:"built"`
	UpToDate int       `json:"up_to_date"`
	Checked  int       `json:"checked,omitempty"`
	Failed   int       `json:"failed"`
	MS       int64     `json:"ms"`
	Jobs     []jobJSON `json:"jobs"`
	Stale    []string  `json:"stale,omitempty"`
	Pruned   []string  `json:"pruned,omitempty"`
	// Errors are the problems that belong to no job: a role's that
	// makes none, a recipients file's bad rows.
	Errors []problem.Problem `json:"errors"`
}

// jobOf describes a job's result for machines.
func jobOf(r build.Result, status string, err error) jobJSON {
	j := r.Job
	variant := j.Variant
	if variant == "" {
		variant = "screen"
	}
	out := jobJSON{Role: j.Role, Langs: strings.Split(j.Lang, "+"), Layout: j.Layout, Variant: variant, Client: clientOf(j),
		Output: j.File(), Status: status, SHA256: r.SHA256, Pages: r.Pages, Bytes: r.Bytes, MS: r.Duration.Milliseconds(),
		Warnings: []string{}, Errors: problem.List(err)}
	if r.Report != nil {
		out.Warnings = append(out.Warnings, r.Report.Warnings...)
	}
	if out.Errors == nil {
		out.Errors = []problem.Problem{}
	}
	return out
}

func summaryJSON(sum *build.Summary, other error) summary {
	out := summary{Built: sum.Count(build.Built), UpToDate: sum.Count(build.UpToDate), Failed: sum.Count(build.Failed),
		MS: sum.Duration.Milliseconds(), Jobs: []jobJSON{}, Stale: sum.Stale, Pruned: sum.Pruned, Errors: problem.List(other)}
	for _, o := range sum.Outcomes {
		out.Jobs = append(out.Jobs, jobOf(o.Result, string(o.Status), o.Err))
	}
	if out.Errors == nil {
		out.Errors = []problem.Problem{}
	}
	return out
}

// writeJSON writes v for machines into path, or on standard output for
// "-" (which then carries nothing else).
func writeJSON(c *cli.Context, path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if path == "-" {
		_, err = c.App.Writer.Write(data)
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("--json %s: %w", path, err)
	}
	return nil
}
