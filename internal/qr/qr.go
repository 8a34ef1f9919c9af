// Package qr makes QR codes as module matrices, so that posters and flyers
// can draw a role's apply or contact link as vector squares in the PDF,
// never as a raster image.
//
// The encoding itself (bit stream, Reed–Solomon error correction, function
// patterns, format and version information) is done by rsc.io/qr/coding
// (BSD, by Russ Cox). A correct QR encoder is some 500 lines of
// Reed–Solomon, module placement, masking and format bits; a small, proven
// library does that better than we would. This package adds only what that
// library leaves out: byte mode always, a fixed error correction level, the
// choice of mask by the standard's penalty rules (rsc.io/qr's own Encode
// always uses mask 0; see penalty in mask.go), and rectangles for drawing.
//
// Units: everything here is in modules (the code's unit squares). The
// drawer chooses the module size in print; the whole symbol, quiet zone
// included, must be at least 20 mm wide, so a module is at least
// 20 mm / (Size()+2*QuietZone) wide.
package qr

import (
	"errors"
	"fmt"

	"github.com/brochure-dev/brochure/internal/recent"

	"rsc.io/qr/coding"
)

// QuietZone is the margin every reader needs around the code, in modules.
// It must be left light (background) on all four sides; Size, Dark and
// Rects do not include it.
const QuietZone = 4

// MaxBytes is the longest text Encode accepts, in bytes of UTF-8 (not
// characters): the byte-mode capacity of the largest QR code (version 40,
// 177×177 modules) at error correction level M.
const MaxBytes = 2331

// level is the error correction level: M restores about 15% of damaged
// codewords. Q (about 25%) would survive more damage, but it needs a larger
// version for the same text, and a code printed at a given width (a flyer's
// 20 mm minimum) then has smaller modules, which hurts more than it helps:
// print on paper is clean and flat, and the usual failure is a module too
// small for the camera at reading distance, not a torn or smudged code.
// M is also what most generators and readers expect.
const level = coding.M

// ErrEmpty is returned by Encode for empty text: a code that says nothing
// is a missing apply link, not something to print.
var ErrEmpty = errors.New("qr: empty text")

// Code is a QR code: Size × Size modules, Dark(x, y) true for a dark module;
// (0,0) is the top-left. The quiet zone is NOT included.
type Code struct {
	c *coding.Code
}

// Encode encodes text (UTF-8, as is) in byte mode at error correction
// level M, in the smallest version (1 to 40) that holds it, with the mask
// that the standard's penalty rules score lowest. It returns ErrEmpty for
// empty text, and an error for text longer than MaxBytes bytes. The same
// text always gives the same code.
func Encode(text string) (*Code, error) {
	if text == "" {
		return nil, ErrEmpty
	}
	return recentCodes.Get(text, func() (*Code, error) { return encode(text) })
}

// recentCodes keeps the codes of the last 32 texts encoded: the same link
// goes on every poster, booklet and leaflet of a role, in each of its
// languages, and choosing its mask takes eight encodings. Bounded, as a
// server making personal editions may be asked for many links.
var recentCodes = recent.New[string, *Code](32)

// encode is Encode without the cache.
func encode(text string) (*Code, error) {
	if len(text) > MaxBytes {
		return nil, fmt.Errorf("qr: text is %d bytes, longer than the %d bytes a QR code holds", len(text), MaxBytes)
	}
	enc := coding.String(text) // byte mode: each byte of the UTF-8 text as is
	v := coding.Version(coding.MinVersion)
	for enc.Bits(v) > v.DataBytes(level)*8 {
		v++ // stops at 40 at the latest, as len(text) <= MaxBytes
	}
	var best *coding.Code
	bestScore := 0
	for m := coding.Mask(0); m < 8; m++ {
		p, err := coding.NewPlan(v, level, m)
		if err != nil {
			return nil, fmt.Errorf("qr: version %d, mask %d: %w", v, m, err)
		}
		c, err := p.Encode(enc)
		if err != nil {
			return nil, fmt.Errorf("qr: version %d, mask %d: %w", v, m, err)
		}
		// Ties keep the lower mask, so the result is deterministic.
		if s := penalty(c.Size, c.Black); best == nil || s < bestScore {
			best, bestScore = c, s
		}
	}
	return &Code{c: best}, nil
}

// Size returns the number of modules on a side, quiet zone excluded:
// 17 + 4×version, from 21 (version 1) to 177 (version 40).
func (c *Code) Size() int { return c.c.Size }

// Dark reports whether the module at column x, row y (in modules, (0,0)
// top-left) is dark. Modules outside the code, such as the quiet zone, are
// light.
func (c *Code) Dark(x, y int) bool { return c.c.Black(x, y) }

// Rect is a rectangle in module units: X, Y is its top-left module
// (top-left origin, y down), W and H its width and height in modules.
type Rect struct{ X, Y, W, H int }

// Rects returns the dark modules merged into horizontal runs, as rectangles
// in module units (x, y, w, h), top-left origin, so a drawer emits few
// rectangles. A run that has an identical run (same X and W) directly above
// it is stacked onto that run's rectangle, making it taller. The rectangles
// cover every dark module exactly once and no light module; they come
// ordered by Y, then X. Offset them by QuietZone modules to place the code
// inside its quiet zone. Filling them all as one path avoids hairline seams
// between abutting rectangles in some viewers.
func (c *Code) Rects() []Rect {
	var rects []Rect
	size := c.Size()
	open := map[[2]int]int{} // runs of the previous row: {X, W} -> index in rects
	for y := 0; y < size; y++ {
		next := map[[2]int]int{}
		for x := 0; x < size; {
			if !c.Dark(x, y) {
				x++
				continue
			}
			x0 := x
			for x < size && c.Dark(x, y) {
				x++
			}
			key := [2]int{x0, x - x0}
			if i, ok := open[key]; ok {
				rects[i].H++
				next[key] = i
				continue
			}
			next[key] = len(rects)
			rects = append(rects, Rect{X: x0, Y: y, W: x - x0, H: 1})
		}
		open = next
	}
	return rects
}
