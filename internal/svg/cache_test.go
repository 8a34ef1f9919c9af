package svg

import (
	"runtime"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/font"
)

// TestCacheLetsFacesGo checks that the glyph paths kept for a face go
// with it, so that a server loading its fonts again does not keep the
// old ones' paths.
func TestCacheLetsFacesGo(t *testing.T) {
	data, err := fonts.FS.ReadFile("Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	count := func() int {
		n := 0
		faces.Range(func(_, _ any) bool { n++; return true })
		return n
	}
	before := count()
	func() {
		f, err := font.Parse("Inter-Regular.ttf", data)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pathsOf(f).path(f, 36); err != nil {
			t.Fatal(err)
		}
		if a, b := pathsOf(f), pathsOf(f); a != b {
			t.Fatal("two caches for one face")
		}
		if count() != before+1 {
			t.Fatalf("%d faces cached, want %d", count(), before+1)
		}
	}()
	for deadline := time.Now().Add(5 * time.Second); count() != before; {
		if time.Now().After(deadline) {
			t.Fatalf("%d faces cached after the face is gone, want %d", count(), before)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}
