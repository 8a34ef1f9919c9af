//go:build unix

package safefile

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// within runs f and fails the test if it takes more than a second: a
// read that blocks on a pipe or a device never returns.
func within(t *testing.T, f func() ([]byte, error)) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := f()
		done <- result{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-time.After(time.Second):
		t.Fatal("still reading after a second")
		return nil, nil
	}
}

// project makes a folder proj/layouts with every kind of file a careless
// or hostile author could put there, and returns proj.
func project(t *testing.T) string {
	t.Helper()
	proj := t.TempDir()
	dir := filepath.Join(proj, "layouts")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "sub", "folder.svg"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "ok.svg"), []byte("<svg/>"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "sub", "real.svg"), []byte("<svg>real</svg>"), 0o644))
	must(os.WriteFile(filepath.Join(proj, "secret.svg"), []byte("<svg>secret</svg>"), 0o644))
	must(syscall.Mkfifo(filepath.Join(dir, "fifo.svg"), 0o644))
	big, err := os.Create(filepath.Join(dir, "big.svg"))
	must(err)
	must(big.Truncate(50 << 20)) // sparse: takes no room
	must(big.Close())
	links := map[string]string{
		"zero.svg":     "/dev/zero",
		"out.svg":      "../secret.svg",
		"in.svg":       "sub/real.svg",
		"up.svg":       "sub/../ok.svg",
		"abs.svg":      filepath.Join(dir, "ok.svg"),
		"parent":       "..",
		"chain.svg":    "hop.svg",
		"hop.svg":      "../secret.svg",
		"tofifo.svg":   "fifo.svg",
		"sub/back.svg": "../ok.svg",
	}
	for name, target := range links {
		must(os.Symlink(target, filepath.Join(dir, name)))
	}
	return proj
}

func TestReadFile(t *testing.T) {
	tests := []struct {
		name string
		kind Kind
		want string // the content, or "error: " and the message; {dir} is the folder as named
	}{
		{"ok.svg", Logo, "<svg/>"},
		{"in.svg", Logo, "<svg>real</svg>"},
		{"up.svg", Logo, "<svg/>"},
		{"sub/back.svg", Logo, "<svg/>"},
		{"fifo.svg", Logo, "error: layouts/fifo.svg: a named pipe, not a file"},
		{"tofifo.svg", Logo, "error: layouts/tofifo.svg: a named pipe, not a file"},
		{"sub/folder.svg", Logo, "error: layouts/sub/folder.svg: a folder, not a file"},
		{"zero.svg", Logo, "error: layouts/zero.svg: a link to /dev/zero, outside {dir}"},
		{"out.svg", Logo, "error: layouts/out.svg: a link to ../secret.svg, outside {dir}"},
		{"parent/secret.svg", Logo, "error: layouts/parent/secret.svg: {dir}/parent is a link to .., outside {dir}"},
		{"chain.svg", Logo, "error: layouts/chain.svg: {dir}/hop.svg is a link to ../secret.svg, outside {dir}"},
		{"abs.svg", Logo, "error: layouts/abs.svg: a link to {abs}/ok.svg: a link inside {dir} must be relative"},
		{"big.svg", Logo, "error: layouts/big.svg: 50 MB, more than the 4 MB a logo may be"},
		{"ok.svg", Kind{"a tiny file", 6}, "<svg/>"},
		{"in.svg", Kind{"a tiny file", 6}, "error: layouts/in.svg: 15 bytes, more than the 6 bytes a tiny file may be"},
		{"../secret.svg", Logo, "error: layouts/../secret.svg: no such file"},
	}
	proj := project(t)
	t.Chdir(proj)
	for _, dir := range []string{"layouts", filepath.Join(proj, "layouts")} {
		fsys := DirFS(dir)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				want := strings.NewReplacer("{dir}", dir, "{abs}", filepath.Join(proj, "layouts")).Replace(tt.want)
				data, err := within(t, func() ([]byte, error) { return ReadFile(fsys, tt.name, "layouts/"+tt.name, tt.kind) })
				msg, isErr := strings.CutPrefix(want, "error: ")
				switch {
				case isErr && err == nil:
					t.Fatalf("read %d bytes, want error %q", len(data), msg)
				case isErr && err.Error() != msg:
					t.Fatalf("error %q\nwant %q", err, msg)
				case !isErr && err != nil:
					t.Fatalf("error %v", err)
				case !isErr && string(data) != want:
					t.Fatalf("read %.40q, want %.40q", data, want)
				}
			})
		}
	}
}

// TestDirIsALink: the folder itself may be a link, wherever it leads;
// links in it are judged from where it leads.
func TestDirIsALink(t *testing.T) {
	proj := project(t)
	elsewhere := filepath.Join(t.TempDir(), "layouts")
	if err := os.Symlink(filepath.Join(proj, "layouts"), elsewhere); err != nil {
		t.Fatal(err)
	}
	fsys := DirFS(elsewhere)
	if data, err := ReadFile(fsys, "in.svg", "in.svg", Logo); err != nil || string(data) != "<svg>real</svg>" {
		t.Errorf("in.svg: %q, %v", data, err)
	}
	want := "out.svg: a link to ../secret.svg, outside " + elsewhere
	if _, err := ReadFile(fsys, "out.svg", "out.svg", Logo); err == nil || err.Error() != want {
		t.Errorf("out.svg: error %v, want %q", err, want)
	}
}

func TestMissing(t *testing.T) {
	fsys := DirFS(t.TempDir())
	_, err := ReadFile(fsys, "a4.toml", "layouts/a4.toml", Layout)
	if !errors.Is(err, fs.ErrNotExist) || err.Error() != "layouts/a4.toml: no such file" {
		t.Errorf("error %v, want a missing file", err)
	}
	if _, err := DirFS(filepath.Join(t.TempDir(), "none")).Open("a"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("no folder: error %v, want a missing file", err)
	}
}

// TestStat: Stat says what a name is without opening it, so that a role
// whose role.toml is a pipe is listed and then refused with a message.
func TestStat(t *testing.T) {
	proj := project(t)
	fsys := DirFS(filepath.Join(proj, "layouts")).(fs.StatFS)
	st, err := fsys.Stat("fifo.svg")
	if err != nil || st.Mode().Type() != fs.ModeNamedPipe {
		t.Errorf("Stat(fifo.svg) = %v, %v", st, err)
	}
	if _, err := fsys.Stat("out.svg"); err == nil || !strings.Contains(err.Error(), "a link to ../secret.svg, outside") {
		t.Errorf("Stat(out.svg): error %v", err)
	}
	entries, err := fs.ReadDir(fsys, "sub")
	if err != nil || len(entries) != 3 {
		t.Errorf("ReadDir(sub) = %v, %v", entries, err)
	}
}

// TestLstat: Lstat describes a link, not what it leads to, and ReadLink
// gives its target; a link on the way out of the folder is refused.
func TestLstat(t *testing.T) {
	proj := project(t)
	fsys := DirFS(filepath.Join(proj, "layouts"))
	for name, want := range map[string]fs.FileMode{"in.svg": fs.ModeSymlink, "ok.svg": 0, "sub": fs.ModeDir, "sub/back.svg": fs.ModeSymlink} {
		if st, err := fs.Lstat(fsys, name); err != nil || st.Mode().Type() != want {
			t.Errorf("Lstat(%s) = %v, %v; want type %v", name, st, err, want)
		}
	}
	if target, err := fs.ReadLink(fsys, "in.svg"); err != nil || target != "sub/real.svg" {
		t.Errorf("ReadLink(in.svg) = %q, %v", target, err)
	}
	if _, err := fs.Lstat(fsys, "parent/secret.svg"); err == nil || !strings.Contains(err.Error(), "a link to .., outside") {
		t.Errorf("Lstat(parent/secret.svg): error %v, want the link out named", err)
	}
	if _, err := fs.Lstat(fsys, "none"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Lstat(none): error %v, want a missing file", err)
	}
}

func TestReadPath(t *testing.T) {
	proj := project(t)
	dir := filepath.Join(proj, "layouts")
	tests := []struct {
		path string
		kind Kind
		want string
	}{
		{filepath.Join(dir, "ok.svg"), Recipients, "<svg/>"},
		{filepath.Join(dir, "out.svg"), Recipients, "<svg>secret</svg>"}, // named by the user: links followed
		{filepath.Join(dir, "fifo.svg"), Recipients, "error: {path}: a named pipe, not a file"},
		{filepath.Join(dir, "zero.svg"), Recipients, "error: {path}: a device, not a file"},
		{"/dev/zero", Recipients, "error: {path}: a device, not a file"},
		{filepath.Join(dir, "big.svg"), Recipients, "error: {path}: 50 MB, more than the 20 MB a recipients file may be"},
		{dir, Recipients, "error: {path}: a folder, not a file"},
		{filepath.Join(dir, "none.csv"), Recipients, "error: {path}: no such file"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			want := strings.ReplaceAll(tt.want, "{path}", tt.path)
			data, err := within(t, func() ([]byte, error) { return ReadPath(tt.path, tt.kind) })
			if msg, isErr := strings.CutPrefix(want, "error: "); isErr {
				if err == nil || err.Error() != msg {
					t.Fatalf("error %v, want %q", err, msg)
				}
			} else if err != nil || string(data) != want {
				t.Fatalf("read %q, %v; want %q", data, err, want)
			}
		})
	}
}

// TestEmbedded: files of an fs.FS other than a folder (the layouts built
// into the binary) are capped too.
func TestEmbedded(t *testing.T) {
	fsys := fstest.MapFS{"a.toml": {Data: make([]byte, 1<<20+1)}, "b.toml": {Data: []byte("x = 1")}}
	if _, err := ReadFile(fsys, "a.toml", "a.toml", Layout); err == nil || err.Error() != "a.toml: 1.1 MB, more than the 1 MB a layout file may be" {
		t.Errorf("a.toml: error %v", err)
	}
	if data, err := ReadFile(fsys, "b.toml", "b.toml", Layout); err != nil || string(data) != "x = 1" {
		t.Errorf("b.toml: %q, %v", data, err)
	}
}

func TestSize(t *testing.T) {
	tests := []struct {
		n        int64
		up, down string
	}{
		{0, "0 bytes", "0 bytes"},
		{1023, "1023 bytes", "1023 bytes"},
		{4 << 20, "4 MB", "4 MB"},
		{4<<20 + 1, "4.1 MB", "4 MB"},
		{50 << 20, "50 MB", "50 MB"},
		{1536, "1.5 KB", "1.5 KB"},
		{3 << 30, "3 GB", "3 GB"},
	}
	for _, tt := range tests {
		if got := sizeUp(tt.n); got != tt.up {
			t.Errorf("sizeUp(%d) = %q, want %q", tt.n, got, tt.up)
		}
		if got := sizeDown(tt.n); got != tt.down {
			t.Errorf("sizeDown(%d) = %q, want %q", tt.n, got, tt.down)
		}
	}
}

// A file holding the bytes of built-in contents gets those very bytes, not
// a copy; a file of the same size that differs anywhere reads as itself.
func TestBuiltIn(t *testing.T) {
	builtin := make([]byte, 2*sameBuffer+7) // more than one buffer of comparison
	for i := range builtin {
		builtin[i] = byte(i * 7)
	}
	BuiltIn(builtin, sha256.Sum256(builtin))
	t.Cleanup(func() { delete(builtIn, int64(len(builtin))); builtInSums = nil })
	changed := func(at int) []byte {
		b := slices.Clone(builtin)
		b[at] ^= 1
		return b
	}
	tests := []struct {
		name   string
		data   []byte
		shared bool
	}{
		{"same", slices.Clone(builtin), true},
		{"first byte differs", changed(0), false},
		{"differs past the first buffer", changed(sameBuffer + 10), false},
		{"last byte differs", changed(len(builtin) - 1), false},
		{"other size", builtin[:len(builtin)-1], false},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(dir, "f"), tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := ReadFile(DirFS(dir), "f", "f", Font)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.data) {
				t.Fatalf("read %d bytes, not the file's %d", len(got), len(tt.data))
			}
			if shared := &got[0] == &builtin[0]; shared != tt.shared {
				t.Errorf("shares the built-in bytes: %v, want %v", shared, tt.shared)
			}
		})
	}
}

// SHA256 gives the sum recorded for built-in bytes, and hashes any other
// bytes, equal ones included.
func TestSHA256(t *testing.T) {
	builtin := []byte("built-in contents")
	recorded := sha256.Sum256([]byte("the sum recorded"))
	BuiltIn(builtin, recorded)
	t.Cleanup(func() { delete(builtIn, int64(len(builtin))); builtInSums = nil })
	tests := []struct {
		name string
		data []byte
		want [sha256.Size]byte
	}{
		{"built-in bytes", builtin, recorded},
		{"a copy", slices.Clone(builtin), sha256.Sum256(builtin)},
		{"a prefix", builtin[:5], sha256.Sum256([]byte("built"))},
		{"other bytes", []byte("other"), sha256.Sum256([]byte("other"))},
		{"empty", nil, sha256.Sum256(nil)},
	}
	for _, tt := range tests {
		if got := SHA256(tt.data); got != tt.want {
			t.Errorf("%s: SHA256 = %x, want %x", tt.name, got, tt.want)
		}
	}
}
