package hugeheap

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestHugePagesBackTheHeap allocates what a brochure allocates, in small
// objects, after Reserve, in a process of its own (as a command does:
// other tests' allocations would be in huge pages already), and checks
// that the kernel gave the process huge pages for them.
func TestHugePagesBackTheHeap(t *testing.T) {
	if os.Getenv("HUGEHEAP_CHILD") == "1" {
		before := anonHuge()
		// Allocated before the block, in the heap's first chunk, and
		// followed by more than a huge page of allocations, as in
		// brochure, where the packages initialised first allocate.
		early := make([]byte, 64)
		filler := make([][]byte, 0, 3<<10)
		for range 3 << 10 {
			filler = append(filler, make([]byte, 1<<10))
		}
		Reserve()
		keep := make([][]byte, 0, 1<<14)
		for range 1 << 14 {
			b := make([]byte, 512)
			b[0] = 1
			keep = append(keep, b)
		}
		fmt.Printf("anon huge: %d %d\n", before, anonHuge())
		fmt.Printf("first chunk: %s\n", vmaFlags(uintptr(unsafe.Pointer(&early[0]))))
		_, _ = keep[len(keep)-1], filler[len(filler)-1]
		return
	}
	if !advisable() {
		t.Skip("the kernel gives huge pages to every program or to none: there is nothing to ask")
	}
	if anonHuge() < 0 {
		t.Skip("no /proc/self/smaps_rollup")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHugePagesBackTheHeap$", "-test.count=1")
	cmd.Env = append(os.Environ(), "HUGEHEAP_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	m := regexp.MustCompile(`anon huge: (\d+) (\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("the child process said:\n%s", out)
	}
	// The allocator reuses the lowest free pages first: those of the
	// heap's first chunk, which the runtime and the first packages
	// allocated in, must be advised too.
	if f := regexp.MustCompile(`first chunk: (.*)`).FindSubmatch(out); f == nil || !strings.Contains(" "+string(f[1])+" ", " hg ") {
		t.Errorf("the mapping of the heap's first chunk is not advised for huge pages; the child process said:\n%s", out)
	}
	before, _ := strconv.Atoi(string(m[1]))
	after, _ := strconv.Atoi(string(m[2]))
	// One huge page at least: the kernel may be short of free 2 MiB
	// blocks for some of them, which is no fault of ours.
	if after < before+hugePage {
		t.Errorf("huge pages backing a process: %d kB before, %d kB after 8 MB of allocations; want one huge page more at least", before>>10, after>>10)
	}
}

// anonHuge returns the bytes of anonymous memory the process has in huge
// pages; -1 if the kernel does not say.
func anonHuge() int {
	b, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		return -1
	}
	m := regexp.MustCompile(`AnonHugePages:\s+(\d+) kB`).FindSubmatch(b)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n << 10
}

// vmaFlags returns the VmFlags line of the mapping holding addr in
// /proc/self/smaps; "" if none does.
func vmaFlags(addr uintptr) string {
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return ""
	}
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			in = lo <= addr && addr < hi
		} else if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:"))
		}
	}
	return ""
}

// TestFitGrowsTheAdvice holds more than the reserve, as a batch does, in a
// process of its own, and checks that after Fit what is allocated next is
// in memory advised for huge pages; without Fit it lands in a mapping of
// small pages the runtime made when the heap grew.
func TestFitGrowsTheAdvice(t *testing.T) {
	if os.Getenv("HUGEHEAP_CHILD") == "fit" {
		Reserve()
		before := reserved
		var live [][]byte
		for range 3 * reserve / (1 << 20) / 2 { // one and a half reserves
			live = append(live, make([]byte, 1<<20))
		}
		Fit()
		next := make([]byte, 1<<20)
		fmt.Printf("reserved: %d %d\nnext: %s\n", before, reserved, vmaFlags(uintptr(unsafe.Pointer(&next[0]))))
		_, _ = live[0], next[0]
		return
	}
	if !advisable() {
		t.Skip("the kernel gives huge pages to every program or to none: there is nothing to ask")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestFitGrowsTheAdvice$", "-test.count=1")
	cmd.Env = append(os.Environ(), "HUGEHEAP_CHILD=fit", "GOGC=100")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	m := regexp.MustCompile(`reserved: (\d+) (\d+)\nnext: (.*)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("the child process said:\n%s", out)
	}
	before, _ := strconv.Atoi(string(m[1]))
	after, _ := strconv.Atoi(string(m[2]))
	if after <= before {
		t.Errorf("Fit left the advice at %d bytes with the heap's goal past it", after)
	}
	if !strings.Contains(" "+string(m[3])+" ", " hg ") {
		t.Errorf("memory allocated after Fit is not advised for huge pages (flags %q)", m[3])
	}
}
