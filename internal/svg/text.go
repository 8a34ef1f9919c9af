package svg

import (
	"hash/fnv"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"weak"

	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
)

// faceGlyphs is a face as one page uses it: the glyphs to define.
type faceGlyphs struct {
	face *font.Face
	emb  *font.Embedding
	// id prefixes the ids of the face's glyphs (see faceID): glyph 36
	// of a face whose id is "gk3x9" is "gk3x9-36".
	id string
	// paths holds the path data of each glyph the page uses (see
	// glyphPaths).
	paths map[uint16][]byte
	cache *glyphPaths
}

// face returns the face's glyphs on this page, adding the face on its
// first use.
func (p *painter) face(f *font.Face) (*faceGlyphs, error) {
	for _, fg := range p.faces {
		if fg.face == f {
			return fg, nil
		}
	}
	emb, err := f.Embedding()
	if err != nil {
		return nil, err
	}
	id := faceID(emb.PostScriptName, func(id string) bool {
		return slices.ContainsFunc(p.faces, func(fg *faceGlyphs) bool { return fg.id == id })
	})
	fg := &faceGlyphs{face: f, emb: emb, id: id, paths: map[uint16][]byte{}, cache: pathsOf(f)}
	p.faces = append(p.faces, fg)
	return fg, nil
}

// faceID names a face's glyphs: "g" and four letters or digits from a
// hash of the font's PostScript name. The same glyph of the same font
// so has the same id on every page, and pages can share one HTML
// document. Should a second face of the page get the same id (a 1 in
// 2^20 chance, or fonts of the same name), it takes the next hash.
func faceID(name string, taken func(string) bool) string {
	const digits = "0123456789abcdefghijklmnopqrstuv"
	h := fnv.New32a()
	h.Write([]byte(name))
	v := h.Sum32()
	for {
		id := []byte{'g', digits[v&31], digits[v>>5&31], digits[v>>10&31], digits[v>>15&31]}
		if !taken(string(id)) {
			return string(id)
		}
		v = v*16777619 + 1
	}
}

// glyph reports whether glyph g has an outline, adding it to the page on
// its first use there.
func (fg *faceGlyphs) glyph(g uint16) (bool, error) {
	if d, ok := fg.paths[g]; ok {
		return d != nil, nil
	}
	d, err := fg.cache.path(fg.face, g)
	if err != nil {
		return false, err
	}
	fg.paths[g] = d
	return d != nil, nil
}

// glyphPaths are the path data of a face's glyphs, in font units with y
// growing downwards, made on first use and kept while the face lives:
// every page and every preview of the process shares them. A glyph
// without outline (a space) has nil.
type glyphPaths struct {
	mu    sync.RWMutex
	paths map[uint16][]byte
}

// faces holds the glyphPaths of each face, by a weak pointer so that a
// face that is no longer used (fonts loaded again) goes with its paths.
var faces sync.Map // weak.Pointer[font.Face] -> *glyphPaths

// pathsOf returns the glyph paths of f.
func pathsOf(f *font.Face) *glyphPaths {
	key := weak.Make(f)
	if gp, ok := faces.Load(key); ok {
		return gp.(*glyphPaths)
	}
	gp, loaded := faces.LoadOrStore(key, &glyphPaths{paths: map[uint16][]byte{}})
	if !loaded {
		runtime.AddCleanup(f, func(key weak.Pointer[font.Face]) { faces.Delete(key) }, key)
	}
	return gp.(*glyphPaths)
}

// path returns the path data of glyph g of f, reading its outline on
// first use.
func (gp *glyphPaths) path(f *font.Face, g uint16) ([]byte, error) {
	gp.mu.RLock()
	d, ok := gp.paths[g]
	gp.mu.RUnlock()
	if ok {
		return d, nil
	}
	o, err := f.Outline(g)
	if err != nil {
		return nil, err
	}
	if len(o) > 0 {
		d = appendOutline(make([]byte, 0, 8*len(o)), o)
	}
	gp.mu.Lock()
	gp.paths[g] = d
	gp.mu.Unlock()
	return d, nil
}

// appendOutline appends a glyph's outline as path data, in font units
// to 1/10, with y growing downwards as in the page. Commands are
// relative, in their shortest forms: "h" and "v" for level and upright
// lines, "t" for a curve whose control point mirrors the previous one
// (what TrueType's implied on-curve points make). Every number is the
// difference of two positions rounded to 1/10, so no error builds up
// along a contour.
func appendOutline(b []byte, o font.Outline) []byte {
	type pt struct{ x, y int64 } // tenths of a font unit, y down
	at := func(p font.Point) pt { return pt{int64(math.Round(p.X * 10)), int64(math.Round(-p.Y * 10))} }
	var cur, start, ctrl pt // ctrl: the last curve's control point
	quad := false           // the last command was a curve
	for _, s := range o {
		switch s.Op {
		case font.MoveTo:
			p := at(s.P[0])
			b = append(b, 'm')
			b = appendTenths(appendTenths(b, p.x-cur.x), p.y-cur.y)
			cur, start, quad = p, p, false
		case font.LineTo:
			p := at(s.P[0])
			switch {
			case p.y == cur.y:
				b = appendTenths(append(b, 'h'), p.x-cur.x)
			case p.x == cur.x:
				b = appendTenths(append(b, 'v'), p.y-cur.y)
			default:
				b = append(b, 'l')
				b = appendTenths(appendTenths(b, p.x-cur.x), p.y-cur.y)
			}
			cur, quad = p, false
		case font.QuadTo:
			c, p := at(s.P[0]), at(s.P[1])
			if quad && c.x == 2*cur.x-ctrl.x && c.y == 2*cur.y-ctrl.y {
				b = append(b, 't')
			} else {
				b = append(b, 'q')
				b = appendTenths(appendTenths(b, c.x-cur.x), c.y-cur.y)
			}
			b = appendTenths(appendTenths(b, p.x-cur.x), p.y-cur.y)
			cur, ctrl, quad = p, c, true
		case font.Close:
			b = append(b, 'z')
			cur, quad = start, false
		}
	}
	return b
}

// appendTenths appends n/10 as path data, separated from what comes
// before as appendCoord does.
func appendTenths(b []byte, n int64) []byte {
	if len(b) > 0 && b[len(b)-1] < 'A' && n >= 0 {
		b = append(b, ' ')
	}
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/10, 10)
	if n%10 != 0 {
		b = append(b, '.', byte('0'+n%10))
	}
	return b
}

// text appends a run as a group, moved to the start of its baseline and
// scaled from font units to points, of the glyphs it shows:
//
//	<g fill="#1a1a1a" transform="translate(56.69 70.87) scale(0.004638672)">
//	<use xlink:href="#gk3x9-36"/><use xlink:href="#gk3x9-75" x="1163"/>…</g>
//
// Each glyph is placed where the PDF places it: after the advances of
// those before it (Embedding.Width of each rune's glyph, in 1/1000 em),
// the face's kerning of each pair (Face.Kern) and the run's tracking
// after every glyph. Glyphs without outline are not written.
func (p *painter) text(t *frame.Text) error {
	if t.Text == "" {
		return nil
	}
	fg, err := p.face(t.Face)
	if err != nil {
		return err
	}
	// k is the scale as written, so that the glyphs' x, divided by it,
	// land where the PDF puts them.
	k := t.Size / float64(t.Face.UnitsPerEm())
	k = float64(int64(k*1e9+0.5)) / 1e9
	if k <= 0 {
		return nil
	}
	b := append(p.body, `<g fill="`...)
	b = appendColour(b, t.Color)
	b = append(b, `" transform="translate(`...)
	b = appendNum(b, t.X, 2)
	b = append(b, ' ')
	b = appendNum(b, t.Y, 2)
	b = append(b, ") scale("...)
	b = appendNum(b, k, 9)
	b = append(b, ")\">"...)
	em := t.Size / 1000 // points per 1/1000 em
	kern := t.Face.HasKerning()
	x := 0.0
	prev := rune(-1)
	for _, r := range t.Text {
		if kern && prev >= 0 {
			x += float64(t.Face.Kern(prev, r)) * em
		}
		g := fg.emb.Glyph(r)
		has, err := fg.glyph(g)
		if err != nil {
			return err
		}
		if has {
			b = append(b, `<use xlink:href="#`...)
			b = append(b, fg.id...)
			b = append(b, '-')
			b = strconv.AppendUint(b, uint64(g), 10)
			b = append(b, '"')
			if u := x / k; math.Abs(u) >= 0.5 {
				b = append(b, ` x="`...)
				b = appendNum(b, u, 0)
				b = append(b, '"')
			}
			b = append(b, "/>"...)
		}
		x += float64(fg.emb.Width(g))*em + t.Tracking
		prev = r
	}
	p.body = append(b, "</g>\n"...)
	return nil
}

// appendDefs appends the glyphs the page uses, face by face in order of
// first use, each face's in increasing glyph id.
func (p *painter) appendDefs(b []byte) []byte {
	start := len(b)
	b = append(b, "<defs>\n"...)
	var ids []uint16
	for _, fg := range p.faces {
		ids = ids[:0]
		for g, d := range fg.paths {
			if d != nil {
				ids = append(ids, g)
			}
		}
		slices.Sort(ids)
		for _, g := range ids {
			b = append(b, `<path id="`...)
			b = append(b, fg.id...)
			b = append(b, '-')
			b = strconv.AppendUint(b, uint64(g), 10)
			b = append(b, `" d="`...)
			b = append(b, fg.paths[g]...)
			b = append(b, "\"/>\n"...)
		}
	}
	if len(b) == start+len("<defs>\n") {
		return b[:start] // no glyph to draw
	}
	return append(b, "</defs>\n"...)
}
