package layout

import (
	"errors"
	"fmt"
	"sort"

	"github.com/brochure-dev/brochure/internal/frame"
)

// tolerance for the frame checks, in points: rounding, not design.
const checkSlack = 0.05

// boxTags are the boxes that hold text: a text that starts inside one
// stays inside it.
var boxTags = map[string]bool{"band": true, "panel": true, "chip": true, "cta": true}

// checkFrames checks what must hold on every page whatever the content:
// every text inside the measure it was set in (its column, cell or
// panel), inside the box it starts in, and inside the page's safe area
// (safe points inside the trim); no two texts overlapping. A violation
// names the page and the text: a brochure that breaks them is never
// written.
func checkFrames(d *frame.Document, safe float64) error {
	var errs []error
	for i, pg := range d.Pages {
		errs = append(errs, checkPage(pg, d.Width, d.Height, safe, i+1)...)
	}
	if len(errs) > 8 {
		errs = append(errs[:8], fmt.Errorf("and %d more", len(errs)-8))
	}
	return errors.Join(errs...)
}

// ink is the part of a text's line box that glyphs mark: from about the
// cap height above the baseline to the descenders below, its advance
// wide. Line boxes of tight leading overlap; their ink does not.
func ink(t *frame.Text) frame.Rect {
	return frame.Rect{X: t.X, Y: t.Y - 0.72*t.Size, W: t.Width, H: 0.92 * t.Size}
}

func checkPage(pg *frame.Page, width, height, safe float64, n int) []error {
	var errs []error
	bad := func(t *frame.Text, format string, args ...any) {
		errs = append(errs, fmt.Errorf("page %d: %s %q %s", n, t.Tag, shorten(t.Text, 40), fmt.Sprintf(format, args...)))
	}
	var texts []*frame.Text
	var boxes []*frame.Box
	for _, it := range pg.Items {
		switch it := it.(type) {
		case *frame.Text:
			if it.Width > 0 {
				texts = append(texts, it)
			}
		case *frame.Box:
			if boxTags[it.Tag] {
				boxes = append(boxes, it)
			}
		}
	}
	for _, t := range texts {
		r := ink(t)
		switch {
		case t.Room != [2]float64{} && (r.X < t.Room[0]-checkSlack || r.X+r.W > t.Room[1]+checkSlack):
			bad(t, "runs out of its measure by %.1f mm", mm(max(t.Room[0]-r.X, r.X+r.W-t.Room[1])))
		case r.X < safe-checkSlack || r.X+r.W > width-safe+checkSlack || r.Y < safe-checkSlack || r.Y+r.H > height-safe+checkSlack:
			bad(t, "is outside the page's safe area (%.0f mm inside the trim)", mm(safe))
		}
		if b := container(boxes, t); b != nil && !inside(r, b.Rect) {
			bad(t, "runs out of its %s", b.Tag)
		}
	}
	// No two texts overlap: sweep them from the top.
	sort.SliceStable(texts, func(i, j int) bool { return ink(texts[i]).Y < ink(texts[j]).Y })
	for i, a := range texts {
		ra := ink(a)
		for _, b := range texts[i+1:] {
			rb := ink(b)
			if rb.Y >= ra.Y+ra.H-checkSlack {
				break
			}
			if rb.X < ra.X+ra.W-checkSlack && ra.X < rb.X+rb.W-checkSlack {
				bad(a, "overlaps %s %q", b.Tag, shorten(b.Text, 40))
			}
		}
	}
	return errs
}

// container is the smallest text-holding box in which t starts.
func container(boxes []*frame.Box, t *frame.Text) *frame.Box {
	var best *frame.Box
	for _, b := range boxes {
		r := b.Rect
		if t.X >= r.X && t.X < r.X+r.W && t.Y >= r.Y && t.Y <= r.Y+r.H && (best == nil || r.W*r.H < best.W*best.H) {
			best = b
		}
	}
	return best
}

// inside reports whether a lies within b.
func inside(a, b frame.Rect) bool {
	return a.X >= b.X-checkSlack && a.Y >= b.Y-checkSlack && a.X+a.W <= b.X+b.W+checkSlack && a.Y+a.H <= b.Y+b.H+checkSlack
}

// mm converts points to millimetres.
func mm(pt float64) float64 { return pt * 25.4 / 72 }
