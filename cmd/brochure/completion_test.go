package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCompletion runs the bash script the way bash completes a line, and
// checks the zsh and fish scripts' syntax where those shells are here.
func TestCompletion(t *testing.T) {
	dir := t.TempDir()
	for _, shell := range []string{"bash", "zsh", "fish"} {
		r := brochure(t, dir, "completion", shell)
		if r.code != 0 || r.stdout == "" {
			t.Fatalf("%s: %v", shell, r)
		}
		path := filepath.Join(dir, "brochure."+shell)
		if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := exec.LookPath(shell); err != nil {
			continue
		}
		if out, err := exec.Command(shell, "-n", path).CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v\n%s", shell, err, out)
		}
	}
	for _, tc := range []struct{ line, want string }{
		{"brochure bu", "build"},
		{"brochure se", "serve"},
		{"brochure build sre --la", "--lang --layout"},
		{"brochure --content x lint --rep", "--report"},
		{"brochure serve --a", "--addr --auth"},
	} {
		words := strings.Fields(tc.line)
		script := "source " + filepath.Join(dir, "brochure.bash") + "; COMP_WORDS=(" + strings.Join(words, " ") + "); COMP_CWORD=" + strconv.Itoa(len(words)-1) + `; _brochure; echo "${COMPREPLY[@]}"`
		out, err := exec.Command("bash", "-c", script).Output()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(string(out)); got != tc.want {
			t.Errorf("%q completes to %q, want %q", tc.line, got, tc.want)
		}
	}
	if r := brochure(t, dir, "completion", "powershell"); r.code != 2 {
		t.Errorf("an unknown shell: %v", r)
	}
}
