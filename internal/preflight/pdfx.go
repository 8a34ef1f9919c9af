package preflight

import (
	"fmt"
	"strings"
)

// The names of the PDF/X-4 checks.
const (
	CheckX4File     = "PDF/X-4 file"
	CheckX4Intent   = "PDF/X-4 output intent"
	CheckX4Boxes    = "PDF/X-4 page boxes"
	CheckX4Graphics = "PDF/X-4 colours and fonts"
	CheckX4Annots   = "PDF/X-4 annotations and actions"
	CheckX4Metadata = "PDF/X-4 metadata"
)

// x4 names the clauses of ISO 15930-7:2010 (PDF/X-4) by their subject.
func x4(subject string) string { return "ISO 15930-7 (" + subject + ")" }

// checkX4 checks the requirements of PDF/X-4 (ISO 15930-7:2010) a
// program can decide from what preflight reads; each failure names its
// clause. Not checked: optional content configurations, transparency
// groups' colour spaces, the ICC profiles' own validity beyond their
// header, and the page contents of form XObjects' own keys.
func checkX4(doc *document, pages []*page, scans []*pageScan) []Result {
	var out []Result

	var c clauses
	if v := doc.headerVersion(); v < 0 || v > 6 {
		c.fail(x4("file header"), "the header is not %%PDF-1.0 to %%PDF-1.6: PDF/X-4 is PDF 1.6")
	}
	if !doc.fileID() {
		c.fail(x4("file identifier"), "the trailer has no /ID of two strings")
	}
	out = append(out, c.result(CheckX4File, fmt.Sprintf("PDF 1.%d, with a file /ID", doc.headerVersion())))

	c = clauses{}
	n, detail, found := 0, "", 0
	for _, in := range doc.intents() {
		if in.subtype != "GTS_PDFX" {
			continue
		}
		found++
		switch {
		case in.err != nil:
			c.fail(x4("output intent"), "output intent %q: %v", in.identifier, in.err)
		case in.header.Class != "prtr":
			c.fail(x4("output intent"), "output intent %q: a %q profile, not an output (prtr) one", in.identifier, in.header.Class)
		case in.identifier == "":
			c.fail(x4("output intent"), "output intent without an OutputConditionIdentifier")
		default:
			n, detail = in.header.N, fmt.Sprintf("%s, %q profile, %d components", in.identifier, in.header.Description, in.header.N)
		}
	}
	switch {
	case found == 0:
		c.fail(x4("output intent"), "no PDF/X output intent (GTS_PDFX) with its ICC profile")
	case found > 1:
		c.fail(x4("output intent"), "%d PDF/X output intents, not one", found)
	}
	out = append(out, c.result(CheckX4Intent, detail))

	c = clauses{}
	var noTrim, both []int
	for _, p := range pages {
		switch {
		case p.trim == nil && p.art == nil:
			noTrim = append(noTrim, p.n)
		case p.trim != nil && p.art != nil:
			both = append(both, p.n)
		}
		if p.bleed != nil && !p.bleed.within(p.media) {
			c.fail(x4("page boundaries"), "page %d: BleedBox %s outside MediaBox %s", p.n, p.bleed, p.media)
		}
		if p.trim != nil && p.bleed != nil && !p.trim.within(*p.bleed) {
			c.fail(x4("page boundaries"), "page %d: TrimBox %s outside BleedBox %s", p.n, p.trim, p.bleed)
		}
		if p.trim != nil && !p.trim.within(p.media) {
			c.fail(x4("page boundaries"), "page %d: TrimBox %s outside MediaBox %s", p.n, p.trim, p.media)
		}
	}
	if len(noTrim) > 0 {
		c.fail(x4("page boundaries"), "%s: neither TrimBox nor ArtBox", pageList(noTrim))
	}
	if len(both) > 0 {
		c.fail(x4("page boundaries"), "%s: both TrimBox and ArtBox", pageList(both))
	}
	out = append(out, c.result(CheckX4Boxes, "every page has a TrimBox, inside its BleedBox and MediaBox"))

	c = clauses{}
	checkDeviceColour(&c, x4("colour spaces"), scans, n)
	fontsEmbedded(&c, x4("fonts"), scans)
	out = append(out, c.result(CheckX4Graphics, "device colours under the output intent, fonts embedded"))

	c = clauses{}
	doc.annotations(pages, func(p *page, nr int, a pdfDict) {
		st := doc.name(a["Subtype"])
		if st == "TrapNet" || st == "PrinterMark" {
			return
		}
		r := doc.box(a["Rect"])
		inside := p.bleed
		if inside == nil {
			inside = p.trim
		}
		if r == nil || inside == nil || overlaps(*r, *inside) {
			c.fail(x4("annotations"), "page %d: a %s annotation (object %d) on the printed area", p.n, st, nr)
		}
	})
	doc.checkActions(&c, x4("actions and JavaScript"), pages)
	out = append(out, c.result(CheckX4Annots, "no annotation on the printed area; no forbidden action"))

	c = clauses{}
	m := doc.checkMetadata(&c, x4("metadata"), x4("document information"))
	version := ""
	if m != nil {
		version = m.get("pdfxid:GTS_PDFXVersion")
		if !strings.HasPrefix(version, "PDF/X-4") {
			c.fail(x4("identification"), "pdfxid:GTS_PDFXVersion is %q, not PDF/X-4", version)
		}
		for _, prop := range [...]string{"dc:title", "xmp:CreateDate", "xmp:ModifyDate", "xmpMM:DocumentID", "xmpMM:VersionID", "xmpMM:RenditionClass"} {
			if m.get(prop) == "" {
				c.fail(x4("metadata"), "no %s in the XMP", prop)
			}
		}
		if tr := m.get("pdf:Trapped"); tr != "True" && tr != "False" {
			c.fail(x4("trapping"), "pdf:Trapped is %q, not True or False", tr)
		}
	}
	out = append(out, c.result(CheckX4Metadata, version+" claimed in XMP, which agrees with the document information"))
	return out
}

// overlaps says whether two rectangles share more than an edge.
func overlaps(a, b rect) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}
