package build

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestExchange puts a file in another's place and removes the other,
// reports false when there is no other, and puts a folder back.
func TestExchange(t *testing.T) {
	dir := t.TempDir()
	tmp, path := filepath.Join(dir, "tmp"), filepath.Join(dir, "out.pdf")
	writeText(t, tmp, "new")
	if swapped, err := exchange(tmp, filepath.Join(dir, "missing")); swapped || err != nil {
		t.Fatalf("exchange with a missing file: %v, %v; want false, nil", swapped, err)
	}
	if got := readText(t, tmp); got != "new" {
		t.Fatalf("tmp reads %q after an exchange that did not happen", got)
	}
	writeText(t, path, "old")
	swapped, err := exchange(tmp, path)
	if !swapped {
		t.Skip("this file system cannot swap files")
	}
	if err != nil {
		t.Fatal(err)
	}
	if got := readText(t, path); got != "new" {
		t.Errorf("%s reads %q, want %q", path, got, "new")
	}
	if _, err := os.Lstat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the old file is still there: %v", err)
	}

	// A folder where the file goes (made since the caller looked) goes
	// back, kept whole, and the file is the caller's again.
	writeText(t, tmp, "newer")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	writeText(t, filepath.Join(path, "inside"), "kept")
	if swapped, err := exchange(tmp, path); !swapped || !errors.Is(err, errFolderInTheWay) {
		t.Errorf("exchange with a folder: %v, %v; want true, %v", swapped, err, errFolderInTheWay)
	}
	if got := readText(t, filepath.Join(path, "inside")); got != "kept" {
		t.Errorf("the folder's file reads %q", got)
	}
	if got := readText(t, tmp); got != "newer" {
		t.Errorf("tmp reads %q, want the caller's file back", got)
	}
}
