package tomlfile

import (
	"sort"
	"strconv"
	"strings"
)

// Index names the i-th table (from 0) of an array of tables in a key
// path: []string{"salary", "levels", Index(1), "min"} is the min of the
// second [[salary.levels]].
func Index(i int) string { return "[" + strconv.Itoa(i) + "]" }

// A def is a place where the source defines a key: a table header or the
// key of a key = value line.
type def struct {
	// plain is the dotted path of the key; indexed is the same with an
	// Index part after each array of tables.
	plain, indexed string
	line, col      int // of the header or key, from 1
	// value is the text of the value (key lines only) and valueCol the
	// column where it starts.
	value    string
	valueCol int
}

// scan lists the definitions of the source, in order. It is a reader of
// keys only, written for valid TOML (the decoder checks the syntax), but
// it stops without panicking on anything.
func scan(src []byte) []def {
	s := scanner{src: string(src)}
	for i, c := range s.src {
		if c == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	var defs []def
	table, tableIx := "", ""
	arrays := map[string]int{} // current index by indexed path of the array
	indexify := func(parts []string) string {
		out := ""
		for _, p := range parts {
			out = join(out, p)
			if n, ok := arrays[out]; ok {
				out = join(out, Index(n))
			}
		}
		return out
	}
	for {
		s.skipBlank()
		if s.i >= len(s.src) {
			return defs
		}
		start := s.i
		if s.src[s.i] == '[' {
			array := strings.HasPrefix(s.src[s.i:], "[[")
			s.i++
			if array {
				s.i++
			}
			parts := s.key()
			if len(parts) == 0 {
				s.skipLine()
				continue
			}
			if array {
				parent := indexify(parts[:len(parts)-1])
				arr := join(parent, parts[len(parts)-1])
				if n, ok := arrays[arr]; ok {
					arrays[arr] = n + 1
				} else {
					arrays[arr] = 0
				}
				for k := range arrays { // nested arrays start again
					if strings.HasPrefix(k, arr+".") {
						delete(arrays, k)
					}
				}
			}
			table, tableIx = strings.Join(parts, "."), indexify(parts)
			line, col := s.pos(start)
			defs = append(defs, def{plain: table, indexed: tableIx, line: line, col: col})
			s.skipLine()
			continue
		}
		parts := s.key()
		if len(parts) == 0 || s.i >= len(s.src) || s.src[s.i] != '=' {
			s.skipLine()
			continue
		}
		s.i++
		for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
			s.i++
		}
		vstart := s.i
		vend := s.value()
		k := strings.Join(parts, ".")
		d := def{plain: join(table, k), indexed: join(tableIx, k), value: strings.TrimRight(s.src[vstart:vend], " \t\r")}
		d.line, d.col = s.pos(start)
		_, d.valueCol = s.pos(vstart)
		defs = append(defs, d)
	}
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

type scanner struct {
	src   string
	i     int
	lines []int // offsets where lines start, after the first
}

// pos converts an offset to a line and a column (in bytes), from 1.
func (s *scanner) pos(off int) (line, col int) {
	n := sort.SearchInts(s.lines, off+1)
	start := 0
	if n > 0 {
		start = s.lines[n-1]
	}
	return n + 1, off - start + 1
}

// skipBlank skips spaces, newlines and comments between statements.
func (s *scanner) skipBlank() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		case '#':
			s.skipLine()
		default:
			return
		}
	}
}

// skipLine moves to the start of the next line.
func (s *scanner) skipLine() {
	if n := strings.IndexByte(s.src[s.i:], '\n'); n >= 0 {
		s.i += n + 1
	} else {
		s.i = len(s.src)
	}
}

// key reads a dotted key of bare and quoted parts, and the blanks after
// it. Quoted parts are kept as written, without the quotes.
func (s *scanner) key() []string {
	var parts []string
	for {
		for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
			s.i++
		}
		if s.i >= len(s.src) {
			return parts
		}
		start := s.i
		switch c := s.src[s.i]; {
		case c == '"' || c == '\'':
			s.i++
			for s.i < len(s.src) && s.src[s.i] != c && s.src[s.i] != '\n' {
				if c == '"' && s.src[s.i] == '\\' && s.i+1 < len(s.src) {
					s.i++
				}
				s.i++
			}
			if s.i >= len(s.src) || s.src[s.i] != c {
				return nil
			}
			s.i++
			parts = append(parts, s.src[start+1:s.i-1])
		case isBare(c):
			for s.i < len(s.src) && isBare(s.src[s.i]) {
				s.i++
			}
			parts = append(parts, s.src[start:s.i])
		default:
			return nil
		}
		for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
			s.i++
		}
		if s.i >= len(s.src) || s.src[s.i] != '.' {
			return parts
		}
		s.i++
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value skips a value, which may span lines (arrays, multi-line strings),
// and returns the offset where it ends, before any comment. It leaves
// s.i at the start of the next line.
func (s *scanner) value() int {
	depth := 0
	for s.i < len(s.src) {
		switch c := s.src[s.i]; c {
		case '"', '\'':
			s.skipString(c)
		case '[', '{':
			depth++
			s.i++
		case ']', '}':
			depth--
			s.i++
		case '#':
			end := s.i
			s.skipLine()
			if depth <= 0 {
				return end
			}
		case '\n':
			s.i++
			if depth <= 0 {
				return s.i - 1
			}
		default:
			s.i++
		}
	}
	return len(s.src)
}

// skipString skips a string that starts with the quote q, single or
// multi-line.
func (s *scanner) skipString(q byte) {
	triple := strings.Repeat(string(q), 3)
	if strings.HasPrefix(s.src[s.i:], triple) {
		s.i += 3
		for s.i < len(s.src) {
			switch {
			case q == '"' && s.src[s.i] == '\\':
				s.i += 2
			case strings.HasPrefix(s.src[s.i:], triple):
				s.i += 3
				// Up to two more quotes belong to the string.
				for n := 0; n < 2 && s.i < len(s.src) && s.src[s.i] == q; n++ {
					s.i++
				}
				return
			default:
				s.i++
			}
		}
		s.i = min(s.i, len(s.src))
		return
	}
	s.i++
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		c := s.src[s.i]
		s.i++
		if c == q {
			return
		}
		if q == '"' && c == '\\' && s.i < len(s.src) && s.src[s.i] != '\n' {
			s.i++
		}
	}
}

// locate finds the line and column (from 1) where the dotted key is
// defined. Parts made by Index select a table of an array of tables;
// without them the first definition is found. It returns 0, 0 when the
// key cannot be found.
func locate(src []byte, key []string) (line, col int) {
	want := strings.Join(key, ".")
	for _, d := range scan(src) {
		if d.plain == want || d.indexed == want {
			return d.line, d.col
		}
		if strings.HasPrefix(d.value, "{") {
			for _, prefix := range []string{d.plain, d.indexed} {
				if rest, ok := strings.CutPrefix(want, prefix+"."); ok {
					if n := inlineKey(d.value, rest[strings.LastIndexByte(rest, '.')+1:]); n >= 0 {
						return d.line, d.valueCol + n
					}
				}
			}
		}
	}
	return 0, 0
}

// inlineKey finds where an inline table's text defines the key k, or -1.
func inlineKey(value, k string) int {
	for off := 0; ; {
		n := strings.Index(value[off:], k)
		if n < 0 {
			return -1
		}
		n += off
		before := strings.TrimRight(value[:n], " \t")
		after := strings.TrimLeft(value[n+len(k):], " \t")
		if (strings.HasSuffix(before, "{") || strings.HasSuffix(before, ",")) && strings.HasPrefix(after, "=") {
			return n
		}
		off = n + len(k)
	}
}

// defsOf returns every definition of the plain dotted key: more than one
// when the tables of an array of tables each define it.
func defsOf(src []byte, key string) []def {
	var out []def
	for _, d := range scan(src) {
		if d.plain == key {
			out = append(out, d)
		}
	}
	return out
}
