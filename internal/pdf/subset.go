package pdf

import (
	"bytes"
	"hash/fnv"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/frame"
)

// fontName is how a face is known to fpdf and, after tagging, in the PDF.
//
// fpdf embeds only the glyphs a document uses, but names the font
// "/utf8<family>" where the PDF specification (9.6.4) wants a subset's
// name to be a six-letter tag, "+", and the PostScript name, and preflight
// tools check it. The family given to fpdf is the PostScript name in lower
// case plus "sub": "/utf8" + that is exactly as long as "/ABCDEF+" + the
// PostScript name, so retag can rename it in place without moving a byte
// of the file's cross-reference offsets.
type fontName struct {
	family string // given to fpdf
	tagged string // in the finished PDF: TAG+PostScriptName
}

var psUnsafe = regexp.MustCompile(`[^A-Za-z0-9-]`)

// newFontName names a face, its tag derived from the runes the document
// sets in it, so different subsets get different tags.
func newFontName(face *font.Face, runes map[rune]bool) fontName {
	ps := psUnsafe.ReplaceAllString(strings.TrimSuffix(face.Name(), path.Ext(face.Name())), "")
	if ps == "" {
		ps = "Font"
	}
	used := make([]rune, 0, len(runes))
	for r := range runes {
		used = append(used, r)
	}
	sort.Slice(used, func(i, j int) bool { return used[i] < used[j] })
	h := fnv.New64a()
	h.Write([]byte(ps))
	h.Write([]byte(string(used)))
	sum := h.Sum64()
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + byte(sum%26)
		sum /= 26
	}
	return fontName{family: strings.ToLower(ps) + "sub", tagged: string(tag[:]) + "+" + ps}
}

// retag renames fpdf's font names to tagged subset names, in place.
func retag(pdf []byte, names []fontName) []byte {
	for _, n := range names {
		from := []byte("/utf8" + n.family)
		to := []byte("/" + n.tagged)
		pdf = replaceName(pdf, from, to)
	}
	return pdf
}

// replaceName replaces the PDF name from by to (same length) where it is
// a whole name: followed by a delimiter, not by more name characters.
func replaceName(b, from, to []byte) []byte {
	for i := 0; ; {
		j := bytes.Index(b[i:], from)
		if j < 0 {
			return b
		}
		k := i + j + len(from)
		if k == len(b) || isDelimiter(b[k]) {
			copy(b[i+j:], to)
		}
		i = k
	}
}

func isDelimiter(c byte) bool { return strings.IndexByte(" \t\r\n\f/<>[]()%", c) >= 0 }

// runesByFace collects the characters set in each face.
func runesByFace(d *frame.Document) map[*font.Face]map[rune]bool {
	out := map[*font.Face]map[rune]bool{}
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			if t, ok := it.(*frame.Text); ok {
				m := out[t.Face]
				if m == nil {
					m = map[rune]bool{}
					out[t.Face] = m
				}
				for _, r := range t.Text {
					m[r] = true
				}
			}
		}
	}
	return out
}
