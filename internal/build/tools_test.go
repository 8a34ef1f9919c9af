package build

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// inCI reports whether the tests run under continuous integration, where
// a missing tool must fail the test instead of skipping it.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "false" && v != "0"
}

// needTool returns the path of the first of names found on $PATH. When
// none is, it skips the test, or fails it under CI.
func needTool(t testing.TB, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	msg := "needs " + strings.Join(names, " or ") + " on $PATH (poppler-utils, qpdf, python3-pdfminer, ghostscript, librsvg2-bin: make tools installs them)"
	if inCI() {
		t.Fatal(msg + "; CI is set, so a missing tool is a failure")
	}
	t.Skip(msg)
	return ""
}

// tool runs a command-line tool (looked up with needTool) and returns
// its standard output; it fails the test if the tool exits non-zero.
func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, errOut, err := toolResult(t, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errOut)
	}
	return out
}

// toolResult runs a tool and returns its output and its error, for tools
// whose exit code the test looks at.
func toolResult(t testing.TB, name string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	path := needTool(t, name)
	var o, e bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s: %v", name, err)
	}
	return o.String(), e.String(), err
}

// normSpace makes extracted text and source text comparable: no-break
// spaces become spaces (pdftotext prints them so) and every run of white
// space, line ends included, becomes one space.
func normSpace(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
