package pdf

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// xmp returns the file's XMP metadata packet (ISO 16684-1; ISO 32000-1,
// §14.3.2): the document information again, in the same words and at
// the same instant (PDF/A-2 and PDF/X-4 ask that both agree), and the
// standards the file claims. The packet is compressed: PDF/A-1 forbade
// it, PDF/A-2 and PDF/X-4 do not, and it saves 0.9 kB of a 1.7 kB
// packet (tools that look for XMP in a file's bytes without reading the
// PDF miss it; PDF readers do not). It has no padding: nobody edits it
// in place.
func (s *standard) xmp(id fileID) []byte {
	m := s.meta
	b := make([]byte, 0, 2048+len(m.Title)+len(m.Subject)+len(m.Keywords))
	b = append(b, `<?xpacket begin="`+"\uFEFF"+`" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"`...)
	if s.pdfa != "" {
		b = append(b, "\n xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""...)
	}
	if s.ua {
		b = append(b, "\n xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\""...)
	}
	if s.pdfx != "" {
		b = append(b, "\n xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\""...)
	}
	b = append(b, ">\n<dc:format>application/pdf</dc:format>\n"...)
	if m.Title != "" {
		b = xmpAlt(b, "dc:title", m.Title)
	}
	if m.Author != "" {
		b = append(b, "<dc:creator><rdf:Seq><rdf:li>"...)
		b = append(appendXML(b, m.Author), "</rdf:li></rdf:Seq></dc:creator>\n"...)
	}
	if m.Subject != "" {
		b = xmpAlt(b, "dc:description", m.Subject)
	}
	if m.Lang != "" {
		b = append(b, "<dc:language><rdf:Bag><rdf:li>"...)
		b = append(appendXML(b, m.Lang), "</rdf:li></rdf:Bag></dc:language>\n"...)
	}
	if m.Keywords != "" {
		b = xmpText(b, "pdf:Keywords", m.Keywords)
	}
	b = xmpText(b, "pdf:Producer", producer)
	if s.pdfx != "" {
		b = xmpText(b, "pdf:Trapped", "False")
	}
	if m.Creator != "" {
		b = xmpText(b, "xmp:CreatorTool", m.Creator)
	}
	date := xmpDate(s.date)
	for _, p := range [...]string{"xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"} {
		b = xmpText(b, p, date)
	}
	uuid := fmt.Sprintf("uuid:%x-%x-%x-%x-%x", id[0:4], id[4:6], id[6:8], id[8:10], id[10:16])
	b = xmpText(b, "xmpMM:DocumentID", uuid)
	b = xmpText(b, "xmpMM:InstanceID", uuid)
	b = xmpText(b, "xmpMM:VersionID", "1")
	b = xmpText(b, "xmpMM:RenditionClass", "default")
	if s.pdfa != "" {
		b = xmpText(b, "pdfaid:part", "2")
		b = xmpText(b, "pdfaid:conformance", s.pdfa)
	}
	if s.ua {
		b = xmpText(b, "pdfuaid:part", "1")
	}
	if s.pdfx != "" {
		b = xmpText(b, "pdfxid:GTS_PDFXVersion", s.pdfx)
	}
	b = append(b, "</rdf:Description>\n"...)
	if s.pdfa != "" && (s.ua || s.pdfx != "") {
		b = s.extensionSchemas(b)
	}
	return append(b, "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>"...)
}

// extensionSchemas appends the PDF/A extension schemas (ISO 19005-2,
// §6.6.2.3.2) of the identification schemas PDF/A does not predefine,
// PDF/UA's and PDF/X's, which a PDF/A file may use only once declared.
func (s *standard) extensionSchemas(b []byte) []byte {
	b = append(b, `<rdf:Description rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag>
`...)
	schema := func(b []byte, name, uri, prefix, property, valueType, about string) []byte {
		return fmt.Appendf(b, `<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>%s</pdfaSchema:schema>
<pdfaSchema:namespaceURI>%s</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>%s</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>%s</pdfaProperty:name>
<pdfaProperty:valueType>%s</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>%s</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li>
`, name, uri, prefix, property, valueType, about)
	}
	if s.ua {
		b = schema(b, "PDF/UA Universal Accessibility Schema", "http://www.aiim.org/pdfua/ns/id/", "pdfuaid",
			"part", "Integer", "Part of ISO 14289 the file conforms to")
	}
	if s.pdfx != "" {
		b = schema(b, "PDF/X Identification Schema", "http://www.npes.org/pdfx/ns/id/", "pdfxid",
			"GTS_PDFXVersion", "Text", "Part of ISO 15930 the file conforms to")
	}
	return append(b, "</rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n"...)
}

// xmpText appends a simple property.
func xmpText(b []byte, name, value string) []byte {
	b = append(append(append(b, '<'), name...), '>')
	b = appendXML(b, value)
	return append(append(append(b, "</"...), name...), ">\n"...)
}

// xmpAlt appends a language alternative with its default only: the
// document's language is dc:language.
func xmpAlt(b []byte, name, value string) []byte {
	b = append(append(append(b, '<'), name...), `><rdf:Alt><rdf:li xml:lang="x-default">`...)
	b = appendXML(b, value)
	return append(append(append(b, "</rdf:li></rdf:Alt></"...), name...), ">\n"...)
}

// xmpDate formats t as an XMP date (ISO 8601), the instant and time zone
// pdfDate writes.
func xmpDate(t time.Time) string {
	return t.Format("2006-01-02T15:04:05-07:00")
}

// appendXML appends s, cleaned by xmlText, as XML character data.
func appendXML(b []byte, s string) []byte {
	for _, r := range s {
		switch r {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}
