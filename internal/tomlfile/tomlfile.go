// Package tomlfile decodes TOML files strictly and reports every problem
// as "file:line:col: message".
//
// It decodes with github.com/pelletier/go-toml/v2, whose errors carry
// their line and column. The package's own key scanner (scan.go) reads
// the file too: to answer Has; to find the values go-toml/v2 would take
// where this package refuses them (a number for a units.Length, which
// wants a unit); in a file with a problem, to find every bad value and
// not the first only, to name each key as the file writes it, and to
// place an unknown table's keys, so that a typo in a key reads like any
// other error.
package tomlfile

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"
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
//
// What it keeps is little more than the source: every role and layout
// of a batch stays loaded, and the definitions the checks of Decode
// scan (ten times the source's size) are made again when an error needs
// them.
type File struct {
	Name string
	text string       // the source
	defs func() []def // where the source defines its keys, scanned when first needed
	// keyDefs are the same without the paths of key = value lines,
	// enough to check the file.
	keyDefs func() []def
	bad     []def // the definitions left out for their bad values
	// defined holds the key paths Has finds, their parts joined by
	// "\x00", from the source as decoded (without its bad values);
	// worked out on its first use.
	defined func() map[string]bool
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
	data = bytes.TrimPrefix(data, bom)
	f := &File{Name: name, text: string(data)}
	f.scanOnUse()
	decoded := f.text // the source as decoded, for Has
	err := decode(data, v, true)
	var missing *toml.StrictMissingError
	failed := err != nil && !errors.As(err, &missing)
	var errs []error
	if failed || f.unsure(reflect.TypeOf(v)) {
		if failed {
			if err := decode(data, new(map[string]any), false); err != nil {
				return nil, f.decodeError(err) // a syntax error
			}
		}
		bad, berrs := f.badValues(v)
		switch {
		case len(berrs) > 0:
			// Decode again without the bad values.
			if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
				rv.Elem().SetZero()
			}
			missing = nil
			blanked := blank(data, bad)
			if err := decode(blanked, v, true); err != nil && !errors.As(err, &missing) {
				return nil, errors.Join(berrs...)
			}
			// Has sees the file as decoded, without its bad values.
			decoded = string(blanked)
			f.bad, errs = bad, berrs
		case failed:
			return nil, f.decodeError(err)
		}
	}
	if missing != nil {
		errs = append(errs, f.unknownKeys(missing)...)
	}
	f.defined = sync.OnceValue(func() map[string]bool { return definedKeys(decoded) })
	if len(errs) == 0 {
		f.scanOnUse() // lets go of the definitions the checks scanned
	}
	return f, errors.Join(errs...)
}

// scanOnUse makes the file's definitions be scanned when first needed.
func (f *File) scanOnUse() {
	f.keyDefs = sync.OnceValue(func() []def { return scanKeys(f.text) })
	f.defs = sync.OnceValue(func() []def { return withPaths(f.keyDefs()) })
}

// bom is the byte order mark some editors write at the start of a file.
var bom = []byte("\ufeff")

// decode decodes data into v, strictly (unknown keys are errors) or not.
func decode(data []byte, v any, strict bool) error {
	d := toml.NewDecoder(bytes.NewReader(data))
	if strict {
		d.DisallowUnknownFields()
	}
	return d.Decode(v)
}

// Has reports whether the file defines the dotted key: a key of the file
// or one of its parents, an inline table's keys included, but not a key
// in an array of tables (BurntSushi/toml's MetaData.IsDefined, which
// this package used to decode with).
func (f *File) Has(key ...string) bool {
	return len(key) > 0 && f.defined()[strings.Join(key, "\x00")]
}

// definedKeys lists the key paths Has finds in src, their parts joined
// by "\x00".
func definedKeys(src string) map[string]bool {
	defined := map[string]bool{}
	add := func(keys []string) { defined[strings.Join(keys, "\x00")] = true }
	for _, d := range scanKeys(src) {
		for n := 1; n <= d.top; n++ {
			add(d.keys[:n])
		}
		if d.top == len(d.keys) && strings.HasPrefix(d.value, "{") {
			parseValue(src, d.voff).tables(d.keys, add)
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
