package design_test

import (
	"fmt"
	"io/fs"
	"os"
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

// FuzzLayout feeds arbitrary layout, brand and logo files to the loader:
// it must return a layout or an error, never panic, and say the same
// thing twice.
func FuzzLayout(f *testing.F) {
	real := layoutFiles(f)
	f.Add(real["a4.toml"].Data, real["brand.toml"].Data, real["northlight-logo.svg"].Data)
	for _, name := range []string{"a5-booklet.toml", "trifold.toml", "side-by-side.toml"} {
		data, err := os.ReadFile("../../layouts/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, append(real["brand.toml"].Data, "\n[palette.spot]\nrgb = \"#123456\"\ncmyk = \"1 2 3 4\"\nspot = \"PANTONE 2955 C\"\n"...), real["northlight-logo.svg"].Data)
	}
	f.Add([]byte("brand = \"brand.toml\"\n[[page]]\n[text.body]\nface = 3\n[faces]\nx = \"../a\"\n"), real["brand.toml"].Data, []byte("<svg viewBox=\"0 0 1 1\"><g><path d=\"m1e-5-2c1 2 3 4 5 6 7 8 z\" fill=\"#FFFFFF\"/></g></svg>"))
	f.Add([]byte("brand = \"brand.toml\"\n[page]\nwidth = \"1e6mm\"\nheight = \"-0\"\ncolumns = 0\n[header]\nleft = \"{{}\"\n"), []byte("logo = \"northlight-logo.svg\"\n[palette.x]\nrgb = \"#000000\"\n"), []byte("<svg viewBox=\"0 0 1 1\"><path d=\"M\" fill=\"#000000\"/><defs><path/></defs></svg>"))
	files := &swapFS{files: fstest.MapFS{}}
	l := design.NewLoader(files, fonts, "layouts")
	n := 0
	f.Fuzz(func(t *testing.T, layout, brand, logo []byte) {
		// The fuzzer does not notice a hang: make one a crash, which it
		// records with its input.
		hang := time.AfterFunc(10*time.Second, func() { panic("Layout hangs") })
		defer hang.Stop()
		n++
		name := fmt.Sprintf("f%d", n) // a new name: the loader keeps layouts
		files.mu.Lock()
		files.files = fstest.MapFS{
			name + ".toml":        {Data: layout},
			"brand.toml":          {Data: brand},
			"northlight-logo.svg": {Data: logo},
		}
		files.mu.Unlock()
		lay, err := l.Layout(name)
		if (lay == nil) == (err == nil) {
			t.Fatalf("Layout gave layout %v and error %v", lay != nil, err)
		}
		again, err2 := l.Layout(name)
		if again != lay || (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("Layout said\n%v\nthen\n%v", err, err2)
		}
	})
}
