// Package hugeheap backs the Go heap with transparent huge pages in a
// process about to render brochures.
//
// On the virtual machines authors and CI run on, the first touch of a
// fresh 4 KiB page of memory costs about 11 µs. Building one brochure
// allocates 7 to 8 MB, nearly all of it fresh memory, so page faults took
// about a third of a 50 ms build. The Go runtime does not ask for huge
// pages for its heap, and under Linux's usual setting ("madvise": huge
// pages only where a program asks) it gets none. Reserve grows the heap
// by a block, asks for huge pages over it and frees it, so that the
// allocations that follow land in 2 MiB pages: one fault where there
// were 512.
//
// Importing the package for its side effect does this from its
// initialisation, before most packages initialise (their allocations
// land in huge pages too: the package imports none that sorts after it,
// as strings and bytes do through unicode, so that it is initialised
// early), when the command line names a command that
// renders (see Renders). Others (--help, list, version) would pay the
// garbage collection that frees the block, about 2 ms, for nothing. A
// batch of brochures calls Fit between jobs, to extend the advice as the
// heap outgrows the reserve.
package hugeheap

import (
	"os"
	"runtime"
	"unsafe"

	"github.com/brochure-dev/brochure/internal/cmdline"
)

// reserve is the heap grown and given huge pages: more than a single
// brochure allocates, so that one build never touches a small page again
// after initialisation. Memory is only used as it is touched.
const reserve = 64 << 20

func init() {
	if Renders(os.Args) {
		Reserve()
	}
}

// Renders reports whether the command line args (program name first)
// runs a command that renders brochures: build, watch or lint. Not
// serve: it hands over to brochure-serve, which calls Reserve itself.
// A request for help renders nothing.
func Renders(args []string) bool {
	for _, a := range args[1:] {
		if a == "-h" || a == "--help" {
			return false
		}
	}
	if i := cmdline.Command(args); i > 0 {
		switch args[i] {
		case "build", "watch", "lint":
			return true
		}
	}
	return false
}

// Reserve grows the heap by a block of memory that the kernel is asked
// to back with huge pages, then frees it for the allocations to come.
// It does nothing where huge pages are either given to every program
// ("always") or to none ("never"), and on systems other than Linux.
//
// The advice covers the heap from its first chunk (what the runtime and
// the packages initialised so far allocated) to the end of the block:
// once the block is freed, the allocator reuses the lowest free pages
// first, and those are in the first chunk. The small pages already
// there are then gathered into huge pages.
func Reserve() {
	if !advisable() {
		return
	}
	// The block's allocation would start a collection of its own, and
	// the one below would follow it: one is enough.
	gc := setGCPercent(-1)
	defer setGCPercent(gc)
	first := uintptr(unsafe.Pointer(new(uintptr))) // in the heap's first chunk
	block := make([]byte, reserve)
	from, start := heapFrom(first, block), uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	adviseHuge(from, start+reserve)
	advised, reserved = from, start+reserve-from
	block = nil
	runtime.GC() // frees the block: only a collection does
	collapse(from, start)
}

// heapFrom returns where the advice starts: the start of the 4 MiB chunk
// (the unit the runtime maps the heap in) that holds first, when the
// block follows it closely, as the heap's first allocation of this size
// does; otherwise the block's own start.
func heapFrom(first uintptr, block []byte) uintptr {
	start := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	chunk := first &^ (chunkSize - 1)
	if chunk < start && start-chunk <= 2*chunkSize {
		return chunk
	}
	return start
}

// chunkSize is the runtime's unit of heap mappings (pallocChunkBytes).
const chunkSize = 4 << 20

// setGCPercent is runtime/debug.SetGCPercent without the package, which
// imports strings and through it unicode: initialised before this
// package, their allocations would miss the huge pages.
//
//go:linkname setGCPercent runtime/debug.setGCPercent
func setGCPercent(int32) int32

// advised is where Reserve's advice starts, the start of the heap, and
// reserved how far past it the heap is advised; 0 when Reserve did not
// advise. Only Reserve and Fit, from one goroutine at a time, change them.
var advised, reserved uintptr

// Fit grows the heap by a block as Reserve does, twice the collector's
// goal for it, when that goal nears the end of the heap advised for huge
// pages. A batch of brochures holds more than a single build (every role
// is loaded, and a collection is due only when the heap has grown
// fivefold): 400 brochures grow the heap to 150 MB, past the reserve, and
// the runtime maps each growth with small pages, which the batch then
// faulted in one by one, 18,000 of them. Call it between jobs, from one
// goroutine at a time; it does nothing where Reserve did not advise.
//
// Reading the goal stops the program for a moment (runtime/metrics would
// not, but its initialisation costs every command half a millisecond):
// calling it every few jobs is enough, as the goal grows only at a
// collection, every dozen brochures or so.
func Fit() {
	if advised == 0 {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	goal := uintptr(m.NextGC)
	if goal+goal/4 <= reserved {
		return
	}
	gc := setGCPercent(-1)
	defer setGCPercent(gc)
	block := make([]byte, 2*goal)
	end := uintptr(unsafe.Pointer(unsafe.SliceData(block))) + uintptr(len(block))
	adviseHuge(advised, end)
	reserved = max(reserved, end-advised)
	block = nil
	runtime.GC()
}
