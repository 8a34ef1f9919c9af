package build

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The manifest is read and written by hand rather than by encoding/json:
// its reflection took 4.7 ms to read and 3.3 ms to write the manifest of
// 1,400 outputs, at every build into that folder, and 0.4 ms for a
// manifest of one, the cold start of the package. What is written is
// byte for byte what json.MarshalIndent(m, "", "  ") writes, and what is
// read is what json.Unmarshal reads (TestManifestJSON and
// FuzzManifestJSON compare them).

// marshalManifest writes m as json.MarshalIndent(m, "", "  ") does.
func marshalManifest(m *Manifest) []byte {
	b := make([]byte, 0, 64+len(m.Outputs)*400)
	b = append(b, "{\n  \"version\": "...)
	b = strconv.AppendInt(b, int64(m.Version), 10)
	b = append(b, ",\n  \"outputs\": "...)
	switch {
	case m.Outputs == nil:
		b = append(b, "null"...)
	case len(m.Outputs) == 0:
		b = append(b, "{}"...)
	default:
		b = append(b, '{')
		names := make([]string, 0, len(m.Outputs))
		for name := range m.Outputs {
			names = append(names, name)
		}
		slices.Sort(names)
		for i, name := range names {
			if i > 0 {
				b = append(b, ',')
			}
			e := m.Outputs[name]
			b = append(b, "\n    "...)
			b = appendString(b, name)
			b = append(b, ": {"...)
			for k, f := range entryFields {
				if f.omitEmpty && *f.str(&e) == "" {
					continue
				}
				if k > 0 {
					b = append(b, ',')
				}
				b = append(b, "\n      \""...)
				b = append(b, f.name...)
				b = append(b, "\": "...)
				if f.str != nil {
					b = appendString(b, *f.str(&e))
				} else {
					b = strconv.AppendInt(b, int64(*f.num(&e)), 10)
				}
			}
			b = append(b, "\n    }"...)
		}
		b = append(b, "\n  }"...)
	}
	return append(b, "\n}"...)
}

// appendString writes s as a JSON string as encoding/json does: HTML's
// <, > and & escaped, U+2028 and U+2029 too, invalid UTF-8 as U+FFFD.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// unmarshalManifest reads data into m as json.Unmarshal does: unknown
// keys are skipped, keys match fields regardless of case (an exact match
// first), null leaves a field as it is, a later duplicate wins.
func unmarshalManifest(data []byte, m *Manifest) error {
	d := jsonReader{data: data}
	d.space()
	if d.null() { // no effect, as on any value
		if d.i < len(d.data) {
			return d.errorf("after top-level value")
		}
		return nil
	}
	err := d.object(func(key []byte) error {
		f := ""
		if i := field(key, len(manifestFields), func(i int) string { return manifestFields[i] }); i >= 0 {
			f = manifestFields[i]
		}
		switch {
		case d.null():
			if f == "outputs" {
				m.Outputs = nil
			}
			return nil
		case f == "version":
			n, err := d.int()
			m.Version = n
			return err
		case f == "outputs":
			if len(m.Outputs) == 0 {
				// Room for the entries, of some 330 bytes each.
				m.Outputs = make(map[string]Entry, len(d.data)/330)
			}
			return d.object(func(name []byte) error {
				var e Entry
				if !d.null() {
					if err := d.entry(&e); err != nil {
						return err
					}
				}
				m.Outputs[string(name)] = e
				return nil
			})
		}
		return d.skip(0)
	})
	if err != nil {
		return err
	}
	d.space()
	if d.i < len(d.data) {
		return d.errorf("after top-level value")
	}
	return nil
}

// entry reads an entry's object.
func (d *jsonReader) entry(e *Entry) error {
	return d.object(func(key []byte) error {
		if d.null() {
			return nil
		}
		i := field(key, len(entryFields), func(i int) string { return entryFields[i].name })
		if i < 0 {
			return d.skip(0)
		}
		f := entryFields[i]
		var err error
		if f.str != nil {
			*f.str(e), err = d.string()
		} else {
			*f.num(e), err = d.int()
		}
		return err
	})
}

// manifestFields are the JSON names of a manifest's fields.
var manifestFields = [...]string{"version", "outputs"}

// entryFields are an entry's fields, in the order encoding/json writes
// them: their JSON names (the struct's tags, which TestManifestJSON
// holds them to) and where each value is, a string's or a number's.
var entryFields = [...]entryField{
	{name: "role", str: func(e *Entry) *string { return &e.Role }},
	{name: "lang", str: func(e *Entry) *string { return &e.Lang }},
	{name: "layout", str: func(e *Entry) *string { return &e.Layout }},
	{name: "variant", str: func(e *Entry) *string { return &e.Variant }},
	{name: "client", str: func(e *Entry) *string { return &e.Client }, omitEmpty: true},
	{name: "inputs", str: func(e *Entry) *string { return &e.Inputs }},
	{name: "sha256", str: func(e *Entry) *string { return &e.SHA256 }},
	{name: "pages", num: func(e *Entry) *int { return &e.Pages }},
	{name: "bytes", num: func(e *Entry) *int { return &e.Bytes }},
}

// entryField is one of an entry's fields: str for a string, num for a
// number; omitEmpty leaves an empty string out (omitempty).
type entryField struct {
	name      string
	str       func(*Entry) *string
	num       func(*Entry) *int
	omitEmpty bool
}

// field returns the index of the one of n fields that key names, by
// name(i): the field itself, or one that differs only in case, as
// encoding/json matches them; -1 for none.
func field(key []byte, n int, name func(i int) string) int {
	for i := range n {
		if string(key) == name(i) {
			return i
		}
	}
	for i := range n {
		if strings.EqualFold(string(key), name(i)) {
			return i
		}
	}
	return -1
}

// jsonReader reads JSON from data at i.
type jsonReader struct {
	data []byte
	i    int
	made map[string]string // the short strings read, by their bytes
}

// errorf is a syntax error at the reader's offset.
func (d *jsonReader) errorf(format string, args ...any) error {
	if d.i >= len(d.data) {
		return errors.New("unexpected end of JSON input")
	}
	return fmt.Errorf("invalid character %q at offset %d %s", d.data[d.i], d.i, fmt.Sprintf(format, args...))
}

// space skips white space.
func (d *jsonReader) space() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// null reads a null if there is one.
func (d *jsonReader) null() bool {
	if d.literal("null") {
		d.i += 4
		d.space()
		return true
	}
	return false
}

// literal reports whether the data at i starts with lit.
func (d *jsonReader) literal(lit string) bool {
	return len(d.data)-d.i >= len(lit) && string(d.data[d.i:d.i+len(lit)]) == lit
}

// object reads an object, calling member for each key with the reader
// at its value, which member reads.
func (d *jsonReader) object(member func(key []byte) error) error {
	if d.i >= len(d.data) || d.data[d.i] != '{' {
		return d.errorf("looking for an object")
	}
	return d.elements('}', "after object key:value pair", func() error {
		key, err := d.bytes()
		if err != nil {
			return err
		}
		if d.i >= len(d.data) || d.data[d.i] != ':' {
			return d.errorf("after object key")
		}
		d.i++
		d.space()
		return member(key)
	})
}

// elements reads the elements of the object or array opening at i, up
// to close, with each; after names what a bad separator came after.
func (d *jsonReader) elements(close byte, after string, each func() error) error {
	d.i++
	d.space()
	if d.i < len(d.data) && d.data[d.i] == close {
		d.i++
		d.space()
		return nil
	}
	for {
		if err := each(); err != nil {
			return err
		}
		if d.i >= len(d.data) {
			return d.errorf("")
		}
		switch d.data[d.i] {
		case ',':
			d.i++
			d.space()
		case close:
			d.i++
			d.space()
			return nil
		default:
			return d.errorf("%s", after)
		}
	}
}

// string reads a string. The short ones, which repeat from entry to
// entry (roles, languages, layouts, variants), are made once.
func (d *jsonReader) string() (string, error) {
	b, err := d.bytes()
	if err != nil || len(b) > 32 {
		return string(b), err
	}
	if s, ok := d.made[string(b)]; ok {
		return s, nil
	}
	if d.made == nil {
		d.made = map[string]string{}
	}
	s := string(b)
	d.made[s] = s
	return s, nil
}

// bytes reads a string: its bytes in data unless it has escapes or
// invalid UTF-8, a copy then.
func (d *jsonReader) bytes() ([]byte, error) {
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return nil, d.errorf("looking for a string")
	}
	d.i++
	start := d.i
	var b []byte // only when the string has escapes or invalid UTF-8
	for d.i < len(d.data) {
		for d.i < len(d.data) && plain[d.data[d.i]] {
			d.i++
		}
		if d.i == len(d.data) {
			break
		}
		c := d.data[d.i]
		switch {
		case c == '"':
			s := d.data[start:d.i]
			if b != nil {
				s = append(b, s...)
			}
			d.i++
			d.space()
			return s, nil
		case c < 0x20:
			return nil, d.errorf("in string literal")
		case c == '\\':
			b = append(b, d.data[start:d.i]...)
			r, err := d.escape()
			if err != nil {
				return nil, err
			}
			b = utf8.AppendRune(b, r)
			start = d.i
		case c < utf8.RuneSelf:
			d.i++
		default:
			r, size := utf8.DecodeRune(d.data[d.i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, d.data[start:d.i]...)
				b = utf8.AppendRune(b, utf8.RuneError)
				d.i++
				start = d.i
				continue
			}
			d.i += size
		}
	}
	return nil, d.errorf("")
}

// plain tells the bytes that stand for themselves in a JSON string: ASCII
// but for controls, the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// escape reads the escape at i (a backslash) and returns its character;
// a surrogate half without its other half is U+FFFD.
func (d *jsonReader) escape() (rune, error) {
	d.i++ // the backslash
	if d.i >= len(d.data) {
		return 0, d.errorf("")
	}
	c := d.data[d.i]
	d.i++
	switch c {
	case '"', '\\', '/':
		return rune(c), nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'u':
		r, ok := d.hex4()
		if !ok {
			return 0, d.errorf("in \\u hexadecimal character escape")
		}
		if utf16.IsSurrogate(r) {
			if d.i+1 < len(d.data) && d.data[d.i] == '\\' && d.data[d.i+1] == 'u' {
				save := d.i
				d.i += 2
				r2, ok := d.hex4()
				if !ok {
					return 0, d.errorf("in \\u hexadecimal character escape")
				}
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					return dec, nil
				}
				d.i = save // the next escape is a character of its own
			}
			return utf8.RuneError, nil
		}
		return r, nil
	}
	d.i--
	return 0, d.errorf("in string escape code")
}

// hex4 reads four hexadecimal digits.
func (d *jsonReader) hex4() (rune, bool) {
	if d.i+4 > len(d.data) {
		return 0, false
	}
	var r rune
	for _, c := range d.data[d.i : d.i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	d.i += 4
	return r, true
}

// int reads a number that must be an int, as json.Unmarshal into an int
// requires.
func (d *jsonReader) int() (int, error) {
	start := d.i
	if err := d.number(); err != nil {
		return 0, err
	}
	text := string(d.data[start:d.i])
	d.space()
	n, err := strconv.ParseInt(text, 10, strconv.IntSize)
	if err != nil {
		return 0, fmt.Errorf("cannot unmarshal number %s into an int", text)
	}
	return int(n), nil
}

// number reads a number's syntax.
func (d *jsonReader) number() error {
	digits := func() int {
		n := 0
		for d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	if d.i < len(d.data) && d.data[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.data) && d.data[d.i] == '0':
		d.i++
	case digits() == 0:
		return d.errorf("looking for a value")
	}
	if d.i < len(d.data) && d.data[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return d.errorf("after decimal point in numeric literal")
		}
	}
	if d.i < len(d.data) && (d.data[d.i] == 'e' || d.data[d.i] == 'E') {
		d.i++
		if d.i < len(d.data) && (d.data[d.i] == '+' || d.data[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return d.errorf("in exponent of numeric literal")
		}
	}
	return nil
}

// skip reads any value, depth levels deep already.
func (d *jsonReader) skip(depth int) error {
	if depth > 10000 {
		return errors.New("exceeded max depth")
	}
	if d.i >= len(d.data) {
		return d.errorf("")
	}
	switch c := d.data[d.i]; {
	case c == '{':
		return d.object(func([]byte) error { return d.skip(depth + 1) })
	case c == '[':
		return d.elements(']', "after array element", func() error { return d.skip(depth + 1) })
	case c == '"':
		_, err := d.string()
		return err
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range []string{"true", "false", "null"} {
			if d.literal(lit) {
				d.i += len(lit)
				d.space()
				return nil
			}
		}
		return d.errorf("in literal")
	default:
		if err := d.number(); err != nil {
			return err
		}
		d.space()
		return nil
	}
}
