// Package pdf draws frames into a PDF file with fpdf. It is the only
// package that knows fpdf: a short switch over the kinds of frame item.
package pdf

import (
	"bytes"
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
)

// Write draws d as a PDF into w. The output depends only on d: the same
// frames give the same bytes.
func Write(w io.Writer, d *frame.Document) error {
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: d.Width, Ht: d.Height},
	})
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(d.Meta.Date)
	pdf.SetModificationDate(d.Meta.Date)
	pdf.SetTitle(d.Meta.Title, true)
	pdf.SetAuthor(d.Meta.Author, true)
	pdf.SetSubject(d.Meta.Subject, true)
	pdf.SetKeywords(d.Meta.Keywords, true)
	pdf.SetCreator(d.Meta.Creator, true)
	pdf.SetLang(d.Meta.Lang)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetDisplayMode("fullpage", "OneColumn")

	fonts, names := registerFonts(pdf, d)
	for _, pg := range d.Pages {
		pdf.AddPage()
		for _, it := range pg.Items {
			drawItem(pdf, fonts, it)
		}
		for _, b := range pg.Bookmarks {
			pdf.Bookmark(b.Title, b.Level, b.Y)
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	out := retag(buf.Bytes(), names)
	// fpdf declares PDF 1.3, but /Lang is a PDF 1.4 key; the header line
	// keeps its length, so no offset moves.
	if bytes.HasPrefix(out, []byte("%PDF-1.3")) {
		copy(out, "%PDF-1.4")
	}
	_, err := w.Write(out)
	return err
}

// registerFonts adds each face the document uses, in order of first use,
// and returns their fpdf family names.
func registerFonts(pdf *fpdf.Fpdf, d *frame.Document) (map[*font.Face]string, []fontName) {
	families := map[*font.Face]string{}
	var names []fontName
	runes := runesByFace(d)
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			t, ok := it.(*frame.Text)
			if !ok || families[t.Face] != "" {
				continue
			}
			n := newFontName(t.Face, runes[t.Face])
			pdf.AddUTF8FontFromBytes(n.family, "", t.Face.Data())
			families[t.Face] = n.family
			names = append(names, n)
		}
	}
	// Bookmark titles are written as UTF-16 only when a UTF-8 font is set.
	if len(names) > 0 {
		pdf.SetFont(names[0].family, "", 10)
	}
	return families, names
}

func drawItem(pdf *fpdf.Fpdf, fonts map[*font.Face]string, it frame.Item) {
	switch it := it.(type) {
	case *frame.Text:
		pdf.SetFont(fonts[it.Face], "", it.Size)
		setText(pdf, it.Color)
		if it.Tracking != 0 {
			pdf.RawWriteStr(fmt.Sprintf("%.3f Tc\n", it.Tracking))
		}
		drawKerned(pdf, it)
		if it.Tracking != 0 {
			pdf.RawWriteStr("0 Tc\n")
		}
	case *frame.Box:
		style := ""
		if it.Fill != nil {
			setFill(pdf, *it.Fill)
			style += "F"
		}
		if it.Stroke != nil {
			setDraw(pdf, *it.Stroke)
			pdf.SetLineWidth(it.LineWidth)
			style += "D"
		}
		if it.Radius > 0 {
			r := min(it.Radius, it.W/2, it.H/2)
			pdf.RoundedRect(it.X, it.Y, it.W, it.H, r, "1234", style)
		} else {
			pdf.Rect(it.X, it.Y, it.W, it.H, style)
		}
	case *frame.Rule:
		setDraw(pdf, it.Color)
		pdf.SetLineWidth(it.Width)
		pdf.Line(it.X1, it.Y1, it.X2, it.Y2)
	case *frame.Path:
		setFill(pdf, it.Fill)
		for _, s := range it.Segs {
			switch s.Op {
			case frame.MoveTo:
				pdf.MoveTo(s.Pts[0].X, s.Pts[0].Y)
			case frame.LineTo:
				pdf.LineTo(s.Pts[0].X, s.Pts[0].Y)
			case frame.CurveTo:
				pdf.CurveBezierCubicTo(s.Pts[0].X, s.Pts[0].Y, s.Pts[1].X, s.Pts[1].Y, s.Pts[2].X, s.Pts[2].Y)
			case frame.Close:
				pdf.ClosePath()
			}
		}
		pdf.DrawPath("F")
	case *frame.Link:
		pdf.LinkString(it.X, it.Y, it.W, it.H, it.URI)
	}
}

func setText(pdf *fpdf.Fpdf, c color.Color) {
	pdf.SetTextColor(int(c.RGB.R), int(c.RGB.G), int(c.RGB.B))
}
func setFill(pdf *fpdf.Fpdf, c color.Color) {
	pdf.SetFillColor(int(c.RGB.R), int(c.RGB.G), int(c.RGB.B))
}
func setDraw(pdf *fpdf.Fpdf, c color.Color) {
	pdf.SetDrawColor(int(c.RGB.R), int(c.RGB.G), int(c.RGB.B))
}
