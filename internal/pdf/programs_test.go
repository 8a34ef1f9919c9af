package pdf

import (
	"bytes"
	"fmt"
	"testing"
)

// TestProgramCache checks that a program compressed from the cache is
// the program compressed, and that keys tell programs apart by their
// bytes (the cache itself is tested in internal/recent).
func TestProgramCache(t *testing.T) {
	program := func(i int) []byte { return bytes.Repeat([]byte(fmt.Sprintf("glyph %d ", i)), 500) }
	for i := range 10 {
		want := deflate(program(i))
		first := deflateProgram(program(i))
		if !bytes.Equal(first, want) {
			t.Fatalf("program %d: the cache compresses differently", i)
		}
		if again := deflateProgram(program(i)); &again[0] != &first[0] {
			t.Fatalf("program %d: compressed again, not taken from the cache", i)
		}
	}
	// Programs of the same length that differ in one byte have keys of
	// their own.
	a, b := program(1), program(1)
	b[len(b)/2] ^= 1
	if keyOf(a) == keyOf(b) || keyOf(a) != keyOf(program(1)) {
		t.Error("keys do not tell programs apart by their bytes")
	}
	if got := deflateProgram(b); !bytes.Equal(got, deflate(b)) {
		t.Error("a program one byte away from a kept one got the kept one's bytes")
	}
}
