package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVersion checks that --version, -v and the version command print the
// same version, and that it is the one the PDFs carry as their Creator.
func TestVersion(t *testing.T) {
	var want string
	for _, args := range [][]string{{"--version"}, {"-v"}, {"version"}} {
		r := brochure(t, t.TempDir(), args...)
		v, ok := strings.CutPrefix(strings.TrimSpace(r.stdout), "brochure version ")
		if r.code != 0 || !ok || v == "" {
			t.Fatalf("brochure %s: %v", args[0], r)
		}
		if want == "" {
			want = v
		} else if v != want {
			t.Errorf("brochure %s says %q, --version %q", args[0], v, want)
		}
	}
	out := t.TempDir()
	if r := brochure(t, t.TempDir(), "--content", contentDir, "build", "sre", "--lang", "fr", "--layout", "a4", "--out", out); r.code != 0 {
		t.Fatalf("%v", r)
	}
	info, err := exec.Command("pdfinfo", filepath.Join(out, "sre-fr-a4.pdf")).Output()
	if err != nil {
		t.Fatal(err)
	}
	var creator string
	for _, line := range strings.Split(string(info), "\n") {
		if v, ok := strings.CutPrefix(line, "Creator:"); ok {
			creator = strings.TrimSpace(v)
		}
	}
	if creator != "brochure "+want {
		t.Errorf("the PDF's Creator is %q, want %q", creator, "brochure "+want)
	}
}
