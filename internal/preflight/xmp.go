package preflight

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"
)

// xmpMeta is what a file's XMP metadata packet says: each property's
// values, by "prefix:name" with the usual prefix of its namespace
// ("dc:title"), whatever prefix the packet binds. A language alternative
// gives its x-default first.
type xmpMeta struct {
	props map[string][]string
}

// The namespaces whose properties the checks read, and their usual
// prefixes.
var xmpPrefixes = map[string]string{
	"http://purl.org/dc/elements/1.1/":            "dc",
	"http://ns.adobe.com/xap/1.0/":                "xmp",
	"http://ns.adobe.com/pdf/1.3/":                "pdf",
	"http://ns.adobe.com/xap/1.0/mm/":             "xmpMM",
	"http://www.aiim.org/pdfa/ns/id/":             "pdfaid",
	"http://www.aiim.org/pdfua/ns/id/":            "pdfuaid",
	"http://www.npes.org/pdfx/ns/id/":             "pdfxid",
	"http://www.aiim.org/pdfa/ns/schema#":         "pdfaSchema",
	"http://www.aiim.org/pdfa/ns/extension/":      "pdfaExtension",
	"http://www.aiim.org/pdfa/ns/property#":       "pdfaProperty",
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
}

const rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

// get returns a property's first value, or "".
func (m *xmpMeta) get(name string) string {
	if v := m.props[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// parseXMP reads an XMP packet: simple properties, as elements or as
// attributes of rdf:Description, and the items of arrays (rdf:li), which
// count as values of the property that holds them. The XML must be well
// formed.
func parseXMP(data []byte) (*xmpMeta, error) {
	m := &xmpMeta{props: map[string][]string{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	type open struct {
		name     string // "dc:title", or "" for an element the checks do not read
		rdf      string // the local name of an RDF element ("li", "Alt", …)
		text     strings.Builder
		xDefault bool
	}
	var stack []*open
	prop := func() *open { // the property an rdf:li belongs to
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].rdf == "" {
				return stack[k]
			}
		}
		return nil
	}
	seenRoot := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("XMP is not well-formed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			seenRoot = true
			o := &open{}
			if t.Name.Space == rdfNS {
				o.rdf = t.Name.Local
			} else if p, ok := xmpPrefixes[t.Name.Space]; ok {
				o.name = p + ":" + t.Name.Local
			} else {
				o.name = "?" // unknown namespace: its values are not read
			}
			for _, a := range t.Attr {
				if a.Name.Space == "http://www.w3.org/XML/1998/namespace" && a.Name.Local == "lang" && a.Value == "x-default" {
					o.xDefault = true
				}
				if o.rdf == "Description" {
					if p, ok := xmpPrefixes[a.Name.Space]; ok && p != "rdf" {
						m.props[p+":"+a.Name.Local] = append(m.props[p+":"+a.Name.Local], a.Value)
					}
				}
			}
			stack = append(stack, o)
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		case xml.EndElement:
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			v := strings.TrimSpace(o.text.String())
			switch {
			case o.rdf == "li":
				if p := prop(); p != nil && p.name != "" {
					if o.xDefault {
						m.props[p.name] = append([]string{v}, m.props[p.name]...)
					} else {
						m.props[p.name] = append(m.props[p.name], v)
					}
				}
			case o.rdf == "" && o.name != "" && o.name != "?" && v != "":
				m.props[o.name] = append(m.props[o.name], v)
			}
		}
	}
	if !seenRoot {
		return nil, errors.New("XMP packet is empty")
	}
	return m, nil
}

// xmp returns the file's XMP metadata (the catalog's /Metadata), or an
// error saying why there is none to read. It is read once; callers do not
// change it.
func (d *document) xmp() (*xmpMeta, error) {
	if !d.metaRead {
		d.meta, d.metaErr = d.readXMP()
		d.metaRead = true
	}
	return d.meta, d.metaErr
}

// readXMP reads the file's XMP metadata for xmp.
func (d *document) readXMP() (*xmpMeta, error) {
	cat := d.x.catalog()
	s, ok := d.resolve(cat["Metadata"]).(*pdfStream)
	if !ok {
		return nil, errors.New("the catalog has no /Metadata stream")
	}
	if d.name(s.dict["Type"]) != "Metadata" || d.name(s.dict["Subtype"]) != "XML" {
		return nil, fmt.Errorf("the /Metadata stream (object %d) is not /Type /Metadata /Subtype /XML", objNr(cat["Metadata"]))
	}
	data, err := decodeStream(d.x, s)
	if err != nil {
		return nil, fmt.Errorf("the /Metadata stream (object %d): %w", objNr(cat["Metadata"]), err)
	}
	return parseXMP(data)
}

// claimed returns the standards a file's XMP metadata claims: PDF/A-2
// (pdfaid:part 2), PDF/UA-1 (pdfuaid:part 1), PDF/X-4 (a
// pdfxid:GTS_PDFXVersion starting "PDF/X-4").
func (d *document) claimed() []Standard {
	m, err := d.xmp()
	if err != nil {
		return nil
	}
	var out []Standard
	if m.get("pdfuaid:part") == "1" {
		out = append(out, UA1)
	}
	if m.get("pdfaid:part") == "2" {
		out = append(out, A2)
	}
	if strings.HasPrefix(m.get("pdfxid:GTS_PDFXVersion"), "PDF/X-4") {
		out = append(out, X4)
	}
	return out
}

// infoAgrees compares the document information dictionary with the XMP
// the way PDF/A and PDF/X ask: each entry with an XMP counterpart has the
// same value there, dates the same instant. It returns the disagreements.
func (d *document) infoAgrees(m *xmpMeta) []string {
	info := d.dict(d.x.trailer["Info"])
	var bad []string
	text := func(key string) (string, bool) {
		s, ok := d.resolve(info[key]).(pdfString)
		return decodeText(string(s)), ok
	}
	for _, p := range [...]struct{ key, prop string }{
		{"Title", "dc:title"}, {"Author", "dc:creator"}, {"Subject", "dc:description"},
		{"Keywords", "pdf:Keywords"}, {"Creator", "xmp:CreatorTool"}, {"Producer", "pdf:Producer"},
	} {
		v, ok := text(p.key)
		if ok && v != m.get(p.prop) {
			bad = append(bad, fmt.Sprintf("/%s %q but %s %q", p.key, v, p.prop, m.get(p.prop)))
		}
	}
	for _, p := range [...]struct{ key, prop string }{{"CreationDate", "xmp:CreateDate"}, {"ModDate", "xmp:ModifyDate"}} {
		v, ok := text(p.key)
		if !ok {
			continue
		}
		t1, err1 := parsePDFDate(v)
		t2, err2 := time.Parse(time.RFC3339, m.get(p.prop))
		if err1 != nil || err2 != nil || !t1.Equal(t2) {
			bad = append(bad, fmt.Sprintf("/%s %q but %s %q", p.key, v, p.prop, m.get(p.prop)))
		}
	}
	if tr := d.name(info["Trapped"]); tr != "" && tr != m.get("pdf:Trapped") {
		bad = append(bad, fmt.Sprintf("/Trapped /%s but pdf:Trapped %q", tr, m.get("pdf:Trapped")))
	}
	return bad
}

// parsePDFDate reads a PDF date, "D:YYYYMMDDHHmmSSOHH'mm'" with all but
// the year optional (ISO 32000-1, §7.9.4). A date without a time zone
// is read as UTC.
func parsePDFDate(s string) (time.Time, error) {
	s = strings.TrimPrefix(s, "D:")
	digits := 0
	for digits < len(s) && digits < 14 && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits < 4 || digits%2 != 0 {
		return time.Time{}, fmt.Errorf("bad PDF date %q", s)
	}
	stamp := s[:digits] + "0101000000"[digits-4:] // month and day 1, midnight
	loc := time.UTC
	if zone := strings.TrimSuffix(s[digits:], "'"); zone != "" && zone != "Z" {
		var h, mm int
		if _, err := fmt.Sscanf(strings.ReplaceAll(zone[1:], "'", " "), "%d %d", &h, &mm); err != nil {
			if _, err := fmt.Sscanf(zone[1:], "%d", &h); err != nil {
				return time.Time{}, fmt.Errorf("bad PDF date %q", s)
			}
		}
		off := h*3600 + mm*60
		if zone[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	return time.ParseInLocation("20060102150405", stamp, loc)
}

// decodeText decodes a PDF text string: UTF-16BE after its byte order
// mark, or PDFDocEncoding, read here as Latin-1 (they differ in a few
// punctuation marks).
func decodeText(s string) string {
	if strings.HasPrefix(s, "\xfe\xff") {
		units := make([]uint16, 0, len(s)/2)
		for k := 2; k+1 < len(s); k += 2 {
			units = append(units, uint16(s[k])<<8|uint16(s[k+1]))
		}
		return string(utf16.Decode(units))
	}
	if strings.HasPrefix(s, "\xef\xbb\xbf") { // UTF-8, PDF 2.0
		return s[3:]
	}
	r := make([]rune, len(s))
	for k := range len(s) {
		r[k] = rune(s[k])
	}
	return string(r)
}
