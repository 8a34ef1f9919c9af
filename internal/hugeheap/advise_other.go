//go:build !linux || !(amd64 || arm64)

package hugeheap

func advisable() bool { return false }

func adviseHuge(from, to uintptr) {}

func collapse(from, to uintptr) {}
