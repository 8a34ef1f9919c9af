package preflight

import (
	"fmt"
	"math"
	"strings"
)

// The page-box checks: trim size, bleed and nesting (PRINT.md "Page
// geometry"). Sides are named in the page's own coordinates (left is
// smaller x, top is larger y), before any /Rotate.

// namedBox is the box that stands for the finished page, and which it is.
type namedBox struct {
	box  rect
	name string
}

// finished is the finished page: the TrimBox, else the ArtBox, else the
// CropBox, else the MediaBox (the defaults of ISO 32000-1 §14.11.2).
func finished(p *page) namedBox {
	switch {
	case p.trim != nil:
		return namedBox{*p.trim, "TrimBox"}
	case p.art != nil:
		return namedBox{*p.art, "ArtBox"}
	case p.crop != nil:
		return namedBox{*p.crop, "CropBox"}
	}
	return namedBox{p.media, "MediaBox"}
}

// bleedBox is the effective BleedBox (default: CropBox, else MediaBox).
func bleedBox(p *page) rect {
	switch {
	case p.bleed != nil:
		return *p.bleed
	case p.crop != nil:
		return *p.crop
	}
	return p.media
}

// trimSize is a page's finished size in mm as it is displayed (a page
// with /Rotate 90 or 270 shows its box turned).
func trimSize(p *page) (w, h float64) {
	b := finished(p).box
	w, h = mm(b.w()), mm(b.h())
	if p.rotate%180 != 0 {
		w, h = h, w
	}
	return w, h
}

func sizeText(w, h float64) string {
	s := fmt.Sprintf("%.1f × %.1f mm", w, h)
	if n := paperName(w, h); n != "" {
		s += " (" + n + ")"
	}
	return s
}

func checkTrimSize(pages []*page) Result {
	res := Result{Name: CheckTrimSize, OK: true}
	w, h := trimSize(pages[0])
	res.Detail = sizeText(w, h)
	if b := finished(pages[0]); b.name != "TrimBox" {
		res.Detail += ", from the " + b.name + " (no TrimBox)"
	}
	for _, p := range pages {
		pw, ph := trimSize(p)
		if pw <= 0 || ph <= 0 {
			res.OK = false
			res.Detail = fmt.Sprintf("page %d: empty %s %v", p.n, finished(p).name, finished(p).box)
			return res
		}
		if math.Abs(pw-w) > 0.1 || math.Abs(ph-h) > 0.1 {
			res.OK = false
			res.Detail = fmt.Sprintf("page %d is %s but page 1 is %s: pages differ in size",
				p.n, sizeText(pw, ph), sizeText(w, h))
			return res
		}
	}
	return res
}

// bleedSides is BleedBox − finished box on each side, in points.
type bleedSides struct{ left, right, top, bottom float64 }

func sidesOf(p *page) bleedSides {
	t, b := finished(p).box, bleedBox(p)
	return bleedSides{t.x0 - b.x0, b.x1 - t.x1, b.y1 - t.y1, t.y0 - b.y0}
}

func (s bleedSides) min() float64 {
	return math.Min(math.Min(s.left, s.right), math.Min(s.top, s.bottom))
}

func (s bleedSides) String() string {
	l, r, t, b := fmt.Sprintf("%.1f", mm(s.left)), fmt.Sprintf("%.1f", mm(s.right)),
		fmt.Sprintf("%.1f", mm(s.top)), fmt.Sprintf("%.1f", mm(s.bottom))
	if l == r && l == t && l == b {
		return l + " mm on every side"
	}
	return fmt.Sprintf("left %s, right %s, top %s, bottom %s mm", l, r, t, b)
}

func checkBleed(pages []*page, opt Options) Result {
	res := Result{Name: CheckBleed, OK: true}
	need := fmt.Sprintf("needs %.1f mm on every side", mm(opt.Bleed))
	if opt.Bleed == 0 {
		need = "a print file needs one"
	}
	for _, p := range pages {
		if !opt.Print {
			break
		}
		if p.bleed == nil {
			res.OK = false
			res.Detail = fmt.Sprintf("page %d has no BleedBox (%s)", p.n, need)
			return res
		}
		if s := sidesOf(p); s.min() < opt.Bleed-tol {
			res.OK = false
			res.Detail = fmt.Sprintf("page %d: %v (%s)", p.n, s, need)
			return res
		}
	}
	first := pages[0]
	switch {
	case first.bleed == nil:
		res.Detail = "none (no BleedBox)"
	case sidesOf(first).min() < tol && sidesOf(first).min() > -tol:
		res.Detail = "none (BleedBox = " + finished(first).name + ")"
	default:
		res.Detail = sidesOf(first).String()
	}
	if !opt.Print {
		res.Detail += ", screen file"
	}
	return res
}

func checkBoxes(pages []*page, opt Options) Result {
	res := Result{Name: CheckBoxes, OK: true}
	fail := func(p *page, format string, args ...any) Result {
		res.OK = false
		res.Detail = fmt.Sprintf("page %d: ", p.n) + fmt.Sprintf(format, args...)
		return res
	}
	present := map[string]bool{}
	for _, p := range pages {
		switch {
		case p.trim != nil && p.art != nil:
			return fail(p, "has both TrimBox and ArtBox (exactly one is allowed; use TrimBox)")
		case p.trim == nil && p.art == nil && opt.Print:
			return fail(p, "has no TrimBox (a print file needs one)")
		}
		t, b := finished(p), bleedBox(p)
		if !t.box.within(b) {
			return fail(p, "%s %v is not inside the BleedBox %v", t.name, t.box, b)
		}
		if !b.within(p.media) {
			return fail(p, "BleedBox %v is not inside the MediaBox %v", b, p.media)
		}
		if p.crop != nil && !t.box.within(*p.crop) {
			return fail(p, "%s %v is not inside the CropBox %v", t.name, t.box, *p.crop)
		}
		for name, b := range map[string]*rect{"TrimBox": p.trim, "ArtBox": p.art, "BleedBox": p.bleed, "CropBox": p.crop} {
			if b != nil {
				present[name] = true
			}
		}
	}
	var have []string
	for _, n := range []string{"TrimBox", "ArtBox", "BleedBox", "CropBox"} {
		if present[n] {
			have = append(have, n)
		}
	}
	switch {
	case len(have) == 0:
		res.Detail = "MediaBox only (no TrimBox, BleedBox)"
	case present["TrimBox"] && present["BleedBox"]:
		res.Detail = "TrimBox ⊆ BleedBox ⊆ MediaBox on every page"
	default:
		res.Detail = strings.Join(have, ", ") + " inside the MediaBox on every page"
	}
	return res
}
