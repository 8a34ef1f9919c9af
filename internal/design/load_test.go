package design_test

import (
	"io/fs"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/brochure-dev/brochure/internal/design"
)

func TestRealLayout(t *testing.T) {
	lay, err := design.NewLoader(layoutFiles(t), fonts, "layouts").Layout("a4")
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(lay.Width-595.28) > 0.01 || math.Abs(lay.Height-841.89) > 0.01 {
		t.Errorf("A4 is %.2f × %.2f pt, want 595.28 × 841.89", lay.Width, lay.Height)
	}
	for _, role := range design.TextRoles {
		if lay.Styles[role].Face == nil {
			t.Errorf("text role %s has no face", role)
		}
	}
	for _, role := range design.ColorRoles {
		if _, ok := lay.Colors[role]; !ok {
			t.Errorf("colour role %s has no colour", role)
		}
	}
	if lay.Brand.Logo == nil || len(lay.Brand.Logo.Paths) == 0 {
		t.Errorf("the logo has no paths")
	}
	if lay.Pages != 2 || lay.Columns != 2 || len(lay.Sections) == 0 {
		t.Errorf("pages %d, columns %d, sections %q", lay.Pages, lay.Columns, lay.Sections)
	}
}

func TestUnknownLayout(t *testing.T) {
	_, err := design.NewLoader(layoutFiles(t), fonts, "layouts").Layout("a5")
	if want := `unknown layout "a5" (layouts: a4)`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func TestList(t *testing.T) {
	files := withCopy(t)
	files["notes.txt"] = &fstest.MapFile{Data: []byte("[page]")}
	names, err := design.NewLoader(files, fonts, "layouts").List()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a4", "print"}; !reflect.DeepEqual(names, want) {
		t.Errorf("List = %q, want %q (not brand)", names, want)
	}
}

// TestListUnreadable: a layout file that is not a file is listed, and
// loading it says why, so that building every layout fails loudly
// instead of leaving it out.
func TestListUnreadable(t *testing.T) {
	files := layoutFiles(t)
	files["pipe.toml"] = &fstest.MapFile{Mode: fs.ModeNamedPipe}
	l := design.NewLoader(files, fonts, "layouts")
	names, err := l.List()
	if want := []string{"a4", "pipe"}; err != nil || !reflect.DeepEqual(names, want) {
		t.Errorf("List = %q, %v; want %q", names, err, want)
	}
	want := "layouts/pipe.toml: a named pipe, not a file"
	if _, err := l.Layout("pipe"); err == nil || err.Error() != want {
		t.Errorf("Layout(pipe): error %v, want %q", err, want)
	}
}

// withCopy returns the real layouts and a copy of a4 called print.
func withCopy(t testing.TB) fstest.MapFS {
	files := layoutFiles(t)
	files["print.toml"] = files["a4.toml"]
	return files
}

// countingFS counts the opening of each file.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opens[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

// TestFontsParsedOnce loads a4 twice and a copy of it: each font file is
// read once and the faces are shared.
func TestFontsParsedOnce(t *testing.T) {
	counted := &countingFS{FS: fonts, opens: map[string]int{}}
	l := design.NewLoader(withCopy(t), counted, "layouts")
	a, err := l.Layout("a4")
	if err != nil {
		t.Fatal(err)
	}
	again, err := l.Layout("a4")
	if err != nil {
		t.Fatal(err)
	}
	print, err := l.Layout("print")
	if err != nil {
		t.Fatal(err)
	}
	if again != a {
		t.Errorf("a4 compiled twice")
	}
	for name, face := range a.Faces {
		if print.Faces[name] != face {
			t.Errorf("face %s: %p in a4, %p in print", name, face, print.Faces[name])
		}
	}
	for _, role := range design.TextRoles {
		if a.Styles[role].Face != print.Styles[role].Face {
			t.Errorf("text role %s: faces differ", role)
		}
	}
	if len(counted.opens) != 4 {
		t.Errorf("font files opened: %v, want the 4 of a4", counted.opens)
	}
	for file, n := range counted.opens {
		if n != 1 {
			t.Errorf("%s opened %d times", file, n)
		}
	}
}

// TestConcurrentLayout calls Layout from 8 goroutines at once; run with
// -race.
func TestConcurrentLayout(t *testing.T) {
	l := design.NewLoader(withCopy(t), fonts, "layouts")
	got := make([]*design.Layout, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			name := [2]string{"a4", "print"}[i%2]
			lay, err := l.Layout(name)
			if err != nil {
				t.Error(err)
				return
			}
			_ = lay.Errorf([]string{"sections"}, "read the layout") // as build jobs do
			got[i] = lay
		})
	}
	wg.Wait()
	for i, lay := range got {
		if lay == nil || lay != got[i%2] {
			t.Errorf("goroutine %d got another layout", i)
		} else if lay.Styles["body"].Face != got[0].Styles["body"].Face {
			t.Errorf("goroutine %d got another face", i)
		}
	}
}

// TestDeterministic loads a layout with problems found by iterating over
// maps (faces, text roles, colours, palette) 20 times.
func TestDeterministic(t *testing.T) {
	files := edited(t,
		change{"a4.toml", `bold = "Inter-Bold.ttf"`, `bold = "Inter-Black.ttf"`},
		change{"a4.toml", `italic = "Inter-Italic.ttf"`, `italic = "Inter-Oblique.ttf"`},
		change{"a4.toml", `heading = { face`, `heding = { face`},
		change{"a4.toml", `group = { face`, `grup = { face`},
		change{"a4.toml", `panel = "tint"`, `panel = "tnt"`},
		change{"a4.toml", `rule = "rule"`, `rule = "rul"`},
		change{"brand.toml", `cmyk = "100 60 0 40"`, ``},
		change{"brand.toml", `cmyk = "0 35 100 5"`, ``},
	)
	_, first := design.NewLoader(files, fonts, "layouts").Layout("a4")
	if first == nil {
		t.Fatal("no error")
	}
	for range 20 {
		_, err := design.NewLoader(files, fonts, "layouts").Layout("a4")
		if err == nil || err.Error() != first.Error() {
			t.Fatalf("error changed:\n%v\nthen:\n%v", first, err)
		}
	}
}

// Sections gives a layout's sections without compiling it, the same list
// as the compiled layout's; a layout that does not parse is an error, one
// with other problems still gives its list.
func TestSections(t *testing.T) {
	tests := []struct {
		name    string
		files   fstest.MapFS
		wantErr bool
	}{
		{"real", layoutFiles(t), false},
		{"brand missing", edited(t, change{"a4.toml", `brand = "brand.toml"`, `brand = "gone.toml"`}), false},
		{"does not parse", edited(t, change{"a4.toml", `brand = "brand.toml"`, `brand = `}), true},
	}
	want, err := design.NewLoader(layoutFiles(t), fonts, "layouts").Layout("a4")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := design.NewLoader(tt.files, fonts, "layouts")
			got, err := l.Sections("a4")
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Sections = %q, want an error", got)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, want.Sections) {
				t.Fatalf("Sections = %q, %v; want %q", got, err, want.Sections)
			}
			if _, err := l.Layout("a4"); err == nil && tt.name != "real" {
				t.Fatal("the edited layout compiles: the test edits nothing")
			}
			if got, err := l.Sections("a4"); tt.name == "real" && (err != nil || !reflect.DeepEqual(got, want.Sections)) {
				t.Errorf("Sections after compiling = %q, %v; want %q", got, err, want.Sections)
			}
		})
	}
	if _, err := design.NewLoader(layoutFiles(t), fonts, "layouts").Sections("a5"); err == nil {
		t.Error("Sections of a missing layout: no error")
	}
}

// TestDescription reads a layout's description without compiling it: a
// layout whose other keys are wrong still has one; a file that does not
// decode is an error naming it.
func TestDescription(t *testing.T) {
	files := withCopy(t)
	files["odd.toml"] = &fstest.MapFile{Data: []byte("description = \"Odd\"\npages = \"many\"\n[page]\nsize = \"B9\"\n")}
	files["bad.toml"] = &fstest.MapFile{Data: []byte("description = \"Bad\n[page]\n")}
	l := design.NewLoader(files, fonts, "layouts")
	for _, tc := range []struct{ name, want, err string }{
		{"a4", "A4 portrait, two pages, two columns", ""},
		{"odd", "Odd", ""},
		{"bad", "", "layouts/bad.toml"},
	} {
		got, err := l.Description(tc.name)
		if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%s: error %v, want one naming %q", tc.name, err, tc.err)
		}
		if got != tc.want {
			t.Errorf("%s: description %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestHas: Has answers for one name what List says of the folder: a
// brand, a file that is not TOML, a folder, a pipe and names that are no
// plain file name are not layouts, or are as List lists them.
func TestHas(t *testing.T) {
	files := withCopy(t)
	files["notes.txt"] = &fstest.MapFile{Data: []byte("[page]")}
	files["pipe.toml"] = &fstest.MapFile{Mode: fs.ModeNamedPipe}
	files["folder.toml/a4.toml"] = files["a4.toml"]
	l := design.NewLoader(files, fonts, "layouts")
	listed, err := l.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a4", "print", "pipe", "brand", "notes", "notes.txt", "folder", "folder.toml/a4", "none", "", "../a4", "/a4", "a4.toml"} {
		if got, want := l.Has(name), slices.Contains(listed, name); got != want {
			t.Errorf("Has(%q) = %v; List = %q", name, got, listed)
		}
	}
	if _, err := l.Layout("a4"); err != nil {
		t.Fatal(err)
	}
	if !l.Has("a4") {
		t.Error("Has(a4) = false once a4 is compiled")
	}
}
