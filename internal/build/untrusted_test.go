//go:build unix

package build

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// untrustedProject is a copy of the content with a layouts/ and a fonts/
// folder beside it holding copies of the built-in brand, logo and a
// font, for a test to spoil; it returns the project folder.
func untrustedProject(t *testing.T) string {
	t.Helper()
	proj := filepath.Dir(copyContent(t))
	for _, f := range []struct{ from, to string }{
		{"../../layouts/brand.toml", "layouts/brand.toml"},
		{"../../layouts/northlight-logo.svg", "layouts/northlight-logo.svg"},
		{"../../layouts/northlight-logo.svg", "outside.svg"},
		{"../../fonts/Inter-Regular.ttf", "fonts/Inter-Regular.ttf"},
	} {
		data, err := os.ReadFile(f.from)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(proj, f.to)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return proj
}

// Ways to spoil a file of the project, named from the project folder.
func fifo(t *testing.T, path string) {
	t.Helper()
	os.Remove(path)
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(target string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		t.Helper()
		os.Remove(path)
		if err := os.Symlink(target, path); err != nil {
			t.Fatal(err)
		}
	}
}

// movedOut moves the file or folder up by levels folders, renamed
// NAME.away, and leaves a relative link to it.
func movedOut(levels int) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		t.Helper()
		target := strings.Repeat("../", levels) + filepath.Base(path) + ".away"
		if err := os.Rename(path, filepath.Join(filepath.Dir(path), target)); err != nil {
			t.Fatal(err)
		}
		link(target)(t, path)
	}
}

func sized(n int64) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		t.Helper()
		if err := os.Truncate(path, n); err != nil { // sparse past the end
			t.Fatal(err)
		}
	}
}

func randomBytes(t *testing.T, path string) {
	t.Helper()
	data := make([]byte, 64<<10)
	r := rand.NewChaCha8([32]byte{16})
	r.Read(data)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestUntrustedFiles spoils one file of a project as a careless or
// hostile author could: every read must end within a second, with a
// message naming the file.
func TestUntrustedFiles(t *testing.T) {
	tests := []struct {
		name  string
		file  string // from the project folder
		spoil func(*testing.T, string)
		want  string // {p} is the project folder
	}{
		{"logo is a pipe", "layouts/northlight-logo.svg", fifo,
			"{p}/layouts/northlight-logo.svg: a named pipe, not a file"},
		{"logo links to a device", "layouts/northlight-logo.svg", link("/dev/zero"),
			"{p}/layouts/northlight-logo.svg: a link to /dev/zero, outside {p}/layouts"},
		{"logo links out of the project", "layouts/northlight-logo.svg", link("../outside.svg"),
			"{p}/layouts/northlight-logo.svg: a link to ../outside.svg, outside {p}/layouts"},
		{"logo too large", "layouts/northlight-logo.svg", sized(50 << 20),
			"{p}/layouts/northlight-logo.svg: 50 MB, more than the 4 MB a logo may be"},
		{"brand is a pipe", "layouts/brand.toml", fifo,
			"{p}/layouts/brand.toml: a named pipe, not a file"},
		{"layout links out", "layouts/a4.toml", link("../outside.svg"),
			"{p}/layouts/a4.toml: a link to ../outside.svg, outside {p}/layouts"},
		{"font is a pipe", "fonts/Inter-Regular.ttf", fifo,
			"faces.regular: {p}/fonts/Inter-Regular.ttf: a named pipe, not a file"},
		{"font links out", "fonts/Inter-Regular.ttf", link("/etc/passwd"),
			"faces.regular: {p}/fonts/Inter-Regular.ttf: a link to /etc/passwd, outside {p}/fonts"},
		{"font too large", "fonts/Inter-Regular.ttf", sized(65 << 20),
			"faces.regular: {p}/fonts/Inter-Regular.ttf: 65 MB, more than the 64 MB a font may be"},
		{"font truncated", "fonts/Inter-Regular.ttf", sized(3000),
			"faces.regular: {p}/fonts/Inter-Regular.ttf: table \"GPOS\" (offset 110284, length 94402) extends past the end of the 3000-byte file"},
		{"font of random bytes", "fonts/Inter-Regular.ttf", randomBytes,
			"faces.regular: {p}/fonts/Inter-Regular.ttf: not a TrueType font (sfnt version 0x7989c155)"},
		{"language file is a pipe", "brochures/sre/fr.toml", fifo,
			"{p}/brochures/sre/fr.toml: a named pipe, not a file"},
		{"language file links out", "brochures/sre/en.toml", link("/etc/passwd"),
			"{p}/brochures/sre/en.toml: a link to /etc/passwd, outside {p}/brochures"},
		{"role file links out", "brochures/sre/role.toml", movedOut(2),
			"{p}/brochures/sre/role.toml: a link to ../../role.toml.away, outside {p}/brochures"},
		{"role file too large", "brochures/sre/role.toml", sized(2 << 20),
			"{p}/brochures/sre/role.toml: 2 MB, more than the 1 MB a content file may be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			proj := untrustedProject(t)
			tt.spoil(t, filepath.Join(proj, tt.file))
			want := strings.ReplaceAll(tt.want, "{p}", proj)
			err := within(t, func() error { return load(filepath.Join(proj, "brochures")) })
			if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), ": no ") {
				t.Fatalf("error:\n%v\nwant it to say:\n%s", err, want)
			}
		})
	}
}

// load reads everything a build of sre in a4 reads. The role and the
// layout must be listed all the same, so that a build of everything
// reports them.
func load(dir string) error {
	p, err := Open(dir)
	if err != nil {
		return err
	}
	roles, err := p.Roles()
	if err == nil && !slices.Contains(roles, "sre") {
		err = fmt.Errorf("roles %q: no sre", roles)
	}
	layouts, lerr := p.Layouts()
	if lerr == nil && !slices.Contains(layouts, "a4") {
		lerr = fmt.Errorf("layouts %q: no a4", layouts)
	}
	_, rerr := p.Role("sre")
	_, aerr := p.Layout("a4")
	return errors.Join(err, lerr, rerr, aerr)
}

// TestRoleFolderLinksOut: a role folder that links out of the content
// folder is not a role (links are not listed as roles, as before), and
// naming it says why it is not read.
func TestRoleFolderLinksOut(t *testing.T) {
	proj := untrustedProject(t)
	movedOut(1)(t, filepath.Join(proj, "brochures", "sre"))
	p, err := Open(filepath.Join(proj, "brochures"))
	if err != nil {
		t.Fatal(err)
	}
	if roles, err := p.Roles(); err != nil || len(roles) != 0 {
		t.Errorf("Roles = %q, %v; want none", roles, err)
	}
	want := proj + "/brochures/sre: a link to ../sre.away, outside " + proj + "/brochures"
	if err := within(t, func() error { _, err := p.Role("sre"); return err }); err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// within runs f, failing the test if it has not returned after a second.
func within(t *testing.T, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Second):
		t.Fatal("still reading after a second")
		return nil
	}
}

// TestLinksInsideTheProject: links that stay in their folder are
// followed, whether the content folder is named from the working folder
// or from the root.
func TestLinksInsideTheProject(t *testing.T) {
	proj := untrustedProject(t)
	logo := filepath.Join(proj, "layouts", "northlight-logo.svg")
	if err := os.MkdirAll(filepath.Join(proj, "layouts", "art"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(logo, filepath.Join(proj, "layouts", "art", "logo.svg")); err != nil {
		t.Fatal(err)
	}
	link("art/logo.svg")(t, logo)
	fr := filepath.Join(proj, "brochures", "sre", "fr.toml")
	if err := os.Rename(fr, filepath.Join(proj, "brochures", "fr.toml")); err != nil {
		t.Fatal(err)
	}
	link("../fr.toml")(t, fr)
	t.Chdir(proj)
	for _, dir := range []string{"brochures", filepath.Join(proj, "brochures")} {
		p, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		role, err := p.Role("sre")
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		lay, err := p.Layout("a4")
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if role.Texts["fr"] == nil || lay.Brand.Logo == nil {
			t.Errorf("%s: French text or logo not read", dir)
		}
	}
	// A link out, relative to the working folder: refused all the same.
	link("../../outside.svg")(t, filepath.Join(proj, "layouts", "art", "logo.svg"))
	p, err := Open("brochures")
	if err != nil {
		t.Fatal(err)
	}
	want := "layouts/art/logo.svg is a link to ../../outside.svg, outside layouts"
	if _, err := p.Layout("a4"); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want it to say %q", err, want)
	}
}

// TestWatchDoesNotHang: a logo that is a pipe is reported by watch, which
// goes on watching.
func TestWatchDoesNotHang(t *testing.T) {
	proj := untrustedProject(t)
	fifo(t, filepath.Join(proj, "layouts", "northlight-logo.svg"))
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, 10)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		Watch(ctx, filepath.Join(proj, "brochures"), Selection{Layouts: []string{"a4"}}, t.TempDir(), BatchOptions{}, 20*time.Millisecond, nil,
			func(s *Summary, err error) {
				if s != nil {
					for _, o := range s.Outcomes {
						err = errors.Join(err, o.Err)
					}
				}
				select {
				case errs <- err:
				default: // after the test's look
				}
			})
	}()
	// Watch ends before the test and its folders do, unless it hangs.
	defer func() {
		cancel()
		select {
		case <-stopped:
		case <-time.After(10 * time.Second):
			t.Error("watch did not stop")
		}
	}()
	select {
	case err := <-errs:
		if err == nil || !strings.Contains(err.Error(), "northlight-logo.svg: a named pipe, not a file") {
			t.Errorf("watch reported %v", err)
		}
	case <-time.After(time.Second):
		t.Fatal("watch still building after a second")
	}
}
