package hugeheap

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestRenders(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"brochure"}, false},
		{[]string{"brochure", "--help"}, false},
		{[]string{"brochure", "list"}, false},
		{[]string{"brochure", "version"}, false},
		{[]string{"brochure", "preflight", "out/a.pdf"}, false},
		{[]string{"brochure", "build"}, true},
		{[]string{"brochure", "build", "sre", "--lang", "fr"}, true},
		{[]string{"brochure", "build", "--help"}, false},
		{[]string{"brochure", "build", "-h"}, false},
		{[]string{"brochure", "lint", "sre"}, true},
		{[]string{"brochure", "watch"}, true},
		{[]string{"brochure", "serve", "--addr", ":8080"}, false},   // brochure-serve renders, and reserves its own
		{[]string{"brochure", "--content", "build", "list"}, false}, // the folder is named build
		{[]string{"brochure", "--content=x", "build"}, true},
		{[]string{"brochure", "--messages", "github", "lint"}, true},
		{[]string{"brochure", "help", "build"}, false},
		{[]string{"brochure", ""}, false},
	} {
		if got := Renders(tc.args); got != tc.want {
			t.Errorf("Renders(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// TestReserve checks that the reserved block is freed (the heap in use
// afterwards is far below it) and that the collector's setting, turned
// off while the block is live, is as it was.
func TestReserve(t *testing.T) {
	if !advisable() {
		t.Skip("Reserve does nothing where the kernel gives huge pages to every program or to none")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(123))
	Reserve()
	if got := debug.SetGCPercent(123); got != 123 {
		t.Errorf("after Reserve, GOGC is %d, want 123 as before", got)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapAlloc >= reserve/2 {
		t.Errorf("after Reserve, %d bytes of heap are in use; the %d-byte block was not freed", m.HeapAlloc, reserve)
	}
}
