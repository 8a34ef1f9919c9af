package preflight

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/icc"
	"github.com/brochure-dev/brochure/internal/pdf"
)

// standardFile is a hand-written PDF/A-2 or PDF/X-4 file, each part of
// which a test can break.
type standardFile struct {
	header  string // "%PDF-1.7"
	trailer string // entries besides /Size and /Root
	catalog string // entries besides /Type, /Pages, /Metadata, /OutputIntents
	intents string // the /OutputIntents array; "" for none
	profile *icc.Profile
	n       int // the profile stream's /N
	// deflated, when not nil, is the profile stream's data, compressed
	// (FlateDecode) rather than the profile's bytes as they are.
	deflated []byte
	page     string // page entries besides /Parent and /Contents
	content  string
	info     string // the document information's entries
	xmp      string // the XMP's properties
	extraXMP string // another rdf:Description, for extension schemas
}

// The dates the files say, in the document information and in XMP.
const (
	infoDate = "(D:20261121000000+00'00')"
	xmpDate  = "2026-11-21T00:00:00+00:00"
)

func goodA2() standardFile {
	return standardFile{
		header:  "%PDF-1.7",
		trailer: "/Info 7 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
		intents: "[<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /DestOutputProfile 5 0 R >>]",
		profile: icc.SRGB, n: 3,
		content: "0.2 0.4 0.6 rg 10 10 100 100 re f",
		info:    "/Title (Fiche) /CreationDate " + infoDate + " /ModDate " + infoDate,
		xmp: `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Fiche</rdf:li></rdf:Alt></dc:title>
<xmp:CreateDate>` + xmpDate + `</xmp:CreateDate><xmp:ModifyDate>` + xmpDate + `</xmp:ModifyDate>
<pdfaid:part>2</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance>`,
	}
}

func goodX4() standardFile {
	return standardFile{
		header:  "%PDF-1.6",
		trailer: "/Info 7 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
		intents: "[<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39) /DestOutputProfile 5 0 R >>]",
		profile: icc.FOGRA39, n: 4,
		page:    "/TrimBox [8.5 8.5 603.78 850.39] /BleedBox [0 0 612.28 858.89]",
		content: "0 0 0 1 k 10 10 100 100 re f",
		info:    "/Title (Fiche) /CreationDate " + infoDate + " /ModDate " + infoDate + " /GTS_PDFXVersion (PDF/X-4) /Trapped /False",
		xmp: `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Fiche</rdf:li></rdf:Alt></dc:title>
<xmp:CreateDate>` + xmpDate + `</xmp:CreateDate><xmp:ModifyDate>` + xmpDate + `</xmp:ModifyDate>
<xmpMM:DocumentID>uuid:1</xmpMM:DocumentID><xmpMM:VersionID>1</xmpMM:VersionID><xmpMM:RenditionClass>default</xmpMM:RenditionClass>
<pdf:Trapped>False</pdf:Trapped><pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>`,
	}
}

// bytes writes the file: catalog 1, pages 2, page 3, content 4, profile
// 5, XMP 6, document information 7.
func (f standardFile) bytes() []byte {
	xmp := `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
` + f.xmp + "\n</rdf:Description>" + f.extraXMP + "</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>"
	cat := "<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R " + f.catalog
	if f.intents != "" {
		cat += " /OutputIntents " + f.intents
	}
	objs := []string{
		cat + " >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612.28 858.89] >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R " + f.page + " >>",
		streamObj("", f.content),
		f.profileObj(),
		streamObj("/Type /Metadata /Subtype /XML", xmp),
		"<< " + f.info + " >>",
	}
	return rawFile(f.header+"\n%\xb5\xb6\xb7\xb8\n", f.trailer+" ", objs...)
}

// profileObj is the output intent's profile stream.
func (f standardFile) profileObj() string {
	if f.deflated != nil {
		return streamObj(fmt.Sprintf("/N %d /Filter /FlateDecode", f.n), string(f.deflated))
	}
	return streamObj(fmt.Sprintf("/N %d", f.n), string(f.profile.Data))
}

// TestBrokenStandardFiles breaks one requirement of PDF/A-2 or PDF/X-4 at
// a time and checks that preflight fails the check it belongs to, naming
// the clause and where.
func TestBrokenStandardFiles(t *testing.T) {
	tests := []struct {
		name  string
		std   Standard
		file  func() standardFile
		check string   // "": every check of the standard passes
		words []string // what the failure says
		also  string   // another check that fails with it, or ""
	}{
		{"good PDF/A-2", A2, goodA2, "", nil, ""},
		{"good PDF/X-4", X4, goodX4, "", nil, ""},

		{"A-2: no output intent", A2, func() standardFile { f := goodA2(); f.intents = ""; return f },
			CheckA2Intent, []string{"ISO 19005-2 §6.2.3", "no PDF/A output intent"}, CheckA2Graphics},
		{"A-2: profile's /N disagrees", A2, func() standardFile { f := goodA2(); f.n = 4; return f },
			CheckA2Intent, []string{"ISO 19005-2 §6.2.3", "/N 4", "3 components"}, CheckA2Graphics},
		{"A-2: a CMYK profile", A2, func() standardFile { f := goodA2(); f.profile, f.n = icc.FOGRA39, 4; return f },
			CheckA2Graphics, []string{"ISO 19005-2 §6.2.4.3", "DeviceRGB (page 1, fill rg)"}, ""},
		{"A-2: CMYK under an sRGB intent", A2, func() standardFile { f := goodA2(); f.content = "0 0 0 1 k 1 1 5 5 re f"; return f },
			CheckA2Graphics, []string{"ISO 19005-2 §6.2.4.3", "DeviceCMYK (page 1, fill k)"}, ""},
		{"A-2: XMP title disagrees with Info", A2, func() standardFile {
			f := goodA2()
			f.info = strings.Replace(f.info, "(Fiche)", `(Fiche m\351tier)`, 1)
			return f
		}, CheckA2Metadata, []string{"ISO 19005-2 §6.6", `/Title "Fiche métier" but dc:title "Fiche"`}, ""},
		{"A-2: XMP date another instant", A2, func() standardFile {
			f := goodA2()
			f.info = strings.Replace(f.info, "/ModDate "+infoDate, "/ModDate (D:20261121000000+01'00')", 1)
			return f
		}, CheckA2Metadata, []string{"ISO 19005-2 §6.6", "/ModDate", "xmp:ModifyDate"}, ""},
		{"A-2: XMP not well-formed", A2, func() standardFile { f := goodA2(); f.xmp += "<dc:format>"; return f },
			CheckA2Metadata, []string{"ISO 19005-2 §6.6.2.1", "not well-formed"}, ""},
		{"A-2: no conformance level", A2, func() standardFile {
			f := goodA2()
			f.xmp = strings.Replace(f.xmp, "<pdfaid:conformance>U</pdfaid:conformance>", "", 1)
			return f
		}, CheckA2Metadata, []string{"ISO 19005-2 §6.6.4", `pdfaid:conformance is ""`}, ""},
		{"A-2: pdfuaid without its extension schema", A2, func() standardFile { f := goodA2(); f.xmp += "<pdfuaid:part>1</pdfuaid:part>"; return f },
			CheckA2Metadata, []string{"ISO 19005-2 §6.6.2.3.2", "pdfuaid:part"}, ""},
		{"A-2: pdfuaid with its extension schema", A2, func() standardFile {
			f := goodA2()
			f.xmp += "<pdfuaid:part>1</pdfuaid:part>"
			f.extraXMP = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource"><pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>`
			return f
		}, "", nil, ""},
		{"A-2: level A without structure", A2, func() standardFile {
			f := goodA2()
			f.xmp = strings.Replace(f.xmp, ">U<", ">A<", 1)
			return f
		}, CheckA2Metadata, []string{"ISO 19005-2 §6.7.2.2", "ISO 19005-2 §6.7.3.3"}, ""},
		{"A-2: no /ID", A2, func() standardFile { f := goodA2(); f.trailer = "/Info 7 0 R"; return f },
			CheckA2File, []string{"ISO 19005-2 §6.1.3", "/ID"}, ""},
		{"A-2: header 1.4 without binary comment", A2, func() standardFile { f := goodA2(); f.header = "%PDF-1.4\n%abcd"; return f },
			CheckA2File, []string{"ISO 19005-2 §6.1.2", "above 127"}, ""},
		{"A-2: hidden link", A2, func() standardFile {
			f := goodA2()
			f.page = "/Annots [<< /Type /Annot /Subtype /Link /F 6 /Rect [0 0 10 10] /A << /S /URI /URI (https://example.com) >> >>]"
			return f
		}, CheckA2Annots, []string{"ISO 19005-2 §6.3.2", "page 1, Link annotation", "/F 6 hides it"}, ""},
		{"A-2: link without flags", A2, func() standardFile {
			f := goodA2()
			f.page = "/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] >>]"
			return f
		}, CheckA2Annots, []string{"ISO 19005-2 §6.3.2", "no /F flags"}, ""},
		{"A-2: JavaScript", A2, func() standardFile {
			f := goodA2()
			f.catalog = "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"
			return f
		},
			CheckA2Annots, []string{"ISO 19005-2 §6.5", "catalog /OpenAction: a JavaScript action"}, ""},

		{"X-4: no output intent", X4, func() standardFile { f := goodX4(); f.intents = ""; return f },
			CheckX4Intent, []string{"ISO 15930-7 (output intent)", "no PDF/X output intent"}, CheckX4Graphics},
		{"X-4: the profile compressed, as brochure writes it", X4, func() standardFile { f := goodX4(); f.deflated = f.profile.Deflated; return f }, "", nil, ""},
		{"X-4: the compressed profile's /N disagrees", X4, func() standardFile { f := goodX4(); f.deflated, f.n = f.profile.Deflated, 3; return f },
			CheckX4Intent, []string{"ISO 15930-7 (output intent)", "/N 3", "4 components"}, CheckX4Graphics},
		{"X-4: the compressed profile cut short", X4, func() standardFile {
			f := goodX4()
			f.deflated = f.profile.Deflated[:len(f.profile.Deflated)/2]
			return f
		}, CheckX4Intent, []string{"ISO 15930-7 (output intent)", "says it has"}, CheckX4Graphics},
		{"X-4: a display profile", X4, func() standardFile { f := goodX4(); f.profile, f.n = icc.SRGB, 3; return f },
			CheckX4Intent, []string{"ISO 15930-7 (output intent)", `a "mntr" profile`}, CheckX4Graphics},
		{"X-4: RGB in a print file", X4, func() standardFile { f := goodX4(); f.content = "1 0 0 rg 1 1 5 5 re f"; return f },
			CheckX4Graphics, []string{"ISO 15930-7 (colour spaces)", "DeviceRGB (page 1, fill rg)"}, ""},
		{"X-4: PDF 1.7", X4, func() standardFile { f := goodX4(); f.header = "%PDF-1.7"; return f },
			CheckX4File, []string{"ISO 15930-7 (file header)", "PDF 1.6"}, ""},
		{"X-4: no TrimBox", X4, func() standardFile { f := goodX4(); f.page = "/BleedBox [0 0 612.28 858.89]"; return f },
			CheckX4Boxes, []string{"ISO 15930-7 (page boundaries)", "page 1: neither TrimBox nor ArtBox"}, ""},
		{"X-4: BleedBox past the MediaBox", X4, func() standardFile {
			f := goodX4()
			f.page = "/TrimBox [8.5 8.5 603.78 850.39] /BleedBox [-5 0 612.28 858.89]"
			return f
		}, CheckX4Boxes, []string{"ISO 15930-7 (page boundaries)", "page 1: BleedBox [-5.00"}, ""},
		{"X-4: a link on the page", X4, func() standardFile {
			f := goodX4()
			f.page += " /Annots [<< /Type /Annot /Subtype /Link /F 4 /Rect [50 50 60 60] >>]"
			return f
		}, CheckX4Annots, []string{"ISO 15930-7 (annotations)", "page 1: a Link annotation"}, ""},
		{"X-4: not trapped or untrapped", X4, func() standardFile {
			f := goodX4()
			f.info = strings.Replace(f.info, " /Trapped /False", "", 1)
			f.xmp = strings.Replace(f.xmp, "<pdf:Trapped>False</pdf:Trapped>", "", 1)
			return f
		}, CheckX4Metadata, []string{"ISO 15930-7 (trapping)", `pdf:Trapped is ""`}, ""},
		{"X-4: XMP disagrees with Info", X4, func() standardFile {
			f := goodX4()
			f.xmp = strings.Replace(f.xmp, "<pdf:Trapped>False</pdf:Trapped>", "<pdf:Trapped>True</pdf:Trapped>", 1)
			return f
		}, CheckX4Metadata, []string{"ISO 15930-7 (document information)", `/Trapped /False but pdf:Trapped "True"`}, ""},
		{"X-4: no DocumentID", X4, func() standardFile {
			f := goodX4()
			f.xmp = strings.Replace(f.xmp, "<xmpMM:DocumentID>uuid:1</xmpMM:DocumentID>", "", 1)
			return f
		}, CheckX4Metadata, []string{"ISO 15930-7 (metadata)", "no xmpMM:DocumentID"}, ""},
		{"X-4: no XMP", X4, func() standardFile { f := goodX4(); f.catalog = "/Metadata 7 0 R"; return f },
			CheckX4Metadata, []string{"ISO 15930-7 (metadata)", "no /Metadata stream"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := CheckBytes("std.pdf", tt.file().bytes(), Options{Standards: []Standard{tt.std}})
			if err != nil {
				t.Fatal(err)
			}
			prefix := map[Standard]string{A2: "PDF/A-2 ", X4: "PDF/X-4 "}[tt.std]
			n := 0
			for _, c := range r.Checks {
				if !strings.HasPrefix(c.Name, prefix) {
					continue
				}
				n++
				if c.Name != tt.check && c.Name != tt.also && !c.OK {
					t.Errorf("%s fails: %s", c.Name, c.Detail)
				}
			}
			if n < 5 {
				t.Errorf("%d %schecks, want 5 or more:\n%s", n, prefix, r)
			}
			if tt.check == "" {
				return
			}
			wantDetail(t, r, tt.check, false, tt.words...)
		})
	}
}

// TestWrittenFilesConform checks the files the pdf package writes
// against the standards they claim, found in their XMP: a screen file is
// PDF/A-2, a print file PDF/X-4 with the print condition asked for.
func TestWrittenFilesConform(t *testing.T) {
	face := interRegular(t)
	mm := ptPerMM
	for _, tt := range []struct {
		name   string
		print  *frame.Print
		claims []Standard
		intent string
		tagged bool
	}{
		{"screen", nil, []Standard{A2}, "sRGB IEC61966-2.1", false},
		// PDF/UA-1's checks are ua.go's: here, only that the XMP says
		// so, with PDF/A's extension schema for it.
		{"tagged screen", nil, []Standard{UA1, A2}, "sRGB IEC61966-2.1", true},
		{"print", &frame.Print{Bleed: 3 * mm, CropMarks: true}, []Standard{X4}, "FOGRA39", false},
		{"print, uncoated", &frame.Print{Bleed: 3 * mm, Intent: icc.FOGRA29}, []Standard{X4}, "FOGRA29", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := &frame.Text{X: 20 * mm, Y: 30 * mm, Text: "Ingénieur fiabilité", Face: face, Size: 10,
				Width: face.KernedWidth("Ingénieur fiabilité", 10)}
			link := &frame.Link{Rect: frame.Rect{X: 20 * mm, Y: 20 * mm, W: 30 * mm, H: 5 * mm}, URI: "https://example.com/é"}
			d := &frame.Document{Width: 210 * mm, Height: 297 * mm, Print: tt.print,
				// A date of its own: with none, the writer dates the file
				// now, and two writes a second apart differ.
				Meta:  frame.Meta{Title: "Fiche métier", Author: "Northlight", Lang: "fr", Subject: "Une <production> & \x01fiable", Date: time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)},
				Pages: []*frame.Page{{Items: []frame.Item{text, link}}}}
			if tt.tagged {
				d.Structure = frame.NewTree()
				text.Struct = d.Structure.AddHeading(1)
				link.Struct = d.Structure.Add(frame.RoleP).Add(frame.RoleLink)
			}
			var buf bytes.Buffer
			if err := pdf.Write(&buf, d); err != nil {
				t.Fatal(err)
			}
			doc, err := openDocument(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.claimed(); fmt.Sprint(got) != fmt.Sprint(tt.claims) {
				t.Errorf("claims %v, want %v", got, tt.claims)
			}
			if in := doc.intents(); len(in) != 1 || in[0].identifier != tt.intent {
				t.Errorf("output intents %+v, want %s", in, tt.intent)
			}
			r, err := CheckBytes(tt.name, buf.Bytes(), Options{Print: tt.print != nil, Bleed: 3 * mm})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, c := range r.Checks {
				switch {
				case strings.HasPrefix(c.Name, "PDF/A") || strings.HasPrefix(c.Name, "PDF/X"):
					n++
					if !c.OK {
						t.Errorf("%s: %s", c.Name, c.Detail)
					}
				}
			}
			if n == 0 {
				t.Errorf("no standard checked:\n%s", r)
			}
			var again bytes.Buffer
			if err := pdf.Write(&again, d); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Error("the same document written twice differs")
			}
		})
	}
}
