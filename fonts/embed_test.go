package fonts

import (
	"bytes"
	"crypto/sha256"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/brochure-dev/brochure/internal/safefile"
)

// Every font file of the folder is in FS, with the same bytes whichever
// way it is read, and nothing else is.
func TestFS(t *testing.T) {
	names, err := filepath.Glob("*.ttf")
	if err != nil || len(names) == 0 {
		t.Fatalf("no font files: %v", err)
	}
	if len(FS) != len(names) {
		t.Errorf("FS holds %d files, the folder %d: %v", len(FS), len(names), names)
	}
	for _, name := range names {
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := FS.ReadFile(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("ReadFile(%s): %d bytes, %v; want the file's %d", name, len(got), err, len(want))
		}
		got[0] ^= 0xFF // a copy: changing it must not crash nor change FS
		f, err := FS.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.Stat()
		if err != nil || st.Size() != int64(len(want)) || !st.Mode().IsRegular() || st.Name() != name {
			t.Errorf("Stat(%s) = %v, %v", name, st, err)
		}
		read, err := io.ReadAll(f)
		if err != nil || !bytes.Equal(read, want) {
			t.Errorf("reading %s: %d bytes, %v; want %d", name, len(read), err, len(want))
		}
		ro := f.(interface{ ReadOnly() []byte }).ReadOnly()
		if !bytes.Equal(ro, want) {
			t.Errorf("ReadOnly(%s): %d bytes; want the file's %d", name, len(ro), len(want))
		}
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	}
	if _, err := FS.Open("missing.ttf"); !os.IsNotExist(err) {
		t.Errorf("Open(missing.ttf): %v; want a missing file", err)
	}
	if _, err := fs.ReadFile(FS, "OFL.txt"); err == nil {
		t.Error("FS holds OFL.txt; want only fonts")
	}
}

// sums.go holds the SHA-256 of every font file (go generate rewrites
// it), and safefile.SHA256 gives it for the built-in bytes.
func TestSums(t *testing.T) {
	names, err := filepath.Glob("*.ttf")
	if err != nil || len(names) == 0 {
		t.Fatalf("no font files: %v", err)
	}
	if len(sums) != len(names) {
		t.Errorf("sums.go holds %d sums, the folder %d fonts: run go generate", len(sums), len(names))
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		want := sha256.Sum256(data)
		if sums[name] != want {
			t.Errorf("sums.go: %s has %x, the file %x: run go generate", name, sums[name], want)
		}
		f, err := FS.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		builtin := f.(interface{ ReadOnly() []byte }).ReadOnly()
		if got := safefile.SHA256(builtin); got != want {
			t.Errorf("safefile.SHA256(built-in %s) = %x, want %x", name, got, want)
		}
	}
}
