package tomlfile

import (
	"fmt"
	"strings"
)

// Spellings lists the ways TOML source may write r in a string: the
// character itself, its \u or \U escape (either case of hex digits),
// and its short escape for tab, newline and carriage return.
func Spellings(r rune) []string {
	s := []string{string(r), fmt.Sprintf(`\u%04X`, r), fmt.Sprintf(`\u%04x`, r), fmt.Sprintf(`\U%08X`, r), fmt.Sprintf(`\U%08x`, r)}
	switch r {
	case '\t':
		s = append(s, `\t`)
	case '\n':
		s = append(s, `\n`)
	case '\r':
		s = append(s, `\r`)
	}
	return s
}

// ErrorAt makes an error placed at the first of needles written in the
// value of key (with key nil: anywhere in the file past its comments),
// such as a character the fonts lack; like Errorf, it falls back on the
// key's place when none is found.
func (f *File) ErrorAt(key []string, needles []string, format string, args ...any) error {
	start, end := 0, len(f.text)
	if key != nil {
		d, ok := f.def(key)
		if !ok {
			return f.Errorf(key, format, args...)
		}
		start, end = d.start, d.end
	}
	best := -1
	for _, n := range needles {
		if n == "" {
			continue
		}
		for from := start; from < end; {
			i := strings.Index(f.text[from:end], n)
			if i < 0 {
				break
			}
			i += from
			if !f.inComment(i) {
				if best < 0 || i < best {
					best = i
				}
				break
			}
			from = i + len(n)
		}
	}
	if best < 0 {
		return f.Errorf(key, format, args...)
	}
	line, col := lineCol(f.text, best)
	return &Error{File: f.Name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// def finds the definition of key, as locate does.
func (f *File) def(key []string) (def, bool) {
	want := strings.Join(key, ".")
	for _, d := range f.defs() {
		if d.plain == want || d.indexed == want {
			return d, true
		}
	}
	return def{}, false
}

// inComment reports whether offset i is in a comment: after a '#' outside
// strings on its line. Multi-line strings are not followed across lines,
// which only matters for a '#' inside one.
func (f *File) inComment(i int) bool {
	lineStart := strings.LastIndexByte(f.text[:i], '\n') + 1
	var quote byte
	for j := lineStart; j < i; j++ {
		c := f.text[j]
		switch {
		case quote == 0 && c == '#':
			return true
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case quote == '"' && c == '\\':
			j++
		case c == quote:
			quote = 0
		}
	}
	return false
}
