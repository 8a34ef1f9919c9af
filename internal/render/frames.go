package render

import (
	"context"
	"errors"
	"fmt"
	"math"

	"strings"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/hyphen"
	"github.com/brochure-dev/brochure/internal/lang"
	"github.com/brochure-dev/brochure/internal/layout"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// Frames runs the pipeline up to the laid-out pages, and says what the
// layout did. Two languages make a bilingual edition: each language's
// pages joined, or, with a side-by-side layout, parallel columns of the
// same pages.
func Frames(ctx context.Context, in Input, opt Options) (*frame.Document, *layout.Report, error) {
	l, err := Lay(ctx, in, opt)
	if err != nil {
		return nil, nil, err
	}
	return l.Frames(ctx, opt.Variant)
}

// Laid is an input laid out on pages, before they are made a variant:
// the screen file, print file and imposed booklet of an edition are made
// from one layout (see Serves).
type Laid struct {
	in      Input
	variant string // the variant it was laid out for
	fr      *frame.Document
	rep     *layout.Report
}

// Lay lays the input out for opt's variant, and for those that share its
// layout.
func Lay(ctx context.Context, in Input, opt Options) (*Laid, error) {
	if in.Role == nil || in.Layout == nil || len(in.Langs) == 0 {
		return nil, errors.New("render: an input needs a role, a layout and a language")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if in.Personal != nil {
		if err := in.Personal.Check(); err != nil {
			return nil, err
		}
		if err := coverage(in.Personal, in.Layout); err != nil {
			return nil, err
		}
	}
	var fr *frame.Document
	var rep *layout.Report
	var err error
	switch {
	case in.Layout.Kind == "side-by-side":
		fr, rep, err = sideBySide(ctx, in, opt)
	case len(in.Langs) > 1:
		fr, rep, err = bilingual(ctx, in, opt)
	default:
		var doc *document.Doc
		var hy typeset.Hyphenator
		if doc, hy, err = in.document(in.Langs[0], true, opt); err == nil {
			fr, rep, err = layout.Lay(doc, in.Layout, hy)
		}
	}
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &Laid{in: in, variant: opt.Variant, fr: fr, rep: rep}, nil
}

// Serves reports whether the variant is made from the same layout: every
// variant of a generic edition is, but the call to action of a personal
// edition is written for the medium (see Medium).
func (l *Laid) Serves(variant string) bool {
	return l.in.Personal == nil || Medium(variant) == Medium(l.variant)
}

// Frames returns the variant's pages, and what the layout did. The pages
// laid out stay as they are, for the other variants: the variant's pages
// share what they do not change.
func (l *Laid) Frames(ctx context.Context, v string) (*frame.Document, *layout.Report, error) {
	if !l.Serves(v) {
		return nil, nil, fmt.Errorf("%s: laid out for %s, not %s", l.in.name(), l.variant, v)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	fr, err := variant(l.in, Options{Variant: v}, l.fr)
	return fr, l.rep, err
}

// Medium is what a personal edition's call to action is written for in
// a variant: "pdf", read on a screen, or "print" (a print file, an
// imposed booklet).
func Medium(variant string) string {
	if variant == "print" || variant == "imposed" {
		return "print"
	}
	return "pdf"
}

// sideBySide lays out the languages in parallel columns, the first on
// the left.
func sideBySide(ctx context.Context, in Input, opt Options) (*frame.Document, *layout.Report, error) {
	var docs []*document.Doc
	var hys []typeset.Hyphenator
	for i, lang := range in.Langs {
		doc, hy, err := in.document(lang, i == 0, opt)
		if err != nil {
			return nil, nil, err
		}
		docs, hys = append(docs, doc), append(hys, hy)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return layout.LayParallel(docs, in.Layout, hys)
}

// bilingual joins the documents of each language, in order. Each
// language keeps its page numbers and its bookmarks, under one bookmark
// named for the language; the metadata are the first language's.
func bilingual(ctx context.Context, in Input, opt Options) (*frame.Document, *layout.Report, error) {
	var out *frame.Document
	var rep *layout.Report
	for i, lang := range in.Langs {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		doc, hy, err := in.document(lang, i == 0, opt)
		if err != nil {
			return nil, nil, err
		}
		fr, r, err := layout.Lay(doc, in.Layout, hy)
		if err != nil {
			return nil, nil, err
		}
		first := fr.Pages[0]
		for _, pg := range fr.Pages {
			for i := range pg.Bookmarks {
				pg.Bookmarks[i].Level++
			}
		}
		first.Bookmarks = append([]frame.Bookmark{{Title: doc.Locale.Name, Level: 0}}, first.Bookmarks...)
		// Each language is a part of the structure, with its language.
		part := fr.Structure
		part.Role, part.Lang = frame.RolePart, doc.Lang
		if out == nil {
			out, rep = fr, r
			out.Structure = frame.NewTree()
			out.Structure.Kids = []*frame.Node{part}
			continue
		}
		out.Structure.Kids = append(out.Structure.Kids, part)
		out.Pages = append(out.Pages, fr.Pages...)
		rep.Warnings = append(rep.Warnings, r.Warnings...)
		rep.Paragraphs = append(rep.Paragraphs, r.Paragraphs...)
		rep.Pushes = append(rep.Pushes, r.Pushes...)
	}
	return out, rep, nil
}

// document builds the role's document in one language, personal when the
// input is (the note where first is true), with the hyphenator of that
// language (nil without typography or patterns).
func (in Input) document(lang string, first bool, opt Options) (*document.Doc, typeset.Hyphenator, error) {
	lay := in.Layout
	doc, err := document.Build(in.Role, lang, lay)
	if err != nil {
		return nil, nil, err
	}
	if !in.Date.IsZero() {
		doc.Date = in.Date
	}
	if in.Personal != nil {
		if err := doc.Personalise(in.Personal, lay, first, Medium(opt.Variant)); err != nil {
			return nil, nil, err
		}
	}
	var hy typeset.Hyphenator
	if lay.Typography {
		h, err := hyphen.For(lang)
		if err != nil {
			return nil, nil, fmt.Errorf("%s/%s.toml: %w", in.Role.Dir, lang, err)
		}
		hy = h.With(neverHyphenate(in.Role, lay))
	}
	return doc, hy, nil
}

// variant turns laid-out pages into the variant asked for: a print
// file's, or a booklet's imposed sheets.
func variant(in Input, opt Options, fr *frame.Document) (*frame.Document, error) {
	switch opt.Variant {
	case "", "screen":
	case "print":
		fr = layout.ForPrint(fr, in.Layout)
		fr.Print.Intent = in.Layout.Intent
		if err := resolution(fr); err != nil {
			return nil, fmt.Errorf("%s: %w", in.name(), err)
		}
	case "imposed":
		imposed, err := layout.Impose(fr)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.name(), err)
		}
		// It says what it is. Its pages are in a printer's order, but
		// its structure keeps the reading order, so it is tagged too.
		imposed.Meta.Subject = strings.TrimSpace(imposedNote(fr.Meta.Lang) + " " + imposed.Meta.Subject)
		return imposed, nil
	default:
		return nil, fmt.Errorf("unknown variant %q (screen, print or imposed)", opt.Variant)
	}
	return fr, nil
}

// imposedNote starts the subject (the XMP's description) of a booklet's
// imposed file, in the document's language: how to print and fold it.
func imposedNote(tag string) string {
	l, err := lang.Match(tag)
	if err != nil {
		return "" // a document's language was matched when it was built
	}
	return l.Imposed
}

// minPrintDPI is the least resolution of an image in a print file.
const minPrintDPI = 300

// resolution refuses images too coarse for print at the size they are
// drawn, naming where each comes from and the pixels it would need.
func resolution(fr *frame.Document) error {
	var errs []error
	for _, pg := range fr.Pages {
		for _, it := range pg.Items {
			im, ok := it.(*frame.Image)
			if !ok || im.W <= 0 || im.H <= 0 {
				continue
			}
			dpi := min(float64(im.PixelsW)/(im.W/72), float64(im.PixelsH)/(im.H/72))
			if dpi < minPrintDPI-0.5 {
				errs = append(errs, fmt.Errorf("%s: photo of %d×%d pixels printed %.1f × %.1f mm is %.0f dpi; print files need %d (at least %d×%d pixels)",
					im.Where, im.PixelsW, im.PixelsH, im.W/72*25.4, im.H/72*25.4, dpi, minPrintDPI,
					int(math.Ceil(im.W/72*minPrintDPI)), int(math.Ceil(im.H/72*minPrintDPI))))
			}
		}
	}
	return errors.Join(errs...)
}

// neverHyphenate lists the words a brochure never hyphenates: the role's
// and the layout's lists, and the role's tools, which are names (German
// hyphenates capitalised words, and would break "Ku-ber-netes").
func neverHyphenate(role *content.Role, lay *design.Layout) []string {
	never := append(append([]string(nil), role.Facts.NeverHyphenate...), lay.NeverHyphenate...)
	for _, t := range role.Facts.KeyTools {
		never = append(never, strings.Fields(t)...)
	}
	for _, tools := range role.Facts.Tools {
		for _, t := range tools {
			never = append(never, strings.Fields(t)...)
		}
	}
	return never
}
