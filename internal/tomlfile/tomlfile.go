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
	"regexp"
	"strconv"
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
// unknown key is an error; all of them are returned, joined.
func Decode(name string, data []byte, v any) (*File, error) {
	f := &File{Name: name, src: data}
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return nil, f.decodeError(err)
	}
	f.md = md
	var errs []error
	for _, k := range md.Undecoded() {
		// A table whose own keys are all unknown is reported by its
		// keys, not once more as a table.
		if md.Type(k...) == "Hash" || md.Type(k...) == "ArrayHash" {
			if hasUndecodedChild(md.Undecoded(), k) {
				continue
			}
		}
		errs = append(errs, f.Errorf(k, "unknown key %q", k.String()))
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

// Has reports whether the file defines the dotted key.
func (f *File) Has(key ...string) bool { return f.md.IsDefined(key...) }

// Errorf makes an error about the value at key (a dotted path; array
// indices are not part of it), placed at that key's line and column when
// it can be found in the source.
func (f *File) Errorf(key []string, format string, args ...any) error {
	line, col := locate(f.src, key)
	return &Error{File: f.Name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

var lineRE = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

// decodeError turns the decoder's error into an *Error with a position.
func (f *File) decodeError(err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.Usage != "" {
			msg += " (" + strings.TrimSpace(strings.SplitN(pe.Usage, "\n", 2)[0]) + ")"
		}
		if pe.LastKey != "" {
			msg = pe.LastKey + ": " + msg
		}
		return &Error{File: f.Name, Line: pe.Position.Line, Col: pe.Position.Col, Msg: msg}
	}
	if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		msg := m[3]
		col := 0
		if m[2] != "" {
			if l, c := locate(f.src, strings.Split(m[2], ".")); l == line {
				col = c
			}
			msg = m[2] + ": " + msg
		}
		return &Error{File: f.Name, Line: line, Col: col, Msg: msg}
	}
	return &Error{File: f.Name, Msg: err.Error()}
}
