package pdf

import (
	"strconv"
	"sync/atomic"

	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
)

// We embed fonts ourselves rather than through fpdf, which re-parses each
// font for every document and cannot share the work between documents:
// text is drawn with raw operators (text.go), each face used becomes a
// Type0 font whose CIDs are the glyph ids of its subset's program
// (objects.go, font.Subset), and the font objects are added to fpdf's
// output afterwards (file.go).

// docFont is a face as one document uses it.
type docFont struct {
	face *font.Face
	emb  *font.Embedding // shared by every document
	sub  *font.Subset    // this document's glyphs
	res  string          // resource name: G1, G2, … in order of first use
	prog *fontProgram    // made in the background once the pages are drawn
	// foreseen is the subset of the characters the pages will show,
	// made before they are drawn, and early its program, started then
	// (see foresee). Drawing reads it, and adds to a copy of it, made
	// sub, only a character it did not foresee.
	foreseen *font.Subset
	early    *fontProgram
}

// fontProgram is a subset's font program and its compressed form, made
// by startPrograms.
type fontProgram struct {
	done       chan struct{} // closed when the fields below are set
	program, z []byte
	err        error
}

// foresee starts each font's program before the pages are drawn, from its
// subset with the characters they will show, added in the order drawing
// adds them (textObjects, page.text), so that they are numbered as
// drawing numbers them: the programs are then made while the pages are
// drawn, rather than after. Drawing finds each character there (see
// cid); startPrograms takes such a program only if it did.
func (fs *fontSet) foresee(d *frame.Document, tagged bool) {
	// Only a character's first time counts: the others are skipped,
	// through a set of the characters of the Basic Multilingual Plane
	// each font has seen.
	seen := make(map[*docFont]*[0x10000 / 64]uint64, len(fs.list))
	for _, f := range fs.list {
		seen[f] = new([0x10000 / 64]uint64)
	}
	add := func(f *docFont, set *[0x10000 / 64]uint64, c rune) {
		if c <= 0xFFFF {
			if set[c>>6]&(1<<(c&63)) != 0 {
				return
			}
			set[c>>6] |= 1 << (c & 63)
		}
		f.sub.CID(c)
	}
	var buf []*frame.Text
	for _, p := range d.Pages {
		buf = textObjects(p.Items, tagged, buf, func(line []*frame.Text, end bool) {
			f := fs.byFace[line[0].Face]
			set := seen[f]
			for _, r := range line {
				for _, c := range r.Text {
					add(f, set, c)
				}
			}
			if showsSpace(line, end) {
				add(f, set, ' ')
			}
		}, func(frame.Item) {})
	}
	for i, p := range makePrograms(fs.list) {
		fs.list[i].foreseen, fs.list[i].early = fs.list[i].sub, p
	}
}

// cid returns the CID that shows r, adding r to the font's subset: to a
// copy of it, when foresee started the program of that subset and did
// not foresee r.
func (f *docFont) cid(r rune) uint16 {
	if f.sub == f.foreseen {
		if c, ok := f.sub.Lookup(r); ok {
			return c
		}
		f.sub = f.sub.Clone()
	}
	return f.sub.CID(r)
}

// startPrograms makes each font's subset program and compresses it in the
// background, once the pages are drawn and the subsets complete (they are
// only read from then on), unless foresee started it with the subset
// drawn: the largest part of writing a document then runs while fpdf
// writes its output and finish reads it. Fonts already started are left
// as they are: finish starts what Write has not.
func (fs *fontSet) startPrograms() {
	var late []*docFont
	for _, f := range fs.list {
		switch {
		case f.prog != nil:
		case f.sub == f.foreseen:
			f.prog = f.early
		default:
			if f.foreseen != nil {
				unforeseen.Add(1)
			}
			late = append(late, f)
		}
	}
	for i, p := range makePrograms(late) {
		late[i].prog = p
	}
}

// unforeseen counts the fonts whose drawn subset was not the one foresee
// made, whose programs were made twice: a test keeps it at 0.
var unforeseen atomic.Int64

// makePrograms makes the programs of the fonts' subsets and compresses
// them, one after the other in one goroutine; the subsets must not change
// meanwhile. A goroutine each made no program sooner on two CPUs, and
// each took a compressor of its own, half a megabyte of tables: one
// goroutine made a one-brochure build 0.8 ms faster (medians of 400 runs
// each, taking turns).
func makePrograms(fonts []*docFont) []*fontProgram {
	subs := make([]*font.Subset, len(fonts))
	ps := make([]*fontProgram, len(fonts))
	for i, f := range fonts {
		subs[i], ps[i] = f.sub, &fontProgram{done: make(chan struct{})}
	}
	if len(ps) == 0 {
		return ps
	}
	go func() {
		for i, p := range ps {
			if p.program, p.err = subs[i].Font(); p.err == nil {
				p.z = deflateProgram(p.program)
			}
			close(p.done)
		}
	}()
	return ps
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
