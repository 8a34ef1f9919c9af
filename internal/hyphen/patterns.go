package hyphen

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// patternList holds Liang patterns as written in a TeX file, split into
// letters and inter-letter values: ".ab4i" has letters ".abi" and values
// [0 0 0 4 0]. A '.' letter stands for a word boundary. All patterns share
// two flat slices, so that parsing thousands of them allocates little.
type patternList struct {
	letters []rune  // lower-case; ’ is normalised to '
	values  []uint8 // len(letters)+1 values per pattern, the k-th before letter k
	ends    []int32 // ends[i] is the end of pattern i in letters
}

// len returns the number of patterns.
func (l *patternList) len() int { return len(l.ends) }

// at returns the letters and values of pattern i.
func (l *patternList) at(i int) (letters []rune, values []uint8) {
	start := 0
	if i > 0 {
		start = int(l.ends[i-1])
	}
	end := int(l.ends[i])
	return l.letters[start:end], l.values[start+i : end+i+1]
}

// texFile is what this package keeps of a TeX hyphenation file.
type texFile struct {
	patterns patternList
	// exceptions maps a lower-case word of the \hyphenation block to the
	// rune indices where it may break: "ta-ble" → "table": [2].
	exceptions map[string][]uint8
}

// parseBlocks reads the \patterns{...} and \hyphenation{...} blocks of a
// TeX hyphenation file, if it has them. Comments (from an unescaped % to
// the end of the line) are dropped; other TeX commands and any text
// outside the two blocks are ignored, as are tokens inside a block that
// start with a backslash and patterns over an explicit hyphen.
func parseBlocks(src string) (*texFile, error) {
	if !utf8.ValidString(src) {
		return nil, fmt.Errorf("hyphen: pattern file is not valid UTF-8")
	}
	s := stripComments(src)
	f := &texFile{exceptions: map[string][]uint8{}}
	f.patterns.letters = make([]rune, 0, len(s)/2)
	f.patterns.values = make([]uint8, 0, len(s)/2)
	f.patterns.ends = make([]int32, 0, len(s)/8)
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		name := s[i+1 : j]
		i = j
		if name != "patterns" && name != "hyphenation" {
			continue
		}
		body, next, err := bracedGroup(s, j)
		if err != nil {
			return nil, fmt.Errorf("hyphen: \\%s: %w", name, err)
		}
		i = next
		for tok := range strings.FieldsSeq(body) {
			if strings.HasPrefix(tok, "\\") {
				continue
			}
			if name == "patterns" {
				if strings.Contains(tok, "-") {
					// A pattern over an explicit hyphen (Portuguese's
					// "1-"): words are split at their hyphens before
					// matching, so it could never match.
					continue
				}
				if err := f.patterns.add(tok); err != nil {
					return nil, err
				}
				continue
			}
			word, at, err := parseException(tok)
			if err != nil {
				return nil, err
			}
			f.exceptions[word] = at
		}
	}
	return f, nil
}

// stripComments removes TeX comments: from a '%' not preceded by a
// backslash to the end of its line. Line breaks are kept.
func stripComments(src string) string {
	var b strings.Builder
	b.Grow(len(src))
	for line := range strings.Lines(src) {
		cut := -1
		for k := 0; k < len(line) && cut < 0; k++ {
			if line[k] == '%' && (k == 0 || line[k-1] != '\\') {
				cut = k
			}
		}
		if cut < 0 {
			b.WriteString(line)
			continue
		}
		b.WriteString(line[:cut])
		b.WriteByte('\n')
	}
	return b.String()
}

// bracedGroup returns the text between the '{' that follows position i
// (after optional white space) and its matching '}', and the position just
// past that '}'.
func bracedGroup(s string, i int) (body string, next int, err error) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	if i >= len(s) || s[i] != '{' {
		return "", i, fmt.Errorf("expected '{'")
	}
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return s[i+1 : j], j + 1, nil
			}
		}
	}
	return "", len(s), fmt.Errorf("unterminated group")
}

// add appends a Liang pattern such as "1ba", ".ab4i" or "'a4".
func (l *patternList) add(tok string) error {
	start, vstart := len(l.letters), len(l.values)
	l.values = append(l.values, 0)
	for _, r := range tok {
		switch {
		case r >= '0' && r <= '9':
			l.values[len(l.values)-1] = uint8(r - '0')
			continue
		case r >= 'a' && r <= 'z' || r == '.':
			l.letters = append(l.letters, r)
			l.values = append(l.values, 0)
			continue
		}
		if r != '\'' && !isApostrophe(r) && !unicode.IsLetter(r) {
			l.letters, l.values = l.letters[:start], l.values[:vstart]
			return fmt.Errorf("hyphen: pattern %q: unexpected %q", tok, r)
		}
		l.letters = append(l.letters, foldRune(r))
		l.values = append(l.values, 0)
	}
	if len(l.letters) == start {
		l.values = l.values[:vstart]
		return fmt.Errorf("hyphen: pattern %q has no letters", tok)
	}
	l.ends = append(l.ends, int32(len(l.letters)))
	return nil
}

// parseException turns "ta-ble" into "table" and the break indices [2].
func parseException(tok string) (string, []uint8, error) {
	var b strings.Builder
	at := []uint8{}
	n := 0
	for _, r := range tok {
		if r == '-' {
			if n == 0 || n > 255 {
				return "", nil, fmt.Errorf("hyphen: exception %q: misplaced hyphen", tok)
			}
			at = append(at, uint8(n))
			continue
		}
		if !unicode.IsLetter(r) && !isApostrophe(r) {
			return "", nil, fmt.Errorf("hyphen: exception %q: unexpected %q", tok, r)
		}
		b.WriteRune(unicode.ToLower(r))
		n++
	}
	if n == 0 {
		return "", nil, fmt.Errorf("hyphen: empty exception %q", tok)
	}
	return b.String(), at, nil
}

// foldRune lower-cases r and maps typographic apostrophes to ASCII '.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf && (r < 'A' || r > 'Z') {
		return r
	}
	if isApostrophe(r) {
		return '\''
	}
	return unicode.ToLower(r)
}

func isASCIILetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
