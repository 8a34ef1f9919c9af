package pdf

import (
	"bytes"
	"encoding/hex"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
)

func TestWriteDeterministic(t *testing.T) {
	for _, print := range []bool{false, true} {
		want := write(t, sampleDoc(t, print))
		if again := write(t, sampleDoc(t, print)); !bytes.Equal(again, want) {
			t.Errorf("print=%v: a second Write gave other bytes", print)
		}
		const n = 6
		got := make([][]byte, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				var buf bytes.Buffer
				if err := Write(&buf, sampleDoc(t, print)); err != nil {
					t.Error(err)
				}
				got[i] = buf.Bytes()
			})
		}
		wg.Wait()
		for i, b := range got {
			if !bytes.Equal(b, want) {
				t.Errorf("print=%v: goroutine %d wrote other bytes", print, i)
			}
		}
	}
}

// pdfFont is a Type0 font of a written PDF, read back.
type pdfFont struct {
	baseFont string
	toUni    map[uint16]rune
	widths   map[uint16]float64 // /W
	dw       float64
	program  []byte
}

// fonts reads the fonts the resource dictionary (object 2) lists, by
// resource name, checking their structure.
func (f *pdfFile) fonts(t *testing.T) map[string]*pdfFont {
	t.Helper()
	res, _ := f.object(t, 2)
	_, list, ok := strings.Cut(res, "/Font <<\n")
	list, _, ok2 := strings.Cut(list, ">>")
	if !ok || !ok2 {
		t.Fatalf("resources without /Font: %q", res)
	}
	out := map[string]*pdfFont{}
	for _, m := range regexp.MustCompile(`/(\w+) (\d+) 0 R`).FindAllStringSubmatch(list, -1) {
		n, _ := strconv.Atoi(m[2])
		type0, _ := f.object(t, n)
		pf := &pdfFont{toUni: map[uint16]rune{}, widths: map[uint16]float64{}}
		out[m[1]] = pf
		for key, want := range map[string]string{"Subtype": "/Type0", "Encoding": "/Identity-H"} {
			if v, _ := entry(type0, key); v != want {
				t.Errorf("font %s: /%s %s, want %s", m[1], key, v, want)
			}
		}
		pf.baseFont, _ = entry(type0, "BaseFont")
		if !regexp.MustCompile(`^/[A-Z]{6}\+Inter-\w+$`).MatchString(pf.baseFont) {
			t.Errorf("font %s: /BaseFont %s, want /TAG+PostScriptName", m[1], pf.baseFont)
		}
		kids, _ := entry(type0, "DescendantFonts")
		cidN, _ := strconv.Atoi(strings.Fields(strings.Trim(kids, "[]"))[0])
		cid, _ := f.object(t, cidN)
		for key, want := range map[string]string{"Subtype": "/CIDFontType2", "CIDToGIDMap": "/Identity", "BaseFont": pf.baseFont, "Ordering": "(Identity)"} {
			if key == "Ordering" {
				if !strings.Contains(cid, "/Registry (Adobe) /Ordering (Identity) /Supplement 0") {
					t.Errorf("font %s: CIDSystemInfo is not Adobe-Identity-0: %q", m[1], cid)
				}
			} else if v, _ := entry(cid, key); v != want {
				t.Errorf("font %s: CIDFont /%s %s, want %s", m[1], key, v, want)
			}
		}
		pf.dw = float64(entryInt(t, cid, "DW"))
		_, w, _ := strings.Cut(cid, "/W [") // the last entry
		for _, run := range regexp.MustCompile(`(\d+) \[([\d ]+)\]`).FindAllStringSubmatch(w, -1) {
			first, _ := strconv.Atoi(run[1])
			for i, v := range strings.Fields(run[2]) {
				pf.widths[uint16(first+i)], _ = strconv.ParseFloat(v, 64)
			}
		}
		desc, _ := f.object(t, ref(t, cid, "FontDescriptor"))
		if v, _ := entry(desc, "FontName"); v != pf.baseFont {
			t.Errorf("font %s: /FontName %s, want %s", m[1], v, pf.baseFont)
		}
		for _, key := range []string{"Flags", "ItalicAngle", "Ascent", "Descent", "CapHeight", "StemV"} {
			if _, ok := entry(desc, key); !ok {
				t.Errorf("font %s: descriptor without /%s", m[1], key)
			}
		}
		if !regexp.MustCompile(`/FontBBox \[-?\d+ -?\d+ \d+ \d+\]`).MatchString(desc) {
			t.Errorf("font %s: no /FontBBox in %q", m[1], desc)
		}
		ffDict, program := f.object(t, ref(t, desc, "FontFile2"))
		if l1 := entryInt(t, ffDict, "Length1"); l1 != len(program) || !bytes.HasPrefix(program, []byte{0, 1, 0, 0}) {
			t.Errorf("font %s: FontFile2 of %d bytes, /Length1 %d, starting % x", m[1], len(program), l1, program[:4])
		}
		pf.program = program
		_, cmap := f.object(t, ref(t, type0, "ToUnicode"))
		for _, m := range regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]+)>`).FindAllStringSubmatch(string(cmap), -1) {
			c, _ := strconv.ParseUint(m[1], 16, 16)
			u, _ := hex.DecodeString(m[2])
			units := make([]uint16, len(u)/2)
			for i := range units {
				units[i] = uint16(u[2*i])<<8 | uint16(u[2*i+1])
			}
			rs := utf16.Decode(units)
			if len(rs) != 1 {
				t.Errorf("font %s: CID %s maps to %q, want one rune", m[1], m[1], string(rs))
			}
			if _, dup := pf.toUni[uint16(c)]; dup {
				t.Errorf("font %s: CID %s mapped twice", m[1], m[1])
			}
			pf.toUni[uint16(c)] = rs[0]
		}
	}
	return out
}

// shown is a TJ operator read back: its text through ToUnicode and its
// advance from the font's widths, kerning and character spacing.
type shown struct {
	text    string
	advance float64 // points
}

// showText reads every TJ of a page's content.
func showText(t *testing.T, content []byte, fonts map[string]*pdfFont) []shown {
	t.Helper()
	var out []shown
	var f *pdfFont
	var size, tc float64
	for _, o := range operations(t, content) {
		switch o.op {
		case "Tf":
			f, size = fonts[o.args[0].(string)[1:]], o.args[1].(float64)
		case "Tc":
			tc = o.args[0].(float64)
		case "TJ":
			if f == nil {
				t.Fatalf("text before any font")
			}
			var s shown
			for _, el := range o.args[0].([]any) {
				if n, ok := el.(float64); ok {
					s.advance -= n / 1000 * size
					continue
				}
				b := el.([]byte)
				for i := 0; i+1 < len(b); i += 2 {
					c := uint16(b[i])<<8 | uint16(b[i+1])
					r, ok := f.toUni[c]
					if !ok {
						t.Errorf("CID %d of %s has no ToUnicode entry", c, f.baseFont)
					}
					s.text += string(r)
					w, ok := f.widths[c]
					if !ok {
						w = f.dw
					}
					s.advance += w/1000*size + tc
				}
			}
			out = append(out, s)
		}
	}
	return out
}

// TestWriteReadBack reads the written file back as a PDF reader would:
// fonts, text through ToUnicode, advances, colours, bookmarks.
func TestWriteReadBack(t *testing.T) {
	for _, print := range []bool{false, true} {
		t.Run(map[bool]string{false: "screen", true: "print"}[print], func(t *testing.T) {
			d := sampleDoc(t, print)
			data := write(t, d)
			// PDF/A-2 on PDF 1.7, PDF/X-4 on PDF 1.6 (both above object
			// streams' 1.5).
			if want := map[bool]string{false: "%PDF-1.7\n", true: "%PDF-1.6\n"}[print]; !bytes.HasPrefix(data, []byte(want)) {
				t.Errorf("header %q, want %q", data[:9], want)
			}
			f := readPDF(t, data)
			root, _ := f.object(t, ref(t, f.trailer, "Root"))
			if !strings.Contains(root, "/Lang (fr)") {
				t.Errorf("catalog without /Lang (fr): %q", root)
			}
			fonts := f.fonts(t)
			if len(fonts) != 3 {
				t.Fatalf("%d fonts, want the 3 faces the document uses", len(fonts))
			}
			if _, ok := fonts["G1"]; !ok {
				t.Errorf("fonts %v: want G1, G2, G3", fonts)
			}
			for i, pg := range d.Pages {
				var want []*frame.Text
				for _, it := range pg.Items {
					if tx, ok := it.(*frame.Text); ok && tx.Text != "" {
						want = append(want, tx)
					}
				}
				content := pageContent(t, f, i)
				got := showText(t, content, fonts)
				if len(got) != len(want) {
					t.Fatalf("page %d: %d text objects, want %d:\n%s", i+1, len(got), len(want), content)
				}
				for k, w := range want {
					if got[k].text != w.Text {
						t.Errorf("page %d text %d reads %q, want %q", i+1, k, got[k].text, w.Text)
					}
					if math.Abs(got[k].advance-w.Width) > 1e-6 {
						t.Errorf("page %d text %q is %.4f pt wide, the layout measured %.4f", i+1, w.Text, got[k].advance, w.Width)
					}
				}
				rgb := regexp.MustCompile(`(?m)^[\d. ]+ (rg|g)$`).FindAllString(string(content), -1)
				cmyk := regexp.MustCompile(`(?m)^[\d. ]+ k$`).FindAllString(string(content), -1)
				if print && (len(cmyk) == 0 || strings.Contains(string(content), " rg\n")) {
					t.Errorf("print page %d: fill colours %q, %q: want CMYK only", i+1, rgb, cmyk)
				}
				if !print && (len(rgb) == 0 || len(cmyk) > 0) {
					t.Errorf("screen page %d: fill colours %q, %q: want RGB only", i+1, rgb, cmyk)
				}
			}
			titles := map[string]bool{}
			for n := 1; n < f.size(); n++ {
				obj, _ := f.object(t, n)
				if _, s, ok := strings.Cut(obj, "/Title ("); ok && !strings.Contains(obj, "/Type /Catalog") {
					titles[textStringValue(t, s)] = true
				}
			}
			for _, want := range []string{"Site Reliability Engineer", "Compétences recherchées", "Formation et parcours"} {
				if !titles[want] {
					t.Errorf("no bookmark %q among %v", want, titles)
				}
			}
		})
	}
}

func mustObject(t *testing.T, f *pdfFile, n int) string {
	t.Helper()
	obj, _ := f.object(t, n)
	return obj
}

// pageContent returns the decoded content of page i (from 0).
func pageContent(t *testing.T, f *pdfFile, i int) []byte {
	t.Helper()
	kids := regexp.MustCompile(`(\d+) 0 R`).FindAllStringSubmatch(mustObject(t, f, 1), -1)
	if i >= len(kids) {
		t.Fatalf("no page %d", i+1)
	}
	n, _ := strconv.Atoi(kids[i][1])
	// The last entry: a link's URI before it may hold anything.
	m := regexp.MustCompile(`/Contents (\d+) 0 R>>$`).FindStringSubmatch(mustObject(t, f, n))
	if m == nil {
		t.Fatalf("page %d without /Contents at its end", i+1)
	}
	c, _ := strconv.Atoi(m[1])
	_, content := f.object(t, c)
	return content
}

// textStringValue decodes a literal string, s starting after its "(", as
// a PDF text string: PDFDocEncoding (ASCII here) or UTF-16BE with a BOM.
func textStringValue(t *testing.T, s string) string {
	t.Helper()
	var b []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ')':
			if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
				units := make([]uint16, (len(b)-2)/2)
				for k := range units {
					units[k] = uint16(b[2+2*k])<<8 | uint16(b[3+2*k])
				}
				return string(utf16.Decode(units))
			}
			return string(b)
		case '\\':
			i++
			b = append(b, map[byte]byte{'r': '\r', 'n': '\n', '\\': '\\', '(': '(', ')': ')'}[s[i]])
		default:
			b = append(b, c)
		}
	}
	t.Fatalf("unterminated string %q", s)
	return ""
}

// TestWriteDamagedFont checks that a face whose outlines cannot be read
// fails the Write with the font's name, instead of a broken file.
func TestWriteDamagedFont(t *testing.T) {
	data, err := os.ReadFile("../../fonts/Inter-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Clone(data)
	for i := range int(data[5]) { // numTables < 256
		rec := data[12+16*i:]
		if string(rec[:4]) == "loca" {
			off := int(rec[8])<<24 | int(rec[9])<<16 | int(rec[10])<<8 | int(rec[11])
			copy(data[off+40:], []byte{0xFF, 0xFF, 0xFF, 0xFF}) // glyph 10 ends past glyf
		}
	}
	broken, err := font.Parse("Broken.ttf", data)
	if err != nil {
		t.Fatalf("Parse does not read loca, yet: %v", err)
	}
	d := sampleDoc(t, false)
	d.Pages[1].Add(&frame.Text{X: 50, Y: 300, Text: "x", Face: broken, Size: 9, Color: ink})
	err = Write(&bytes.Buffer{}, d)
	if err == nil || !strings.Contains(err.Error(), "pdf: font Broken.ttf: glyph 9:") {
		t.Errorf("Write() error = %v, want one naming the font and glyph", err)
	}
}

// TestLineOneTextObject checks that the words of a justified line are
// one text object, each word starting where the layout put it, the word
// spaces kept as glyphs, and that a run in another colour starts another.
func TestLineOneTextObject(t *testing.T) {
	regular := face(t, "Inter-Regular")
	d := sampleDoc(t, false)
	words := []string{"Trait ", "d’union ", "entre ", "les ", "équipes"}
	var runs []*frame.Text
	x := 45.0
	for _, w := range words {
		r := &frame.Text{X: x, Y: 400, Text: w, Face: regular, Size: 9.5, Color: ink,
			Width: regular.KernedWidth(strings.TrimSpace(w), 9.5)}
		runs = append(runs, r)
		x += regular.KernedWidth(w, 9.5) + 3.217 // a stretched space
	}
	other := &frame.Text{X: x, Y: 400, Text: "SRE", Face: regular, Size: 9.5, Color: accent, Width: regular.KernedWidth("SRE", 9.5)}
	d.Pages = d.Pages[:1]
	d.Pages[0].Items = nil
	for _, r := range runs {
		d.Pages[0].Add(r)
	}
	d.Pages[0].Add(other)
	f := readPDF(t, write(t, d))
	fonts := f.fonts(t)
	content := pageContent(t, f, 0)
	n := 0
	for _, o := range operations(t, content) {
		if o.op == "BT" {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d text objects, want one for the line and one for the other colour:\n%s", n, content)
	}
	var pf *pdfFont
	var size, pen float64
	var tj []any
	for _, o := range operations(t, content) {
		switch o.op {
		case "Tf":
			pf, size = fonts[o.args[0].(string)[1:]], o.args[1].(float64)
		case "Td":
			if tj == nil {
				pen = o.args[0].(float64)
			}
		case "TJ":
			if tj == nil {
				tj = o.args[0].([]any)
			}
		}
	}
	var text string
	var starts []float64
	for _, el := range tj {
		if n, ok := el.(float64); ok {
			pen -= n / 1000 * size
			continue
		}
		b := el.([]byte)
		for i := 0; i+1 < len(b); i += 2 {
			c := uint16(b[i])<<8 | uint16(b[i+1])
			if len(text) == 0 || text[len(text)-1] == ' ' {
				starts = append(starts, pen)
			}
			text += string(pf.toUni[c])
			w, ok := pf.widths[c]
			if !ok {
				w = pf.dw
			}
			pen += w / 1000 * size
		}
	}
	if want := strings.Join(words, ""); text != want {
		t.Errorf("the line reads %q, want %q", text, want)
	}
	if len(starts) != len(runs) {
		t.Fatalf("%d words start, want %d", len(starts), len(runs))
	}
	for i, r := range runs {
		if math.Abs(starts[i]-r.X) > 0.01 {
			t.Errorf("word %q starts at %.3f, the layout put it at %.3f", r.Text, starts[i], r.X)
		}
	}
}

// TestOverprintAndOneInk checks the inks of a print file: black (100 % K)
// type and rules overprint through a graphics state with OP, op and
// OPM 1, other colours knock out, small type in a colour with a one-ink
// alternative prints in that ink, and a screen file has none of it.
func TestOverprintAndOneInk(t *testing.T) {
	regular := face(t, "Inter-Regular")
	black := color.Color{Name: "ink", RGB: color.RGB{R: 0x17, G: 0x20, B: 0x2c}, CMYK: color.CMYK{K: 100}}
	k70 := color.CMYK{K: 70}
	muted := color.Color{Name: "muted", RGB: color.RGB{R: 0x56, G: 0x65, B: 0x77}, CMYK: color.CMYK{C: 25, M: 10, K: 60}, OneInk: &k70}
	for _, print := range []bool{false, true} {
		d := sampleDoc(t, print)
		d.Pages = d.Pages[:1]
		d.Pages[0].Items = nil
		d.Pages[0].Add(
			&frame.Text{X: 50, Y: 100, Text: "Body", Face: regular, Size: 10, Color: black, Width: regular.KernedWidth("Body", 10)},
			&frame.Rule{X1: 50, Y1: 110, X2: 200, Y2: 110, Color: black, Width: 0.5},
			&frame.Text{X: 50, Y: 130, Text: "Footer", Face: regular, Size: 7, Color: muted, Width: regular.KernedWidth("Footer", 7)},
			&frame.Text{X: 50, Y: 150, Text: "Note", Face: regular, Size: 12, Color: muted, Width: regular.KernedWidth("Note", 12)},
		)
		f := readPDF(t, write(t, d))
		content := string(pageContent(t, f, 0))
		res, _ := f.object(t, 2)
		if !print {
			if strings.Contains(content, " gs") || strings.Contains(res, "ExtGState") {
				t.Errorf("screen file with graphics states: %q\n%s", res, content)
			}
			continue
		}
		m := regexp.MustCompile(`/ExtGState <</OP1 (\d+) 0 R /OP0 (\d+) 0 R>>`).FindStringSubmatch(res)
		if m == nil {
			t.Fatalf("resources without the overprint states: %q", res)
		}
		on, _ := strconv.Atoi(m[1])
		off, _ := strconv.Atoi(m[2])
		if gs := mustObject(t, f, on); !strings.Contains(gs, "/OP true /op true /OPM 1") {
			t.Errorf("overprint state %q", gs)
		}
		if gs := mustObject(t, f, off); !strings.Contains(gs, "/OP false /op false") {
			t.Errorf("knockout state %q", gs)
		}
		want := regexp.MustCompile(`(?s)\n/OP1 gs\n0 0 0 1 k\nBT [^\n]*ET\n0 0 0 1 K\n.*? l S\n/OP0 gs\n0 0 0 0.7 k\nBT /G1 7 Tf [^\n]*ET\n0.25 0.1 0 0.6 k\nBT /G1 12 Tf `)
		if !want.MatchString(content) {
			t.Errorf("print content: want black overprinting, then the small muted type in K 70 and the large in CMYK:\n%s", content)
		}
	}
}
