package preflight

import (
	"fmt"
	"math"
	"strings"
)

// Ink: what a print shop looks at on the plates, beyond colour spaces.
//
//   - Black (100 % K alone) type and rules should overprint (graphics
//     state OP/op true): a slight misregister then leaves no white halo.
//     The check counts those that do and those that knock out.
//   - Type under smallType points should print in one ink: several inks
//     must register perfectly for fine type to stay sharp.
//   - Type under smallType reversed out of (in paper white on) a
//     background of several inks should be bold: thin strokes fill in.
//
// Inks are counted from DeviceCMYK and DeviceGray values and Separation
// tints; RGB and other spaces are not counted (the colour check fails
// them in print). The background of reversed type is the last filled
// path drawn under the middle of its first glyphs, from the path's
// bounding box.

// smallType is the size, in points on the page, under which type should
// be one ink, or bold when reversed.
const smallType = 10.0

// ink is what a fill or stroke colour prints with.
type ink struct {
	inks  int  // how many inks; -1 when not counted (RGB, patterns, …)
	black bool // 100 % K alone
}

var unknownInk = ink{inks: -1}

// inkOf counts the inks of colour components in a device space.
func inkOf(space string, comps []float64) ink {
	switch {
	case space == "DeviceCMYK" && len(comps) == 4:
		n := 0
		for _, v := range comps {
			if v > 0.001 {
				n++
			}
		}
		black := comps[0] <= 0.001 && comps[1] <= 0.001 && comps[2] <= 0.001 && comps[3] >= 0.999
		return ink{inks: n, black: black}
	case space == "DeviceGray" && len(comps) == 1:
		if comps[0] >= 0.999 {
			return ink{inks: 0}
		}
		return ink{inks: 1, black: comps[0] <= 0.001}
	}
	return unknownInk
}

// area is a filled path: its bounding box on the page and its ink.
type area struct {
	box rect
	ink ink
}

// inkUse is a finding: where on which page, and what.
type inkUse struct {
	page    int
	x, y    float64 // page space
	size    float64
	excerpt string
	inks    int
}

// inkScan is what a page's content does with inks.
type inkScan struct {
	blackText, blackTextOP   int // black text runs, and those overprinting
	blackRules, blackRulesOP int
	multi, reversed          []inkUse
}

// setInk sets the fill or stroke ink from a colour operator's operands.
func (sc *scanner) setInk(op string, args []operand) {
	comps := numbers(args)
	var in ink
	switch op {
	case "k", "K":
		in = inkOf("DeviceCMYK", comps)
	case "g", "G":
		in = inkOf("DeviceGray", comps)
	case "rg", "RG":
		in = unknownInk
	case "sc", "scn", "SC", "SCN":
		space := sc.gs.fillSpace
		if op == "SC" || op == "SCN" {
			space = sc.gs.strokeSpace
		}
		switch {
		case strings.HasPrefix(space, "Separation All"):
			in = ink{inks: 4}
		case strings.HasPrefix(space, "Separation ") && len(comps) == 1:
			in = ink{inks: 1}
			if comps[0] <= 0.001 {
				in.inks = 0
			}
		case space == "DeviceCMYK" || space == "DeviceGray":
			in = inkOf(space, comps)
		default:
			in = unknownInk
		}
	}
	if op == strings.ToLower(op) {
		sc.gs.fill = in
	} else {
		sc.gs.stroke = in
	}
}

// numbers returns the numeric operands.
func numbers(args []operand) []float64 {
	var out []float64
	for _, a := range args {
		if a.kind == 'n' {
			out = append(out, a.num)
		}
	}
	return out
}

// setSpace notes the colour space cs or CS chose, and its initial colour.
func (sc *scanner) setSpace(op string, c colourClass) {
	label := c.label
	in := unknownInk
	switch {
	case c.kind == kindSpot && strings.HasPrefix(label, "Separation "):
		in = ink{inks: 1} // a tint of 1, the initial colour
	case c.kind == kindCMYK:
		label, in = "DeviceCMYK", ink{inks: 1, black: true} // 0 0 0 1
	case c.kind == kindGray:
		label, in = "DeviceGray", ink{inks: 1, black: true}
	}
	if op == "cs" {
		sc.gs.fillSpace, sc.gs.fill = label, in
	} else {
		sc.gs.strokeSpace, sc.gs.stroke = label, in
	}
}

// extGState applies a graphics state's overprint entries.
func (sc *scanner) extGState(name string) {
	gs := sc.d.dict(sc.resource("ExtGState", name))
	boolean := func(key string) (bool, bool) {
		b, ok := sc.d.resolve(gs[key]).(pdfBool)
		return bool(b), ok
	}
	if v, ok := boolean("OP"); ok {
		sc.gs.overprintStroke = v
		sc.gs.overprintFill = v // op defaults to OP
	}
	if v, ok := boolean("op"); ok {
		sc.gs.overprintFill = v
	}
}

// pathPoint adds a point of the current path, in user space.
func (sc *scanner) pathPoint(x, y float64) {
	px, py := sc.gs.ctm.apply(x, y)
	if !sc.inPath {
		sc.path, sc.inPath = rect{px, py, px, py}, true
		return
	}
	sc.path.x0, sc.path.y0 = math.Min(sc.path.x0, px), math.Min(sc.path.y0, py)
	sc.path.x1, sc.path.y1 = math.Max(sc.path.x1, px), math.Max(sc.path.y1, py)
}

// path follows the path construction and painting operators: filled
// paths become areas, stroked straight lines in black are rules.
func (sc *scanner) pathOp(op string, args []operand) {
	n := numbers(args)
	switch op {
	case "m", "l":
		if len(n) >= 2 {
			sc.pathPoint(n[len(n)-2], n[len(n)-1])
		}
	case "c", "v", "y":
		for k := 0; k+1 < len(n); k += 2 {
			sc.pathPoint(n[k], n[k+1])
		}
	case "re":
		if len(n) >= 4 {
			x, y, w, h := n[len(n)-4], n[len(n)-3], n[len(n)-2], n[len(n)-1]
			sc.pathPoint(x, y)
			sc.pathPoint(x+w, y+h)
		}
	case "f", "F", "f*", "B", "B*", "b", "b*":
		if sc.inPath {
			sc.s.areas = append(sc.s.areas, area{sc.path, sc.gs.fill})
		}
		if op != "f" && op != "F" && op != "f*" {
			sc.strokePath()
		}
		sc.inPath = false
	case "S", "s":
		sc.strokePath()
		sc.inPath = false
	case "n":
		sc.inPath = false
	}
}

// strokePath counts a stroke in black as a rule.
func (sc *scanner) strokePath() {
	if sc.inPath && sc.gs.stroke.black {
		sc.s.ink.blackRules++
		if sc.gs.overprintStroke {
			sc.s.ink.blackRulesOP++
		}
	}
}

// inkText looks at a shown string's ink: box is its glyphs' box on the
// page, trm the text rendering matrix.
func (sc *scanner) inkText(f *fontInfo, box rect, trm matrix, shown string) {
	fill := sc.gs.fill
	if fill.black {
		sc.s.ink.blackText++
		if sc.gs.overprintFill {
			sc.s.ink.blackTextOP++
		}
	}
	_, sy := trm.scale()
	size := sc.gs.size * sy * f.scale * 1000
	if size >= smallType || fill.inks < 0 {
		return
	}
	x, y := trm.apply(0, sc.gs.rise)
	use := inkUse{page: sc.s.page, x: x, y: y, size: size, inks: fill.inks}
	if fill.inks > 1 {
		if len(sc.s.ink.multi) == 0 {
			use.excerpt = excerpt(f, shown)
		}
		sc.s.ink.multi = append(sc.s.ink.multi, use)
		return
	}
	if fill.inks != 0 || f.bold() {
		return
	}
	// Reversed: what is under the middle of its first glyph's height.
	cx, cy := box.x0+math.Min(box.w()/2, 3), (box.y0+box.y1)/2
	for k := len(sc.s.areas) - 1; k >= 0; k-- {
		a := sc.s.areas[k]
		if cx >= a.box.x0 && cx <= a.box.x1 && cy >= a.box.y0 && cy <= a.box.y1 {
			if a.ink.inks > 1 {
				use.inks = a.ink.inks
				if len(sc.s.ink.reversed) == 0 {
					use.excerpt = excerpt(f, shown)
				}
				sc.s.ink.reversed = append(sc.s.ink.reversed, use)
			}
			return
		}
	}
}

// checkInk reports black overprint, and warns about small type in
// several inks or reversed out of several inks, in print files.
func checkInk(pages []*page, scans []*pageScan, opt Options) Result {
	res := Result{Name: CheckInk, OK: true}
	if !opt.Print {
		res.Detail = "not a print file"
		return res
	}
	var t inkScan
	for _, s := range scans {
		t.blackText += s.ink.blackText
		t.blackTextOP += s.ink.blackTextOP
		t.blackRules += s.ink.blackRules
		t.blackRulesOP += s.ink.blackRulesOP
		t.multi = append(t.multi, s.ink.multi...)
		t.reversed = append(t.reversed, s.ink.reversed...)
	}
	var parts, warn []string
	switch {
	case t.blackText+t.blackRules == 0:
		parts = append(parts, "no black type or rules")
	case t.blackTextOP == t.blackText && t.blackRulesOP == t.blackRules:
		parts = append(parts, fmt.Sprintf("black overprints (%d text runs, %d rules)", t.blackText, t.blackRules))
	default:
		warn = append(warn, fmt.Sprintf("black knocks out: %d of %d text runs and %d of %d rules do not overprint",
			t.blackText-t.blackTextOP, t.blackText, t.blackRules-t.blackRulesOP, t.blackRules))
	}
	where := func(u inkUse) string {
		t := finished(pages[u.page-1]).box
		what := "text"
		if u.excerpt != "" {
			what = fmt.Sprintf("%q", u.excerpt)
		}
		return fmt.Sprintf("page %d: %s (%.1f pt) at x %.1f, y %.1f mm", u.page, what, u.size, mm(u.x-t.x0), mm(t.y1-u.y))
	}
	if len(t.multi) > 0 {
		warn = append(warn, fmt.Sprintf("%d runs of type under %g pt in several inks, the first %s in %d inks",
			len(t.multi), smallType, where(t.multi[0]), t.multi[0].inks))
	}
	if len(t.reversed) > 0 {
		warn = append(warn, fmt.Sprintf("%d runs of type under %g pt, not bold, reversed out of several inks, the first %s out of %d inks",
			len(t.reversed), smallType, where(t.reversed[0]), t.reversed[0].inks))
	}
	if len(warn) > 0 {
		res.Warn = true
		parts = append(parts, warn...)
	} else {
		parts = append(parts, fmt.Sprintf("type under %g pt in one ink or bold when reversed", smallType))
	}
	res.Detail = strings.Join(parts, "; ")
	return res
}

// bold says whether a font's name says it is bold (or semibold, heavier).
func (f *fontInfo) bold() bool {
	n := strings.ToLower(f.name)
	for _, w := range []string{"bold", "black", "heavy", "demi"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
