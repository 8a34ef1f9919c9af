package pdf

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"strings"
	"time"

	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/icc"
)

// standard is what a file claims to conform to, and what that takes:
// the PDF version of its header, its output intent and the document
// information and XMP metadata that say so.
//
//   - A screen file is PDF/A-2 (ISO 19005-2) with an sRGB output intent:
//     level A when it is tagged (the structure tree, with the natural
//     language and Unicode text level A asks for), level U otherwise:
//     every font has a ToUnicode map, so its text is Unicode (level U),
//     but without a structure tree it is not level A. A tagged file also
//     claims PDF/UA-1 (ISO 14289-1). Version 1.7, as PDF/A-2 and PDF/UA-1
//     are built on ISO 32000-1 (PDF 1.7).
//   - A print file is PDF/X-4 (ISO 15930-7) with a CMYK output intent,
//     and PDF/UA-1 too when tagged. Version 1.6: PDF/X-4 is built on PDF
//     1.6 and allows no later version; what we write (object and
//     cross-reference streams, transparency, optional content unused) is
//     all PDF 1.5.
type standard struct {
	version string // "1.7"
	pdfa    string // PDF/A-2's conformance level, "A" or "U"; "": not PDF/A
	pdfx    string // "PDF/X-4", or ""
	ua      bool   // PDF/UA-1
	intent  *icc.Profile
	subtype string // the output intent's /S: GTS_PDFA1 or GTS_PDFX
	meta    frame.Meta
	date    time.Time // CreationDate and ModDate, and the XMP's dates
}

// standardOf returns what d conforms to, dated date.
func standardOf(d *frame.Document, date time.Time) standard {
	m := d.Meta
	for _, f := range []*string{&m.Title, &m.Author, &m.Subject, &m.Keywords, &m.Creator, &m.Lang} {
		*f = xmlText(*f)
	}
	s := standard{ua: d.Structure != nil, meta: m, date: date}
	if d.Print == nil {
		s.version, s.pdfa, s.intent, s.subtype = "1.7", "U", icc.SRGB, "GTS_PDFA1"
		if s.ua {
			s.pdfa = "A"
		}
		return s
	}
	s.version, s.pdfx, s.intent, s.subtype = "1.6", "PDF/X-4", d.Print.Intent, "GTS_PDFX"
	if s.intent == nil {
		s.intent = icc.FOGRA39
	}
	return s
}

// xmlText returns s without what XML 1.0 cannot hold (control
// characters but tab and line feed, invalid UTF-8, U+FFFE and U+FFFF):
// the document information and the XMP say the same text.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// fileID is a file's identifier, both halves of the trailer's /ID: the
// MD5 digest of its objects, as ISO 32000-1 §14.4 suggests, so that the
// same file has the same identifier. It identifies, it does not secure,
// and MD5 takes fewer instructions than SHA-256.
type fileID [16]byte

// add completes a file of objects objs (the catalog at root and the
// document information at info) with the standard's: the output intent
// and the XMP metadata in the catalog, the document information anew. It
// returns the file's identifier.
func (s *standard) add(w *objWriter, objs [][]byte, root, info int) (fileID, error) {
	objs[info] = s.info()
	// The profile was compressed ahead of time, at the best level (a print
	// profile took 8 M instructions, a twentieth of a print build).
	profile := w.compressed(s.intent.Deflated, fmt.Sprintf(" /N %d", s.intent.N))
	meta := w.object(nil) // written below, once the identifier is known
	entries := fmt.Appendf(nil, " /Metadata %d 0 R /OutputIntents [", meta)
	entries = append(s.outputIntent(entries, profile), ']')
	var err error
	if objs[root], err = insertBefore(objs[root], ">>", entries); err != nil {
		return fileID{}, fmt.Errorf("catalog: %w", err)
	}
	h := md5.New()
	for _, list := range [][][]byte{objs, w.bodies} {
		for _, o := range list {
			h.Write(o)
		}
	}
	var id fileID
	copy(id[:], h.Sum(nil))
	w.bodies[meta-(w.next-len(w.bodies))] = streamBody(deflate(s.xmp(id)), "/Type /Metadata /Subtype /XML /Filter /FlateDecode")
	return id, nil
}

// outputIntent appends the output intent dictionary (ISO 32000-1,
// §14.11.5), whose profile is object profile.
func (s *standard) outputIntent(b []byte, profile int) []byte {
	p := s.intent
	b = append(b, "<</Type /OutputIntent /S /"...)
	b = append(b, s.subtype...)
	b = append(b, " /OutputConditionIdentifier "...)
	b = appendLiteral(b, textString(p.Identifier))
	b = append(b, " /OutputCondition "...)
	b = appendLiteral(b, textString(p.Condition))
	b = append(b, " /Info "...)
	b = appendLiteral(b, textString(p.Condition))
	if p.Registry != "" {
		b = append(b, " /RegistryName "...)
		b = appendLiteral(b, p.Registry)
	}
	return fmt.Appendf(b, " /DestOutputProfile %d 0 R>>", profile)
}

// info returns the document information dictionary: fpdf's entries,
// dated with the time zone (which fpdf leaves out, so that the XMP's
// dates could not say the same instant), and for PDF/X its version and
// /Trapped (ISO 15930-7 asks for both).
func (s *standard) info() []byte {
	b := []byte("<<")
	for _, e := range [...]struct{ key, value string }{
		{"Title", s.meta.Title}, {"Author", s.meta.Author}, {"Subject", s.meta.Subject},
		{"Keywords", s.meta.Keywords}, {"Creator", s.meta.Creator}, {"Producer", producer},
	} {
		if e.value == "" {
			continue
		}
		b = append(b, '/')
		b = append(b, e.key...)
		b = append(b, ' ')
		b = appendLiteral(b, textString(e.value))
		b = append(b, '\n')
	}
	d := pdfDate(s.date)
	b = fmt.Appendf(b, "/CreationDate (%s)\n/ModDate (%s)", d, d)
	if s.pdfx != "" {
		b = fmt.Appendf(b, "\n/GTS_PDFXVersion (%s)\n/Trapped /False", s.pdfx)
	}
	return append(b, ">>"...)
}

// producer is the document information's /Producer and the XMP's
// pdf:Producer: fpdf draws the pages, brochure writes the file.
const producer = "brochure with FPDF 1.7"

// pdfDate formats t as a PDF date with its time zone (ISO 32000-1,
// §7.9.4): "D:20261121000000+00'00'", "D:20261121090000+01'00'".
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", t.Format("20060102150405"), sign, off/3600, off/60%60)
}

// insertBefore returns obj with text inserted before its last key (">>").
func insertBefore(obj []byte, key string, text []byte) ([]byte, error) {
	i := bytes.LastIndex(obj, []byte(key))
	if i < 0 {
		return nil, fmt.Errorf("no %s", key)
	}
	out := make([]byte, 0, len(obj)+len(text))
	out = append(append(append(out, obj[:i]...), text...), obj[i:]...)
	return out, nil
}
