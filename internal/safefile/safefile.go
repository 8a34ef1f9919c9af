// Package safefile reads the files a project is made of without trusting
// them: a file is read only if it is a regular file (never a named pipe,
// a device or a socket, which could block or never end), only up to a
// size that fits its kind, and, when it is read from a folder, only if it
// resolves inside that folder (links within it are followed; a link that
// leads out of it is refused, naming the link and its target).
//
// DirFS gives a folder as an fs.FS that enforces the first and last rule
// on every Open; ReadFile reads a file from any fs.FS with its kind's
// cap; ReadPath reads one file named on the command line.
package safefile

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"sync"
)

// Kind is what a file holds: its name in messages ("a logo") and the
// most bytes such a file may have.
type Kind struct {
	Name string
	Max  int64
}

// The kinds of file the tool reads, and their caps: well above any real
// file of the kind, far below what would strain memory.
var (
	// Content is a role's role.toml or <lang>.toml, or team.toml.
	Content = Kind{"a content file", 1 << 20}
	// Layout is a layout or brand file.
	Layout = Kind{"a layout file", 1 << 20}
	// Logo is a brand's SVG logo.
	Logo = Kind{"a logo", 4 << 20}
	// Photo is a salesperson's portrait, beside the team file.
	Photo = Kind{"a photo", 4 << 20}
	// Font is a TrueType or OpenType font; CJK fonts reach 20 to 30 MB.
	Font = Kind{"a font", 64 << 20}
	// Recipients is a CSV list of recipients.
	Recipients = Kind{"a recipients file", 20 << 20}
	// Manifest is an output folder's manifest.json.
	Manifest = Kind{"a manifest", 64 << 20}
	// PDF is a PDF to check; print files with images can be large.
	PDF = Kind{"a PDF", 512 << 20}
)

// TooLargeError is a file larger than its kind allows.
type TooLargeError struct {
	Size int64 // at least this many bytes
	Kind Kind
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s, more than the %s %s may be", sizeUp(e.Size), sizeDown(e.Kind.Max), e.Kind.Name)
}

// NotRegularError is a name that is not a regular file.
type NotRegularError struct{ Mode fs.FileMode }

func (e *NotRegularError) Error() string {
	what := "not a regular file"
	switch t := e.Mode.Type(); {
	case t&fs.ModeDir != 0:
		what = "a folder"
	case t&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case t&fs.ModeCharDevice != 0, t&fs.ModeDevice != 0:
		what = "a device"
	case t&fs.ModeSocket != 0:
		what = "a socket"
	case t&fs.ModeSymlink != 0:
		what = "a link"
	}
	return what + ", not a file"
}

// ReadFile reads name from fsys as a file of the given kind; shown is
// its name in messages ("layouts/logo.svg"). Every error starts with
// shown, except that of a missing file, which is fs.ErrNotExist wrapped
// with shown so that callers can say what they were looking for. A file
// that is not a regular file, or that is larger than kind.Max, is an
// error (*NotRegularError, *TooLargeError), found before it is read. A
// name that is not a plain path inside fsys ("../a", "/a") is missing.
// The bytes may be shared (a font built into the binary): callers must
// not change them.
func ReadFile(fsys fs.FS, name, shown string, kind Kind) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &missing{shown}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, located(shown, err)
	}
	defer f.Close()
	data, err := readCapped(f, kind)
	if err != nil {
		return nil, located(shown, err)
	}
	return data, nil
}

// ReadPath reads the file at path, named by the user (on the command
// line): links are followed wherever they lead, but it must be a regular
// file no larger than kind allows. Errors start with path.
func ReadPath(path string, kind Kind) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, located(path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, located(path, &NotRegularError{st.Mode()})
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, located(path, err)
	}
	defer f.Close()
	if err := sameFile(f, st); err != nil {
		return nil, located(path, err)
	}
	data, err := readCapped(f, kind)
	if err != nil {
		return nil, located(path, err)
	}
	return data, nil
}

// readOnly is a file whose bytes are in memory already and never
// change, like the fonts built into the binary: ReadOnly returns them
// without copying, and ReadFile returns that. Writing into them crashes
// the program, so ReadFile's callers must never change what it returns.
type readOnly interface{ ReadOnly() []byte }

// readCapped reads an open file whole if it is a regular file within
// kind's cap.
func readCapped(f fs.File, kind Kind) ([]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &NotRegularError{st.Mode()}
	}
	if st.Size() > kind.Max {
		return nil, &TooLargeError{st.Size(), kind}
	}
	if m, ok := f.(readOnly); ok {
		return m.ReadOnly(), nil
	}
	var data []byte
	if cands := builtIn[st.Size()]; len(cands) > 0 {
		same, read, eof, err := readSame(f, cands, st.Size())
		switch {
		case err != nil:
			return nil, err
		case same != nil:
			return same, nil
		case eof:
			return read, nil
		}
		data = read
	} else {
		// The file may grow or shrink while it is read: read into a
		// buffer of its size and one byte more, growing it only if it
		// fills up, and stop one byte past the cap. A buffer of the right
		// size from the start matters for fonts of several hundred
		// kilobytes, read at every start: growing it as it fills would
		// copy each twice.
		data = make([]byte, 0, st.Size()+1)
	}
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > kind.Max {
			return nil, &TooLargeError{int64(len(data)), kind}
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = slices.Grow(data, int(min(int64(cap(data)), kind.Max+1-int64(len(data)))))
		}
	}
}

// builtIn holds contents built into the binary, by size (see BuiltIn).
var builtIn = map[int64][][]byte{}

// builtInSums holds the contents built into the binary with their SHA-256.
var builtInSums []builtInSum

type builtInSum struct {
	data []byte
	sum  [sha256.Size]byte
}

// BuiltIn records data, built into the binary and never changed, and its
// SHA-256, sum, so that ReadFile gives a file holding the very same bytes
// these rather than a copy: a project that keeps copies of the built-in
// fonts in its fonts/ folder reads them without allocating 1.4 MB at
// every start (each fresh page of memory costs a page fault); and so
// that SHA256 knows their sum without hashing them. Call it from init
// functions only.
func BuiltIn(data []byte, sum [sha256.Size]byte) {
	builtIn[int64(len(data))] = append(builtIn[int64(len(data))], data)
	builtInSums = append(builtInSums, builtInSum{data, sum})
}

// SHA256 returns the SHA-256 of data. For contents built into the binary
// (the very bytes given to BuiltIn, as ReadFile returns them) it is the
// sum recorded with them: hashing the built-in fonts would take a quarter
// of a one-brochure build.
func SHA256(data []byte) [sha256.Size]byte {
	if len(data) > 0 {
		for _, b := range builtInSums {
			if len(b.data) == len(data) && &b.data[0] == &data[0] {
				return b.sum
			}
		}
	}
	return sha256.Sum256(data)
}

// sameBuffers are the buffers readSame compares a file through: large
// enough for a font of Latin text (Inter's are 344 kB) in one read. Read
// in 32 kB pieces, the four fonts of a layout took 44 system calls, and a
// one-brochure build 0.7 ms more (medians of 500 runs each, taking
// turns).
var sameBuffers = sync.Pool{New: func() any { return new([sameBuffer]byte) }}

// sameBuffer is the size of a buffer of sameBuffers.
const sameBuffer = 512 << 10

// readSame reads f, of size bytes, comparing it with cands, contents of
// that size. It returns the candidate the file equals; or else what it
// read, in a buffer of room for size+1 bytes, and whether that is the
// whole file (it ended early).
func readSame(f fs.File, cands [][]byte, size int64) (same, read []byte, eof bool, err error) {
	buf := sameBuffers.Get().(*[sameBuffer]byte)
	defer sameBuffers.Put(buf)
	off := 0
	for {
		n, err := f.Read(buf[:])
		if n > 0 {
			match := cands[:0:0]
			for _, c := range cands {
				if off+n <= len(c) && string(buf[:n]) == string(c[off:off+n]) {
					match = append(match, c)
				}
			}
			if len(match) == 0 {
				// The file differs: what was read so far is a prefix of
				// every candidate, then this chunk.
				read = make([]byte, off+n, max(size+1, int64(off+n)+1))
				copy(read, cands[0][:off])
				copy(read[off:], buf[:n])
				return nil, read, false, nil
			}
			cands, off = match, off+n
		}
		if err == io.EOF {
			if off == int(size) {
				return cands[0], nil, true, nil
			}
			return nil, slices.Clone(cands[0][:off]), true, nil // it shrank
		}
		if err != nil {
			return nil, nil, false, err
		}
	}
}

// located puts shown before err's message, dropping the operation and
// path that a *fs.PathError carries: shown names the file already.
func located(shown string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return &missing{shown}
	}
	return &Error{Path: shown, Err: err}
}

// Error is a file that could not be read: Path is its name as the user
// knows it.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// missing is a file that does not exist.
type missing struct{ shown string }

func (e *missing) Error() string { return e.shown + ": no such file" }
func (e *missing) Unwrap() error { return fs.ErrNotExist }

// sizeUp writes n bytes for a message, rounded up so that a file just
// past a cap never reads as the cap.
func sizeUp(n int64) string { return size(n, true) }

// sizeDown writes a cap for a message, rounded down.
func sizeDown(n int64) string { return size(n, false) }

func size(n int64, up bool) string {
	units := []struct {
		name string
		n    int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}}
	for _, u := range units {
		if n < u.n {
			continue
		}
		tenths := n * 10 / u.n
		if up && tenths*u.n != n*10 {
			tenths++
		}
		if tenths%10 == 0 {
			return fmt.Sprintf("%d %s", tenths/10, u.name)
		}
		return fmt.Sprintf("%d.%d %s", tenths/10, tenths%10, u.name)
	}
	return fmt.Sprintf("%d bytes", n)
}
