package preflight

import "testing"

// TestHexStrings reads hex strings as PDF readers do (ISO 32000-1,
// 7.3.4.3): white space and other characters ignored, an odd last digit
// followed by 0, the lexer left past the closing bracket.
func TestHexStrings(t *testing.T) {
	for _, tt := range []struct {
		src, want string
		next      int // where the lexer is after the string
	}{
		{"<4142>", "AB", 6},
		{"<41 42\n43>rest", "ABC", 10},
		{"<414>", "A@", 5},
		{"<>", "", 2},
		{"<4g1zz42>", "AB", 9},
		{"<6a6B>", "jk", 6},
		{"<4142", "AB", 6}, // unterminated: to the end
	} {
		l := lexer{b: []byte(tt.src)}
		if got := l.hex(); got != tt.want || l.i != tt.next {
			t.Errorf("hex(%q) = %q, lexer at %d; want %q at %d", tt.src, got, l.i, tt.want, tt.next)
		}
	}
}

// TestLiteralStrings reads literal strings as PDF readers do (ISO
// 32000-1, 7.3.4.2): escapes, balanced parentheses, octal codes, a
// backslash before an end of line continuing the string, the lexer left
// past the closing parenthesis; plain strings (a page's glyph runs) and
// the others alike.
func TestLiteralStrings(t *testing.T) {
	for _, tt := range []struct {
		src, want string
		next      int
	}{
		{"(AB)rest", "AB", 4},
		{"()", "", 2},
		{"(\x01\x02\x0a\xff)", "\x01\x02\n\xff", 6},
		{`(a\(b\)c)`, "a(b)c", 9},
		{`(a(b)c)`, "a(b)c", 7},
		{`(\\\r\n)`, "\\\r\n", 8},
		{`(\101\60x)`, "A0x", 10},
		{"(a\\\nb)", "ab", 6},
		{"(AB", "AB", 3}, // unterminated: to the end
		{"(a\\", "a", 3},
	} {
		l := lexer{b: []byte(tt.src)}
		if got := l.literal(); got != tt.want || l.i != tt.next {
			t.Errorf("literal(%q) = %q, lexer at %d; want %q at %d", tt.src, got, l.i, tt.want, tt.next)
		}
	}
}
