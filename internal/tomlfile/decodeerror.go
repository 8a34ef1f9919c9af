package tomlfile

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// The decoder's messages, read to place and explain errors; compiled when
// the first error is explained, not at start-up.
var (
	lineRE  = lazyRE(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)
	typeRE  = lazyRE(`^incompatible types: TOML value has type (\S+); destination has type (.+)$`)
	tableRE = lazyRE(`^type mismatch for \S+: expected table but found (.+)$`)
	// A key defined twice, or as a table and a value.
	definedRE = lazyRE(`^Key '(.*)' has already been defined\.$`)
	// A string where a date (time.Time) is wanted.
	timeRE = lazyRE(`^parsing time "[^"]*" as "[^"]*": `)
)

// lazyRE compiles expr once, when it is first used.
func lazyRE(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// decodeError turns an error of the decoder that badValues could not
// explain, most often a syntax error, into an *Error with a position.
func (f *File) decodeError(err error) error {
	e := &Error{File: f.Name}
	var key string
	var pe toml.ParseError
	if errors.As(err, &pe) {
		key, e.Msg = pe.LastKey, message(pe)
		// The decoder's line is one too many when the error is at a
		// newline; its byte offset is right.
		if p := pe.Position; p.Start > 0 && p.Start <= len(f.src) || p.Start == 0 && p.Line == 1 {
			e.Line, e.Col = lineCol(f.src, p.Start)
		}
		if m := definedRE().FindStringSubmatch(pe.Message); m != nil {
			key, e.Msg = m[1], "defined twice"
			if d := defsOf(scan(f.src), key); len(d) > 0 && d[0].line < e.Line {
				e.Msg += fmt.Sprintf(" (first on line %d)", d[0].line)
			}
		}
		if key != "" {
			e.Msg = key + ": " + e.Msg
		}
		return e
	}
	m := lineRE().FindStringSubmatch(err.Error())
	if m == nil {
		e.Msg = strings.TrimPrefix(err.Error(), "toml: ")
		return e
	}
	e.Line, _ = strconv.Atoi(m[1])
	key = m[2]
	e.Msg = key + ": " + friendly(m[3])
	if defs := defsOf(scan(f.src), key); len(defs) == 1 && (e.Line == 0 || defs[0].line == e.Line) {
		e.Line, e.Col = defs[0].line, defs[0].col
	}
	return e
}

// syntaxOK reports whether the source parses, to tell a syntax error,
// placed by the parser, from a bad value, placed by its key.
func (f *File) syntaxOK() bool {
	var m map[string]any
	_, err := toml.Decode(string(f.src), &m)
	return err == nil
}

// message gives a ParseError's message, with the first line of its usage
// notes.
func message(pe toml.ParseError) string {
	msg := friendly(pe.Message)
	if pe.Usage != "" {
		msg += " (" + strings.TrimSpace(strings.SplitN(pe.Usage, "\n", 2)[0]) + ")"
	}
	return msg
}

// friendly rewords the decoder's messages about types.
func friendly(msg string) string {
	if t := typeRE().FindStringSubmatch(msg); t != nil {
		return "want " + typeName(t[2]) + ", not " + typeName(t[1])
	}
	if t := tableRE().FindStringSubmatch(msg); t != nil {
		return "want a table, not " + typeName(t[1])
	}
	if timeRE().MatchString(msg) {
		return "want a date, not a string (write it without quotes, like 2026-11-21)"
	}
	return msg
}

// typeNames turns the decoder's type names (Go's and its own) into TOML
// words.
var typeNames = map[string]string{
	"string": "a string", "int64": "an integer", "integer": "an integer",
	"float64": "a float", "float": "a number", "bool": "a boolean",
	"boolean": "a boolean (true or false)", "time.Time": "a date",
	"[]any": "an array", "slice": "an array", "[]map[string]any": "an array of tables",
	"map[string]any": "a table", "map": "a table", "primitive (string-like)": "a string",
}

func typeName(t string) string {
	if n, ok := typeNames[t]; ok {
		return n
	}
	return t
}

// badValues finds, in the order of the source, the definitions that do
// not fit the Go type at their key in v: a table where a value is
// wanted, or a value that does not decode on its own. It returns them,
// with the keys in a bad table, and an error for each: for a table, not
// for the keys in it.
//
// The decoder stops at the first bad value it meets, meets the values of
// a map in random order, and places an error in an array of tables at
// its last table: this finds them all, in order.
func (f *File) badValues(v any) (bad []def, errs []error) {
	tables := map[string]bool{} // bad tables
	at := func(d def, key, msg string) {
		errs = append(errs, &Error{File: f.Name, Line: d.line, Col: d.col, Msg: key + ": " + msg})
		tables[key] = true
		// Leave d out; hide the errors about key, which may be d's
		// parent.
		bad = append(bad, d, def{plain: key, indexed: key})
	}
	root := reflect.TypeOf(v)
defs:
	for _, d := range scan(f.src) {
		parts := strings.Split(d.plain, ".")
		for n := 1; n <= len(parts); n++ {
			if tables[strings.Join(parts[:n], ".")] {
				bad = append(bad, d)
				continue defs
			}
		}
		// A table or dotted key inside what is not a table.
		for n := 1; n < len(parts); n++ {
			if t := typeAt(root, parts[:n]); t != nil && !isTable(t) {
				at(d, strings.Join(parts[:n], "."), "want "+kindName(t)+", not a table")
				continue defs
			}
		}
		t := typeAt(root, parts)
		switch {
		case t == nil:
		case d.value == "" && !isTable(t): // a [header]
			at(d, d.plain, "want "+kindName(t)+", not a table")
		case d.value == "" && d.array && !isArray(t):
			at(d, d.plain, "want a table (["+d.plain+"]), not an array of tables")
		case d.value == "" && !d.array && isArray(t) && t.Kind() != reflect.Interface:
			at(d, d.plain, "want an array of tables ([["+d.plain+"]]), not a table")
		case d.value != "":
			if e := f.tryValue(d, t); e != nil {
				errs = append(errs, e)
				bad = append(bad, d)
			}
		}
	}
	return bad, errs
}

// tryValue decodes the value of d alone into a t, and makes an error of
// what goes wrong.
func (f *File) tryValue(d def, t reflect.Type) *Error {
	holder := reflect.StructOf([]reflect.StructField{{Name: "V", Type: t, Tag: `toml:"v"`}})
	src := "v = " + d.value
	_, err := toml.Decode(src, reflect.New(holder).Interface())
	if err == nil {
		return nil
	}
	e := &Error{File: f.Name, Line: d.line, Col: d.col}
	key := ""
	var pe toml.ParseError
	if errors.As(err, &pe) {
		key, e.Msg = pe.LastKey, message(pe)
		if off := pe.Position.Start - len("v = "); off >= 0 && off <= len(d.value) {
			// Place it in the value, as the decoder does.
			l, c := lineCol([]byte(d.value), off)
			if l == 1 {
				c += d.valueCol - 1
			}
			e.Line, e.Col = d.line+l-1, c
		}
	} else if m := lineRE().FindStringSubmatch(err.Error()); m != nil {
		key, e.Msg = m[2], friendly(m[3])
	} else {
		e.Msg = strings.TrimPrefix(err.Error(), "toml: ")
	}
	if rest, ok := strings.CutPrefix(key, "v."); ok {
		e.Msg = d.plain + "." + rest + ": " + e.Msg
	} else {
		e.Msg = d.plain + ": " + e.Msg
	}
	return e
}

// isTable reports whether a TOML table can decode into t.
func isTable(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map, reflect.Interface:
		return true
	}
	return false
}

// isArray reports whether an array can decode into t.
func isArray(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Interface:
		return true
	}
	return false
}

// kindName names the TOML value that decodes into t.
func kindName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	if t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64 {
		return "an integer"
	}
	return "a value"
}

// typeAt follows a key path through struct fields (by toml tag or name),
// maps and slices to the type the decoder fills; nil if it cannot.
func typeAt(t reflect.Type, key []string) reflect.Type {
	for t != nil {
		if len(key) == 0 {
			return t
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			t = t.Elem()
			continue
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			t = field(t, key[0])
		case reflect.Interface:
			return nil
		default:
			return t // a scalar with keys under it
		}
		key = key[1:]
	}
	return nil
}

// field finds the struct field the decoder fills for a key: the one so
// named, else one named so but for case.
func field(t reflect.Type, name string) reflect.Type {
	var fold reflect.Type
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if tag == "" {
			tag = sf.Name
		}
		if tag == name {
			return sf.Type
		}
		if fold == nil && strings.EqualFold(tag, name) {
			fold = sf.Type
		}
	}
	return fold
}
