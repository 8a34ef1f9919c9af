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
// land in huge pages too: the package imports nothing that imports
// unicode, as strings and bytes do, so that it is initialised early),
// when the command line names a command that renders, or the program is
// brochure-serve (see ReserveFor). Others (--help, list, version) would pay
// the block, about 1 ms of the runtime's bookkeeping, for nothing: for
// them only the heap's first chunk is advised (see adviseStart).
package hugeheap

import (
	"os"
	"unsafe"

	"github.com/brochure-dev/brochure/internal/cmdline"
)

// Sizes of the block Reserve grows the heap by. Memory is only used as it
// is touched; what a bigger block costs is the runtime's bookkeeping of
// it, about 0.7 ms more for Batch than for Brochures on one build.
const (
	// Brochures is more than the heap of a build of one role's
	// brochures grows to (a build of every layout, screen and print,
	// peaks at 64 MB), so that one build seldom touches a small page.
	Brochures = 64 << 20
	// Batch is more than a batch of many roles holds between collections
	// (every role is loaded, and a collection is due only when the heap
	// has grown fivefold): 400 brochures of 200 roles peak at 150 MB,
	// and past the block the runtime maps each growth with small pages,
	// 18,000 faults of that batch. A server, which renders on and on,
	// reserves as much.
	Batch = 256 << 20
)

func init() {
	if n := ReserveFor(os.Args); n > 0 {
		Reserve(n)
	} else {
		adviseStart()
	}
}

// adviseStart asks for huge pages over the heap's first chunk, the few
// megabytes a command that renders nothing (--help, list, version,
// preflight) allocates in, and gathers its small pages into huge pages:
// a third of --help's page faults and half of list's, without the cost
// of a block.
func adviseStart() {
	if !advisable() {
		return
	}
	first := heapAddress()
	chunk := first &^ (chunkSize - 1)
	adviseHuge(chunk, chunk+chunkSize)
	collapse(chunk, first)
}

// ReserveFor returns the block a command line (program name first)
// reserves: none unless it runs a command that renders brochures (build,
// watch or lint; not serve, which hands over to brochure-serve, nor a
// request for help); Brochures when it names the roles; Batch for every
// role or a recipients file's editions, and for brochure-serve, which
// renders on and on.
func ReserveFor(args []string) int {
	if len(args) > 0 && isServer(args[0]) {
		for _, a := range args[1:] {
			if a == "-h" || a == "--help" || a == "-help" {
				return 0
			}
		}
		return Batch
	}
	i := cmdline.Command(args)
	if i < 0 {
		return 0
	}
	switch args[i] {
	case "build", "watch", "lint":
	default:
		return 0
	}
	named := false
	for k := 1; k < len(args); k++ {
		a := args[k]
		switch {
		case a == "-h" || a == "--help":
			return 0
		case hasPrefix(a, "--recipients") || hasPrefix(a, "-recipients"):
			return Batch
		case len(a) > 0 && a[0] == '-':
			if cmdline.TakesValue(a) {
				k++
			}
		case k > i:
			named = true
		}
	}
	if named {
		return Brochures
	}
	return Batch
}

// isServer reports whether program names brochure-serve.
func isServer(program string) bool {
	base := program
	for i := len(program) - 1; i >= 0; i-- {
		if program[i] == '/' || program[i] == '\\' {
			base = program[i+1:]
			break
		}
	}
	return base == "brochure-serve" || base == "brochure-serve.exe"
}

// hasPrefix is strings.HasPrefix, which the package does not import (see
// the package's comment).
func hasPrefix(s, prefix string) bool { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }

// Reserve grows the heap by a block of size bytes (Brochures or Batch;
// a size between them counts as Batch) that the kernel is asked to back
// with huge pages, then frees it for the allocations to come. It is done
// once, at start. It does nothing where huge pages are either given to
// every program ("always") or to none ("never"), and on systems other
// than Linux on x86-64 and arm64 (a 32-bit stack could not hold Batch).
//
// The block is a goroutine's stack, not an object: the runtime takes a
// stack from the heap's pages and gives them back as soon as the
// goroutine ends, where an object's pages come back only after a
// collection, which cost 2 to 7 ms at this point of a build (the first
// collection of a process sets up its own structures). The goroutine
// calls a function whose frame is the block's size and which touches
// none of it, so the runtime maps the whole block and only the stack's
// few top pages are touched.
//
// The advice covers the heap from its first chunk (what the runtime and
// the packages initialised so far allocated) to the end of the block:
// once the block is freed, the allocator reuses the lowest free pages
// first, and those are in the first chunk. The small pages already
// there are then gathered into huge pages.
func Reserve(size int) {
	if !advisable() || size <= 0 {
		return
	}
	first := heapAddress() // in the heap's first chunk
	frame := frameOfBrochures
	if size > Brochures {
		size, frame = Batch, frameOfBatch
	}
	local := make(chan uintptr)
	go func() { local <- frame(never) }()
	// The stack ends at the first runtime page boundary above the local:
	// stacks are whole pages, and the frames above it are small.
	end := (<-local | (runtimePage - 1)) + 1
	start := end - uintptr(size)
	from := heapFrom(first, start)
	adviseHuge(from, end)
	collapse(from, start)
}

// runtimePage is the runtime's page size, which stacks are made of.
const runtimePage = 8 << 10

// never is false; the compiler cannot know it, and so keeps the calls
// that give frameOfBrochures and frameOfBatch their frames.
var never bool

// The frames: the runtime gives a goroutine a stack of a power of two
// bytes that holds the frame it calls, so a frame a mebibyte short of
// one makes a stack of exactly that size.
type (
	brochuresFrame [Brochures - 1<<20]byte
	batchFrame     [Batch - 1<<20]byte
)

// frameOfBrochures and frameOfBatch return the address of a local of
// theirs, near the top of their stack. Their frames hold the argument of a
// call they make only if never is true.
//
//go:noinline
func frameOfBrochures(never bool) uintptr {
	if never {
		takeBrochures(brochuresFrame{})
	}
	var local byte
	return uintptr(unsafe.Pointer(&local))
}

//go:noinline
func frameOfBatch(never bool) uintptr {
	if never {
		takeBatch(batchFrame{})
	}
	var local byte
	return uintptr(unsafe.Pointer(&local))
}

//go:noinline
func takeBrochures(brochuresFrame) {}

//go:noinline
func takeBatch(batchFrame) {}

// heapFrom returns where the advice starts: the start of the 4 MiB chunk
// (the unit the runtime maps the heap in) that holds first, when the
// block, at start, follows it closely, as the heap's first allocation of
// this size does; otherwise the block's start.
func heapFrom(first, start uintptr) uintptr {
	chunk := first &^ (chunkSize - 1)
	if chunk < start && start-chunk <= 2*chunkSize {
		return chunk
	}
	return start
}

// escaped makes the object it is given escape to the heap.
var escaped *uintptr

// heapAddress returns the address of a small object allocated on the
// heap now, among its first pages (new(uintptr) alone would be on the
// stack: it must escape).
func heapAddress() uintptr {
	escaped = new(uintptr)
	p := uintptr(unsafe.Pointer(escaped))
	escaped = nil
	return p
}

// chunkSize is the runtime's unit of heap mappings (pallocChunkBytes).
const chunkSize = 4 << 20
