// Package fonts embeds the default fonts (see README.md in this folder for
// their source and licence). A fonts/ folder beside the content overrides
// them file by file.
package fonts

import (
	_ "embed" // the font files
	"io"
	"io/fs"
	"time"
	"unsafe"

	"github.com/brochure-dev/brochure/internal/safefile"
)

var (
	//go:embed Inter-Regular.ttf
	regular string
	//go:embed Inter-Italic.ttf
	italic string
	//go:embed Inter-SemiBold.ttf
	semiBold string
	//go:embed Inter-Bold.ttf
	bold string
)

// FS holds the TrueType files. Opening one gives a file whose ReadOnly
// method returns its bytes without copying them: they are the binary's
// own read-only memory, paged in only where a font is read, which spares
// every start copying 1.4 MB (internal/safefile uses it).
var FS = files{
	"Inter-Regular.ttf":  regular,
	"Inter-Italic.ttf":   italic,
	"Inter-SemiBold.ttf": semiBold,
	"Inter-Bold.ttf":     bold,
}

//go:generate go run ./internal/sums

// The same bytes read from a file (a fonts/ folder holding copies of
// these) are these, not a copy, and their SHA-256 is known without
// hashing them (sums.go, which go generate writes): see safefile.BuiltIn.
func init() {
	for name, data := range FS {
		safefile.BuiltIn(unsafe.Slice(unsafe.StringData(data), len(data)), sums[name])
	}
}

// files is a flat fs.FS of files held in strings, by name.
type files map[string]string

// Open opens the file name.
func (m files) Open(name string) (fs.File, error) {
	data, ok := m[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &file{name: name, data: data}, nil
}

// ReadFile returns a copy of the file name's bytes, which the caller may
// change.
func (m files) ReadFile(name string) ([]byte, error) {
	data, ok := m[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return []byte(data), nil
}

// file is an open file of files.
type file struct {
	name string
	data string
	off  int
}

func (f *file) Stat() (fs.FileInfo, error) { return info{f.name, int64(len(f.data))}, nil }

func (f *file) Read(p []byte) (int, error) {
	if f.off >= len(f.data) {
		return 0, io.EOF
	}
	n := copy(p, f.data[f.off:])
	f.off += n
	return n, nil
}

func (f *file) Close() error { return nil }

// ReadOnly returns the file's bytes, not a copy: writing into them
// crashes the program.
func (f *file) ReadOnly() []byte { return unsafe.Slice(unsafe.StringData(f.data), len(f.data)) }

// info describes a file of files: regular, read-only.
type info struct {
	name string
	size int64
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) Mode() fs.FileMode  { return 0o444 }
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return false }
func (i info) Sys() any           { return nil }
