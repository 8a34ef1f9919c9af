//go:build amd64 || arm64

package hugeheap

import (
	"syscall"
)

// hugePage is the size of a transparent huge page on the platforms Go
// runs Linux on with 4 KiB pages (x86-64, arm64).
const hugePage = 2 << 20

// advisable reports whether asking for huge pages changes anything: the
// kernel's setting is "madvise".
//
// It reads the setting with system calls of its own: os.ReadFile would
// set up the poller (an epoll instance, an event file) in commands that
// read no other file, such as --help.
func advisable() bool {
	fd, err := syscall.Open("/sys/kernel/mm/transparent_hugepage/enabled", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	var mode [64]byte // "always [madvise] never\n"
	n, err := syscall.Read(fd, mode[:])
	return err == nil && n > 0 && contains(string(mode[:n]), "[madvise]")
}

// adviseHuge asks for huge pages over [from, to), widened to whole huge
// pages: the heap is mapped in chunks of 4 MiB, so the parts of them
// around the range are heap too. The advice is a hint: when it fails,
// nothing is lost but speed.
func adviseHuge(from, to uintptr) { madvise(from, to, syscall.MADV_HUGEPAGE) }

// madvCollapse is MADV_COLLAPSE (Linux 6.1), which the syscall package
// does not name.
const madvCollapse = 25

// collapse gathers the small pages of [from, to), widened to whole huge
// pages, into huge pages now, rather than leaving them for the kernel's
// background thread to find. Kernels before 6.1 refuse, and so may a
// kernel short of free huge pages: then those pages stay small.
//
// Each huge page is asked for on its own: the kernel gives up on a range
// at a huge page without a page in it (EINVAL), and the runtime starts
// the heap at a random place in its first chunk, so that the chunk's
// first huge page is often untouched while its second holds the heap.
// Asked for as one range, that second huge page stayed in small pages,
// and a build took some 230 more page faults.
func collapse(from, to uintptr) {
	from &^= hugePage - 1
	for ; from < to; from += hugePage {
		madvise(from, from+hugePage, madvCollapse)
	}
}

// madvise gives advice over [from, to) widened to whole huge pages; its
// errors are of no use to a hint.
func madvise(from, to, advice uintptr) {
	from &^= hugePage - 1
	to = (to + hugePage - 1) &^ (hugePage - 1)
	if from < to {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, from, to-from, advice)
	}
}

// contains is strings.Contains, which the package does not import (see
// the package's comment).
func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
