package main

// Tests of the command as users run it: the binary is built once in
// TestMain and run in temporary working folders, so exit codes, standard
// output and standard error are the real ones and nothing is written into
// the repository.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

var (
	// bin is the brochure binary under test; brochure-serve is beside it.
	bin string
	// contentDir is the real content folder, absolute.
	contentDir string
	// layoutFile is the real A4 layout.
	layoutFile string
)

var bilingualRE = regexp.MustCompile(`(?m)^languages = \[(.*)\]`)

// files lists the PDFs a build of the SRE role makes, for the languages
// given (all when none) with every real layout, sorted.
func files(langs ...string) []string {
	if len(langs) == 0 {
		// The role's languages.
		data, _ := os.ReadFile("../../brochures/sre/role.toml")
		if m := bilingualRE.FindStringSubmatch(string(data)); m != nil {
			langs = strings.Split(strings.NewReplacer(`"`, "", " ", "").Replace(m[1]), ",")
		}
	}
	entries, _ := os.ReadDir("../../layouts")
	var out []string
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join("../../layouts", e.Name()))
		name, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok || !strings.Contains(string(data), "[page]") {
			continue
		}
		if m := bilingualRE.FindStringSubmatch(string(data)); m != nil {
			// One file joins the languages, when all are asked for.
			all := strings.Split(strings.NewReplacer(`"`, "", " ", "").Replace(m[1]), ",")
			if !slices.ContainsFunc(all, func(l string) bool { return !slices.Contains(langs, l) }) {
				out = append(out, "sre-"+strings.Join(all, "-")+"-"+name+".pdf")
			}
			continue
		}
		for _, l := range langs {
			out = append(out, "sre-"+l+"-"+name+".pdf")
		}
	}
	slices.Sort(out)
	return out
}

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "brochure-cli-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	bin = filepath.Join(tmp, "brochure")
	// brochure-serve beside it, where "brochure serve" looks first.
	build := exec.Command("go", "build", "-o", tmp+string(filepath.Separator), ".", "../brochure-serve")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building brochure and brochure-serve:", err)
		return 1
	}
	if contentDir, err = filepath.Abs("../../brochures"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	layoutFile = filepath.Join(filepath.Dir(contentDir), "layouts", "a4.toml")
	os.Unsetenv("SOURCE_DATE_EPOCH")
	return m.Run()
}

// result is what a run of the binary gave.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// brochure runs the binary with args in the working folder dir.
func brochure(t testing.TB, dir string, args ...string) result {
	t.Helper()
	r := runProgram(t, dir, nil, 10*time.Minute, bin, args...)
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Errorf("brochure %s panicked:\n%s", strings.Join(args, " "), r.stderr)
	}
	return r
}

// runProgram runs prog with args in dir, env added to the environment,
// and returns what it printed and its exit code. It fails the test when
// prog cannot be started or runs for longer than limit (it is killed
// then: a program that should have stopped must not hang the tests).
func runProgram(t testing.TB, dir string, env []string, limit time.Duration, prog string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	r := result{stdout: o.String(), stderr: e.String()}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%s %s: still running after %v\n%s", prog, strings.Join(args, " "), limit, r)
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", prog, strings.Join(args, " "), err)
	}
	return r
}

// copyContent copies the real content folder to dir/brochures, with no
// layouts/ nor fonts/ beside it, and returns the copy's path.
func copyContent(t testing.TB, dir string) string {
	t.Helper()
	dst := filepath.Join(dir, "brochures")
	if err := os.CopyFS(dst, os.DirFS(contentDir)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// pdfs lists the PDF files of dir by name; a missing dir has none.
func pdfs(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pdf") {
			names = append(names, e.Name())
		}
	}
	return names
}

// entries lists a folder's names.
func entries(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// inCI reports whether the tests run under continuous integration, where
// a missing tool must fail the test instead of skipping it.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "false" && v != "0"
}

// pdftotext returns the text of a PDF; it skips the test when pdftotext
// is missing, or fails it under CI.
func pdftotext(t testing.TB, path string) string {
	t.Helper()
	p, err := exec.LookPath("pdftotext")
	if err != nil {
		if inCI() {
			t.Fatal("needs pdftotext (poppler-utils); CI is set, so a missing tool is a failure")
		}
		t.Skip("needs pdftotext (poppler-utils)")
	}
	out, err := exec.Command(p, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// buildLine is one line of build's report: path, pages, size, time.
var buildLine = regexp.MustCompile(`^(\S+)\t(\d+) pages?\t(\d+\.\d) kB\t(\d+) ms$`)

// TestBuildAll runs a plain "brochure build" with the default content
// folder and checks the files and the report.
func TestBuildAll(t *testing.T) {
	cwd := t.TempDir()
	copyContent(t, cwd)
	out := filepath.Join(t.TempDir(), "pdf")
	r := brochure(t, cwd, "build", "--out", out)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("build: %v", r)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	// Files come in the order they are done; a summary ends the report.
	summary := lines[len(lines)-1]
	lines = lines[:len(lines)-1]
	slices.Sort(lines)
	if !regexp.MustCompile(fmt.Sprintf(`^%d built, 0 up to date, 0 failed, in \d+ ms$`, len(files()))).MatchString(summary) {
		t.Errorf("summary %q", summary)
	}
	want := files()
	if got := pdfs(t, out); !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want one per file:\n%s", len(lines), r.stdout)
	}
	for i, line := range lines {
		m := buildLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("line %q: want path<TAB>2 pages<TAB>N.N kB<TAB>N ms", line)
			continue
		}
		if m[1] != filepath.Join(out, want[i]) {
			t.Errorf("line %q: path %s, want %s", line, m[1], filepath.Join(out, want[i]))
		}
		pages := "2" // a4, letter, trifold, and the flyer's two sides
		switch {
		case strings.Contains(m[1], "-poster"):
			pages = "1"
		case strings.Contains(m[1], "-bilingual"):
			pages = "4"
		case strings.Contains(m[1], "-side-by-side"):
			pages = "3"
		case strings.Contains(m[1], "-a5-booklet"):
			pages = "8"
		}
		if m[2] != pages {
			t.Errorf("line %q: %s pages, want %s", line, m[2], pages)
		}
		st, err := os.Stat(m[1])
		if err != nil {
			t.Fatal(err)
		}
		if kb := fmt.Sprintf("%.1f", float64(st.Size())/1000); kb != m[3] {
			t.Errorf("line %q: %s kB, but the file is %d bytes", line, m[3], st.Size())
		}
		if ms, _ := strconv.Atoi(m[4]); ms > 10_000 {
			t.Errorf("line %q: %d ms", line, ms)
		}
	}
	if got := entries(t, cwd); !slices.Equal(got, []string{"brochures"}) {
		t.Errorf("build wrote into the working folder: %q", got)
	}
}

// TestBuildSelection builds one job, with the flags before or after the
// role, as the README's synopsis shows them.
func TestBuildSelection(t *testing.T) {
	tests := []struct {
		name string
		args []string // after "--content DIR build"; OUT is the output folder
		want []string
	}{
		{"flags then role", []string{"--lang", "fr", "--layout", "a4", "--out", "OUT", "sre"}, []string{"sre-fr-a4.pdf"}},
		{"role then flags", []string{"sre", "--lang", "fr", "--layout", "a4", "--out", "OUT"}, []string{"sre-fr-a4.pdf"}},
		{"comma list", []string{"--lang", "en,fr", "--out", "OUT"}, files("en", "fr")},
		{"repeated flag", []string{"--lang", "en", "--lang", "fr", "--out", "OUT"}, files("en", "fr")},
		{"one language", []string{"--lang=en", "--out=OUT"}, files("en")},
		{"one language, one layout", []string{"--lang=en", "--layout=a4", "--out=OUT"}, []string{"sre-en-a4.pdf"}},
		{"edition after the role", []string{"sre", "--edition", "fr+de", "--layout", "bilingual,flyer", "--out", "OUT"}, []string{"sre-fr-de-bilingual.pdf", "sre-fr-de-flyer.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cwd, out := t.TempDir(), filepath.Join(t.TempDir(), "pdf")
			args := []string{"--content", contentDir, "build"}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "OUT", out))
			}
			r := brochure(t, cwd, args...)
			if r.code != 0 {
				t.Errorf("brochure %s: %v", strings.Join(args, " "), r)
			}
			if got := pdfs(t, out); !slices.Equal(got, tt.want) {
				t.Errorf("files in --out %q, want %q", got, tt.want)
			}
			if got := entries(t, cwd); len(got) != 0 {
				t.Errorf("build wrote into the working folder: %q", got)
			}
			if n := strings.Count(r.stdout, "\n"); n != len(tt.want)+1 {
				t.Errorf("%d report lines, want %d and a summary:\n%s", n, len(tt.want), r.stdout)
			}
		})
	}
}

// TestLint checks that the real content passes.
func TestLint(t *testing.T) {
	r := brochure(t, t.TempDir(), "--content", contentDir, "lint")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("lint: %v", r)
	}
	if !strings.Contains(r.stdout, fmt.Sprintf("%d brochures checked, no problems", len(files()))) {
		t.Errorf("lint says %q", r.stdout)
	}
	r = brochure(t, t.TempDir(), "--content", contentDir, "lint", "--lang", "fr", "sre")
	if r.code != 0 || !strings.Contains(r.stdout, fmt.Sprintf("%d brochures checked", len(files("fr")))) {
		t.Errorf("lint --lang fr sre: %v", r)
	}
}

// TestList checks that list shows the role, its languages and the layout.
func TestList(t *testing.T) {
	r := brochure(t, t.TempDir(), "--content", contentDir, "list")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("list: %v", r)
	}
	for _, want := range []string{"roles:", "sre", "en, fr", "Site Reliability Engineer", "layouts:", "a4", "A4 portrait"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("list lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestHelp checks that help exits 0 and describes the flags.
func TestHelp(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--help"}, []string{"build", "lint", "list", "--content", "--help"}},
		{[]string{"-h"}, []string{"build", "lint", "list", "--content"}},
		{[]string{"build", "--help"}, []string{"brochure build", "--lang", "--layout", "--out", "ROLE"}},
		{[]string{"build", "-h"}, []string{"--lang", "--layout", "--out"}},
		{[]string{"lint", "--help"}, []string{"brochure lint", "--lang", "--layout", "ROLE"}},
		{[]string{"list", "--help"}, []string{"brochure list", "--help"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			r := brochure(t, t.TempDir(), tt.args...)
			if r.code != 0 {
				t.Fatalf("%v", r)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("help lacks %q:\n%s", w, r.stdout)
				}
			}
		})
	}
}

// TestUsageErrors checks that mistakes on the command line exit 2 with a
// message naming the mistake, and write no PDF.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string // OUT is an output folder
		want []string // in stderr
	}{
		{"unknown global flag", []string{"--nosuch", "build", "--out", "OUT"}, []string{"nosuch", "brochure --help"}},
		{"unknown build flag", []string{"build", "--nosuch", "--out", "OUT"}, []string{"nosuch", "brochure build --help"}},
		{"unknown lint flag", []string{"lint", "--nosuch"}, []string{"nosuch", "brochure lint --help"}},
		{"unknown list flag", []string{"list", "--nosuch"}, []string{"nosuch", "brochure list --help"}},
		{"unknown command", []string{"nosuch"}, []string{`"nosuch"`, "build, lint, list"}},
		{"unknown role", []string{"build", "--out", "OUT", "nosuch"}, []string{`unknown role "nosuch"`, "sre"}},
		{"unknown role, lint", []string{"lint", "nosuch"}, []string{`unknown role "nosuch"`}},
		{"unknown layout", []string{"build", "--layout", "a5", "--out", "OUT"}, []string{`"a5"`, "a4"}},
		{"unknown language", []string{"build", "--lang", "de-CH", "--out", "OUT"}, []string{`"de-CH"`, "en, fr, de, es, it, nl, pt-PT"}},
		{"unknown language, lint", []string{"lint", "--lang", "de-CH"}, []string{`"de-CH"`}},
		{"flag without value", []string{"build", "--out"}, []string{"out"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cwd, out := t.TempDir(), filepath.Join(t.TempDir(), "pdf")
			args := []string{"--content", contentDir}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "OUT", out))
			}
			r := brochure(t, cwd, args...)
			if r.code != 2 {
				t.Errorf("exit %d, want 2 (usage error)\n%v", r.code, r)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if got := pdfs(t, out); len(got) > 0 {
				t.Errorf("a usage error wrote %q", got)
			}
			if got := entries(t, cwd); len(got) != 0 {
				t.Errorf("a usage error wrote into the working folder: %q", got)
			}
		})
	}
}

// brokenContent makes a content folder with the good sre role and a copy
// of it, "broken", with two distinct problems: an unknown key in fr.toml
// and a bad value in role.toml.
func brokenContent(t testing.TB, dir string) string {
	t.Helper()
	content := copyContent(t, dir)
	broken := filepath.Join(content, "broken")
	if err := os.CopyFS(broken, os.DirFS(filepath.Join(content, "sre"))); err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) { t.Helper(); editFile(t, filepath.Join(broken, name), old, new) }
	edit("role.toml", `id = "sre"`, `id = "broken"`)
	edit("role.toml", `period = "year"`, `period = "fortnight"`)
	edit("fr.toml", "\nkicker = ", "\ncolour = \"bleu\"\nkicker = ")
	return content
}

// The two problems of brokenContent, as lines of stderr.
var brokenLines = []*regexp.Regexp{
	regexp.MustCompile(`(?m)^brochures/broken/role\.toml:\d+:\d+: .*"fortnight".*$`),
	regexp.MustCompile(`(?m)^brochures/broken/fr\.toml:\d+:\d+: .*unknown key "colour".*$`),
}

// TestContentErrors checks that lint and build list every problem of a
// broken role, once each, exit 1, and write no PDF for it.
func TestContentErrors(t *testing.T) {
	cwd := t.TempDir()
	brokenContent(t, cwd)
	for _, cmd := range []string{"lint", "build"} {
		t.Run(cmd, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "pdf")
			args := []string{cmd}
			if cmd == "build" {
				args = append(args, "--out", out)
			}
			r := brochure(t, cwd, args...)
			if r.code != 1 {
				t.Errorf("exit %d, want 1 (content error)\n%v", r.code, r)
			}
			for _, re := range brokenLines {
				if n := len(re.FindAllString(r.stderr, -1)); n != 1 {
					t.Errorf("stderr has %d lines matching %s, want 1:\n%s", n, re, r.stderr)
				}
			}
			for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
				if !strings.Contains(line, "broken") {
					t.Errorf("stderr line %q is not about the broken role", line)
				}
			}
			if cmd == "build" {
				want := files()
				if got := pdfs(t, out); !slices.Equal(got, want) {
					t.Errorf("files %q, want only the good role's %q", got, want)
				}
			}
		})
	}
	// list reads only what it shows, and checks nothing more: the broken
	// role is listed as the others are; one whose role.toml cannot be
	// decoded is listed with the command that says why.
	t.Run("list", func(t *testing.T) {
		unreadable := filepath.Join(cwd, "brochures", "unreadable")
		if err := os.CopyFS(unreadable, os.DirFS(filepath.Join(cwd, "brochures", "broken"))); err != nil {
			t.Fatal(err)
		}
		editFile(t, filepath.Join(unreadable, "role.toml"), `languages = [`, `languages = [[`)
		r := brochure(t, cwd, "list")
		if r.code != 0 {
			t.Fatalf("list: %v", r)
		}
		for _, want := range []string{"broken\ten, fr, de", "unreadable\t(has problems: run brochure lint unreadable)"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("list lacks %q:\n%s", want, r.stdout)
			}
		}
	})
}

// TestContentElsewhere runs from another folder with a content folder
// that has no layouts/ nor fonts/ beside it: the built-in ones serve.
func TestContentElsewhere(t *testing.T) {
	content := copyContent(t, t.TempDir())
	cwd := t.TempDir()
	r := brochure(t, cwd, "--content", content, "build", "--out", "out")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("%v", r)
	}
	if got, want := pdfs(t, filepath.Join(cwd, "out")), files(); !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	r = brochure(t, cwd, "--content", content, "lint")
	if r.code != 0 {
		t.Errorf("lint: %v", r)
	}
}

// TestLayoutOverride checks that a layouts/ folder beside the content
// folder replaces the built-in layout of the same name.
func TestLayoutOverride(t *testing.T) {
	dir := t.TempDir()
	content := copyContent(t, dir)
	a4, err := os.ReadFile(layoutFile)
	if err != nil {
		t.Fatal(err)
	}
	footer := regexp.MustCompile(`(?m)^left = "\{brand\} · \{web\}"$`)
	if len(footer.FindAll(a4, -1)) != 1 {
		t.Fatalf("%s: no footer line to change", layoutFile)
	}
	a4 = footer.ReplaceAll(a4, []byte(`left = "{brand} · OVERRIDE-TEST"`))
	if err := os.Mkdir(filepath.Join(dir, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "layouts", "a4.toml"), a4, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	r := brochure(t, t.TempDir(), "--content", content, "build", "--lang", "en", "--out", out)
	if r.code != 0 {
		t.Fatalf("%v", r)
	}
	text := pdftotext(t, filepath.Join(out, "sre-en-a4.pdf"))
	if n := strings.Count(text, "OVERRIDE-TEST"); n != 2 {
		t.Errorf("the overriding footer appears %d times, want once per page:\n%s", n, text)
	}
}

// TestMissingContent checks that a content folder that does not exist
// gives one clear line.
func TestMissingContent(t *testing.T) {
	for _, cmd := range []string{"build", "lint", "list"} {
		t.Run(cmd, func(t *testing.T) {
			cwd := t.TempDir()
			r := brochure(t, cwd, "--content", "nowhere", cmd)
			if r.code != 1 && r.code != 2 {
				t.Errorf("exit %d, want 1 or 2\n%v", r.code, r)
			}
			if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "nowhere") {
				t.Errorf("stderr %q: want one line naming the folder", r.stderr)
			}
			if got := entries(t, cwd); len(got) != 0 {
				t.Errorf("wrote into the working folder: %q", got)
			}
		})
	}
}

// TestOutputNotWritable checks that an output folder that cannot be made
// gives exit 1 and one line.
func TestOutputNotWritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(file, "sub")
	r := brochure(t, t.TempDir(), "--content", contentDir, "build", "--out", out)
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%v", r.code, r)
	}
	if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], out) {
		t.Errorf("stderr %q: want one line naming %s", r.stderr, out)
	}
	if r.stdout != "" {
		t.Errorf("stdout %q: no file was written", r.stdout)
	}
}

// TestRunInProcess calls run directly (for the race detector and
// coverage); output goes to a discarded file.
func TestRunInProcess(t *testing.T) {
	silence(t)
	out := t.TempDir()
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"--content", contentDir, "build", "--out", out}, exitOK},
		{[]string{"--content", contentDir, "lint"}, exitOK},
		{[]string{"--content", contentDir, "list"}, exitOK},
		{[]string{"--content", contentDir, "build", "--layout", "a5", "--out", out}, exitUsage},
		{[]string{"--content", contentDir, "build", "--nosuch"}, exitUsage},
		{[]string{"--content", filepath.Join(out, "nowhere"), "lint"}, exitContent},
	}
	for _, tt := range tests {
		if got := run(append([]string{"brochure"}, tt.args...)); got != tt.code {
			t.Errorf("run %q = %d, want %d", tt.args, got, tt.code)
		}
	}
	if got := pdfs(t, out); !slices.Equal(got, files()) {
		t.Errorf("build wrote %q, want %q", got, files())
	}
}

// silence sends the process's standard output and error to a file until
// the test ends, for tests that call run.
func silence(t *testing.T) {
	sink, err := os.Create(filepath.Join(t.TempDir(), "output"))
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = sink, sink
	t.Cleanup(func() {
		os.Stdout, os.Stderr = stdout, stderr
		sink.Close()
	})
}

// TestLintListsEveryLayoutProblem checks that lint reports every problem
// of an overriding layout, not only the first kind found.
func TestLintListsEveryLayoutProblem(t *testing.T) {
	dir := t.TempDir()
	copyContent(t, dir)
	a4, err := os.ReadFile(layoutFile)
	if err != nil {
		t.Fatal(err)
	}
	s := string(a4)
	for _, edit := range [][2]string{
		{`top = "14mm"`, `top = "12 furlongs"`},
		{"columns = 2", "columns = 0"},
	} {
		if !strings.Contains(s, edit[0]) {
			t.Fatalf("%s: no %q", layoutFile, edit[0])
		}
		s = strings.Replace(s, edit[0], edit[1], 1)
	}
	if err := os.Mkdir(filepath.Join(dir, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "layouts", "a4.toml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	r := brochure(t, dir, "lint")
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%v", r.code, r)
	}
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^layouts/a4\.toml:\d+:\d+: page\.margins\.top: .*"12 furlongs"`),
		regexp.MustCompile(`(?m)^layouts/a4\.toml:\d+:\d+: page\.columns: .*0`),
	} {
		if !re.MatchString(r.stderr) {
			t.Errorf("stderr lacks a line matching %s:\n%s", re, r.stderr)
		}
	}
}

// editFile replaces the first old in the file at path by new, failing
// the test if there is none.
func editFile(t testing.TB, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), old, new, 1)
	if s == string(b) {
		t.Fatalf("%s: no %q to replace", path, old)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLintListsEveryContentProblem checks that a value of the wrong type
// in role.toml does not hide the problems of the other files.
func TestLintListsEveryContentProblem(t *testing.T) {
	dir := t.TempDir()
	content := copyContent(t, dir)
	edit := func(name, old, new string) { t.Helper(); editFile(t, filepath.Join(content, "sre", name), old, new) }
	edit("role.toml", "years_min = 0\n", "years_min = \"zero\"\n")
	edit("fr.toml", "\nkicker = ", "\ncolour = \"bleu\"\nkicker = ")
	r := brochure(t, dir, "lint")
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%v", r.code, r)
	}
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^brochures/sre/role\.toml:\d+:\d+: .*years_min`),
		regexp.MustCompile(`(?m)^brochures/sre/fr\.toml:\d+:\d+: .*unknown key "colour"`),
	} {
		if !re.MatchString(r.stderr) {
			t.Errorf("stderr lacks a line matching %s:\n%s", re, r.stderr)
		}
	}
}

// TestBuildBatch checks what CI sees: plain lines without control
// characters, "up to date" on a second run, a JSON summary, and shard
// mistakes as usage errors.
func TestBuildBatch(t *testing.T) {
	cwd, out := t.TempDir(), filepath.Join(t.TempDir(), "pdf")
	first := brochure(t, cwd, "--content", contentDir, "build", "--out", out, "--jobs", "2")
	second := brochure(t, cwd, "--content", contentDir, "build", "--out", out, "--json", "-")
	if first.code != 0 || second.code != 0 {
		t.Fatalf("builds: %v / %v", first, second)
	}
	for _, r := range []result{first, second} {
		if strings.ContainsAny(r.stdout, "\r\x1b") {
			t.Errorf("control characters in output without a terminal: %q", r.stdout)
		}
	}
	// With --json -, standard output is the JSON; the lines for people
	// go to standard error.
	if !strings.Contains(second.stderr, "sre-en-a4.pdf\tup to date") || !strings.Contains(second.stderr, fmt.Sprintf("0 built, %d up to date, 0 failed", len(files()))) {
		t.Errorf("second build:\n%s", second.stderr)
	}
	i := strings.Index(second.stdout, "{")
	var sum struct {
		UpToDate int `json:"up_to_date"`
		Jobs     []struct {
			Output, Status string
		}
	}
	if i < 0 || json.Unmarshal([]byte(second.stdout[i:]), &sum) != nil || sum.UpToDate != len(files()) || len(sum.Jobs) != len(files()) || sum.Jobs[0].Status != "up to date" {
		t.Errorf("JSON summary: %+v from\n%s", sum, second.stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "manifest.json")); err != nil {
		t.Error("no manifest.json")
	}
	for _, bad := range []string{"3/2", "0/2", "x", "1/0"} {
		if r := brochure(t, cwd, "--content", contentDir, "build", "--out", out, "--shard", bad); r.code != 2 {
			t.Errorf("--shard %s: exit %d, want 2 (%s)", bad, r.code, r.stderr)
		}
	}
}

// TestPreflight checks our print file passes and a screen file checked
// as a print file fails, naming what is wrong.
func TestPreflight(t *testing.T) {
	cwd, out := t.TempDir(), t.TempDir()
	if r := brochure(t, cwd, "--content", contentDir, "build", "--layout", "a4", "--lang", "en", "--for", "screen,print", "--out", out); r.code != 0 {
		t.Fatalf("build: %v", r)
	}
	ok := brochure(t, cwd, "preflight", filepath.Join(out, "sre-en-a4-print.pdf"))
	if ok.code != 0 || strings.Contains(ok.stdout, "✗") || !strings.Contains(ok.stdout, "✓ bleed: 3.0 mm on every side") {
		t.Errorf("preflight of the print file: %v", ok)
	}
	bad := brochure(t, cwd, "preflight", "--for", "print", filepath.Join(out, "sre-en-a4.pdf"))
	if bad.code != 1 || !strings.Contains(bad.stdout, "✗ colour spaces") || !strings.Contains(bad.stdout, "DeviceRGB") || !strings.Contains(bad.stdout, "✗ bleed") {
		t.Errorf("preflight of a screen file as print: %v", bad)
	}
	if r := brochure(t, cwd, "preflight"); r.code != 2 {
		t.Errorf("preflight without files: exit %d, want 2", r.code)
	}
	// The standards: those claimed (PDF/A-2 for screen), or those asked
	// for, after the file names too.
	claimed := brochure(t, cwd, "preflight", filepath.Join(out, "sre-en-a4.pdf"))
	if claimed.code != 0 || !strings.Contains(claimed.stdout, "✓ PDF/A-2 output intent: sRGB") || strings.Contains(claimed.stdout, "PDF/X-4") {
		t.Errorf("preflight of the screen file: %v", claimed)
	}
	asked := brochure(t, cwd, "preflight", filepath.Join(out, "sre-en-a4.pdf"), "--standard", "x-4")
	if asked.code != 1 || !strings.Contains(asked.stdout, "✗ PDF/X-4 output intent: ISO 15930-7 (output intent): no PDF/X output intent") || strings.Contains(asked.stdout, "PDF/A-2") {
		t.Errorf("preflight --standard x-4 of the screen file: %v", asked)
	}
	if r := brochure(t, cwd, "preflight", "--standard", "x-1a", filepath.Join(out, "sre-en-a4.pdf")); r.code != 2 || !strings.Contains(r.stderr, `--standard "x-1a": want ua-1, a-2 or x-4`) {
		t.Errorf("preflight --standard x-1a: %v", r)
	}
}

// TestSomeLanguages checks that a build of some languages reads and checks
// those and the reference language only: a mistake in German does not stop
// the French brochures, and fails the builds that include German.
func TestSomeLanguages(t *testing.T) {
	cwd := t.TempDir()
	content := copyContent(t, cwd)
	editFile(t, filepath.Join(content, "sre", "de.toml"), "\nkicker = ", "\nfarbe = \"blau\"\nkicker = ")
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"build", "--lang", "fr", "--layout", "a4", "--out", "fr"}, exitOK},
		{[]string{"lint", "--lang", "en,fr", "sre"}, exitOK},
		{[]string{"build", "--edition", "fr+en", "--layout", "bilingual", "--out", "ed"}, exitOK},
		{[]string{"build", "--lang", "de", "--layout", "a4", "--out", "de"}, exitContent},
		{[]string{"lint", "sre"}, exitContent},
	} {
		r := brochure(t, cwd, tc.args...)
		if r.code != tc.code {
			t.Errorf("%s: exit %d, want %d\n%v", strings.Join(tc.args, " "), r.code, tc.code, r)
		}
		if named := strings.Contains(r.stderr, `de.toml`) && strings.Contains(r.stderr, `"farbe"`); named != (tc.code != exitOK) {
			t.Errorf("%s: German's mistake named: %v, want %v\n%s", strings.Join(tc.args, " "), named, tc.code != exitOK, r.stderr)
		}
	}
}

// TestListOrder lists roles read side by side in their order, a role
// with problems in its place.
func TestListOrder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "brochures")
	for _, id := range []string{"aaa", "mmm", "sre", "zzz"} {
		if err := os.CopyFS(filepath.Join(dir, id), os.DirFS(filepath.Join(contentDir, "sre"))); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "mmm", "role.toml"), []byte("languages = [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := brochure(t, t.TempDir(), "--content", dir, "list")
	if r.code != 0 {
		t.Fatalf("list: %v", r)
	}
	roles, _, _ := strings.Cut(strings.TrimPrefix(r.stdout, "roles:\n"), "layouts:")
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(roles), "\n") {
		id, rest, _ := strings.Cut(strings.TrimSpace(line), "\t")
		if strings.Contains(rest, "has problems") {
			id += " (problems)"
		}
		got = append(got, id)
	}
	if want := []string{"aaa", "mmm (problems)", "sre", "zzz"}; !slices.Equal(got, want) {
		t.Errorf("roles listed %q, want %q:\n%s", got, want, r.stdout)
	}
}
