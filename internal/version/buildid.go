package version

import (
	"bytes"
	"encoding/binary"
	"os"
	"runtime"
	"sync"
)

// BuildID returns the Go build ID of the running program, read from its
// file; "" where it cannot be read. Go computes it from the program's
// inputs and contents: it changes whenever the program does, and only
// then. A version with uncommitted changes ("-dirty") names many
// programs; the build ID tells them apart.
func BuildID() string { return buildID() }

var buildID = sync.OnceValue(func() string {
	path := "/proc/self/exe"
	if runtime.GOOS != "linux" {
		var err error
		if path, err = os.Executable(); err != nil {
			return ""
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	// The linker puts the ID at the start: in an ELF note, or as a
	// string at the start of the text in other formats.
	head := make([]byte, 32<<10)
	n, _ := f.ReadAt(head, 0)
	return findBuildID(head[:n])
})

// findBuildID finds the build ID in the start of a Go executable: the
// ELF note named "Go" of type 4, or the string `\xff Go build ID: "…"`.
func findBuildID(data []byte) string {
	const elfNote = "\x04\x00\x00\x00Go\x00\x00" // type 4, name "Go"
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte(elfNote))
		if i < 0 {
			break
		}
		i += off
		// The note's header: the name's size (4), the ID's, the type.
		if i >= 8 && binary.LittleEndian.Uint32(data[i-8:]) == 4 {
			size := int(binary.LittleEndian.Uint32(data[i-4:]))
			if start := i + len(elfNote); size > 0 && start+size <= len(data) {
				return string(bytes.TrimRight(data[start:start+size], "\x00"))
			}
		}
		off = i + 1
	}
	const prefix = "\xff Go build ID: \""
	if i := bytes.Index(data, []byte(prefix)); i >= 0 {
		rest := data[i+len(prefix):]
		if j := bytes.IndexByte(rest, '"'); j > 0 {
			return string(rest[:j])
		}
	}
	return ""
}
