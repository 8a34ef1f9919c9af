package preflight

import (
	"fmt"
	"strings"
)

// The names of the PDF/A-2 checks.
const (
	CheckA2File     = "PDF/A-2 file"
	CheckA2Intent   = "PDF/A-2 output intent"
	CheckA2Graphics = "PDF/A-2 colours and fonts"
	CheckA2Annots   = "PDF/A-2 annotations and actions"
	CheckA2Metadata = "PDF/A-2 metadata"
)

// checkA2 checks the requirements of PDF/A-2 (ISO 19005-2:2011) a
// program can decide from what preflight reads; each failure names its
// clause. Not checked: the font programs themselves (glyph widths
// against /W, CIDSet, .notdef), images' and forms' own keys, transparency
// groups and blend modes, optional content, embedded files, signatures
// and the logical structure beyond its presence (level A).
func checkA2(doc *document, pages []*page, scans []*pageScan) []Result {
	var out []Result

	var c clauses
	if v := doc.headerVersion(); v < 0 || v > 7 {
		c.fail("ISO 19005-2 §6.1.2", "the header is not %%PDF-1.0 to %%PDF-1.7")
	} else if b := doc.x.data; len(b) < 15 || b[8] != '\n' && b[8] != '\r' {
		c.fail("ISO 19005-2 §6.1.2", "no end of line after the header")
	} else if line := b[bytesAfterEOL(b, 8):]; len(line) < 5 || line[0] != '%' || line[1] < 128 || line[2] < 128 || line[3] < 128 || line[4] < 128 {
		c.fail("ISO 19005-2 §6.1.2", "no comment of four bytes above 127 after the header")
	}
	if !doc.fileID() {
		c.fail("ISO 19005-2 §6.1.3", "the trailer has no /ID of two strings")
	}
	out = append(out, c.result(CheckA2File, fmt.Sprintf("PDF 1.%d, with a file /ID", doc.headerVersion())))

	c = clauses{}
	n, detail := 0, ""
	var profile int
	for _, in := range doc.intents() {
		if in.subtype != "GTS_PDFA1" && in.profile == 0 {
			continue
		}
		switch {
		case in.err != nil:
			c.fail("ISO 19005-2 §6.2.3", "output intent %s (%q): %v", in.subtype, in.identifier, in.err)
		case in.header.Class != "mntr" && in.header.Class != "prtr":
			c.fail("ISO 19005-2 §6.2.3", "output intent %q: a %q profile, not an output or display one", in.identifier, in.header.Class)
		case profile != 0 && in.profile != profile:
			c.fail("ISO 19005-2 §6.2.3", "output intents with different profiles (objects %d and %d)", profile, in.profile)
		}
		if in.subtype == "GTS_PDFA1" && in.err == nil {
			n, detail = in.header.N, fmt.Sprintf("%s, %q profile, %d components", in.identifier, in.header.Description, in.header.N)
		}
		profile = in.profile
	}
	if detail == "" && len(c.failed) == 0 {
		c.fail("ISO 19005-2 §6.2.3", "no PDF/A output intent (GTS_PDFA1) with its ICC profile")
	}
	out = append(out, c.result(CheckA2Intent, detail))

	c = clauses{}
	checkDeviceColour(&c, "ISO 19005-2 §6.2.4.3", scans, n)
	fontsEmbedded(&c, "ISO 19005-2 §6.2.11.4.1", scans)
	for _, s := range scans {
		for _, f := range s.fonts {
			if f.uni == nil && f.subtype != "Type3" {
				c.fail("ISO 19005-2 §6.2.11.7.2", "font %s (page %d) has no ToUnicode map", f.name, s.page)
			}
		}
	}
	out = append(out, c.result(CheckA2Graphics, "device colours under the output intent, fonts embedded with ToUnicode"))

	c = clauses{}
	count := 0
	doc.annotations(pages, func(p *page, nr int, a pdfDict) {
		count++
		where := fmt.Sprintf("page %d, %s annotation (object %d)", p.n, doc.name(a["Subtype"]), nr)
		switch st := doc.name(a["Subtype"]); st {
		case "3D", "Sound", "Screen", "Movie", "FileAttachment":
			c.fail("ISO 19005-2 §6.3.1", "%s: not allowed", where)
		case "Popup":
			return
		case "Link":
		default:
			if a["AP"] == nil {
				c.fail("ISO 19005-2 §6.3.3", "%s: no appearance (/AP)", where)
			}
		}
		f, ok := doc.num(a["F"])
		flags := int(f)
		switch {
		case !ok:
			c.fail("ISO 19005-2 §6.3.2", "%s: no /F flags", where)
		case flags&4 == 0:
			c.fail("ISO 19005-2 §6.3.2", "%s: /F %d does not print", where, flags)
		case flags&(1|2|32|256) != 0:
			c.fail("ISO 19005-2 §6.3.2", "%s: /F %d hides it", where, flags)
		}
	})
	doc.checkActions(&c, "ISO 19005-2 §6.5", pages)
	out = append(out, c.result(CheckA2Annots, fmt.Sprintf("%d annotations, printed and shown; no forbidden action", count)))

	c = clauses{}
	m := doc.checkMetadata(&c, "ISO 19005-2 §6.6.2.1", "ISO 19005-2 §6.6 (ISO 32000-1 §14.3.3)")
	level := ""
	if m != nil {
		level = m.get("pdfaid:conformance")
		if m.get("pdfaid:part") != "2" {
			c.fail("ISO 19005-2 §6.6.4", "pdfaid:part is %q, not 2", m.get("pdfaid:part"))
		}
		if level != "A" && level != "B" && level != "U" {
			c.fail("ISO 19005-2 §6.6.4", "pdfaid:conformance is %q, not A, B or U", level)
		}
		declared := map[string]bool{}
		for _, uri := range m.props["pdfaSchema:namespaceURI"] {
			declared[uri] = true
		}
		for _, s := range [...]struct{ prop, uri string }{
			{"pdfuaid:part", "http://www.aiim.org/pdfua/ns/id/"},
			{"pdfxid:GTS_PDFXVersion", "http://www.npes.org/pdfx/ns/id/"},
		} {
			if m.get(s.prop) != "" && !declared[s.uri] {
				c.fail("ISO 19005-2 §6.6.2.3.2", "%s is used without its extension schema", s.prop)
			}
		}
		if level == "A" {
			cat := doc.x.catalog()
			if mark := doc.dict(cat["MarkInfo"]); mark["Marked"] != pdfBool(true) {
				c.fail("ISO 19005-2 §6.7.2.2", "level A, but the catalog has no /MarkInfo <</Marked true>>")
			}
			if doc.dict(cat["StructTreeRoot"]) == nil {
				c.fail("ISO 19005-2 §6.7.3.3", "level A, but the catalog has no /StructTreeRoot")
			}
		}
	}
	out = append(out, c.result(CheckA2Metadata, "PDF/A-2"+strings.ToLower(level)+" claimed in XMP, which agrees with the document information"))
	return out
}

// bytesAfterEOL returns the index after the end of line at b[i] (CR, LF
// or CR LF).
func bytesAfterEOL(b []byte, i int) int {
	if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
		return i + 2
	}
	return i + 1
}
