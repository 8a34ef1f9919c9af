// Package problem turns the tool's errors into records for machines: the
// message the command line prints, with the file, line and column it
// names, as JSON or as GitHub Actions annotations.
package problem

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Problem is one error or warning.
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// placed reads the place at the start of a message: "file:line:col: " or
// "file:line: ".
var placed = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([^\s:]+):(\d+)(?::(\d+))?: `) })

// List lists err's problems, one per line of its message, each once, in
// order: errors joined with errors.Join print one per line.
func List(err error) []Problem {
	if err == nil {
		return nil
	}
	var out []Problem
	seen := map[string]bool{}
	for _, line := range strings.Split(err.Error(), "\n") {
		if line == "" || seen[line] {
			continue
		}
		seen[line] = true
		out = append(out, Parse(line))
	}
	return out
}

// Parse reads one line of the command line's output as a problem.
func Parse(line string) Problem {
	m := placed().FindStringSubmatch(line)
	if m == nil {
		return Problem{Message: line}
	}
	p := Problem{File: m[1], Message: line[len(m[0]):]}
	p.Line, _ = strconv.Atoi(m[2])
	p.Col, _ = strconv.Atoi(m[3])
	return p
}

// String writes the problem as the command line prints it.
func (p Problem) String() string {
	switch {
	case p.File == "":
		return p.Message
	case p.Line == 0:
		return p.File + ": " + p.Message
	case p.Col == 0:
		return p.File + ":" + strconv.Itoa(p.Line) + ": " + p.Message
	}
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col) + ": " + p.Message
}

// GitHub writes the problem as a GitHub Actions workflow command of the
// given level ("error" or "warning"), which shows it on the pull request
// at its line.
func (p Problem) GitHub(level string) string {
	var props []string
	if p.File != "" {
		props = append(props, "file="+escapeProperty(p.File))
		if p.Line > 0 {
			props = append(props, "line="+strconv.Itoa(p.Line))
		}
		if p.Col > 0 {
			props = append(props, "col="+strconv.Itoa(p.Col))
		}
	}
	cmd := "::" + level
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	return cmd + "::" + escapeData(p.Message)
}

// escapeData and escapeProperty escape what GitHub's workflow commands
// read as syntax.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Print writes err's problems at a level ("error", "warning"), each once:
// as GitHub Actions annotations on stdout when format is "github", else a
// line each on stderr, as the command line prints them.
func Print(stdout, stderr io.Writer, format, level string, err error) {
	for _, p := range List(err) {
		if format == "github" {
			fmt.Fprintln(stdout, p.GitHub(level))
			continue
		}
		fmt.Fprintln(stderr, p.String())
	}
}

// Flatten lists the errors joined in err (by errors.Join, at any depth);
// nil gives none.
func Flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Flatten(e)...)
		}
		return out
	}
	return []error{err}
}
