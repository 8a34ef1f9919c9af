package pdf

import (
	"fmt"
	"testing"
)

// TestAppendHex4 checks appendHex4 against fmt's %04X.
func TestAppendHex4(t *testing.T) {
	for _, v := range []uint32{0, 7, 0xA, 0xFF, 0x2019, 0xD83D, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF, 0xFFFFFFFF} {
		if got, want := string(appendHex4([]byte("<"), v)), fmt.Sprintf("<%04X", v); got != want {
			t.Errorf("appendHex4(%#x) = %q, want %q", v, got, want)
		}
	}
}
