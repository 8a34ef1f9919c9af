package hugeheap

import (
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on the platforms Go
// runs Linux on with 4 KiB pages (x86-64, arm64).
const hugePage = 2 << 20

// advisable reports whether asking for huge pages changes anything: the
// kernel's setting is "madvise".
func advisable() bool {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && contains(string(mode), "[madvise]")
}

// adviseHuge asks for huge pages over the huge pages b's memory touches,
// wholly: the heap is mapped in chunks of 4 MiB, so the parts of them
// around b are heap too. The advice is a hint: when it fails, nothing is
// lost but speed.
func adviseHuge(b []byte) {
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b))) &^ (hugePage - 1)
	end := (uintptr(unsafe.Pointer(unsafe.SliceData(b))) + uintptr(len(b)) + hugePage - 1) &^ (hugePage - 1)
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_HUGEPAGE)
	runtime.KeepAlive(b)
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
