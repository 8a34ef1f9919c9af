package build

import (
	"path/filepath"
	"testing"
)

// TestExchange swaps two files, and reports false, changing nothing,
// when the second is missing.
func TestExchange(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	writeText(t, a, "new")
	if exchange(a, filepath.Join(dir, "missing")) {
		t.Fatal("exchange with a missing file reported true")
	}
	if got := readText(t, a); got != "new" {
		t.Fatalf("a reads %q after a failed exchange", got)
	}
	writeText(t, b, "old")
	if !exchange(a, b) {
		t.Skip("this file system cannot swap files")
	}
	if got, want := readText(t, a)+readText(t, b), "oldnew"; got != want {
		t.Errorf("after the exchange, a+b reads %q, want %q", got, want)
	}
}
