package tomlfile

import (
	"bytes"
	"slices"
	"sort"
	"strings"
)

// A def is a place where the source defines a key: a table header or the
// key of a key = value line.
type def struct {
	// plain is the dotted path of the key; indexed is the same with an
	// Index part after each array of tables. scanKeys leaves them empty
	// for a key = value line, whose table's are in table and tableIx,
	// and the key in k.
	plain, indexed    string
	table, tableIx, k string
	// keys are the parts of plain; the first top of them are defined as
	// Has sees it: those before and including the first array of tables.
	keys []string
	top  int
	// dotted is a key = value line whose key has more than one part.
	dotted    bool
	line, col int  // of the header or key, from 1
	array     bool // a [[header]]
	// value is the text of the value (key lines only) and valueCol the
	// column where it starts.
	value    string
	valueCol int
	voff     int // the offset where value starts
	// start and end are the offsets of the definition: the header's
	// line, or the key and its value.
	start, end int
}

// withPaths fills in the plain and indexed paths of key = value lines,
// which only errors need, in a copy of defs.
func withPaths(defs []def) []def {
	defs = slices.Clone(defs)
	for i := range defs {
		if d := &defs[i]; d.isKey() {
			d.plain, d.indexed = join(d.table, d.k), join(d.tableIx, d.k)
		}
	}
	return defs
}

// scanKeys lists the definitions of src, in order, without the paths of
// key = value lines (withPaths adds them). It is a reader of keys only,
// written for valid TOML (the decoder checks the syntax), but it stops
// without panicking on anything.
func scanKeys(src string) []def {
	s := scanner{src: src}
	s.lines = make([]int, 0, strings.Count(src, "\n"))
	for i := 0; ; {
		n := strings.IndexByte(s.src[i:], '\n')
		if n < 0 {
			break
		}
		i += n + 1
		s.lines = append(s.lines, i)
	}
	defs := make([]def, 0, len(s.lines)+1)
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
	// top counts the parts up to and including the first array of
	// tables, if there is one.
	top := func(parts []string) (int, bool) {
		out := ""
		for i, p := range parts {
			out = join(out, p)
			if _, ok := arrays[out]; ok {
				return i + 1, true
			}
		}
		return len(parts), false
	}
	var tableKeys []string
	tableTop, inArray := 0, false
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
			table, tableIx, tableKeys = strings.Join(parts, "."), indexify(parts), parts
			tableTop, inArray = top(parts)
			line, col := s.pos(start)
			s.skipLine()
			defs = append(defs, def{plain: table, indexed: tableIx, keys: parts, top: tableTop, line: line, col: col, array: array, start: start, end: s.i})
			continue
		}
		keys := s.keyAfter(tableKeys)
		if len(keys) <= len(tableKeys) || s.i >= len(s.src) || s.src[s.i] != '=' {
			s.skipLine()
			continue
		}
		parts := keys[len(tableKeys):]
		s.i++
		for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
			s.i++
		}
		vstart := s.i
		vend := s.value()
		d := def{table: table, tableIx: tableIx, k: strings.Join(parts, "."), keys: keys, top: len(keys), dotted: len(parts) > 1, voff: vstart,
			value: strings.TrimRight(s.src[vstart:vend], " \t\r"), start: start, end: vend}
		if inArray {
			d.top = tableTop // in an array of tables
		}
		d.line, d.col = s.pos(start)
		_, d.valueCol = s.pos(vstart)
		defs = append(defs, d)
	}
}

// isKey tells a key = value line from a table header.
func (d def) isKey() bool { return d.voff > 0 }

// defAt returns the index of the definition where the offset off is, or
// -1.
func defAt(defs []def, off int) int {
	for i := len(defs) - 1; i >= 0; i-- {
		if defs[i].start <= off {
			if off <= defs[i].end {
				return i
			}
			return -1
		}
	}
	return -1
}

// offsetOf converts a line and column of src, from 1, to a byte offset.
func offsetOf(src string, line, col int) int {
	off := 0
	for ; line > 1; line-- {
		n := strings.IndexByte(src[off:], '\n')
		if n < 0 {
			return len(src)
		}
		off += n + 1
	}
	return min(off+max(col-1, 0), len(src))
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// lineCol converts a byte offset of src to a line and column, from 1.
func lineCol(src string, off int) (line, col int) {
	start := 0
	if n := strings.LastIndexByte(src[:off], '\n'); n >= 0 {
		start = n + 1
	}
	return strings.Count(src[:off], "\n") + 1, off - start + 1
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
func (s *scanner) key() []string { return s.keyAfter(nil) }

// keyAfter reads a key as key does, into a new slice that starts with
// prefix.
func (s *scanner) keyAfter(prefix []string) []string {
	parts := prefix[:len(prefix):len(prefix)]
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

// triple returns the quotes of a multi-line string that starts with q.
func triple(q byte) string {
	if q == '\'' {
		return "'''"
	}
	return `"""`
}

// skipString skips a string that starts with the quote q, single or
// multi-line.
func (s *scanner) skipString(q byte) {
	triple := triple(q)
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

// blank returns src with the definitions replaced by spaces, keeping
// the lines where they are.
func blank(src []byte, defs []def) []byte {
	out := bytes.Clone(src)
	for _, d := range defs {
		for i := d.start; i < d.end && i < len(out); i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
	}
	return out
}
