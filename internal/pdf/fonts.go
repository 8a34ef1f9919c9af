package pdf

import (
	"strconv"

	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
)

// We embed fonts ourselves rather than through fpdf, which re-parses each
// font for every document and cannot share the work between documents:
// text is drawn with raw operators (text.go), each face used becomes a
// Type0 font whose CIDs are glyph ids (objects.go), and the font objects
// are added to fpdf's output afterwards (file.go).

// docFont is a face as one document uses it.
type docFont struct {
	face *font.Face
	emb  *font.Embedding // shared by every document
	sub  *font.Subset    // this document's glyphs
	res  string          // resource name: G1, G2, … in order of first use
}

// fontSet is the faces a document uses, in order of first use.
type fontSet struct {
	list   []*docFont
	byFace map[*font.Face]*docFont
}

// collectFonts finds the faces the document's text is set in.
func collectFonts(d *frame.Document) (*fontSet, error) {
	fs := &fontSet{byFace: map[*font.Face]*docFont{}}
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			t, ok := it.(*frame.Text)
			if !ok || t.Text == "" || fs.byFace[t.Face] != nil {
				continue
			}
			emb, err := t.Face.Embedding()
			if err != nil {
				return nil, err
			}
			f := &docFont{
				face: t.Face,
				emb:  emb,
				sub:  emb.NewSubset(),
				res:  "G" + strconv.Itoa(len(fs.list)+1),
			}
			fs.list = append(fs.list, f)
			fs.byFace[t.Face] = f
		}
	}
	return fs, nil
}
