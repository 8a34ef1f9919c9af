package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestJSONOutput checks --json -: standard output is the JSON and
// nothing else, and each job says what it is and what came of it.
func TestJSONOutput(t *testing.T) {
	cwd, out := t.TempDir(), t.TempDir()
	r := brochure(t, cwd, "--content", contentDir, "build", "sre", "--lang", "en,fr", "--layout", "a4,bilingual", "--out", out, "--json", "-")
	if r.code != 0 {
		t.Fatal(r)
	}
	var sum summary
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&sum); err != nil || dec.More() {
		t.Fatalf("standard output is not one JSON document (%v):\n%s", err, r.stdout)
	}
	if sum.Built != 3 || len(sum.Jobs) != 3 {
		t.Fatalf("summary %+v", sum)
	}
	for _, j := range sum.Jobs {
		data, err := os.ReadFile(filepath.Join(out, j.Output))
		if err != nil {
			t.Fatal(err)
		}
		sha := sha256.Sum256(data)
		if j.Role != "sre" || j.Layout == "" || j.Variant != "screen" || len(j.Langs) == 0 || j.Pages == 0 || j.Bytes != len(data) || j.SHA256 != hex.EncodeToString(sha[:]) {
			t.Errorf("job %+v", j)
		}
	}
	bilingual := 0
	for _, j := range sum.Jobs {
		if j.Layout == "bilingual" && strings.Join(j.Langs, "+") == "en+fr" {
			bilingual++
		}
	}
	if bilingual != 1 {
		t.Errorf("no bilingual job naming both its languages: %+v", sum.Jobs)
	}
	if !strings.Contains(r.stderr, "3 built") {
		t.Errorf("the human lines are not on standard error:\n%s", r.stderr)
	}
}

// TestJSONErrors checks that a broken role's errors come once each, with
// their file, line and column, in lint's and build's JSON, and as GitHub
// annotations with --messages github.
func TestJSONErrors(t *testing.T) {
	cwd := t.TempDir()
	content := brokenContent(t, cwd)
	for _, cmd := range [][]string{{"lint"}, {"build", "--out", filepath.Join(cwd, "out")}} {
		r := brochure(t, cwd, append(append([]string{"--content", content}, cmd...), "broken", "--layout", "a4", "--json", "-")...)
		var sum summary
		if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil || r.code != 1 {
			t.Fatalf("%s: %v\n%v", cmd[0], err, r)
		}
		seen := map[string]bool{}
		placed := 0
		for _, j := range sum.Jobs {
			for _, p := range j.Errors {
				if seen[p.String()+j.Output] {
					t.Errorf("%s: %q twice in %s", cmd[0], p, j.Output)
				}
				seen[p.String()+j.Output] = true
				if p.File != "" && p.Line > 0 && p.Col > 0 && p.Message != "" {
					placed++
				}
			}
		}
		if placed == 0 {
			t.Errorf("%s: no error with its file, line and column: %s", cmd[0], r.stdout)
		}
	}
	r := brochure(t, cwd, "--content", content, "--messages", "github", "lint", "broken", "--layout", "a4")
	if r.code != 1 || !regexp.MustCompile(`(?m)^::error file=[^,]+\.toml,line=\d+,col=\d+::`).MatchString(r.stdout) {
		t.Errorf("GitHub annotations: %v", r)
	}
}

// TestPreflightJSON checks preflight --json -.
func TestPreflightJSON(t *testing.T) {
	cwd, out := t.TempDir(), t.TempDir()
	if r := brochure(t, cwd, "--content", contentDir, "build", "sre", "--lang", "en", "--layout", "a4", "--for", "print", "--out", out); r.code != 0 {
		t.Fatal(r)
	}
	r := brochure(t, cwd, "preflight", "--json", "-", filepath.Join(out, "sre-en-a4-print.pdf"))
	var files []struct {
		File, Kind string
		Pages      int
		OK         bool
		Checks     []struct {
			Name string
			OK   bool
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &files); err != nil || r.code != 0 || len(files) != 1 {
		t.Fatalf("%v: %v", err, r)
	}
	if f := files[0]; f.Kind != "print" || f.Pages != 2 || !f.OK || len(f.Checks) < 7 {
		t.Errorf("report %+v", f)
	}
}

// TestFullOutput checks that output lost to a full device fails the
// command.
func TestFullOutput(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full")
	}
	defer full.Close()
	cmd := exec.Command(bin, "--content", contentDir, "list")
	cmd.Stdout = full
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil || !strings.Contains(stderr.String(), "no space left on device") {
		t.Errorf("writing to /dev/full: %v, %q", err, stderr.String())
	}
}
