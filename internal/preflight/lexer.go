package preflight

import (
	"bytes"
	"strconv"
)

// A small tokenizer for PDF content streams (ISO 32000-1 §7.2, §7.8.2).
// It knows just enough syntax to find the operators and their operands
// without being fooled by text: literal strings "(…)" with nesting and
// escapes, hex strings "<…>", names, numbers, arrays, dictionaries,
// comments and inline image data (BI … ID <binary> EI).

// operand is one value on the operand stack.
type operand struct {
	kind byte // 'n' number, '/' name, 's' string, 'a' array, 'd' dict, 'k' keyword (true, false, null)
	num  float64
	str  string // name (without the slash), decoded string bytes or keyword
	arr  []operand
	dict map[string]operand
}

const (
	maxNesting  = 32     // arrays and dictionaries inside each other
	maxOperands = 10_000 // operands before an operator; more means garbage
)

type lexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// token kinds returned by next besides operands: '[' ']' '<' (dict start)
// '>' (dict end) and 'o' (an operator, in str).
type token struct {
	kind byte
	op   operand
	str  string
}

// next returns the next token, or false at the end of the data.
func (l *lexer) next() (token, bool) {
	for l.i < len(l.b) {
		c := l.b[l.i]
		switch {
		case isSpace(c):
			l.i++
		case c == '%':
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
		case c == '(':
			return token{kind: 's', op: operand{kind: 's', str: l.literal()}}, true
		case c == '<':
			if l.i+1 < len(l.b) && l.b[l.i+1] == '<' {
				l.i += 2
				return token{kind: '<'}, true
			}
			return token{kind: 's', op: operand{kind: 's', str: l.hex()}}, true
		case c == '>':
			l.i++
			if l.i < len(l.b) && l.b[l.i] == '>' {
				l.i++
				return token{kind: '>'}, true
			}
		case c == '[' || c == ']':
			l.i++
			return token{kind: c}, true
		case c == '{' || c == '}' || c == ')':
			l.i++ // not content-stream syntax: skip
		case c == '/':
			l.i++
			return token{kind: '/', op: operand{kind: '/', str: l.name()}}, true
		default:
			word := l.word()
			if isNumberStart(word[0]) {
				f, err := strconv.ParseFloat(word, 64)
				if err != nil {
					f = 0 // malformed number ("--5", "1.2.3"): PDF readers read 0
				}
				return token{kind: 'n', op: operand{kind: 'n', num: f}}, true
			}
			if word == "true" || word == "false" || word == "null" {
				return token{kind: 'k', op: operand{kind: 'k', str: word}}, true
			}
			return token{kind: 'o', str: word}, true
		}
	}
	return token{}, false
}

func isNumberStart(c byte) bool {
	return c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')
}

// word reads a run of regular characters (at least one).
func (l *lexer) word() string {
	start := l.i
	for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		l.i++
	}
	if l.i == start { // cannot happen for regular chars, but never loop forever
		l.i++
	}
	return string(l.b[start:l.i])
}

// name reads a name after its slash, decoding #xx escapes.
func (l *lexer) name() string {
	w := ""
	if l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		w = l.word()
	}
	if !bytes.Contains([]byte(w), []byte("#")) {
		return w
	}
	var out []byte
	for i := 0; i < len(w); i++ {
		if w[i] == '#' && i+2 < len(w) {
			if v, err := strconv.ParseUint(w[i+1:i+3], 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, w[i])
	}
	return string(out)
}

// literal reads a "(…)" string, starting at its "(".
func (l *lexer) literal() string {
	l.i++ // (
	var out []byte
	depth := 1
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.i >= len(l.b) {
				return string(out)
			}
			e := l.b[l.i]
			l.i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n': // line continuation
				if e == '\r' && l.i < len(l.b) && l.b[l.i] == '\n' {
					l.i++
				}
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; k++ {
						v = v*8 + int(l.b[l.i]-'0')
						l.i++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and unknown escapes
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// hex reads a "<…>" string, starting at its "<".
func (l *lexer) hex() string {
	l.i++ // <
	var out []byte
	var digits []byte
	for l.i < len(l.b) && l.b[l.i] != '>' {
		if v, ok := hexVal(l.b[l.i]); ok {
			digits = append(digits, v)
		}
		l.i++
	}
	l.i++ // >
	if len(digits)%2 == 1 {
		digits = append(digits, 0)
	}
	for k := 0; k < len(digits); k += 2 {
		out = append(out, digits[k]<<4|digits[k+1])
	}
	return string(out)
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
