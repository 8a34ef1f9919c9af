// Package tomlfile decodes TOML files strictly and reports every problem
// as "file:line:col: message".
//
// Syntax errors and bad values (types with UnmarshalText) get their
// position from the decoder. Unknown keys, which the decoder reports
// without a position, are located in the source by this package, so a
// typo in a key reads like any other error.
package tomlfile

import (
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// Error is a problem at a place in a file. Line and Col start at 1; zero
// means unknown.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

// Error gives "file:line:col: msg", leaving out what is unknown.
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return e.File + ": " + e.Msg
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// File is a decoded TOML file. It keeps the source to locate keys in the
// errors found after decoding.
type File struct {
	Name string
	src  []byte
	md   toml.MetaData
}

// Decode decodes data, read from the file called name, into v. Every
// unknown key is an error; all of them are returned, joined, with the
// decoded file. A file that cannot be decoded (bad syntax, a value of
// the wrong type) gives a nil *File and one error.
func Decode(name string, data []byte, v any) (*File, error) {
	f := &File{Name: name, src: data}
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return nil, f.decodeError(err, v)
	}
	f.md = md
	var errs []error
	undecoded := md.Undecoded()
	seen := map[string]int{}
	for _, k := range undecoded {
		// A table whose own keys are all unknown is reported by its
		// keys, not once more as a table.
		if md.Type(k...) == "Hash" || md.Type(k...) == "ArrayHash" {
			if hasUndecodedChild(undecoded, k) {
				continue
			}
		}
		// A key unknown in several tables of an array of tables is
		// listed once per table: place each at its own definition.
		e := &Error{File: name, Msg: fmt.Sprintf("unknown key %q", k.String())}
		if defs := defsOf(data, strings.Join(k, ".")); seen[k.String()] < len(defs) {
			d := defs[seen[k.String()]]
			e.Line, e.Col = d.line, d.col
		} else {
			e.Line, e.Col = locateNearest(data, k)
		}
		seen[k.String()]++
		errs = append(errs, e)
	}
	return f, errors.Join(errs...)
}

func hasUndecodedChild(keys []toml.Key, parent toml.Key) bool {
	for _, k := range keys {
		if len(k) > len(parent) && k[:len(parent)].String() == parent.String() {
			return true
		}
	}
	return false
}

// Has reports whether the file defines the dotted key (without Index
// parts).
func (f *File) Has(key ...string) bool { return f.md.IsDefined(key...) }

// Errorf makes an error about the value at key, a dotted path in which
// Index parts may select a table of an array of tables. It is placed at
// that key's line and column, or if the file does not define the key
// (a missing value), at its nearest parent that it defines; with none,
// the error names the file only.
func (f *File) Errorf(key []string, format string, args ...any) error {
	line, col := locateNearest(f.src, key)
	return &Error{File: f.Name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func locateNearest(src []byte, key []string) (line, col int) {
	for n := len(key); n > 0; n-- {
		if line, col = locate(src, key[:n]); line > 0 {
			return line, col
		}
	}
	return 0, 0
}
