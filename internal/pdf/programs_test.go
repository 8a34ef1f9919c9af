package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"
)

func TestProgramCache(t *testing.T) {
	c := programCache{byKey: map[[32]byte][]byte{}}
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
	if _, ok := c.byKey[sha(program(0))]; ok {
		t.Error("the oldest program was not evicted")
	}
}

func sha(b []byte) [32]byte { return sha256.Sum256(b) }
