package preflight

import (
	"fmt"
	"iter"
	"math"
	"sort"
	"strings"
)

// fontInfo is what the checks need from a font: whether its program is
// embedded, glyph widths (to place text) and its ascent and descent.
type fontInfo struct {
	name     string // BaseFont without a subset tag ("ABCDEF+")
	subtype  string // Type1, TrueType, Type0, Type3, …
	embedded bool
	twoByte  bool // Type0: codes are two bytes (Identity-H and the usual CMaps)

	first  int
	widths []float64       // simple fonts: Widths from FirstChar
	cid    map[int]float64 // Type0: /W entries
	// cidWidths holds cid's widths by CID, NaN for CIDs it lacks, when
	// its CIDs are below denseCIDs: width looks them up for every
	// character shown, and a map took a tenth of checking a print file.
	cidWidths []float64
	ranges    []cidRange // Type0: /W "from to width" entries
	missing   float64    // width of codes not listed
	scale     float64    // glyph units to text space: 1/1000, Type3: FontMatrix
	asc       float64    // ascent per unit of font size (0.8 when unknown)
	desc      float64    // descent per unit of font size, negative (−0.2)
	uni       *toUnicode // from the ToUnicode CMap, if any
	// encoding is a simple font's /Encoding name (or BaseEncoding)
	encoding string
}

type cidRange struct {
	from, to int
	w        float64
}

const maxCIDEntries = 1 << 16

// font reads (and caches) the font behind a /Font resource entry.
func (d *document) font(o object) *fontInfo {
	nr := objNr(o)
	if f, ok := d.fonts[nr]; ok && nr != 0 {
		return f
	}
	f := d.readFont(d.dict(o))
	if nr != 0 {
		d.fonts[nr] = f
	}
	return f
}

func (d *document) readFont(fd pdfDict) *fontInfo {
	f := &fontInfo{name: "(unnamed)", missing: 500, scale: 0.001, asc: 0.8, desc: -0.2}
	if fd == nil {
		return f
	}
	if n := d.name(fd["BaseFont"]); n != "" {
		f.name = n
		if i := strings.IndexByte(n, '+'); i == 6 {
			f.name = n[7:]
		}
	}
	f.subtype = d.name(fd["Subtype"])
	f.encoding = d.name(fd["Encoding"])
	if enc := d.dict(fd["Encoding"]); enc != nil {
		f.encoding = d.name(enc["BaseEncoding"])
	}
	if _, ok := fd["ToUnicode"]; ok {
		if _, data := d.stream(fd["ToUnicode"]); data != nil {
			f.uni = readToUnicode(data)
		}
	}
	desc := d.dict(fd["FontDescriptor"])
	switch f.subtype {
	case "Type3":
		f.embedded = true // its glyphs are content streams in the file
		if m := d.array(fd["FontMatrix"]); len(m) == 6 {
			if a, ok := d.num(m[0]); ok && a != 0 {
				f.scale = a
			}
		}
	case "Type0":
		f.twoByte = true
		f.missing = 1000
		if kids := d.array(fd["DescendantFonts"]); len(kids) > 0 {
			cf := d.dict(kids[0])
			desc = d.dict(cf["FontDescriptor"])
			if dw, ok := d.num(cf["DW"]); ok {
				f.missing = dw
			}
			d.readCIDWidths(f, d.array(cf["W"]))
		}
	}
	if f.subtype != "Type0" {
		if v, ok := d.num(fd["FirstChar"]); ok {
			f.first = int(v)
		}
		for _, w := range d.array(fd["Widths"]) {
			v, _ := d.num(w)
			f.widths = append(f.widths, v)
		}
	}
	if desc != nil {
		for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
			if _, ok := desc[k]; ok {
				f.embedded = true
			}
		}
		if v, ok := d.num(desc["MissingWidth"]); ok && f.subtype != "Type0" {
			f.missing = v
		}
		if v, ok := d.num(desc["Ascent"]); ok && v > 0 && v < 2000 {
			f.asc = v / 1000
		}
		if v, ok := d.num(desc["Descent"]); ok && v < 0 && v > -1000 {
			f.desc = v / 1000
		}
	}
	return f
}

// readCIDWidths reads a /W array: "c [w1 w2 …]" and "cfirst clast w".
func (d *document) readCIDWidths(f *fontInfo, w pdfArray) {
	f.cid = map[int]float64{}
	defer func() { f.cidWidths = denseWidths(f.cid) }()
	for k := 0; k < len(w) && len(f.cid) < maxCIDEntries; {
		c, ok := d.num(w[k])
		if !ok || k+1 >= len(w) {
			return
		}
		if list := d.array(w[k+1]); list != nil {
			for j, v := range list {
				if n, ok := d.num(v); ok {
					f.cid[int(c)+j] = n
				}
			}
			k += 2
			continue
		}
		last, ok1 := d.num(w[k+1])
		if k+2 >= len(w) || !ok1 {
			return
		}
		n, _ := d.num(w[k+2])
		f.ranges = append(f.ranges, cidRange{int(c), int(last), n})
		k += 3
	}
}

// denseCIDs bounds the CIDs kept in a slice rather than a map (see
// fontInfo.cidWidths, toUnicode.dense): 64 kB of widths at most.
const denseCIDs = 8192

// denseWidths returns the widths of m by CID, NaN for CIDs m lacks; nil
// when a CID is denseCIDs or more, or negative.
func denseWidths(m map[int]float64) []float64 {
	n := 0
	for c := range m {
		if c < 0 || c >= denseCIDs {
			return nil
		}
		n = max(n, c+1)
	}
	out := make([]float64, n)
	for c := range out {
		out[c] = math.NaN()
	}
	for c, w := range m {
		out[c] = w
	}
	return out
}

// codes splits a shown string into character codes.
func (f *fontInfo) codes(s string) iter.Seq[int] {
	return func(yield func(int) bool) {
		if !f.twoByte {
			for k := 0; k < len(s); k++ {
				if !yield(int(s[k])) {
					return
				}
			}
			return
		}
		for k := 0; k+1 < len(s); k += 2 {
			if !yield(int(s[k])<<8 | int(s[k+1])) {
				return
			}
		}
	}
}

// char is the character a code stands for: from the ToUnicode CMap when
// the font has one, else the code itself (Latin-1 for simple fonts,
// Unicode for Type0 fonts as fpdf writes them).
func (f *fontInfo) char(code int) rune {
	if r, ok := f.uni.lookup(code); ok {
		return r
	}
	return rune(code)
}

// width is a code's advance in text space for a font size of 1. For Type0
// fonts the code is taken as the CID (true for Identity-H).
func (f *fontInfo) width(code int) float64 {
	w, ok := f.missing, false
	if f.twoByte {
		if f.cidWidths != nil {
			if code >= 0 && code < len(f.cidWidths) && !math.IsNaN(f.cidWidths[code]) {
				w, ok = f.cidWidths[code], true
			}
		} else if v, found := f.cid[code]; found {
			w, ok = v, true
		}
		for _, r := range f.ranges {
			if !ok && code >= r.from && code <= r.to {
				w, ok = r.w, true
			}
		}
	} else if i := code - f.first; i >= 0 && i < len(f.widths) {
		w = f.widths[i]
	}
	return w * f.scale
}

// checkFonts lists the fonts that show text and fails on any without an
// embedded font program.
func checkFonts(scans []*pageScan) Result {
	res := Result{Name: CheckFonts, OK: true}
	type use struct {
		f    *fontInfo
		page int
	}
	seen := map[string]use{}
	for _, s := range scans {
		for _, f := range s.fonts {
			key := f.name + "/" + fmt.Sprint(f.embedded)
			if _, ok := seen[key]; !ok {
				seen[key] = use{f, s.page}
			}
		}
	}
	var names, missing []string
	for _, u := range seen {
		names = append(names, u.f.name)
		if !u.f.embedded {
			missing = append(missing, fmt.Sprintf("%s (%s, page %d)", u.f.name, u.f.subtype, u.page))
		}
	}
	sort.Strings(names)
	sort.Strings(missing)
	switch {
	case len(missing) > 0:
		res.OK = false
		res.Detail = "not embedded: " + strings.Join(missing, ", ")
	case len(names) == 0:
		res.Detail = "no text"
	default:
		res.Detail = fmt.Sprintf("%d fonts, all embedded (%s)", len(names), strings.Join(names, ", "))
		if len(names) == 1 {
			res.Detail = "1 font, embedded (" + names[0] + ")"
		}
	}
	return res
}
