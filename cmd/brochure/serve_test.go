package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// servingRE reads the line the server writes once it listens.
var servingRE = regexp.MustCompile(`^serving (\S+) on (http://127\.0\.0\.1:\d+) \(this machine only; (no access control|access control on)\)$`)

// TestServe runs "brochure serve" as users do, through brochure and
// brochure-serve: it must serve the page and the API on the address
// given, with the access control --auth asks for, log each request as
// JSON on standard error, and exit 0 on SIGTERM.
func TestServe(t *testing.T) {
	content := copyContent(t, t.TempDir())
	for _, tc := range []struct {
		name   string
		args   []string
		env    []string
		header string // Authorization sent with every request
		access string // what the first line says
		page   int    // the status of GET /
	}{
		{name: "open", args: []string{"serve", "--addr", "127.0.0.1:0"}, access: "no access control", page: 200},
		{name: "token, sent", args: []string{"serve", "--addr=127.0.0.1:0", "--auth", "env:BROCHURE_TEST_TOKEN", "--renders", "1"},
			env: []string{"BROCHURE_TEST_TOKEN=s3cret"}, header: "Bearer s3cret", access: "access control on", page: 200},
		{name: "token, not sent", args: []string{"serve", "--auth", "env:BROCHURE_TEST_TOKEN", "--addr", "127.0.0.1:0"},
			env: []string{"BROCHURE_TEST_TOKEN=s3cret"}, access: "access control on", page: 401},
		{name: "flags after the command", args: []string{"serve", "--addr", "127.0.0.1:0", "--content", content, "--messages", "github"},
			access: "no access control", page: 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.args
			if !strings.Contains(strings.Join(args, " "), "--content") {
				args = append([]string{"--content", content}, args...)
			}
			cmd := exec.Command(bin, args...)
			cmd.Env = append(os.Environ(), tc.env...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			line := make(chan string, 1)
			go func() {
				s, _ := bufio.NewReader(stdout).ReadString('\n')
				line <- strings.TrimSuffix(s, "\n")
				io.Copy(io.Discard, stdout)
			}()
			var first string
			select {
			case first = <-line:
			case <-time.After(20 * time.Second):
				t.Fatal("the server said nothing in 20 s")
			}
			m := servingRE.FindStringSubmatch(first)
			if m == nil {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("first line %q; want %s\nstderr:\n%s", first, servingRE, stderr.String())
			}
			if m[1] != content || m[3] != tc.access {
				t.Errorf("first line %q: want the content %s and %q", first, content, tc.access)
			}
			base := m[2]

			get := func(path string) (int, string) {
				t.Helper()
				req, _ := http.NewRequest("GET", base+path, nil)
				if tc.header != "" {
					req.Header.Set("Authorization", tc.header)
				}
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatalf("GET %s: %v", path, err)
				}
				defer res.Body.Close()
				body, _ := io.ReadAll(res.Body)
				return res.StatusCode, string(body)
			}
			if code, body := get("/"); code != tc.page {
				t.Errorf("GET /: %d, want %d", code, tc.page)
			} else if code == 200 && !strings.Contains(body, "<form") {
				t.Errorf("GET /: no form in the page:\n%.500s", body)
			}
			var health struct {
				Status string
				Roles  int
			}
			code, body := get("/healthz")
			if err := json.Unmarshal([]byte(body), &health); code != 200 || err != nil || health.Status != "ok" || health.Roles == 0 {
				t.Errorf("GET /healthz: %d %s (%v); want 200, status ok and the roles counted", code, body, err)
			}
			if tc.page == 200 {
				code, body := get("/api/roles")
				if code != 200 || !strings.Contains(body, `"sre"`) {
					t.Errorf("GET /api/roles: %d %.300s; want 200 and the role sre", code, body)
				}
			}

			// brochure gave its process to brochure-serve: the signal
			// reaches the server, whose exit code is the command's.
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("after SIGTERM: %v, want exit 0\nstderr:\n%s", err, stderr.String())
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the server did not stop in 20 s after SIGTERM")
			}
			// The access log: a JSON line per request, the page's included.
			var logged bool
			for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
				var rec map[string]any
				if err := json.Unmarshal([]byte(l), &rec); err != nil {
					t.Errorf("standard error: %q is not JSON", l)
					continue
				}
				if rec["path"] == "/" && rec["status"] == float64(tc.page) {
					logged = true
				}
			}
			if !logged {
				t.Errorf("no access log line for GET / (%d) on standard error:\n%s", tc.page, stderr.String())
			}
		})
	}
}

// TestServeErrors checks that the flags reach the server and that its
// mistakes say what they said when the server was part of brochure,
// with the same exit codes.
func TestServeErrors(t *testing.T) {
	dir := t.TempDir()
	content := copyContent(t, dir)
	broken := filepath.Join(dir, "broken", "brochures")
	if err := os.MkdirAll(filepath.Join(broken, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "x", "role.toml"), []byte("title = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty-secret")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Unsetenv("BROCHURE_TEST_UNSET")
	for _, tc := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{"auth from an unset variable", []string{"--content", content, "serve", "--auth", "env:BROCHURE_TEST_UNSET"}, 2,
			"", "--auth env:BROCHURE_TEST_UNSET: the environment variable BROCHURE_TEST_UNSET is empty or not set\n"},
		{"the secret itself", []string{"--content", content, "serve", "--auth", "hunter2"}, 2,
			"", "--auth: give env:NAME or file:PATH, where the token or user:password is; never the secret itself\n"},
		{"auth from an empty file", []string{"--content", content, "serve", "--auth", "file:" + empty}, 2,
			"", "--auth file:" + empty + ": the file is empty\n"},
		{"address taken apart wrongly", []string{"--content", content, "serve", "--addr", "127.0.0.1"}, 2,
			"", "--addr 127.0.0.1: listen tcp: address 127.0.0.1: missing port in address\n"},
		{"no content", []string{"--content", filepath.Join(dir, "none"), "serve"}, 1,
			"", "content folder " + filepath.Join(dir, "none") + ": not found\n"},
		{"broken content", []string{"serve", "--content", broken}, 1,
			"", "broken/brochures/x/role.toml:1:9: title: unexpected character '\\n' at start of value\n"},
		{"broken content, for GitHub", []string{"--messages", "github", "serve", "--content", broken}, 1,
			"::error file=broken/brochures/x/role.toml,line=1,col=9::title: unexpected character '\\n' at start of value\n", ""},
		{"renders not a number", []string{"--content", content, "serve", "--renders", "x"}, 2,
			"", "invalid value \"x\" for flag -renders: parse error (see brochure serve --help)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := serveRun(t, dir, nil, bin, tc.args...)
			if r.code != tc.code || r.stdout != tc.stdout || r.stderr != tc.stderr {
				t.Errorf("brochure %s:\n%s\nwant exit %d, stdout %q, stderr %q", strings.Join(tc.args, " "), r, tc.code, tc.stdout, tc.stderr)
			}
		})
	}
}

// TestServeFindsServer checks where "brochure serve" looks for
// brochure-serve (beside brochure, its links resolved, then on PATH),
// and the error that says how to get it when it is nowhere. An unset
// --auth variable shows that the server ran: it exits 2 before
// listening.
func TestServeFindsServer(t *testing.T) {
	server := filepath.Join(filepath.Dir(bin), "brochure-serve")
	for _, tc := range []struct {
		name string
		// setup places brochure in dir/prog and returns it, and a
		// folder that PATH lists.
		setup func(t *testing.T, dir string) (brochure, path string)
		code  int
		want  []string // in standard error
	}{
		{"beside brochure", func(t *testing.T, dir string) (string, string) {
			return bin, filepath.Join(dir, "empty")
		}, 2, []string{"--auth env:BROCHURE_TEST_UNSET: the environment variable"}},
		{"beside the program a link points to", func(t *testing.T, dir string) (string, string) {
			link := filepath.Join(dir, "prog", "brochure")
			if err := os.Symlink(bin, link); err != nil {
				t.Fatal(err)
			}
			return link, filepath.Join(dir, "empty")
		}, 2, []string{"--auth env:BROCHURE_TEST_UNSET: the environment variable"}},
		{"on PATH", func(t *testing.T, dir string) (string, string) {
			return copyFile(t, bin, filepath.Join(dir, "prog", "brochure")), filepath.Dir(server)
		}, 2, []string{"--auth env:BROCHURE_TEST_UNSET: the environment variable"}},
		{"nowhere", func(t *testing.T, dir string) (string, string) {
			return copyFile(t, bin, filepath.Join(dir, "prog", "brochure")), filepath.Join(dir, "empty")
		}, 1, []string{"brochure-serve (the server) is not in ", "prog, beside brochure, nor on PATH",
			`"make" builds both into bin/`, "go install github.com/brochure-dev/brochure/cmd/brochure-serve@"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, d := range []string{"prog", "empty"} {
				if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			prog, path := tc.setup(t, dir)
			r := serveRun(t, dir, []string{"PATH=" + path}, prog, "serve", "--auth", "env:BROCHURE_TEST_UNSET")
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\nstderr:\n%s", r.code, tc.code, r.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("standard error does not say %q:\n%s", w, r.stderr)
				}
			}
		})
	}
}

// serveRun runs prog with args in dir, env added to the environment,
// and kills it after 20 s: a server that should have refused to start
// must not hang the tests.
func serveRun(t *testing.T, dir string, env []string, prog string, args ...string) result {
	t.Helper()
	return runProgram(t, dir, env, 20*time.Second, prog, args...)
}

// copyFile copies the program src to dst, and returns dst.
func copyFile(t *testing.T, src, dst string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}
