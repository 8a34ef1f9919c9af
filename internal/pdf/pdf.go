// Package pdf draws frames into a PDF file with fpdf. It is the only
// package that knows fpdf: a short switch over the kinds of frame item.
package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/frame"
)

// Write draws d as a PDF into w. The output depends only on d: the same
// frames give the same bytes. A print document gets a media box with room
// for bleed and crop marks, TrimBox and BleedBox, CMYK colours and marks;
// a screen document is its trim size, in RGB. A document with a
// structure (frame.Document.Structure) is tagged: its pages' content is
// marked and the file has the structure tree (marked.go, structure.go);
// one without is written as it always was.
func Write(w io.Writer, d *frame.Document) error {
	pg := page{d: d}
	if d.Print != nil {
		pg.cmyk = true
		pg.off = d.Print.Bleed
		if d.Print.CropMarks {
			pg.off += markLength + markRoom
		}
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: d.Width + 2*pg.off, Ht: d.Height + 2*pg.off},
	})
	pdf.SetCompression(false) // finish compresses the pages with pooled writers
	pdf.SetCatalogSort(true)
	date := d.Meta.Date
	if date.IsZero() {
		date = time.Now()
	}
	// The document information and the catalog are finish's (standard.go,
	// assemble.go): fpdf's are replaced, so nothing is set for them here.
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	if d.Print != nil {
		pdf.AddSpotColor(registration, 100, 100, 100, 100)
	}
	fonts, err := collectFonts(d)
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if pg.tags, err = newTagger(d); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	pg.pdf, pg.fonts, pg.spots = pdf, fonts, collectSpots(d)
	fonts.foresee(d, pg.tags != nil)
	pg.links = make([][]link, len(d.Pages))
	for i, p := range d.Pages {
		pdf.AddPage()
		pg.state = state{}
		pg.n = i
		pg.line = textObjects(p.Items, pg.tags != nil, pg.line, func(line []*frame.Text, end bool) {
			for _, r := range line {
				pg.tags.linkText(r)
			}
			pg.text(line, end)
		}, func(it frame.Item) {
			if _, link := it.(*frame.Link); !link {
				pg.markItem(it)
			}
			pg.draw(it)
		})
		if d.Print != nil && d.Print.CropMarks {
			if pg.tags != nil {
				pg.writeMarks(pg.appendMark(pg.buf[:0], printerArtifact, ""))
			}
			pg.overprint(false)
			pg.cropMarks()
		}
		pg.endMarks()
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	fonts.startPrograms()
	buf := outputBuffer()
	defer releaseOutputBuffer(buf)
	if err := pdf.Output(buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	x := extras{
		fonts: fonts,
		spots: pg.spots,
		boxes: pageBoxes(d, pg.off),
		links: pg.links,
		marks: bookmarks(d, d.Height+2*pg.off, pg.off),
		lang:  d.Meta.Lang,
		op:    pg.usesOP,
		std:   standardOf(d, date),
		tags:  pg.tags,
	}
	if err := finish(w, buf.Bytes(), x); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// page draws frame items: offset into the media box, in RGB for screen
// or CMYK for print.
type page struct {
	d      *frame.Document
	pdf    *fpdf.Fpdf
	fonts  *fontSet
	spots  *spotSet
	off    float64 // from the media box to the trim, points
	cmyk   bool
	n      int           // the page being drawn, from 0
	links  [][]link      // by page
	usesOP bool          // some page overprints
	buf    []byte        // scratch for text operators
	line   []*frame.Text // scratch for the runs of a line
	reader bytes.Reader  // gives buf to fpdf
	state  state         // what the page's graphics state holds, as far as we set it
	tags   *tagger       // the structure, in a tagged document; else nil
}

// state is the part of a page's graphics state that text sets: fill
// colour, font and size, character spacing. Only page.fill and page.text
// (with page.appendTextColour) change them, since fpdf sets colours only
// when asked to and sets no font; a page starts with nothing known.
type state struct {
	fill string // the fill colour operator last written; "": unknown
	op   bool   // overprint on (print only)
	font *docFont
	size float64
	tc   float64
}

func (p *page) draw(it frame.Item) {
	pdf, o := p.pdf, p.off
	switch it := it.(type) {
	case *frame.Box:
		p.overprint(false)
		style := ""
		if it.Fill != nil {
			p.fill(*it.Fill)
			style += "F"
		}
		if it.Stroke != nil {
			p.stroke(*it.Stroke)
			pdf.SetLineWidth(it.LineWidth)
			style += "D"
		}
		if it.Radius > 0 {
			r := min(it.Radius, it.W/2, it.H/2)
			p.roundedRect(it.X+o, it.Y+o, it.W, it.H, r, style)
		} else {
			pdf.Rect(it.X+o, it.Y+o, it.W, it.H, style)
		}
	case *frame.Rule:
		p.overprint(isBlack(it.Color.CMYK, it.Color.Spot))
		p.stroke(it.Color)
		pdf.SetLineWidth(it.Width)
		pdf.Line(it.X1+o, it.Y1+o, it.X2+o, it.Y2+o)
	case *frame.Path:
		p.overprint(false)
		p.fill(it.Fill)
		for _, s := range it.Segs {
			switch s.Op {
			case frame.MoveTo:
				pdf.MoveTo(s.Pts[0].X+o, s.Pts[0].Y+o)
			case frame.LineTo:
				pdf.LineTo(s.Pts[0].X+o, s.Pts[0].Y+o)
			case frame.CurveTo:
				pdf.CurveBezierCubicTo(s.Pts[0].X+o, s.Pts[0].Y+o, s.Pts[1].X+o, s.Pts[1].Y+o, s.Pts[2].X+o, s.Pts[2].Y+o)
			case frame.Close:
				pdf.ClosePath()
			}
		}
		if it.EvenOdd {
			pdf.DrawPath("F*")
		} else {
			pdf.DrawPath("F")
		}
	case *frame.Image:
		p.image(it)
	case *frame.Link:
		// Print files have no links: PDF/X allows no annotations but
		// printer's marks inside the bleed box, and paper no clicks.
		if !p.cmyk {
			top := p.d.Height + 2*o
			r := [4]float64{it.X + o, top - (it.Y + o + it.H), it.X + o + it.W, top - (it.Y + o)}
			p.links[p.n] = append(p.links[p.n], link{rect: r, uri: it.URI, node: it.Struct, parent: p.tagLink(it)})
		}
	}
}

// image draws a JPEG or PNG into its rectangle. Images are named by
// their content's digest, so one drawn twice is embedded once and the
// names do not depend on the order of drawing.
func (p *page) image(im *frame.Image) {
	kind := map[string]string{"jpeg": "JPG", "png": "PNG"}[im.Format]
	sum := sha256.Sum256(im.Data)
	name := hex.EncodeToString(sum[:12])
	opt := fpdf.ImageOptions{ImageType: kind}
	if p.pdf.GetImageInfo(name) == nil {
		p.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(im.Data))
	}
	p.pdf.ImageOptions(name, im.X+p.off, im.Y+p.off, im.W, im.H, false, opt, 0, "")
}

// fill sets the colour of fills. In print, it writes the CMYK operator
// itself, since fpdf knows only RGB; fpdf's own colours are then never
// set, so it never writes one over it.
func (p *page) fill(c color.Color) {
	if p.cmyk {
		p.state.fill = string(p.printColour(nil, c, false))
		p.pdf.RawWriteStr(p.state.fill)
		return
	}
	p.pdf.SetFillColor(int(c.RGB.R), int(c.RGB.G), int(c.RGB.B))
	p.state.fill = string(appendRGB(nil, c.RGB)) // what fpdf wrote
}

func (p *page) stroke(c color.Color) {
	if p.cmyk {
		p.pdf.RawWriteStr(string(p.printColour(nil, c, true)))
		return
	}
	p.pdf.SetDrawColor(int(c.RGB.R), int(c.RGB.G), int(c.RGB.B))
}

// overprint turns overprinting on or off in a print file, when it is not
// so already.
func (p *page) overprint(on bool) {
	if b := p.appendOverprint(nil, on); len(b) > 0 {
		p.pdf.RawWriteStr(string(b))
	}
}

// appendOverprint appends the operator that turns overprinting on or off
// in a print file, when it is not so already: black type and rules
// overprint, so that a slight misregister leaves no white halo around
// them; everything else knocks out. The two graphics states are
// extGStates.
func (p *page) appendOverprint(b []byte, on bool) []byte {
	if !p.cmyk || on == p.state.op {
		return b
	}
	p.state.op = on
	if on {
		p.usesOP = true
		return append(b, "/"+overprintOn+" gs\n"...)
	}
	return append(b, "/"+overprintOff+" gs\n"...)
}

// isBlack says whether a print colour is 100 % K alone, which overprints.
func isBlack(k color.CMYK, spot string) bool {
	return spot == "" && k == color.CMYK{K: 100}
}
