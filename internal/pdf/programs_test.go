package pdf

import (
	"bytes"
	"fmt"
	"testing"
)

func TestProgramCache(t *testing.T) {
	c := programCache{byKey: map[programKey][]byte{}}
	program := func(i int) []byte { return bytes.Repeat([]byte(fmt.Sprintf("glyph %d ", i)), 500) }
	for i := range programCacheSize + 10 {
		want := deflate(program(i))
		if got := c.deflate(program(i)); !bytes.Equal(got, want) {
			t.Fatalf("program %d: the cache compresses differently", i)
		}
		if got := c.deflate(program(i)); !bytes.Equal(got, want) {
			t.Fatalf("program %d: a hit differs from compressing", i)
		}
	}
	if len(c.byKey) != programCacheSize || len(c.order) != programCacheSize {
		t.Errorf("%d programs kept (%d in order), want at most %d", len(c.byKey), len(c.order), programCacheSize)
	}
	if _, ok := c.byKey[keyOf(program(0))]; ok {
		t.Error("the oldest program was not evicted")
	}

	// Programs of the same length that differ in one byte have keys of
	// their own.
	a, b := program(1), program(1)
	b[len(b)/2] ^= 1
	if keyOf(a) == keyOf(b) || keyOf(a) != keyOf(program(1)) {
		t.Error("keys do not tell programs apart by their bytes")
	}
}
