// Package svg draws a page of frames as a standalone SVG document: the
// previews of the web page and the page pictures of the README, made from
// the frames the PDF is drawn from, so that they show what the PDF shows.
//
// Text is drawn from the glyph outlines of its fonts (internal/font),
// each glyph a <path> in <defs> used where it appears, and placed as the
// PDF writer places it: each rune's glyph (font.Embedding.Glyph), its
// advance from the face, the face's pair kerning before it and the run's
// tracking after it. The document loads no font and no file, so it looks
// the same in a browser, in an <img> tag, on GitHub and in rsvg-convert.
//
// Boxes, rules, paths and images are drawn as the PDF draws them, in
// their screen (RGB) colours, on a white page. Links are not drawn: a
// preview is a picture. A print document is shown at its trim size:
// what its frames draw into the bleed is cut off, and it has no crop
// marks.
//
// No text of the frames is written as text, only as glyphs: whatever a
// client's name holds, nothing needs escaping. Glyph ids name the font
// and the glyph ("gk3x9-36"), so several pages can be put inline in one
// HTML document.
package svg

import (
	"encoding/base64"
	"fmt"
	"io"
	"sync"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/frame"
)

// Options say how large to make the picture.
type Options struct {
	// Width is the width of the picture in CSS pixels, the height in
	// proportion. 0 gives the page's own size in points (width="595.28pt"),
	// which is 4/3 as many CSS pixels.
	Width float64
}

// Page writes page i (from 0) of d as an SVG document into w, in one
// Write. The same frames and options give the same bytes. It fails,
// writing nothing, when the page does not exist, a glyph's outline cannot
// be read, or an image is neither JPEG nor PNG.
func Page(w io.Writer, d *frame.Document, i int, opt Options) error {
	if i < 0 || i >= len(d.Pages) {
		return fmt.Errorf("svg: page %d of a %d-page document", i+1, len(d.Pages))
	}
	if d.Width <= 0 || d.Height <= 0 {
		return fmt.Errorf("svg: page size %g × %g pt", d.Width, d.Height)
	}
	p := pool.Get().(*painter)
	defer p.release()
	for _, it := range d.Pages[i].Items {
		if err := p.draw(it); err != nil {
			return fmt.Errorf("svg: page %d: %w", i+1, err)
		}
	}
	out := p.document(d, opt)
	_, err := w.Write(out)
	return err
}

// pool keeps painters and their buffers between pages.
var pool = sync.Pool{New: func() any { return &painter{} }}

// painter draws one page: the items into body, the glyphs they use into
// faces.
type painter struct {
	body  []byte
	out   []byte
	faces []*faceGlyphs
}

func (p *painter) release() {
	if cap(p.body)+cap(p.out) > 4<<20 {
		return // a page with a large photo: let it go
	}
	p.body, p.out = p.body[:0], p.out[:0]
	clear(p.faces)
	p.faces = p.faces[:0]
	pool.Put(p)
}

// document returns the whole SVG document: the header, the glyphs and
// the page's items on white paper.
func (p *painter) document(d *frame.Document, opt Options) []byte {
	b := append(p.out[:0], `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="`...)
	if opt.Width > 0 {
		b = appendNum(b, opt.Width, 2)
		b = append(b, `" height="`...)
		b = appendNum(b, opt.Width*d.Height/d.Width, 2)
	} else {
		b = appendNum(b, d.Width, 2)
		b = append(b, `pt" height="`...)
		b = appendNum(b, d.Height, 2)
		b = append(b, "pt"...)
	}
	b = append(b, `" viewBox="0 0 `...)
	b = appendNum(b, d.Width, 2)
	b = append(b, ' ')
	b = appendNum(b, d.Height, 2)
	b = append(b, "\">\n"...)
	b = p.appendDefs(b)
	b = append(b, `<rect width="`...)
	b = appendNum(b, d.Width, 2)
	b = append(b, `" height="`...)
	b = appendNum(b, d.Height, 2)
	b = append(b, "\" fill=\"#fff\"/>\n"...)
	b = append(b, p.body...)
	b = append(b, "</svg>\n"...)
	p.out = b
	return b
}

// draw appends one item.
func (p *painter) draw(it frame.Item) error {
	b := p.body
	switch it := it.(type) {
	case *frame.Text:
		return p.text(it)
	case *frame.Box:
		if it.Fill == nil && it.Stroke == nil {
			return nil
		}
		b = append(b, `<rect`...)
		b = appendRect(b, it.Rect)
		if it.Radius > 0 {
			r := min(it.Radius, it.W/2, it.H/2)
			b = appendAttr(b, "rx", r)
		}
		b = append(b, ` fill="`...)
		if it.Fill != nil {
			b = appendColour(b, *it.Fill)
		} else {
			b = append(b, "none"...)
		}
		b = append(b, '"')
		if it.Stroke != nil {
			b = appendStroke(b, *it.Stroke, it.LineWidth)
		}
		b = append(b, "/>\n"...)
	case *frame.Rule:
		b = append(b, `<line`...)
		b = appendAttr(b, "x1", it.X1)
		b = appendAttr(b, "y1", it.Y1)
		b = appendAttr(b, "x2", it.X2)
		b = appendAttr(b, "y2", it.Y2)
		b = appendStroke(b, it.Color, it.Width)
		b = append(b, "/>\n"...)
	case *frame.Path:
		b = append(b, `<path d="`...)
		b = appendFramePath(b, it.Segs)
		b = append(b, `" fill="`...)
		b = appendColour(b, it.Fill)
		b = append(b, "\"/>\n"...)
	case *frame.Image:
		mime, ok := map[string]string{"jpeg": "image/jpeg", "png": "image/png"}[it.Format]
		if !ok {
			return fmt.Errorf("image %s: format %q is not jpeg or png", it.Where, it.Format)
		}
		b = append(b, `<image`...)
		b = appendRect(b, it.Rect)
		b = append(b, ` preserveAspectRatio="none" xlink:href="data:`...)
		b = append(b, mime...)
		b = append(b, ";base64,"...)
		b = base64.StdEncoding.AppendEncode(b, it.Data)
		b = append(b, "\"/>\n"...)
	case *frame.Link:
		// Not drawn: a preview is a picture.
	}
	p.body = b
	return nil
}

// appendRect appends the x, y, width and height attributes of r.
func appendRect(b []byte, r frame.Rect) []byte {
	b = appendAttr(b, "x", r.X)
	b = appendAttr(b, "y", r.Y)
	b = appendAttr(b, "width", r.W)
	return appendAttr(b, "height", r.H)
}

// appendAttr appends ` name="v"`, v in points to 1/100.
func appendAttr(b []byte, name string, v float64) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	b = appendNum(b, v, 2)
	return append(b, '"')
}

// appendStroke appends the attributes of a line of colour c and width w.
func appendStroke(b []byte, c color.Color, w float64) []byte {
	b = append(b, ` stroke="`...)
	b = appendColour(b, c)
	b = append(b, '"')
	return appendAttr(b, "stroke-width", w)
}

// appendColour appends c's screen colour as #rrggbb.
func appendColour(b []byte, c color.Color) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '#')
	for _, v := range [3]uint8{c.RGB.R, c.RGB.G, c.RGB.B} {
		b = append(b, hex[v>>4], hex[v&15])
	}
	return b
}

// appendFramePath appends a frame path's segments as path data.
func appendFramePath(b []byte, segs []frame.Seg) []byte {
	for _, s := range segs {
		n := 0
		switch s.Op {
		case frame.MoveTo:
			b, n = append(b, 'M'), 1
		case frame.LineTo:
			b, n = append(b, 'L'), 1
		case frame.CurveTo:
			b, n = append(b, 'C'), 3
		case frame.Close:
			b = append(b, 'Z')
		}
		for _, pt := range s.Pts[:n] {
			b = appendCoord(b, pt.X, 2)
			b = appendCoord(b, pt.Y, 2)
		}
	}
	return b
}

// appendCoord appends a number of path data, v to prec decimals, with a
// space before it unless b ends in a command letter or v has a minus
// sign, which separates it: "M10 20L30-4".
func appendCoord(b []byte, v float64, prec int) []byte {
	mark := len(b)
	b = append(b, ' ')
	b = appendNum(b, v, prec)
	if mark == 0 || b[mark-1] >= 'A' || b[mark+1] == '-' {
		copy(b[mark:], b[mark+1:])
		b = b[:len(b)-1]
	}
	return b
}
