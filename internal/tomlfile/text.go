package tomlfile

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pelletier/go-toml/v2"
)

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// isText reports whether t decodes with UnmarshalText.
func isText(t reflect.Type) bool {
	return t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)
}

// hasTextCache remembers hasText's answers by type.
var hasTextCache sync.Map

// hasText reports whether t or a type in it (a field, an element) decodes
// with UnmarshalText, time.Time aside: the decoder reads dates itself.
func hasText(t reflect.Type) bool {
	if v, ok := hasTextCache.Load(t); ok {
		return v.(bool)
	}
	has := hasTextIn(t, map[reflect.Type]bool{})
	hasTextCache.Store(t, has)
	return has
}

func hasTextIn(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if t == reflect.TypeFor[time.Time]() {
		return false
	}
	if isText(t) {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return hasTextIn(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if hasTextIn(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// A problem is what check finds wrong in a value.
type problem struct {
	keys []string
	msg  string
	off  int // where in the file, or -1: at the key's definition
}

// check reads x, a value decoded into any, into the type t as this
// package always has (it decoded with BurntSushi/toml before
// go-toml/v2): a type with UnmarshalText is given the text of any value
// but a table or an array (a number as written by %d or %f), a table or
// an array of the wrong type is an error, and so on. n is the value as
// written, to place the problem: at the key for a wrong type, in the
// value for one UnmarshalText refuses (at the offset at, or n's text).
// It returns nil when x fits.
func check(t reflect.Type, x any, n node, keys []string, at int) *problem {
	if at < 0 {
		at = n.text
	}
	t = deref(t)
	wrong := func(want string) *problem {
		return &problem{keys: keys, msg: "want " + want + ", not " + valueName(x), off: -1}
	}
	if isText(t) {
		s, ok := textOf(x)
		if !ok {
			return wrong("a string")
		}
		if err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return &problem{keys: keys, msg: friendly(err.Error()), off: at}
		}
		return nil
	}
	switch k := t.Kind(); {
	case k >= reflect.Int && k <= reflect.Uint64:
		i, ok := x.(int64)
		if !ok {
			return wrong("an integer")
		}
		if v := reflect.New(t).Elem(); k <= reflect.Int64 && v.OverflowInt(i) || k >= reflect.Uint && (i < 0 || v.OverflowUint(uint64(i))) {
			return &problem{keys: keys, msg: fmt.Sprintf("%d is out of range for %s", i, k), off: at}
		}
	case k == reflect.Float32 || k == reflect.Float64:
		switch x.(type) {
		case int64, float64:
		default:
			return wrong("a number")
		}
	case k == reflect.String:
		if _, ok := x.(string); !ok {
			return wrong("a string")
		}
	case k == reflect.Bool:
		if _, ok := x.(bool); !ok {
			return wrong("a boolean (true or false)")
		}
	case k == reflect.Slice || k == reflect.Array:
		items, ok := x.([]any)
		if !ok {
			return wrong("an array")
		}
		for i, item := range items {
			var in node
			if i < len(n.items) {
				in = n.items[i]
			}
			if p := check(t.Elem(), item, in, keys, in.off); p != nil {
				return p
			}
		}
	case k == reflect.Struct || k == reflect.Map:
		m, ok := x.(map[string]any)
		if !ok {
			return wrong("a table")
		}
		names := make([]string, 0, len(m))
		for name := range m {
			names = append(names, name)
		}
		// In the order of the file.
		slices.SortStableFunc(names, func(a, b string) int { return n.sub(a).off - n.sub(b).off })
		for _, name := range names {
			var ft reflect.Type
			if k == reflect.Map {
				ft = t.Elem()
			} else if ft = field(t, name); ft == nil {
				continue // an unknown key, which the decoder reports
			}
			sub := n.sub(name)
			if p := check(ft, m[name], sub.val, append(keys[:len(keys):len(keys)], name), sub.off); p != nil {
				return p
			}
		}
	}
	return nil
}

// sub returns the entry of the inline table n for the key name: a
// dotted key's first part stands for a table of the rest.
func (n node) sub(name string) entry {
	for _, e := range n.entries {
		if len(e.keys) > 0 && e.keys[0] == name {
			if len(e.keys) == 1 {
				return e
			}
			inner := node{off: e.off, text: e.off, table: true, entries: []entry{{keys: e.keys[1:], off: e.off, val: e.val}}}
			return entry{keys: e.keys[:1], off: e.off, val: inner}
		}
	}
	return entry{off: n.off, val: node{off: n.off, text: n.off}}
}

// textOf gives the text a type with UnmarshalText is given for a value.
func textOf(x any) (string, bool) {
	switch x := x.(type) {
	case string:
		return x, true
	case bool:
		return fmt.Sprintf("%v", x), true
	case int64:
		return fmt.Sprintf("%d", x), true
	case float64:
		return fmt.Sprintf("%f", x), true
	case time.Time:
		return x.Format(time.RFC3339Nano), true
	case toml.LocalDate:
		return x.AsTime(time.Local).Format(time.RFC3339Nano), true
	case toml.LocalDateTime:
		return x.AsTime(time.Local).Format(time.RFC3339Nano), true
	case toml.LocalTime:
		return time.Date(0, 1, 1, x.Hour, x.Minute, x.Second, x.Nanosecond, time.Local).Format(time.RFC3339Nano), true
	}
	return "", false
}

// valueName names the TOML type of a value decoded into any.
func valueName(x any) string {
	switch x.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case time.Time, toml.LocalDate, toml.LocalDateTime, toml.LocalTime:
		return "a date"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", x)
}

// twice finds a key written twice in the inline table n, in the tables
// in it: its path under keys, the offsets of its second and first
// definitions.
func (n node) twice(keys []string) (path []string, off, first int, ok bool) {
	seen := map[string]int{}
	for _, e := range n.entries {
		k := strings.Join(e.keys, "\x00")
		if f, dup := seen[k]; dup {
			return append(keys[:len(keys):len(keys)], e.keys...), e.off, f, true
		}
		seen[k] = e.off
		if p, o, f, ok := e.val.twice(append(keys[:len(keys):len(keys)], e.keys...)); ok {
			return p, o, f, true
		}
	}
	return nil, 0, 0, false
}
