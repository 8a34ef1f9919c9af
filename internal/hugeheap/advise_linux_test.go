//go:build amd64 || arm64

package hugeheap

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
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
		Reserve(Brochures)
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
	out := inChild(t, "TestHugePagesBackTheHeap", "1")
	m := regexp.MustCompile(`anon huge: (\d+) (\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("the child process said:\n%s", out)
	}
	// The allocator reuses the lowest free pages first: those of the
	// heap's first chunk, which the runtime and the first packages
	// allocated in, must be advised too.
	if !firstChunkAdvised(out) {
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
func vmaFlags(addr uintptr) string { return smapsField(addr, "VmFlags") }

// smapsField returns the value of field for the mapping holding addr in
// /proc/self/smaps; "" if none does.
func smapsField(addr uintptr, field string) string {
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return ""
	}
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			in = lo <= addr && addr < hi
		} else if v, ok := strings.CutPrefix(line, field+":"); in && ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// TestReserve checks, in a process of its own, that Reserve grows the
// heap by the block, gives the block back (none of the stack it was is
// in use afterwards), and leaves the collector as it was.
func TestReserve(t *testing.T) {
	if os.Getenv("HUGEHEAP_CHILD") == "reserve" {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Reserve(Brochures)
		for range 100 { // the goroutine gives its stack back as it ends
			if runtime.ReadMemStats(&after); after.StackInuse < Brochures/2 {
				break
			}
			runtime.Gosched()
		}
		fmt.Printf("heap grew %d, stack in use %d, collections %d\n", after.HeapSys-before.HeapSys, after.StackInuse, after.NumGC-before.NumGC)
		return
	}
	if !advisable() {
		t.Skip("Reserve does nothing where the kernel gives huge pages to every program or to none")
	}
	out := inChild(t, "TestReserve", "reserve")
	var grew, stack, gcs int
	if _, err := fmt.Sscanf(regexp.MustCompile(`heap grew .*`).FindString(string(out)), "heap grew %d, stack in use %d, collections %d", &grew, &stack, &gcs); err != nil {
		t.Fatalf("%v; the child process said:\n%s", err, out)
	}
	if grew < Brochures {
		t.Errorf("Reserve(Brochures) grew the heap by %d bytes, want %d at least", grew, Brochures)
	}
	if stack >= Brochures/2 {
		t.Errorf("after Reserve, %d bytes of stack are in use: the block was not given back", stack)
	}
	if gcs != 0 {
		t.Errorf("Reserve ran %d collections, want none", gcs)
	}
}

// TestStartAdvised checks, in a process of its own, that a command that
// reserves nothing (as this test's command line does) has the heap's
// first chunk advised for huge pages from its initialisation.
func TestStartAdvised(t *testing.T) {
	if os.Getenv("HUGEHEAP_CHILD") == "start" {
		fmt.Printf("first chunk: %s\n", vmaFlags(heapAddress()))
		return
	}
	if !advisable() {
		t.Skip("the kernel gives huge pages to every program or to none: there is nothing to ask")
	}
	if out := inChild(t, "TestStartAdvised", "start"); !firstChunkAdvised(out) {
		t.Errorf("the heap's first chunk is not advised for huge pages at start; the child process said:\n%s", out)
	}
}

// inChild runs test again in a process of its own, with HUGEHEAP_CHILD
// set to mode, and returns what it printed.
func inChild(t *testing.T, test, mode string) []byte {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), "HUGEHEAP_CHILD="+mode)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return out
}

// firstChunkAdvised reports whether a child process said that the
// mapping of the heap's first chunk is advised for huge pages (its
// "first chunk:" line gives the mapping's VmFlags).
func firstChunkAdvised(out []byte) bool {
	f := regexp.MustCompile(`first chunk: (.*)`).FindSubmatch(out)
	return f != nil && strings.Contains(" "+string(f[1])+" ", " hg ")
}

// TestCollapseAfterAnEmptyHugePage touches pages of the second huge page
// of a mapping only, as the heap does when the runtime starts it in the
// upper half of its first chunk, and checks that collapse over the whole
// mapping gathers them into a huge page: the kernel refuses a range at
// its empty first huge page, and gave up on the rest.
func TestCollapseAfterAnEmptyHugePage(t *testing.T) {
	if !advisable() {
		t.Skip("the kernel gives huge pages to every program or to none: there is nothing to ask")
	}
	const size = 4 * hugePage
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	// Two whole huge pages inside the mapping, whatever its alignment.
	base := uintptr(unsafe.Pointer(&mem[0]))
	start := (base + hugePage - 1) &^ (hugePage - 1)
	second := start + hugePage
	for off := int(second - base); off < int(second-base)+hugePage; off += 64 << 10 {
		mem[off] = 1 // small pages: touched before the advice
	}
	adviseHuge(start, start+2*hugePage)
	if !strings.Contains(" "+vmaFlags(second)+" ", " hg ") {
		t.Skip("the mapping could not be advised")
	}
	collapse(start, start+2*hugePage)
	if got := anonHugeAt(second); got < hugePage {
		t.Errorf("the touched huge page has %d kB in huge pages after collapse, want %d", got>>10, hugePage>>10)
	}
}

// anonHugeAt returns the bytes in huge pages of the mapping holding addr
// in /proc/self/smaps; -1 if none does.
func anonHugeAt(addr uintptr) int {
	n, err := strconv.Atoi(strings.TrimSuffix(smapsField(addr, "AnonHugePages"), " kB"))
	if err != nil {
		return -1
	}
	return n << 10
}
