package build

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/preflight"
)

// TestPrintInk checks every print file's inks as preflight sees them:
// black type overprints, type under 10 pt is one ink, and small type
// reversed out of several inks is bold.
func TestPrintInk(t *testing.T) {
	n := 0
	for _, path := range everyPDF(t) {
		if !strings.HasSuffix(path, "-print.pdf") {
			continue
		}
		n++
		rep, err := preflight.Check(path, preflight.Options{Print: true})
		if err != nil {
			t.Fatal(err)
		}
		c := rep.Find(preflight.CheckInk)
		if c == nil || !c.OK || c.Warn || !strings.Contains(c.Detail, "black overprints") {
			t.Errorf("%s: ink: %+v", filepath.Base(path), c)
		}
	}
	if n == 0 {
		t.Fatal("no print files")
	}
}
