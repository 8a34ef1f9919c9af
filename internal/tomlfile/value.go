package tomlfile

import "strings"

// A node is a value as written, for placing what is found in it: an
// inline table (entries), an array (items) or a scalar. Like scan, it is
// read from valid TOML, and stops without panicking on anything else.
type node struct {
	off     int // where the value starts, in the file
	text    int // where a string's text starts, after its quotes; off for other values
	table   bool
	array   bool
	scalar  bool // neither a table nor an array
	str     bool // a string
	entries []entry
	items   []node
}

// An entry is a key = value of an inline table.
type entry struct {
	keys []string
	off  int // of the key
	val  node
}

// parseValue reads the value that starts at offset off of src.
func parseValue(src string, off int) node {
	s := scanner{src: src, i: off}
	return s.node(0)
}

// node reads a value at s.i, which it leaves after the value.
func (s *scanner) node(depth int) node {
	n := node{off: s.i, text: s.i}
	if s.i >= len(s.src) || depth > 100 {
		n.scalar = true
		return n
	}
	switch c := s.src[s.i]; c {
	case '{':
		n.table = true
		s.i++
		for {
			s.skipBlank()
			if s.i >= len(s.src) || s.src[s.i] == '}' {
				s.i++
				return n
			}
			if s.src[s.i] == ',' {
				s.i++
				continue
			}
			e := entry{off: s.i}
			e.keys = s.key()
			if len(e.keys) == 0 || s.i >= len(s.src) || s.src[s.i] != '=' {
				s.i = len(s.src)
				return n
			}
			s.i++
			s.skipBlank()
			e.val = s.node(depth + 1)
			n.entries = append(n.entries, e)
		}
	case '[':
		n.array = true
		s.i++
		for {
			s.skipBlank()
			if s.i >= len(s.src) || s.src[s.i] == ']' {
				s.i++
				return n
			}
			if s.src[s.i] == ',' {
				s.i++
				continue
			}
			start := s.i
			n.items = append(n.items, s.node(depth+1))
			if s.i == start {
				s.i = len(s.src)
			}
		}
	case '"', '\'':
		n.scalar, n.str = true, true
		if strings.HasPrefix(s.src[s.i:], triple(c)) {
			n.text += 3
		} else {
			n.text++
		}
		s.skipString(c)
	default:
		n.scalar = true
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\n", rune(s.src[s.i])) {
			s.i++
		}
	}
	return n
}

// leaves calls f for each key of an inline table value and the tables in
// it, depth first, with its path under keys: unknown keys are named so.
// An empty table is a leaf itself.
func (n node) leaves(keys []string, off int, f func(keys []string, off int)) {
	if !n.table || len(n.entries) == 0 {
		f(keys, off)
		return
	}
	for _, e := range n.entries {
		e.val.leaves(append(keys[:len(keys):len(keys)], e.keys...), e.off, f)
	}
}

// find returns the entry of n, or of a table or array in it, whose key
// starts at off, with its path under keys (array items add no part).
func (n node) find(keys []string, off int) (entry, []string, bool) {
	for _, e := range n.entries {
		path := append(keys[:len(keys):len(keys)], e.keys...)
		if e.off == off {
			return e, path, true
		}
		if e2, p, ok := e.val.find(path, off); ok {
			return e2, p, true
		}
	}
	for _, it := range n.items {
		if e, p, ok := it.find(keys, off); ok {
			return e, p, true
		}
	}
	return entry{}, nil, false
}

// simple reads the value at s.i and reports whether it is a string, or an
// array or inline table of strings and arrays of strings only: a value
// that the decoder reads as this package does into any type but one with
// UnmarshalText (see unsure). It allocates nothing.
func (s *scanner) simple() bool {
	if s.i >= len(s.src) {
		return false
	}
	switch c := s.src[s.i]; c {
	case '"', '\'':
		s.skipString(c)
		return true
	case '[', '{':
		table := c == '{'
		s.i++
		for {
			s.skipBlank()
			if s.i >= len(s.src) {
				return false
			}
			switch s.src[s.i] {
			case ']', '}':
				s.i++
				return true
			case ',':
				s.i++
				continue
			}
			if table {
				// One key, not dotted, then =.
				if c := s.src[s.i]; c == '"' || c == '\'' {
					s.skipString(c)
				} else {
					for s.i < len(s.src) && isBare(s.src[s.i]) {
						s.i++
					}
				}
				for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
					s.i++
				}
				if s.i >= len(s.src) || s.src[s.i] != '=' {
					return false
				}
				s.i++
				for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
					s.i++
				}
			}
			if s.i >= len(s.src) || s.src[s.i] == '{' || !s.simple() {
				return false
			}
		}
	}
	return false
}

// tables calls f with the path under keys of every key of an inline table
// and the inline tables in it, its dotted keys' parents included, but not
// of tables in arrays.
func (n node) tables(keys []string, f func(keys []string)) {
	for _, e := range n.entries {
		path := append(keys[:len(keys):len(keys)], e.keys...)
		for i := len(keys) + 1; i <= len(path); i++ {
			f(path[:i])
		}
		if e.val.table {
			e.val.tables(path, f)
		}
	}
}
