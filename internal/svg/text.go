package svg

import (
	"slices"
	"strconv"

	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
)

// faceGlyphs is a face as one page uses it: the glyphs to define.
type faceGlyphs struct {
	face *font.Face
	emb  *font.Embedding
	// id prefixes the ids of the face's glyphs: "g1" for the first face
	// the page uses, "g2" for the next, so glyph 36 of the first is
	// "g1-36".
	id string
	// paths holds the path data of each glyph used, in font units with
	// y growing downwards; nil for a glyph without outline (a space).
	paths map[uint16][]byte
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
	fg := &faceGlyphs{face: f, emb: emb, id: "g" + strconv.Itoa(len(p.faces)+1), paths: map[uint16][]byte{}}
	p.faces = append(p.faces, fg)
	return fg, nil
}

// glyph reports whether glyph g has an outline, reading it on its first
// use on the page.
func (fg *faceGlyphs) glyph(g uint16) (bool, error) {
	if d, ok := fg.paths[g]; ok {
		return d != nil, nil
	}
	o, err := fg.face.Outline(g)
	if err != nil {
		return false, err
	}
	var d []byte
	if len(o) > 0 {
		d = appendOutline(make([]byte, 0, 16*len(o)), o)
	}
	fg.paths[g] = d
	return d != nil, nil
}

// appendOutline appends a glyph's outline as path data, in font units
// to 1/10, with y growing downwards as in the page.
func appendOutline(b []byte, o font.Outline) []byte {
	for _, s := range o {
		n := 0
		switch s.Op {
		case font.MoveTo:
			b, n = append(b, 'M'), 1
		case font.LineTo:
			b, n = append(b, 'L'), 1
		case font.QuadTo:
			b, n = append(b, 'Q'), 2
		case font.Close:
			b = append(b, 'Z')
		}
		for _, pt := range s.P[:n] {
			b = appendCoord(b, pt.X, 1)
			b = appendCoord(b, -pt.Y, 1)
		}
	}
	return b
}

// text appends a run as a group, moved to the start of its baseline and
// scaled from font units to points, of the glyphs it shows:
//
//	<g fill="#1a1a1a" transform="translate(56.69 70.87) scale(0.004638672)">
//	<use xlink:href="#g1-36"/><use xlink:href="#g1-75" x="1163.2"/>…</g>
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
			if u := x / k; u != 0 {
				b = append(b, ` x="`...)
				b = appendNum(b, u, 1)
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
	if len(p.faces) == 0 {
		return b
	}
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
	return append(b, "</defs>\n"...)
}
