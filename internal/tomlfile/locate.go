package tomlfile

import (
	"bufio"
	"bytes"
	"strings"
)

// locate finds the line and column (from 1) where the dotted key is
// defined, following [table] and [[array]] headers and dotted keys. It
// returns 0, 0 when the key cannot be found. It is a reader of keys only:
// the decoder has already checked the syntax.
func locate(src []byte, key []string) (line, col int) {
	want := strings.Join(key, ".")
	table := ""
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<24)
	inMulti := ""
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		if inMulti != "" {
			if strings.Count(text, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		if strings.HasPrefix(trimmed, "[") {
			name := strings.Trim(strings.SplitN(trimmed, "]", 2)[0], "[ \t")
			name = normalise(name)
			if name == want {
				return n, indent + 1
			}
			table = name
			continue
		}
		eq := strings.IndexByte(trimmed, '=')
		if eq <= 0 || strings.HasPrefix(trimmed, "#") {
			continue
		}
		k := normalise(trimmed[:eq])
		full := k
		if table != "" {
			full = table + "." + k
		}
		if full == want || strings.HasPrefix(want, full+".") && inlineHas(trimmed[eq+1:], strings.TrimPrefix(want, full+".")) {
			if full != want {
				return n, indent + 1 + eq + 1 + strings.Index(trimmed[eq+1:], lastPart(want))
			}
			return n, indent + 1
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(trimmed[eq+1:], q)%2 == 1 {
				inMulti = q
			}
		}
	}
	return 0, 0
}

// normalise removes quotes and spaces around the parts of a dotted key.
func normalise(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// inlineHas reports whether an inline table value defines the key.
func inlineHas(value, key string) bool {
	return strings.Contains(value, lastPart(key)+" =") || strings.Contains(value, lastPart(key)+"=")
}

func lastPart(k string) string { return k[strings.LastIndexByte(k, '.')+1:] }
