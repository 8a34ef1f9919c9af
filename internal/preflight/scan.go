package preflight

import (
	"fmt"
)

// The content stream interpreter: it follows the graphics state (q, Q,
// cm), the text state and form XObjects, and records what the checks need
// — colour spaces, images with their size on the page, fonts that show
// text and text outside the safe zone. It draws nothing.

// pageScan is what one page's content uses.
type pageScan struct {
	page    int
	colours []colourUse
	images  []imageUse
	fonts   []*fontInfo
	// text outside the safe zone: the first run, and how many runs
	outside      *textRun
	outsideCount int
	areas        []area // filled paths, in drawing order
	ink          inkScan
	marked       markedScan
}

type colourUse struct {
	colourClass
	how string // "fill rg", "image /Im1", …
}

type imageUse struct {
	name   string
	px, py int     // pixels
	dpi    float64 // effective, the lower of both directions
}

// gstate is the part of the graphics state that matters here; the text
// state (font, size, spacing, …) is part of it and q/Q save it too.
type gstate struct {
	ctm                  matrix
	font                 *fontInfo
	size, tc, tw, th, tl float64
	rise                 float64
	render               int
	// inks of the fill and stroke colours, their colour spaces (for sc
	// and scn), and whether they overprint
	fill, stroke                   ink
	fillSpace, strokeSpace         string
	overprintFill, overprintStroke bool
}

// maxOps bounds the operators interpreted for one page, forms included,
// so that a crafted file (a form drawn a thousand times, nested) ends.
const maxOps = 5_000_000

type scanner struct {
	d        *document
	s        *pageScan
	safe     rect
	res      pdfDict
	gs       gstate
	stack    []gstate
	tm, tlm  matrix
	depth    int
	budget   int
	seenFont map[*fontInfo]bool
	seenCol  map[string]bool
	// tiling patterns already run, by object number
	seenPattern map[int]bool
	// shown is the whole of the TJ array being shown, for messages: its
	// strings are split wherever the font kerns.
	shown string
	// the current path's bounding box, page space
	path   rect
	inPath bool
	// the open marked-content sequences; inside a text object, how many
	// were open at its BT
	marks     []markedSeq
	inText    bool
	textMarks int
	newText   bool // no text shown yet in this text object
}

// scanPage interprets a page's content; safe is the rectangle text must
// stay inside. It fails only on a page too complex to check.
func (d *document) scanPage(p *page, safe rect) (*pageScan, error) {
	sc := &scanner{
		d: d, s: &pageScan{page: p.n}, safe: safe, res: p.resources,
		gs:          gstate{ctm: identity, th: 100, fill: ink{1, true}, stroke: ink{1, true}, fillSpace: "DeviceGray", strokeSpace: "DeviceGray"},
		tm:          identity,
		tlm:         identity,
		budget:      maxOps,
		seenFont:    map[*fontInfo]bool{},
		seenCol:     map[string]bool{},
		seenPattern: map[int]bool{},
	}
	content, err := d.content(p.contents)
	if err != nil {
		return nil, fmt.Errorf("page %d: content stream: %w", p.n, err)
	}
	sc.run(content)
	sc.endMarked()
	if sc.budget < 0 {
		return nil, fmt.Errorf("page %d: content too complex to check (over %d operators, forms included)", p.n, maxOps)
	}
	return sc.s, nil
}

func (sc *scanner) run(data []byte) {
	sc.budget -= len(data) / 64 // tokenizing costs too
	scanContent(data, sc.exec)
}

func (sc *scanner) exec(op string, args []operand) {
	if sc.budget--; sc.budget < 0 {
		return
	}
	last := func() operand {
		if len(args) == 0 {
			return operand{}
		}
		return args[len(args)-1]
	}
	switch op {
	case "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "BI", "Tj", "TJ", "'", "\"":
		sc.paint(op, args)
	}
	switch op {
	case "BMC", "BDC", "EMC":
		sc.markedOp(op, args)
	case "BT", "ET":
		sc.textObject(op)
		sc.text(op, args)
	case "q":
		if len(sc.stack) < 1024 {
			sc.stack = append(sc.stack, sc.gs)
		}
	case "Q":
		if n := len(sc.stack); n > 0 {
			sc.gs, sc.stack = sc.stack[n-1], sc.stack[:n-1]
		}
	case "cm":
		if m, ok := matrixOf(args); ok {
			sc.gs.ctm = m.then(sc.gs.ctm)
		}
	case "rg", "k", "g":
		sc.colour(colourOps[op], "fill "+op)
		sc.setInk(op, args)
	case "RG", "K", "G":
		sc.colour(colourOps[op], "stroke "+op)
		sc.setInk(op, args)
	case "cs", "CS":
		if a := last(); a.kind == '/' {
			c := sc.d.colourSpace(pdfName(a.str), sc.res, 0)
			sc.colour(c, "/"+a.str+" "+op)
			sc.setSpace(op, c)
		}
	case "scn", "SCN":
		if a := last(); a.kind == '/' {
			sc.pattern(a.str)
		}
		sc.setInk(op, args)
	case "sc", "SC":
		sc.setInk(op, args)
	case "gs":
		if a := last(); a.kind == '/' {
			sc.extGState(a.str)
		}
	case "m", "l", "c", "v", "y", "re", "h", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "n":
		sc.pathOp(op, args)
	case "sh":
		if a := last(); a.kind == '/' {
			sh := sc.d.dict(sc.resource("Shading", a.str))
			sc.colour(sc.d.colourSpace(sh["ColorSpace"], sc.res, 0), "shading /"+a.str)
		}
	case "Do":
		if a := last(); a.kind == '/' {
			sc.xobject(a.str)
		}
	case "BI":
		if len(args) == 1 && args[0].kind == 'd' {
			sc.inlineImage(args[0].dict)
		}
	default:
		sc.text(op, args)
	}
}

// colourOps are the operators that set a device colour directly.
var colourOps = map[string]colourClass{
	"rg": deviceSpaces["DeviceRGB"], "RG": deviceSpaces["DeviceRGB"],
	"k": deviceSpaces["DeviceCMYK"], "K": deviceSpaces["DeviceCMYK"],
	"g": deviceSpaces["DeviceGray"], "G": deviceSpaces["DeviceGray"],
}

// resource looks a name up in a category of the current resources.
func (sc *scanner) resource(category, name string) object {
	if cat := sc.d.dict(sc.res[category]); cat != nil {
		return cat[name]
	}
	return nil
}

func (sc *scanner) colour(c colourClass, how string) {
	if c.kind == kindPattern || c.kind == kindNone || sc.seenCol[c.label] {
		return
	}
	sc.seenCol[c.label] = true
	sc.s.colours = append(sc.s.colours, colourUse{c, how})
}

// form runs a form XObject's or tiling pattern's content with its own
// resources (or the current ones) and matrix, then restores the state.
func (sc *scanner) form(dict pdfDict, data []byte, base matrix) {
	if sc.depth >= maxFormDepth || data == nil {
		return
	}
	savedGS, savedStack, savedRes, savedTM, savedTLM := sc.gs, sc.stack, sc.res, sc.tm, sc.tlm
	if m := sc.d.array(dict["Matrix"]); len(m) == 6 {
		var fm matrix
		for k := range fm {
			fm[k], _ = sc.d.num(m[k])
		}
		base = fm.then(base)
	}
	sc.gs.ctm, sc.stack = base, nil
	if r := sc.d.dict(dict["Resources"]); r != nil {
		sc.res = r
	}
	sc.depth++
	sc.run(data)
	sc.depth--
	sc.gs, sc.stack, sc.res, sc.tm, sc.tlm = savedGS, savedStack, savedRes, savedTM, savedTLM
}

func (sc *scanner) xobject(name string) {
	o := sc.resource("XObject", name)
	dict := sc.d.dict(o)
	switch sc.d.name(dict["Subtype"]) {
	case "Form":
		_, data := sc.d.stream(o)
		sc.form(dict, data, sc.gs.ctm)
	case "Image":
		w, _ := sc.d.num(dict["Width"])
		h, _ := sc.d.num(dict["Height"])
		sc.image("/"+name, int(w), int(h))
		if mask, ok := sc.d.resolve(dict["ImageMask"]).(pdfBool); !ok || !bool(mask) {
			cs, ok := dict["ColorSpace"]
			c := colourClass{kindOther, "image without colour space"}
			if ok {
				c = sc.d.colourSpace(cs, sc.res, 0)
			}
			sc.colour(c, "image /"+name)
		}
	}
}

// pattern records the colours of a pattern chosen with scn: a shading
// pattern's colour space, or what a coloured tiling pattern paints.
func (sc *scanner) pattern(name string) {
	o := sc.resource("Pattern", name)
	dict := sc.d.dict(o)
	switch t, _ := sc.d.num(dict["PatternType"]); t {
	case 2:
		sh := sc.d.dict(dict["Shading"])
		sc.colour(sc.d.colourSpace(sh["ColorSpace"], sc.res, 0), "pattern /"+name)
	case 1:
		if paint, _ := sc.d.num(dict["PaintType"]); paint == 1 && !sc.seenPattern[objNr(o)] {
			sc.seenPattern[objNr(o)] = true // its colours do not change
			_, data := sc.d.stream(o)
			sc.form(dict, data, identity)
		}
	}
}
