package pdf

import (
	"bytes"
	"encoding/hex"
	"strconv"
	"testing"
)

// This file reads page content back for the tests: operators with their
// operands, strings unescaped.

// operation is an operator with its operands: numbers (float64), names
// ("/G1"), strings, literal or hex ([]byte), arrays ([]any).
type operation struct {
	op   string
	args []any
}

// operations tokenizes content into its operations.
func operations(t *testing.T, content []byte) []operation {
	t.Helper()
	var out []operation
	var stack [][]any // open arrays; stack[0] is the operands
	stack = append(stack, nil)
	push := func(v any) { stack[len(stack)-1] = append(stack[len(stack)-1], v) }
	for i := 0; i < len(content); {
		c := content[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			i++
		case c == '(':
			var s []byte
			depth := 1
			for i++; ; i++ {
				if i >= len(content) {
					t.Fatalf("unterminated string in %q", content)
				}
				c := content[i]
				if c == '\\' {
					i++
					e := content[i]
					if v, ok := map[byte]byte{'r': '\r', 'n': '\n', 't': '\t', 'b': '\b', 'f': '\f'}[e]; ok {
						e = v
					}
					s = append(s, e)
					continue
				}
				if c == '(' {
					depth++
				} else if c == ')' {
					if depth--; depth == 0 {
						i++
						break
					}
				}
				s = append(s, c)
			}
			push(s)
		case c == '[':
			stack = append(stack, nil)
			i++
		case c == ']':
			arr := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			push(arr)
			i++
		case c == '<' && i+1 < len(content) && content[i+1] == '<', c == '>' && i+1 < len(content) && content[i+1] == '>':
			push(string(content[i : i+2]))
			i += 2
		case c == '<':
			j := bytes.IndexByte(content[i:], '>')
			if j < 0 {
				t.Fatalf("unterminated hex string in %q", content)
			}
			s, err := hex.DecodeString(string(content[i+1 : i+j]))
			if err != nil {
				t.Fatalf("hex string %q: %v", content[i:i+j+1], err)
			}
			push(s)
			i += j + 1
		default:
			j := i + 1
			for j < len(content) && !isSpaceOrDelim(content[j]) {
				j++
			}
			tok := string(content[i:j])
			i = j
			if v, err := strconv.ParseFloat(tok, 64); err == nil {
				push(v)
			} else if tok[0] == '/' || len(stack) > 1 {
				push(tok)
			} else {
				out = append(out, operation{tok, stack[0]})
				stack[0] = nil
			}
		}
	}
	return out
}

func isSpaceOrDelim(c byte) bool {
	switch c {
	case ' ', '\n', '\r', '\t', '(', ')', '[', ']', '<', '>', '/':
		return true
	}
	return false
}

// TestLiteralBytes writes every byte value into a literal string, as
// glyph runs and text strings are written, and reads it back. A CR must
// be escaped: readers take a bare one for an end of line, read as LF.
func TestLiteralBytes(t *testing.T) {
	var all []byte
	for c := range 256 {
		all = append(all, byte(c))
	}
	for _, s := range []string{string(all), "(", ")", "\\", "\r", "\r\n", "a(b", "", "\x00)\x29("} {
		content := append(appendLiteral(nil, s), " Tj"...)
		if bytes.IndexByte(content, '\r') >= 0 {
			t.Errorf("%q: a bare CR", content)
		}
		ops := operations(t, content)
		if len(ops) != 1 || ops[0].op != "Tj" || len(ops[0].args) != 1 {
			t.Fatalf("%q read back as %v", content, ops)
		}
		if got, _ := ops[0].args[0].([]byte); string(got) != s {
			t.Errorf("%q read back as %q, want %q", content, got, s)
		}
	}
}
