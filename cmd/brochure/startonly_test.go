package main

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TestStartOnly: built with the tag startonly (make bench times it), the
// command exits at once, whatever it is asked, without output: what it
// costs is starting the program, nothing of a command.
func TestStartOnly(t *testing.T) {
	exe := filepath.Join(t.TempDir(), "brochure-start")
	if out, err := exec.Command("go", "build", "-tags", "urfave_cli_no_docs,startonly", "-o", exe, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out := filepath.Join(t.TempDir(), "out")
	for _, args := range [][]string{
		{"--help"},
		{"--content", contentDir, "build", "sre", "--lang", "fr", "--layout", "a4", "--out", out},
	} {
		got, err := exec.Command(exe, args...).CombinedOutput()
		if err != nil || len(got) > 0 {
			t.Errorf("brochure %v built startonly: %v, output %q; want it to exit at once, silent", args, err, got)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(out, "*")); len(m) > 0 {
		t.Errorf("built startonly, build wrote %v", m)
	}
}
