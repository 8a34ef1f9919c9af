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
	prog *fontProgram    // made in the background once the pages are drawn
}

// fontProgram is a subset's font program and its compressed form, made
// by startPrograms.
type fontProgram struct {
	done       chan struct{} // closed when the fields below are set
	program, z []byte
	err        error
}

// startPrograms makes each font's subset program and compresses it in the
// background, once the pages are drawn and the subsets complete (they are
// only read from then on): the largest part of writing a document then
// runs while fpdf writes its output and finish reads it. Fonts already
// started are left as they are: finish starts what Write has not.
func (fs *fontSet) startPrograms() {
	for _, f := range fs.list {
		if f.prog != nil {
			continue
		}
		p := &fontProgram{done: make(chan struct{})}
		f.prog = p
		go func() {
			defer close(p.done)
			if p.program, p.err = f.sub.Font(); p.err == nil {
				p.z = deflateProgram(p.program)
			}
		}()
	}
}

// program returns the font's subset program and its compressed form, as
// startPrograms makes them.
func (f *docFont) program() (program, z []byte, err error) {
	<-f.prog.done
	return f.prog.program, f.prog.z, f.prog.err
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
