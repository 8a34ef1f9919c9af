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
	"reflect"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"
)

// Error is a problem at a place in a file. Line and Col start at 1; zero
// means unknown.
type Error struct {
	File      string
	Line, Col int
	Msg       string

	hidden bool // repeats an error of the decoder; Sort drops it
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
	defs func() []def // where the source defines its keys, scanned when first needed (for an error)
	bad  []def        // the definitions left out for their bad values
	// defined holds the keys Has finds (toml.Key.String of each): the
	// decoder's metadata, a tree of the whole file, is not kept with the
	// file, which content and layouts keep for their later errors.
	defined map[string]bool
}

// Decode decodes data, read from the file called name, into v, text in
// Unicode's composed form (NFC) whatever form the file uses. It returns
// every problem, joined: the values of the wrong type or that
// their type's UnmarshalText refuses, and the unknown keys. The file is
// returned even with problems, decoded without its bad values, so that
// it can be checked further; errors made with Errorf about a bad value
// are hidden (see Sort). Only a file that cannot be read at all (a
// syntax error) gives a nil *File, and its one error.
func Decode(name string, data []byte, v any) (*File, error) {
	if !norm.NFC.IsNormal(data) {
		// One form for every accent: "e" + U+0301 is drawn as "é", not
		// as "e" followed by a lone accent.
		data = norm.NFC.Bytes(data)
	}
	f := &File{Name: name, src: data}
	md, err := toml.Decode(string(data), v)
	var errs []error
	if err != nil {
		if !f.syntaxOK() {
			return nil, f.decodeError(err)
		}
		bad, berrs := f.badValues(v)
		if len(berrs) == 0 {
			return nil, f.decodeError(err)
		}
		// Decode again without the bad values.
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
			rv.Elem().SetZero()
		}
		if md, err = toml.Decode(string(blank(data, bad)), v); err != nil {
			return nil, errors.Join(berrs...)
		}
		f.bad, errs = bad, berrs
	}
	f.defined = definedKeys(md)
	f.defs = sync.OnceValue(func() []def { return scan(data) })
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
		if defs := defsOf(f.defs(), strings.Join(k, ".")); seen[k.String()] < len(defs) {
			d := defs[seen[k.String()]]
			e.Line, e.Col = d.line, d.col
		} else {
			e.Line, e.Col = locateNearest(f.defs(), k)
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
// parts), as toml.MetaData.IsDefined does.
func (f *File) Has(key ...string) bool { return len(key) > 0 && f.defined[toml.Key(key).String()] }

// definedKeys returns the keys md.IsDefined reports true for: every key
// of the file and its parents, but those inside arrays of tables.
func definedKeys(md toml.MetaData) map[string]bool {
	defined := map[string]bool{}
	for _, k := range md.Keys() {
		for n := 1; n <= len(k); n++ {
			s := k[:n].String()
			if _, ok := defined[s]; !ok {
				defined[s] = md.IsDefined(k[:n]...)
			}
		}
	}
	return defined
}

// Errorf makes an error about the value at key, a dotted path in which
// Index parts may select a table of an array of tables. It is placed at
// that key's line and column, or if the file does not define the key
// (a missing value), at its nearest parent that it defines; with none,
// the error names the file only.
//
// An error about a key whose value was bad, or a key in it, is hidden:
// the file's errors already say what is wrong there, and the check that
// found the key missing or empty only repeats it.
func (f *File) Errorf(key []string, format string, args ...any) error {
	line, col := locateNearest(f.defs(), key)
	return &Error{File: f.Name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), hidden: f.Omitted(key...)}
}

// Omitted reports whether the key, a dotted path with optional Index
// parts, was left out of the decoded file for its bad value, or is in
// a table that was.
func (f *File) Omitted(key ...string) bool {
	k := strings.Join(key, ".")
	for _, d := range f.bad {
		if k == d.indexed || strings.HasPrefix(k, d.indexed+".") {
			return true
		}
	}
	return false
}

func locateNearest(defs []def, key []string) (line, col int) {
	for n := len(key); n > 0; n-- {
		if line, col = locate(defs, key[:n]); line > 0 {
			return line, col
		}
	}
	return 0, 0
}
