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
