// Package preflight checks a PDF the way a print shop would before
// printing it. One check per rule:
//
//   - trim size: the TrimBox (else ArtBox, CropBox, MediaBox) in mm, named
//     when it is A3, A4, A5, Letter or DL, portrait or landscape; fails
//     when pages differ in size.
//   - bleed: BleedBox − TrimBox on each side; a print file needs an
//     explicit BleedBox with at least Options.Bleed on every side.
//   - boxes nested: TrimBox ⊆ BleedBox ⊆ MediaBox (and inside a CropBox),
//     never both TrimBox and ArtBox; a print file needs a TrimBox.
//   - fonts embedded: every font that shows text has FontFile, FontFile2
//     or FontFile3 (Type3 fonts are their own glyphs).
//   - colour spaces: from the colour operators (rg RG k K g G cs CS, scn
//     with patterns, sh), images and inline images, with named spaces
//     looked up in /Resources; RGB (DeviceRGB, CalRGB, ICCBased N=3,
//     Indexed on those) and Lab fail a print file and are reported for
//     screen.
//   - image resolution: pixels ÷ size on the page from the CTM at each Do
//     or inline image; a print file needs 300 dpi.
//   - text in safe zone: every shown string's approximate glyph box (see
//     text.go) lies inside the finished page inset by Options.Safe.
//   - ink, in print files: black type and rules overprint; type under
//     10 pt is one ink, and bold when reversed out of several inks (see
//     ink.go). It only warns.
//   - standards: those Options.Standards names, or else those the file's
//     XMP metadata claims (xmp.go): PDF/A-2 (pdfa.go), PDF/X-4 (pdfx.go),
//     PDF/UA-1 (ua.go), each failure naming its clause and where.
//
// The file is read here too (xref.go: cross-reference tables and streams,
// object streams, a table rebuilt by scanning when it is lost; objects.go;
// filters.go: the filters of content streams); the page tree is walked and content streams are interpreted
// here (scan.go), following q/Q/cm, the text state and form XObjects.
// Annotation appearances, Type3 glyph procedures and soft masks are not
// looked at. A file that cannot be read gives an error, never a panic.
package preflight

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/internal/safefile"
)

// Options say what the file is for.
type Options struct {
	Print bool    // a print file: CMYK/spot/gray only, bleed required, images ≥ 300 dpi
	Bleed float64 // the bleed expected on every side, in points (e.g. 3 mm = 8.504 pt); 0 for screen files
	Safe  float64 // the safe zone: text must stay this far inside the TrimBox, points (5 mm = 14.17 pt)
	// Standards are the standards the file is checked against; none:
	// those the file claims in its XMP metadata.
	Standards []Standard
}

// Standard is a conformance a file can claim and be checked against.
type Standard string

// The standards preflight checks.
const (
	UA1 Standard = "ua-1" // PDF/UA-1 (ISO 14289-1), the Matterhorn Protocol's machine checks
	A2  Standard = "a-2"  // PDF/A-2 (ISO 19005-2)
	X4  Standard = "x-4"  // PDF/X-4 (ISO 15930-7)
)

// Report is the result for one file: one check per rule, each with OK and
// a human message.
type Report struct {
	File   string
	Pages  int
	Checks []Result
}

// Result is the outcome of one check. (It is not called Check: Go does not
// allow a type and a function of the same name in one package.)
type Result struct {
	Name string // one of the Check… names below
	OK   bool
	// Warn marks a check that passes but found what a print shop would
	// point out (see ink.go).
	Warn   bool
	Detail string
}

// The names of the checks, in the order a report lists them.
const (
	CheckTrimSize = "trim size"
	CheckBleed    = "bleed"
	CheckBoxes    = "boxes nested"
	CheckFonts    = "fonts embedded"
	CheckColours  = "colour spaces"
	CheckImages   = "image resolution"
	CheckSafeZone = "text in safe zone"
	CheckInk      = "ink"
	CheckStreams  = "streams intact"
)

const (
	minPrintDPI  = 300
	maxFormDepth = 12 // nested form XObjects and patterns
)

// OK says whether every check passed.
func (r *Report) OK() bool {
	for _, c := range r.Checks {
		if !c.OK {
			return false
		}
	}
	return true
}

// String lists the checks, one line each:
// "✓ trim size: 210.0 × 297.0 mm (A4)".
func (r *Report) String() string {
	var b strings.Builder
	for _, c := range r.Checks {
		mark := "✓"
		switch {
		case !c.OK:
			mark = "✗"
		case c.Warn:
			mark = "!"
		}
		fmt.Fprintf(&b, "%s %s: %s\n", mark, c.Name, c.Detail)
	}
	return b.String()
}

// Find returns the check with the given name, or nil.
func (r *Report) Find(name string) *Result {
	for k := range r.Checks {
		if r.Checks[k].Name == name {
			return &r.Checks[k]
		}
	}
	return nil
}

// Check reads the PDF file at path and checks it.
func Check(path string, opt Options) (*Report, error) {
	data, err := safefile.ReadPath(path, safefile.PDF)
	if err != nil {
		return nil, err
	}
	return CheckBytes(path, data, opt)
}

// CheckBytes checks a PDF held in memory; name is used in the report and
// in errors. A file that cannot be read as a PDF gives an error, never a
// panic.
func CheckBytes(name string, data []byte, opt Options) (rep *Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			rep = nil
			err = fmt.Errorf("%s: unreadable PDF (internal error: %v)", name, r)
			if os.Getenv("PREFLIGHT_DEBUG") != "" {
				err = fmt.Errorf("%w\n%s", err, debug.Stack())
			}
		}
	}()
	rep, err = check(name, data, opt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rep, nil
}

func check(name string, data []byte, opt Options) (*Report, error) {
	if opt.Bleed < 0 || opt.Safe < 0 {
		return nil, errors.New("negative bleed or safe zone")
	}
	doc, err := openDocument(data)
	if err != nil {
		return nil, err
	}
	pages, err := doc.pages()
	if err != nil {
		return nil, err
	}
	scans := make([]*pageScan, len(pages))
	for k, p := range pages {
		safe := finished(p).box.inset(opt.Safe)
		if scans[k], err = doc.scanPage(p, safe); err != nil {
			return nil, err
		}
	}
	rep := &Report{
		File:  name,
		Pages: len(pages),
		Checks: []Result{
			checkTrimSize(pages),
			checkBleed(pages, opt),
			checkBoxes(pages, opt),
			checkFonts(scans),
			checkColours(scans, opt),
			checkImages(scans, opt),
			checkSafeZone(pages, scans, opt),
			checkInk(pages, scans, opt),
		},
	}
	standards := opt.Standards
	if len(standards) == 0 {
		standards = doc.claimed()
	}
	var claims []Result
	for _, st := range standards {
		switch st {
		case UA1:
			claims = append(claims, checkUA1(doc, pages, scans)...)
		case A2:
			claims = append(claims, checkA2(doc, pages, scans)...)
		case X4:
			claims = append(claims, checkX4(doc, pages, scans)...)
		default:
			return nil, fmt.Errorf("unknown standard %q (known: ua-1, a-2, x-4)", st)
		}
	}
	// Last: the checks before decode the streams this one looks at.
	rep.Checks = append(append(rep.Checks, checkStreams(doc.x)), claims...)
	return rep, nil
}

// checkStreams fails when a compressed stream the checks read (page
// contents, forms, ToUnicode maps, metadata, profiles, object and
// cross-reference streams) decoded only in part: cut short, or with a
// checksum that does not match. Viewers show what they can of such a
// stream, so a page may look right on screen and still be damaged; a
// print shop's preflight refuses the file.
func checkStreams(f *pdfFile) Result {
	var damaged []*pdfStream
	for s, err := range f.decoded {
		if err != nil {
			damaged = append(damaged, s)
		}
	}
	if len(damaged) == 0 {
		return Result{Name: CheckStreams, OK: true, Detail: "every compressed stream read decodes whole"}
	}
	slices.SortFunc(damaged, func(a, b *pdfStream) int { return a.nr - b.nr })
	var say []string
	for _, s := range damaged {
		at := "a stream"
		if s.nr > 0 {
			at = fmt.Sprintf("object %d", s.nr)
		}
		say = append(say, fmt.Sprintf("%s: %v", at, f.decoded[s]))
	}
	what := "1 compressed stream is damaged"
	if len(damaged) > 1 {
		what = fmt.Sprintf("%d compressed streams are damaged", len(damaged))
	}
	return Result{Name: CheckStreams, Detail: what + " (viewers show only part of it): " + strings.Join(say, "; ")}
}
