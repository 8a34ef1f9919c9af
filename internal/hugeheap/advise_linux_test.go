package hugeheap

import (
	"os"
	"regexp"
	"strconv"
	"testing"
)

// TestHugePagesBackTheHeap allocates what a brochure allocates, in small
// objects, after Reserve, and checks that the kernel gave the process
// huge pages for them.
func TestHugePagesBackTheHeap(t *testing.T) {
	if !advisable() {
		t.Skip("the kernel gives huge pages to every program or to none: there is nothing to ask")
	}
	before := anonHuge(t)
	Reserve()
	keep := make([][]byte, 0, 1<<14)
	for range 1 << 14 {
		b := make([]byte, 512)
		b[0] = 1
		keep = append(keep, b)
	}
	// One huge page at least: the kernel may be short of free 2 MiB
	// blocks for some of them, which is no fault of ours.
	if after := anonHuge(t); after < before+hugePage {
		t.Errorf("huge pages backing the process: %d kB before, %d kB after 8 MB of allocations; want one huge page more at least", before>>10, after>>10)
	}
	_ = keep[len(keep)-1]
}

// anonHuge returns the bytes of anonymous memory the process has in huge
// pages.
func anonHuge(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		t.Skip(err)
	}
	m := regexp.MustCompile(`AnonHugePages:\s+(\d+) kB`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("no AnonHugePages in /proc/self/smaps_rollup:\n%s", b)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n << 10
}
