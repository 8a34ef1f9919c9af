package build

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/svg"
)

// The bounds of TestSVGLooksLikeThePDF. A page of the SVG, rasterised
// by rsvg-convert, is compared with the same page of the PDF, rasterised
// by pdftoppm, both at 100 dpi. The two rasterisers anti-alias edges
// differently, and pdftoppm puts text baselines on whole pixels, so
// both pictures are blurred a little (a 3×3 box) and a pixel's
// difference is the largest of its red, green and blue differences, on
// a scale of 0 to 255. Measured on the pages tested: a mean of 1.2 to
// 2.6 and 0.004 % to 0.14 % of pixels far apart; the SVG moved by one
// pixel gives a mean of 3.0 to 5.9 and 1.3 % to 2.3 % far apart.
const (
	// svgMeanBound bounds the mean difference of a pixel.
	svgMeanBound = 3.5
	// svgFarBound bounds the share of pixels that differ by more than
	// a quarter of the scale.
	svgFarBound = 0.004
)

// TestSVGLooksLikeThePDF draws pages as SVG and as PDF, rasterises both
// and bounds their difference. The same SVG moved by one pixel (0.72 pt)
// must go past the bounds, so that text, boxes or lines out of place
// fail the test. (Each glyph's place is checked exactly, against the
// layout's measure, by internal/svg's tests.)
func TestSVGLooksLikeThePDF(t *testing.T) {
	needTool(t, "rsvg-convert")
	needTool(t, "pdftoppm")
	p, err := Open("../../brochures")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		job   Job
		pages []int
	}{
		{Job{Role: "sre", Lang: "en", Layout: "a4"}, []int{1, 2}},
		{Job{Role: "sre", Lang: "fr", Layout: "a4"}, []int{1, 2}},
		{Job{Role: "sre", Lang: "en", Layout: "trifold"}, []int{1}},
		{Job{Role: "sre", Lang: "fr", Layout: "a5-booklet"}, []int{8}},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		fr, _, err := p.Frames(tt.job)
		if err != nil {
			t.Fatal(err)
		}
		pdf, _, err := p.Render(tt.job)
		if err != nil {
			t.Fatal(err)
		}
		pdfPath := filepath.Join(dir, tt.job.File())
		if err := os.WriteFile(pdfPath, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, n := range tt.pages {
			name := fmt.Sprintf("%s-%d", strings.TrimSuffix(tt.job.File(), ".pdf"), n)
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := svg.Page(&buf, fr, n-1, svg.Options{}); err != nil {
					t.Fatal(err)
				}
				svgPath := filepath.Join(dir, name+".svg")
				if err := os.WriteFile(svgPath, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				fromSVG := filepath.Join(dir, name+"-svg.png")
				tool(t, "rsvg-convert", "--dpi-x", "100", "--dpi-y", "100", "-f", "png", "-o", fromSVG, svgPath)
				tool(t, "pdftoppm", "-r", "100", "-png", "-singlefile", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), pdfPath, filepath.Join(dir, name+"-pdf"))
				a, b := readPNG(t, fromSVG), readPNG(t, filepath.Join(dir, name+"-pdf.png"))
				if dw, dh := a.w-b.w, a.h-b.h; dw < -1 || dw > 1 || dh < -1 || dh > 1 {
					t.Fatalf("SVG rasterised to %d×%d pixels, PDF to %d×%d", a.w, a.h, b.w, b.h)
				}
				mean, far := difference(a, b, 0)
				t.Logf("mean difference %.3f (bound %.1f), pixels far apart %.4f%% (bound %.2f%%)", mean, svgMeanBound, 100*far, 100*svgFarBound)
				if mean > svgMeanBound || far > svgFarBound {
					t.Errorf("the SVG differs from the PDF: mean %.3f (bound %.1f), far apart %.4f%% (bound %.2f%%); see %s and %s",
						mean, svgMeanBound, 100*far, 100*svgFarBound, fromSVG, filepath.Join(dir, name+"-pdf.png"))
				}
				shiftedMean, shiftedFar := difference(a, b, 1)
				t.Logf("moved by one pixel: mean %.3f, far apart %.4f%%", shiftedMean, 100*shiftedFar)
				if shiftedMean <= svgMeanBound && shiftedFar <= svgFarBound {
					t.Errorf("moved by one pixel, the SVG is still within the bounds (mean %.3f, far %.4f%%): they catch nothing", shiftedMean, 100*shiftedFar)
				}
			})
		}
	}
}

// picture is a raster picture as three planes of floats (red, green,
// blue, 0 to 255), over white where it was transparent.
type picture struct {
	w, h int
	rgb  [3][]float64
}

func readPNG(t *testing.T, path string) picture {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	r := img.Bounds()
	p := picture{w: r.Dx(), h: r.Dy()}
	for c := range p.rgb {
		p.rgb[c] = make([]float64, p.w*p.h)
	}
	for y := range p.h {
		for x := range p.w {
			cr, cg, cb, ca := img.At(r.Min.X+x, r.Min.Y+y).RGBA()
			white := float64(0xffff - ca)
			for c, v := range [3]uint32{cr, cg, cb} {
				p.rgb[c][y*p.w+x] = (float64(v) + white) / 0xffff * 255
			}
		}
	}
	return p.blurred()
}

// blurred returns the picture with each pixel the mean of the 3×3
// around it (those within the picture).
func (p picture) blurred() picture {
	q := picture{w: p.w, h: p.h}
	for c := range p.rgb {
		q.rgb[c] = make([]float64, p.w*p.h)
		for y := range p.h {
			for x := range p.w {
				sum, n := 0.0, 0
				for yy := max(y-1, 0); yy <= min(y+1, p.h-1); yy++ {
					for xx := max(x-1, 0); xx <= min(x+1, p.w-1); xx++ {
						sum += p.rgb[c][yy*p.w+xx]
						n++
					}
				}
				q.rgb[c][y*p.w+x] = sum / float64(n)
			}
		}
	}
	return q
}

// difference compares a, moved right by shift pixels, with b over the
// area they share: the mean over pixels of the largest difference of
// their red, green and blue, and the share of pixels where it is more
// than a quarter of the scale.
func difference(a, b picture, shift int) (mean, far float64) {
	w, h := min(a.w, b.w), min(a.h, b.h)
	sum, n, nfar := 0.0, 0, 0
	for y := range h {
		for x := shift; x < w; x++ {
			d := 0.0
			for c := range a.rgb {
				d = max(d, math.Abs(a.rgb[c][y*a.w+x-shift]-b.rgb[c][y*b.w+x]))
			}
			sum += d
			n++
			if d > 255/4.0 {
				nfar++
			}
		}
	}
	return sum / float64(n), float64(nfar) / float64(n)
}
