package tomlfile

import (
	"strconv"
	"strings"
)

// Index names the i-th table (from 0) of an array of tables in a key
// path: []string{"salary", "levels", Index(1), "min"} is the min of the
// second [[salary.levels]].
func Index(i int) string { return "[" + strconv.Itoa(i) + "]" }

// locate finds the line and column (from 1) where the dotted key is
// defined. Parts made by Index select a table of an array of tables;
// without them the first definition is found. It returns 0, 0 when the
// key cannot be found.
func locate(defs []def, key []string) (line, col int) {
	want := strings.Join(key, ".")
	for _, d := range defs {
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
	if k == "" {
		return -1
	}
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
func defsOf(defs []def, key string) []def {
	var out []def
	for _, d := range defs {
		if d.plain == key {
			out = append(out, d)
		}
	}
	return out
}
