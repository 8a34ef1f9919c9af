package preflight

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
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

func isSpace(c byte) bool { return charClass[c] == space }

func isDelim(c byte) bool { return charClass[c] == delim }

// Character classes of PDF syntax (ISO 32000-1, 7.2.2): white space,
// delimiters, and regular characters (0), which words are made of.
const (
	space = 1 + iota
	delim
)

// charClass holds each byte's class, looked up once per byte where the
// lexer spends most of a content stream's reading.
var charClass = [256]uint8{
	' ': space, '\n': space, '\r': space, '\t': space, '\f': space, 0: space,
	'(': delim, ')': delim, '<': delim, '>': delim, '[': delim, ']': delim,
	'{': delim, '}': delim, '/': delim, '%': delim,
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
			word := l.wordBytes()
			if isNumberStart(word[0]) {
				return token{kind: 'n', op: operand{kind: 'n', num: parseNumber(word)}}, true
			}
			if s, ok := keywords()[string(word)]; ok {
				if s == "true" || s == "false" || s == "null" {
					return token{kind: 'k', op: operand{kind: 'k', str: s}}, true
				}
				return token{kind: 'o', str: s}, true
			}
			return token{kind: 'o', str: string(word)}, true
		}
	}
	return token{}, false
}

func isNumberStart(c byte) bool {
	return c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')
}

// word reads a run of regular characters (at least one).
func (l *lexer) word() string { return string(l.wordBytes()) }

// wordBytes is word without a copy: the bytes are the data's.
func (l *lexer) wordBytes() []byte {
	start := l.i
	for l.i < len(l.b) && charClass[l.b[l.i]] == 0 {
		l.i++
	}
	if l.i == start { // cannot happen for regular chars, but never loop forever
		l.i++
	}
	return l.b[start:l.i]
}

// keywords are the content-stream operators and the keywords true, false
// and null, as strings made once: a page's thousands of operators are
// looked up, not copied. The table is made on first use: commands that
// read no PDF never pay for it.
var keywords = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, k := range strings.Fields(`true false null
		b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n
		q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' "`) {
		m[k] = k
	}
	return m
})

// parseNumber reads a PDF number: an optional sign, digits and at most
// one point. The usual ones ("12.5", "-0.35") are read exactly as
// strconv.ParseFloat reads them, without its allocations: the digits make
// an integer below 2⁵³ divided by an exact power of ten, one correctly
// rounded division. Others go to ParseFloat; a malformed number ("--5",
// "1.2.3") is 0, as PDF readers read it.
func parseNumber(b []byte) float64 {
	i, neg := 0, false
	if b[0] == '+' || b[0] == '-' {
		neg, i = b[0] == '-', 1
	}
	var m uint64
	digits, frac, point := 0, 0, false
	for ; i < len(b); i++ {
		switch c := b[i]; {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
			if point {
				frac++
			}
		case c == '.' && !point:
			point = true
		default:
			return parseFloat(b) // not a plain number
		}
	}
	if digits == 0 || digits > 15 { // frac <= digits: pow10 has it
		return parseFloat(b)
	}
	f := float64(m) / pow10[frac]
	if neg {
		f = -f
	}
	return f
}

// parseFloat reads what parseNumber does not read itself, 0 when it is
// malformed.
func parseFloat(b []byte) float64 {
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return 0
	}
	return f
}

// pow10 are the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

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
	if s, ok := l.plainLiteral(); ok {
		return s
	}
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

// plainLiteral reads a "(…)" string without escapes or parentheses
// inside, starting at its "(", in one piece: the glyph runs of a page's
// text. It reports false, and reads nothing, for any other string.
func (l *lexer) plainLiteral() (string, bool) {
	start := l.i + 1
	for j := start; j < len(l.b); j++ {
		switch l.b[j] {
		case ')':
			l.i = j + 1
			return string(l.b[start:j]), true
		case '(', '\\':
			return "", false
		}
	}
	return "", false
}

// hex reads a "<…>" string, starting at its "<".
func (l *lexer) hex() string {
	l.i++ // <
	end := bytes.IndexByte(l.b[l.i:], '>')
	if end < 0 {
		end = len(l.b) - l.i
	}
	src := l.b[l.i : l.i+end]
	l.i += end + 1 // past >
	// Two digits a byte, into the string's own bytes: thousands of
	// strings a page (every glyph run is one).
	var out strings.Builder
	out.Grow((len(src) + 1) / 2)
	var high byte
	odd := false
	for _, c := range src {
		v, ok := hexVal(c)
		switch {
		case !ok:
		case odd:
			out.WriteByte(high<<4 | v)
			odd = false
		default:
			high, odd = v, true
		}
	}
	if odd {
		out.WriteByte(high << 4)
	}
	return out.String()
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
