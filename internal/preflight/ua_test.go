package preflight

import (
	"bytes"
	"strings"
	"testing"
)

// brokenUA is a tagged file that breaks a checkpoint of the Matterhorn
// Protocol in every way a program can tell: a rectangle outside marked
// content, an H3 after the H1, a figure without alternative text, a
// header cell without scope, a link annotation outside the structure
// without /Contents on a page without /Tabs, a font not embedded, no
// DisplayDocTitle and no XMP metadata.
func brokenUA() []byte {
	content := `0 0 1 rg 10 10 50 50 re f
/H1 <</MCID 0>> BDC BT /F1 12 Tf 50 800 Td (Title) Tj ET EMC
/H3 <</MCID 1>> BDC BT /F1 12 Tf 50 780 Td (Sub) Tj ET EMC
/Figure <</MCID 2>> BDC 100 100 50 50 re f EMC
/TH <</MCID 3>> BDC BT /F1 10 Tf 50 700 Td (Head) Tj ET EMC
/Artifact BMC BT /F1 8 Tf 50 20 Td (1) Tj ET EMC`
	return rawPDF(
		"<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R /Lang (fr) >>",
		onePage,
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /StructParents 0 /Annots [12 0 R] /Resources << /Font << /F1 13 0 R >> >> >>",
		streamObj("", content),
		"<< /Type /StructTreeRoot /K 6 0 R /ParentTree 11 0 R /ParentTreeNextKey 1 >>",
		"<< /Type /StructElem /S /Document /P 5 0 R /K [7 0 R 8 0 R 9 0 R 10 0 R] >>",
		"<< /Type /StructElem /S /H1 /P 6 0 R /Pg 3 0 R /K 0 >>",
		"<< /Type /StructElem /S /H3 /P 6 0 R /Pg 3 0 R /K 1 >>",
		"<< /Type /StructElem /S /Figure /P 6 0 R /Pg 3 0 R /K 2 >>",
		"<< /Type /StructElem /S /TH /P 6 0 R /Pg 3 0 R /K 3 >>",
		"<< /Nums [0 [7 0 R 8 0 R 9 0 R 10 0 R]] >>",
		"<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (https://example.com) >> >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	)
}

// TestUABroken checks that each broken checkpoint fails its check,
// named, with the page or object where it fails.
func TestUABroken(t *testing.T) {
	r := checkRaw(t, brokenUA(), Options{Standards: []Standard{UA1}})
	for _, c := range []struct {
		name  string
		ok    bool
		words []string
	}{
		{CheckUATagged, true, nil},
		{CheckUAContent, false, []string{"01-005", "page 1", "1 painting operators", "(the first: f)"}},
		{CheckUATree, true, []string{"5 elements", "4 marked-content sequences"}},
		{CheckUAHeadings, false, []string{"14-003", "H3 element (object 8) follows an H1"}},
		{CheckUAAlt, false, []string{"13-004", "Figure element (object 9)"}},
		{CheckUASyntax, false, []string{"15-003", "TH element (object 10) has no Scope"}},
		{CheckUALinks, false, []string{"28-008: page 1", "28-012: page 1: link annotation (object 12)", "28-011"}},
		{CheckUALang, true, []string{"/Lang is fr"}},
		{CheckUATitle, false, []string{"07-001"}},
		{CheckUAMetadata, false, []string{"06-001"}},
		{CheckUAFonts, false, []string{"31-009", "Helvetica"}},
	} {
		wantDetail(t, r, c.name, c.ok, c.words...)
	}
}

// TestUAUntagged checks that an untagged file fails as such, and that
// the checks needing a tree say there is none.
func TestUAUntagged(t *testing.T) {
	r := checkRaw(t, rawPDF(catalog, onePage, page3(""), streamObj("", "0 0 1 rg 10 10 50 50 re f")), Options{Standards: []Standard{UA1}})
	wantDetail(t, r, CheckUATagged, false, "MarkInfo", "StructTreeRoot")
	wantDetail(t, r, CheckUAContent, false, "01-005")
	wantDetail(t, r, CheckUAHeadings, false, "no structure tree")
	text := rawPDF(catalog, onePage, page3("/Resources << /Font << /F1 5 0 R >> >>"),
		streamObj("", "BT /F1 12 Tf 50 800 Td [(Hel) -20 (lo)] TJ ET"), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	wantDetail(t, checkRaw(t, text, Options{Standards: []Standard{UA1}}), CheckUAContent, false, `01-005: page 1: 1 painting operators`, `TJ showing "Hello"`)
	artifacts := rawPDF(
		"<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R >>",
		onePage, page3("/Resources << /Font << /F1 5 0 R >> >>"),
		streamObj("", "/Artifact BMC BT /F1 12 Tf 50 800 Td (Hello) Tj ET EMC"),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		"<< /Type /StructTreeRoot /K 7 0 R >>", "<< /S /Document /P 6 0 R >>")
	ra := checkRaw(t, artifacts, Options{Standards: []Standard{UA1}})
	wantDetail(t, ra, CheckUAContent, true, "no content is tagged")
	if c := ra.Find(CheckUAContent); !c.Warn {
		t.Errorf("%+v: want a warning", c)
	}
	wantDetail(t, r, CheckUALang, false, "no structure tree")
}

// TestUAMarkedNesting checks marked content that crosses a text
// object's end, or is left open, and MCIDs the tree does not have.
func TestUAMarkedNesting(t *testing.T) {
	content := "/P <</MCID 0>> BDC BT EMC ET\nBT /P <</MCID 1>> BDC ET EMC\n/P <</MCID 2>> BDC"
	data := rawPDF(
		"<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R >>",
		onePage,
		page3("/StructParents 0"),
		streamObj("", content),
		"<< /Type /StructTreeRoot /K 6 0 R /ParentTree 7 0 R >>",
		"<< /Type /StructElem /S /Para /P 5 0 R /Pg 3 0 R /K [0 4] >>",
		"<< /Nums [0 [5 0 R]] >>",
	)
	r := checkRaw(t, data, Options{Standards: []Standard{UA1}})
	wantDetail(t, r, CheckUAContent, false, "ends inside the text object", "does not end in it", "not closed")
	wantDetail(t, r, CheckUATree, false, "02-001", "Para", "MCID 4 on page 1, which the page does not have",
		"MCID 1 is in no structure element", "parent tree does not give")
	if c := r.Find(CheckUATree); c != nil && strings.Count(c.Detail, ";") < 3 {
		t.Errorf("%s: %q", c.Name, c.Detail)
	}
}

// TestUADamaged checks that the PDF/UA-1 checks and StructureText read
// damaged structure without a panic: every byte of a tagged file
// changed in turn, a tree that contains itself, a parent tree that
// loops.
func TestUADamaged(t *testing.T) {
	opt := Options{Standards: []Standard{UA1}}
	good := brokenUA()
	for i := 0; i < len(good); i++ {
		for _, c := range []byte{'0', ']', '>', '('} {
			data := bytes.Clone(good)
			data[i] = c
			if _, err := CheckBytes("damaged.pdf", data, opt); err != nil && strings.Contains(err.Error(), "internal error") {
				t.Fatalf("byte %d = %q: %v", i, c, err)
			}
			if _, err := StructureText(data); err != nil && strings.Contains(err.Error(), "internal error") {
				t.Fatalf("StructureText, byte %d = %q: %v", i, c, err)
			}
		}
	}
	loops := rawPDF(
		"<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R >>",
		onePage,
		page3("/StructParents 0"),
		streamObj("", "/P <</MCID 0>> BDC EMC"),
		"<< /Type /StructTreeRoot /K 6 0 R /ParentTree 7 0 R /RoleMap << /A /B /B /A >> >>",
		"<< /S /A /P 5 0 R /Pg 3 0 R /K [0 6 0 R] >>",
		"<< /Kids [7 0 R] >>",
	)
	r := checkRaw(t, loops, opt)
	wantDetail(t, r, CheckUATree, false, "appears twice", "02-001")
	if s, err := StructureText(loops); err != nil || s != "A\n" {
		t.Errorf("StructureText = %q, %v", s, err)
	}
}

// TestUATableWithoutHeaders checks that a table without header cells
// passes with a warning.
func TestUATableWithoutHeaders(t *testing.T) {
	data := rawPDF(
		"<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R >>",
		onePage,
		page3("/StructParents 0"),
		streamObj("", "/TD <</MCID 0>> BDC EMC"),
		"<< /Type /StructTreeRoot /K 6 0 R /ParentTree 9 0 R >>",
		"<< /S /Table /P 5 0 R /K 7 0 R >>",
		"<< /S /TR /P 6 0 R /K 8 0 R >>",
		"<< /S /TD /P 7 0 R /Pg 3 0 R /K 0 >>",
		"<< /Nums [0 [8 0 R]] >>",
	)
	r := checkRaw(t, data, Options{Standards: []Standard{UA1}})
	wantDetail(t, r, CheckUASyntax, true, "Table element (object 6) has no header cell")
	if c := r.Find(CheckUASyntax); c == nil || !c.Warn {
		t.Errorf("%+v: want a warning", c)
	}
	wantDetail(t, r, CheckUATree, true, "3 elements")
}

// TestUAMetadata checks the XMP checkpoints on packets read as PDF/A's
// and PDF/X's checks read them: no pdfuaid:part 1 (06-002), no title
// (06-003), and one that has both.
func TestUAMetadata(t *testing.T) {
	noUA := goodA2()
	noTitle := goodA2()
	noTitle.xmp = strings.Replace(noTitle.xmp, `<rdf:li xml:lang="x-default">Fiche</rdf:li>`, `<rdf:li xml:lang="x-default"> </rdf:li>`, 1) + "<pdfuaid:part>1</pdfuaid:part>"
	good := goodA2()
	good.xmp += "<pdfuaid:part>1</pdfuaid:part>"
	for _, c := range []struct {
		f     standardFile
		ok    bool
		words []string
	}{
		{noUA, false, []string{"06-002"}},
		{noTitle, false, []string{"06-003"}},
		{good, true, []string{"pdfuaid:part 1"}},
	} {
		wantDetail(t, checkRaw(t, c.f.bytes(), Options{Standards: []Standard{UA1}}), CheckUAMetadata, c.ok, c.words...)
	}
}
