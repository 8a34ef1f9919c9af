package build

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteAtomic replaces what is at the output's path as a rename
// does, whether the file system swaps files or not: the new bytes at the
// path, readable by all, and no temporary file or old copy left.
func TestWriteAtomic(t *testing.T) {
	tests := []struct {
		name    string
		before  func(t *testing.T, dir, path string)
		check   func(t *testing.T, dir, path string)
		wantErr bool
	}{
		{"no file", func(*testing.T, string, string) {}, nil, false},
		{"a file", func(t *testing.T, _, path string) { writeText(t, path, "old") }, nil, false},
		{"a read-only file", func(t *testing.T, _, path string) {
			writeText(t, path, "old")
			if err := os.Chmod(path, 0o400); err != nil {
				t.Fatal(err)
			}
		}, nil, false},
		{"a file with another link", func(t *testing.T, dir, path string) {
			writeText(t, path, "old")
			if err := os.Link(path, filepath.Join(dir, "other")); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, dir, _ string) {
			if got := readText(t, filepath.Join(dir, "other")); got != "old" {
				t.Errorf("the other link reads %q, want the old file", got)
			}
		}, false},
		{"a link", func(t *testing.T, dir, path string) {
			writeText(t, filepath.Join(dir, "target"), "old")
			if err := os.Symlink("target", path); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, dir, _ string) {
			if got := readText(t, filepath.Join(dir, "target")); got != "old" {
				t.Errorf("the link's target reads %q, want it left alone", got)
			}
		}, false},
		{"a folder", func(t *testing.T, _, path string) {
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.pdf")
			tt.before(t, dir, path)
			err := writeAtomic(path, []byte("new"))
			if tt.wantErr {
				if err == nil {
					t.Error("no error")
				}
				noTempFiles(t, dir)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			st, err := os.Lstat(path)
			if err != nil {
				t.Fatal(err)
			}
			if !st.Mode().IsRegular() || st.Mode().Perm() != 0o644 {
				t.Errorf("%s: mode %v, want a regular file, 0644", path, st.Mode())
			}
			if got := readText(t, path); got != "new" {
				t.Errorf("%s reads %q, want %q", path, got, "new")
			}
			if tt.check != nil {
				tt.check(t, dir, path)
			}
			noTempFiles(t, dir)
		})
	}
}

func writeText(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
