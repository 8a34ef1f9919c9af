package build

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/svg"
)

// The bounds of TestSVGLooksLikeThePDF. A page of the SVG, rasterised
// by rsvg-convert, is compared with the same page of the PDF, rasterised
// by pdftoppm, both at 100 dpi. The two rasterisers anti-alias edges
// and fit glyphs to the pixel grid differently, so both pictures are
// blurred a little (a 3×3 box) and a pixel's difference is the largest
// of its red, green and blue differences, on a scale of 0 to 255.
//
// Measured on the pages tested: 0.004 % to 0.14 % of pixels far apart,
// a worst tile of 23 to 35 (and a mean of 1.2 to 2.6); the SVG moved by
// one pixel gives 1.3 % to 2.3 % far apart and a worst tile of 51 to 75
// (a mean of 3.0 to 5.9); without the photo, the worst tile is 185. The
// mean is logged, not bounded: it tells good pages from moved ones by
// too little.
const (
	// svgFarBound bounds the share of pixels that differ by more than
	// a quarter of the scale.
	svgFarBound = 0.004
	// svgTileBound bounds the mean difference over any tile of 16×16
	// pixels.
	svgTileBound = 45
)

// TestSVGLooksLikeThePDF draws pages as SVG and as PDF, rasterises both
// and bounds their difference. The same SVG moved by one pixel (0.72 pt)
// must go past each bound, so that text, boxes or lines out of place
// fail the test, and a personal page checks the photo. (Each glyph's place is checked exactly, against the
// layout's measure, by internal/svg's tests.)
func TestSVGLooksLikeThePDF(t *testing.T) {
	needTool(t, "rsvg-convert")
	needTool(t, "pdftoppm")
	p := projectWithPhoto(t)
	personal, err := p.Personal(Fields{Client: "Société Générale", By: "jdoe"})
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
		// The salesperson's photo in the call to action.
		{Job{Role: "sre", Lang: "fr", Layout: "a4", Personal: personal}, []int{2}},
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
				mean, far, tile := difference(a, b, 0)
				t.Logf("mean difference %.3f, pixels far apart %.4f%% (bound %.2f%%), worst tile %.1f (bound %d)", mean, 100*far, 100*svgFarBound, tile, svgTileBound)
				if far > svgFarBound || tile > svgTileBound {
					t.Errorf("the SVG differs from the PDF: far apart %.4f%% (bound %.2f%%), worst tile %.1f (bound %d); see %s and %s",
						100*far, 100*svgFarBound, tile, svgTileBound, fromSVG, filepath.Join(dir, name+"-pdf.png"))
				}
				shiftedMean, shiftedFar, shiftedTile := difference(a, b, 1)
				t.Logf("moved by one pixel: mean %.3f, far apart %.4f%%, worst tile %.1f", shiftedMean, 100*shiftedFar, shiftedTile)
				if shiftedFar <= svgFarBound || shiftedTile <= svgTileBound {
					t.Errorf("moved by one pixel, the SVG is still within a bound (mean %.3f, far %.4f%%, worst tile %.1f): it catches nothing", shiftedMean, 100*shiftedFar, shiftedTile)
				}
			})
		}
	}
}

// projectWithPhoto opens a copy of the real content whose team gives
// jdoe a photo (a JPEG of coloured bands and a disc, 300×375 pixels).
func projectWithPhoto(t *testing.T) *Project {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "brochures"), os.DirFS("../../brochures")); err != nil {
		t.Fatal(err)
	}
	team, err := os.ReadFile("../../team.toml")
	if err != nil {
		t.Fatal(err)
	}
	team = bytes.Replace(team, []byte("[jdoe]\n"), []byte("[jdoe]\nphoto = \"jdoe.jpg\"\n"), 1)
	if err := os.WriteFile(filepath.Join(dir, "team.toml"), team, 0o644); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 300, 375))
	for y := range 375 {
		for x := range 300 {
			c := color.RGBA{uint8(40 + y/2), uint8(90 + x/3), 160, 255}
			if (x-150)*(x-150)+(y-150)*(y-150) < 80*80 {
				c = color.RGBA{240, 200, 60, 255}
			}
			img.Set(x, y, c)
		}
	}
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "jdoe.jpg"), jpg.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Open(filepath.Join(dir, "brochures"))
	if err != nil {
		t.Fatal(err)
	}
	return p
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
// area they share. A pixel's difference is the largest of its red,
// green and blue differences. It returns their mean, the share of
// pixels where it is more than a quarter of the scale, and the largest
// mean over a tile of 16×16 pixels (an area of 11.5 pt square), which
// catches something small missing or out of place.
func difference(a, b picture, shift int) (mean, far, tile float64) {
	const side = 16
	w, h := min(a.w, b.w), min(a.h, b.h)
	tiles := make([]float64, (w/side+1)*(h/side+1))
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
			tiles[y/side*(w/side+1)+x/side] += d / (side * side)
		}
	}
	return sum / float64(n), float64(nfar) / float64(n), slices.Max(tiles)
}
