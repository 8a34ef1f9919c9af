package tomlfile

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// The decoder's messages, read to explain errors; compiled when the first
// error is explained, not at start-up.
var (
	// A type mismatch: the TOML type, and the Go type.
	typeRE  = lazyRE(`^cannot (?:decode TOML (.+?) into (?:struct field .+ of type )?|store (an? (?:array )?table) in an? )(.+)$`)
	rangeRE = lazyRE(`^(?:negative )?integer value (-?\d+) cannot be stored in (\S+)$`)
	// A character, as the decoder writes it: U+000A, or U+0049 'I'.
	runeRE = lazyRE(`U\+[0-9A-F]{4,6}(?: '[^']+')?`)
	// A key or a table defined twice, or as a table and a value.
	twiceRE = lazyRE(`already (?:exists|defined)|should be a table`)
	// A string where a date (time.Time) is wanted.
	timeRE = lazyRE(`^parsing time "[^"]*" as "[^"]*": `)
)

// lazyRE compiles expr once, when it is first used.
func lazyRE(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// decodeError turns an error of the decoder that badValues could not
// explain, most often a syntax error, into an *Error with a position,
// naming the key of the line where it is.
func (f *File) decodeError(err error) error {
	e := &Error{File: f.Name}
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		e.Msg = strings.TrimPrefix(err.Error(), "toml: ")
		return e
	}
	e.Line, e.Col = de.Position()
	e.Msg = friendly(strings.TrimPrefix(de.Error(), "toml: "))
	defs := f.defs()
	i := defAt(defs, offsetOf(f.text, e.Line, e.Col))
	if i < 0 {
		return e
	}
	d := defs[i]
	key := ""
	if d.isKey() {
		key = d.plain
	}
	if twiceRE().MatchString(e.Msg) {
		key, e.Msg = d.plain, "defined twice"
		first := -1
		if d.isKey() && strings.HasPrefix(d.value, "{") {
			// Twice in an inline table: place it at the second.
			if k, off, firstOff, ok := parseValue(f.text, d.voff).twice(d.keys); ok {
				key = strings.Join(k, ".")
				e.Line, e.Col = lineCol(f.text, off)
				first, _ = lineCol(f.text, firstOff)
			}
		} else {
			first = firstDef(defs[:i], d)
		}
		if first > 0 && first < e.Line {
			e.Msg += fmt.Sprintf(" (first on line %d)", first)
		}
	}
	if key != "" {
		e.Msg = key + ": " + e.Msg
	}
	return e
}

// firstDef returns the line of the first of defs that d defines again:
// the same table or key, else the same path in another table of an array;
// 0 if none.
func firstDef(defs []def, d def) int {
	for _, same := range []func(p def) bool{
		func(p def) bool { return p.indexed == d.indexed },
		func(p def) bool { return p.plain == d.plain },
		func(p def) bool { return strings.HasPrefix(p.indexed, d.indexed+".") },
	} {
		for _, p := range defs {
			if same(p) {
				return p.line
			}
		}
	}
	return 0
}

// friendly rewords the decoder's messages: types in TOML's words, numbers
// out of range, characters quoted.
func friendly(msg string) string {
	if t := typeRE().FindStringSubmatch(msg); t != nil {
		from := t[1]
		if from == "" {
			from = strings.TrimPrefix(strings.TrimPrefix(t[2], "an "), "a ")
		}
		return "want " + goName(t[3]) + ", not " + tomlNames[from]
	}
	if t := rangeRE().FindStringSubmatch(msg); t != nil {
		return t[1] + " is out of range for " + t[2]
	}
	if timeRE().MatchString(msg) {
		return "want a date, not a string (write it without quotes, like 2026-11-21)"
	}
	return runeRE().ReplaceAllStringFunc(msg, func(u string) string {
		n, err := strconv.ParseUint(strings.Fields(u)[0][2:], 16, 32)
		if err != nil {
			return u
		}
		return strconv.QuoteRune(rune(n))
	})
}

// tomlNames turns the decoder's names of TOML types into words.
var tomlNames = map[string]string{
	"string": "a string", "integer": "an integer", "float": "a float", "boolean": "a boolean",
	"datetime": "a date", "local datetime": "a date", "local date": "a date", "local time": "a date",
	"array": "an array", "inline table": "a table", "table": "a table", "array table": "an array of tables",
}

// goName names the TOML value that decodes into the Go type so written.
func goName(t string) string {
	switch {
	case t == "string":
		return "a string"
	case t == "bool":
		return "a boolean (true or false)"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "an integer"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "time.Time":
		return "a date"
	case strings.HasPrefix(t, "[]") || strings.HasPrefix(t, "["):
		return "an array"
	case strings.HasPrefix(t, "map[") || t == "struct":
		return "a table"
	}
	return t
}

// unknownKeys turns the decoder's unknown keys into errors, one for each
// key as written in the file, at its place: the keys of an unknown table
// rather than the table, the keys of an inline table rather than the
// inline table, as many times as it is written in tables of an array.
func (f *File) unknownKeys(m *toml.StrictMissingError) []error {
	defs := f.defs()
	text := f.text
	var errs []error
	add := func(keys []string, off int) {
		line, col := lineCol(f.text, off)
		errs = append(errs, &Error{File: f.Name, Line: line, Col: col, Msg: fmt.Sprintf("unknown key %q", keyString(keys))})
	}
	for k := range m.Errors {
		e := &m.Errors[k]
		line, col := e.Position()
		off := offsetOf(f.text, line, col)
		i := defAt(defs, off)
		switch {
		case i < 0:
			add(e.Key(), off)
		case !defs[i].isKey(): // an unknown table: its keys
			n := 0
			for _, d := range defs[i+1:] {
				if !d.isKey() {
					break
				}
				parseValue(text, d.voff).leaves(d.keys, d.start, add)
				n++
			}
			if n == 0 {
				add(defs[i].keys, defs[i].start)
			}
		case off == defs[i].start:
			parseValue(text, defs[i].voff).leaves(defs[i].keys, defs[i].start, add)
		default: // in an inline table
			if en, keys, ok := parseValue(text, defs[i].voff).find(defs[i].keys, off); ok {
				en.val.leaves(keys, en.off, add)
			} else {
				add(defs[i].keys, defs[i].start)
			}
		}
	}
	return errs
}

// keyString writes a key as TOML does: parts that are not bare in
// double quotes.
func keyString(keys []string) string {
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('.')
		}
		bare := k != ""
		for j := 0; j < len(k); j++ {
			bare = bare && isBare(k[j])
		}
		if bare {
			b.WriteString(k)
		} else {
			b.WriteString(`"` + quoteReplacer.Replace(k) + `"`)
		}
	}
	return b.String()
}

var quoteReplacer = strings.NewReplacer(`"`, `\"`, `\`, `\\`, "\b", `\b`, "\t", `\t`, "\n", `\n`, "\f", `\f`, "\r", `\r`)

// unsure reports whether the file has a definition that the decoder may
// take without a word where this package does not, so that badValues
// must look: a table where an array of tables is wanted, a table into a
// type with UnmarshalText, or a value other than a string where the type
// wanted has UnmarshalText somewhere in it (the decoder reads a number
// into a units.Length as points, where UnmarshalText wants a unit).
func (f *File) unsure(root reflect.Type) bool {
	if root == nil {
		return false
	}
	text := f.text
	for _, d := range f.keyDefs() {
		if !d.isKey() || d.dotted {
			// A table, or a dotted key, into a type with UnmarshalText or
			// an array.
			for n := 1; n <= len(d.keys); n++ {
				t := typeAt(root, d.keys[:n])
				if t == nil {
					break
				}
				if isText(deref(t)) || n < d.top && isArray(t) && deref(t).Kind() != reflect.Interface {
					return true
				}
			}
			if !d.isKey() {
				if t := typeAt(root, d.keys); t != nil && !d.array && isArray(t) && deref(t).Kind() != reflect.Interface {
					return true
				}
				continue
			}
		}
		c := d.value[0]
		quoted := c == '"' || c == '\''
		if quoted && !d.dotted {
			continue
		}
		t := typeAt(root, d.keys)
		if t == nil {
			continue
		}
		inline := !d.dotted && (c == '[' || c == '{')
		if tt := deref(t); isText(tt) {
			if tt == reflect.TypeFor[time.Time]() && !inline && !d.dotted {
				continue // a date, or what the decoder refuses
			}
			return true
		}
		if inline {
			if s := (scanner{src: text, i: d.voff}); s.simple() {
				continue
			}
		}
		if hasText(t) {
			return true
		}
	}
	return false
}

// badValues finds, in the order of the source, the definitions that do
// not fit the Go type at their key in v: a table where a value is
// wanted, or a value that does not decode on its own. It returns them,
// with the keys in a bad table, and an error for each: for a table, not
// for the keys in it.
//
// The decoder stops at the first bad value it meets: this finds them
// all, in order.
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
	text := f.text
defs:
	for _, d := range f.defs() {
		parts := strings.Split(d.plain, ".")
		for n := 1; n <= len(parts); n++ {
			if tables[strings.Join(parts[:n], ".")] {
				bad = append(bad, d)
				continue defs
			}
		}
		// A table or dotted key inside what is not a table, or in an
		// array not written as an array of tables.
		for n := 1; n < len(d.keys); n++ {
			if t := typeAt(root, d.keys[:n]); t != nil && (!isTable(t) || n < d.top && isArray(t) && deref(t).Kind() != reflect.Interface) {
				at(d, strings.Join(d.keys[:n], "."), "want "+kindName(t)+", not a table")
				continue defs
			}
		}
		t := typeAt(root, d.keys)
		switch {
		case t == nil:
		case !d.isKey() && !isTable(t): // a [header]
			at(d, d.plain, "want "+kindName(t)+", not a table")
		case !d.isKey() && d.array && !isArray(t):
			at(d, d.plain, "want a table (["+d.plain+"]), not an array of tables")
		case !d.isKey() && !d.array && isArray(t) && deref(t).Kind() != reflect.Interface:
			at(d, d.plain, "want an array of tables ([["+d.plain+"]]), not a table")
		case d.isKey():
			if e := f.tryValue(text, d, t); e != nil {
				errs = append(errs, e)
				bad = append(bad, d)
			}
		}
	}
	return bad, errs
}

// tryValue checks the value of d against t as this package reads it (see
// check), then decodes it alone into a t, and makes an error of what goes
// wrong.
func (f *File) tryValue(text string, d def, t reflect.Type) *Error {
	src := "v = " + d.value
	var m map[string]any
	if err := toml.Unmarshal([]byte(src), &m); err == nil {
		if p := check(t, m["v"], parseValue(text, d.voff), d.keys, -1); p != nil {
			e := &Error{File: f.Name, Line: d.line, Col: d.col, Msg: strings.Join(p.keys, ".") + ": " + p.msg}
			if p.off >= 0 {
				e.Line, e.Col = lineCol(f.text, p.off)
			}
			return e
		}
	}
	holder := reflect.StructOf([]reflect.StructField{{Name: "V", Type: t, Tag: `toml:"v"`}})
	err := toml.Unmarshal([]byte(src), reflect.New(holder).Interface())
	if err == nil {
		return nil
	}
	e := &Error{File: f.Name, Line: d.line, Col: d.col, Msg: d.plain + ": " + friendly(strings.TrimPrefix(err.Error(), "toml: "))}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		if line, col := de.Position(); line == 1 && col > len("v = ") {
			// Place it in the value, as the decoder does.
			e.Line, e.Col = lineCol(f.text, min(d.voff+col-1-len("v = "), len(f.text)))
		}
	}
	return e
}

// isTable reports whether a TOML table can decode into t.
func isTable(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if isText(t) {
		return false
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map, reflect.Interface:
		return true
	}
	return false
}

// isArray reports whether an array can decode into t.
func isArray(t reflect.Type) bool {
	t = deref(t)
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Interface:
		return true
	}
	return false
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// kindName names the TOML value that decodes into t.
func kindName(t reflect.Type) string {
	t = deref(t)
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
	if isText(t) {
		return "a string"
	}
	return "a value"
}

// typeAt follows a key path through struct fields (by toml tag or name),
// maps and slices to the type the decoder fills; nil if it cannot. A type
// with UnmarshalText ends the path, like a scalar.
func typeAt(t reflect.Type, key []string) reflect.Type {
	for t != nil {
		if len(key) == 0 {
			return t
		}
		if isText(t) {
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
// named, else the first one named so but for case.
func field(t reflect.Type, name string) reflect.Type {
	fs := fieldsOf(t)
	if ft, ok := fs.exact[name]; ok {
		return ft
	}
	return fs.fold[strings.ToLower(name)]
}

// fields are the types of a struct's fields by name (toml tag or Go
// name) and by lower-case name.
type fields struct{ exact, fold map[string]reflect.Type }

var fieldsCache sync.Map // of fields by struct type

func fieldsOf(t reflect.Type) fields {
	if fs, ok := fieldsCache.Load(t); ok {
		return fs.(fields)
	}
	fs := fields{exact: map[string]reflect.Type{}, fold: map[string]reflect.Type{}}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if tag == "" {
			tag = sf.Name
		}
		if _, ok := fs.exact[tag]; !ok {
			fs.exact[tag] = sf.Type
		}
		if _, ok := fs.fold[strings.ToLower(tag)]; !ok {
			fs.fold[strings.ToLower(tag)] = sf.Type
		}
	}
	fieldsCache.Store(t, fs)
	return fs
}
