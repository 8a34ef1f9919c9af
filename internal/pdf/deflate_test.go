package pdf

import (
	"bytes"
	"compress/zlib"
	"slices"
	"testing"
)

// The compressed forms made ahead of time are returned for the built-in
// bytes, inflate to them, and are no larger than what deflate gives the
// same bytes copied elsewhere, which it compresses.
func TestDeflatedAhead(t *testing.T) {
	if len(deflatedAhead) == 0 {
		t.Fatal("nothing compressed ahead")
	}
	for i, d := range deflatedAhead {
		ahead := deflate(d[0])
		if &ahead[0] != &d[1][0] {
			t.Errorf("%d: deflate compressed built-in bytes anew", i)
		}
		copied := slices.Clone(d[0])
		fresh := deflate(copied)
		if len(ahead) > len(fresh) {
			t.Errorf("%d: compressed ahead, %d bytes, larger than deflate's %d: run go generate in internal/icc", i, len(ahead), len(fresh))
		}
		zr, err := zlib.NewReader(bytes.NewReader(ahead))
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if _, err := got.ReadFrom(zr); err != nil || !bytes.Equal(got.Bytes(), d[0]) {
			t.Errorf("%d: inflates to %d bytes (%v), want %d", i, got.Len(), err, len(d[0]))
		}
	}
}
