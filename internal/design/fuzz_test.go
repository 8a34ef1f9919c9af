package design_test

import (
	"io/fs"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/brochure-dev/brochure/internal/design"
)

// swapFS is a layouts folder whose files each fuzz input replaces, so
// that one Loader, which parses the fonts once, serves every input.
type swapFS struct {
	mu    sync.Mutex
	files fstest.MapFS
}

func (s *swapFS) Open(name string) (fs.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files.Open(name)
}

// The seeds are small, a part of a layout each: the fuzzer shrinks every
// input that reaches new code before it goes on, trying to remove each
// span of bytes in turn, and with the real layouts (3 KB, with their
// brand and logo) it spent its time shrinking, a minute an input, 15
// executions in two minutes. compileLayout checks every key even when
// others are wrong or missing, so parts of a layout reach all of it.
var (
	seedLayouts = []string{
		// A guide's page; a booklet's mirrored margins.
		`brand="b.toml"
pages=8
kind="booklet"
sections=["s"]
[page]
size="A5"
columns=1
gutter="4mm"
[page.margins]
top="9mm"
bottom="9mm"
inside="12mm"
outside="9mm"
`,
		// A tri-fold's panels; the print settings.
		`brand="b.toml"
kind="trifold"
[page]
width="297mm"
height="210mm"
panels=["97mm","100mm","100mm"]
[print]
bleed="3mm"
marks="none"
safe="5mm"
`,
		// Faces and text styles; copy-fitting.
		`brand="b.toml"
fit="shrink"
min_body="8pt"
typography=false
never_hyphenate=["Go"]
[faces]
r="Inter-Regular.ttf"
[text]
body={face="r",size="9pt",leading="12pt",color="k",align="justify"}
title={face="r",size="2pt",leading="2pt",color="k"}
`,
		// Languages, colours, cover, running heads.
		`brand="b.toml"
kind="side-by-side"
languages=["en","fr"]
[colors]
band="k"
link="k"
[cover]
band="26mm"
[header]
left="{title}"
[footer]
right="{page}"
`,
		// Broken: a page array, a face of the wrong type, a path out.
		`brand="b.toml"
[[page]]
[text.body]
face=3
[faces]
x="../a"
`,
		// Broken: sizes out of range, a bad placeholder.
		`brand="b.toml"
[page]
width="1e6mm"
height="-0"
columns=0
[header]
left="{{}"
`,
	}
	seedBrand = `name="N"
email="a@b.c"
web="https://b.c"
logo="l.svg"
[palette.k]
rgb="#000000"
cmyk="0 0 0 100"
spot="PANTONE 2955 C"
`
	seedLogos = []string{
		`<svg viewBox="0 0 2 2"><g><path d="M0 0C1 0 2 1 2 2H0Z" fill="#000000"/></g></svg>`,
		`<svg viewBox="0 0 1 1"><path d="m1e-5-2l1 2v3z" fill="#FFFFFF"/><defs><path/></defs></svg>`,
		`<svg viewBox="0 0 9 9" fill="none"><style>.a{fill:#000}</style><g clip-path="url(#c)" transform="rotate(9 1 1) skewX(3)"><path class="a" d="M0 1Q1 0 2 1t2 0a1 2 30 104 0s1 1 2 0" fill-rule="evenodd"/><rect rx="1" width="3" height="2" style="fill:#000000"/><circle r="1" fill="#000"/></g><defs><clipPath id="c"><rect width="9" height="9"/></clipPath></defs></svg>`,
	}
)

// FuzzLayout feeds arbitrary layout, brand and logo files to the loader:
// it must return a layout or an error, never panic, and say the same
// thing twice.
func FuzzLayout(f *testing.F) {
	for i, layout := range seedLayouts {
		f.Add([]byte(layout), []byte(seedBrand), []byte(seedLogos[i%len(seedLogos)]))
	}
	f.Add([]byte(seedLayouts[0]), []byte("logo=\"l.svg\"\n[palette.x]\nrgb=\"#000000\"\n"), []byte("<svg/>"))
	files := &swapFS{files: fstest.MapFS{}}
	l := design.NewLoader(files, fonts, "layouts")
	f.Fuzz(func(t *testing.T, layout, brand, logo []byte) {
		// The fuzzer does not notice a hang: make one a crash, which it
		// records with its input.
		hang := time.AfterFunc(10*time.Second, func() { panic("Layout hangs") })
		defer hang.Stop()
		files.mu.Lock()
		files.files = fstest.MapFS{
			"f.toml": {Data: layout},
			"b.toml": {Data: brand},
			"l.svg":  {Data: logo},
		}
		files.mu.Unlock()
		// The loader parses the fonts once for every input, and forgets
		// each layout, or it would grow with every input.
		defer l.Forget("f")
		lay, err := l.Layout("f")
		if (lay == nil) == (err == nil) {
			t.Fatalf("Layout gave layout %v and error %v", lay != nil, err)
		}
		again, err2 := l.Layout("f")
		if again != lay || (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("Layout said\n%v\nthen\n%v", err, err2)
		}
	})
}
