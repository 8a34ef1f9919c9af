package build

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestSpotColours gives the brand's primary and accent colours spot inks,
// beside the content, and checks the print file: each is a Separation
// with its CMYK value as the alternate, the page paints with it, the file
// passes preflight and is reproducible; the screen file stays RGB.
func TestSpotColours(t *testing.T) {
	needTool(t, "qpdf", "pdftotext")
	content := copyContent(t)
	layouts := filepath.Join(filepath.Dir(content), "layouts")
	if err := os.CopyFS(layouts, os.DirFS("../../layouts")); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(layouts, "brand.toml"), `cmyk = "100 60 0 40"`, `cmyk = "100 60 0 40"`+"\nspot = \"PANTONE 2955 C\"")
	edit(t, filepath.Join(layouts, "brand.toml"), `cmyk = "0 35 100 5"`, `cmyk = "0 35 100 5"`+"\nspot = \"PANTONE 7409 C\"")
	p, err := Open(content)
	if err != nil {
		t.Fatal(err)
	}
	j := Job{Role: testRole, Lang: "en", Layout: "a4", Variant: "print"}
	r, err := p.Build(j, t.TempDir()) // preflight runs before writing
	if err != nil {
		t.Fatal(err)
	}
	// The colour spaces are in the object stream: read it uncompressed.
	raw, q := inflated(t, r.Path), qdf(t, r.Path)
	for _, want := range []string{
		"[/Separation /PANTONE#202955#20C /DeviceCMYK <<", "/C1 [1 0.6 0 0.4] /N 1>>]",
		"[/Separation /PANTONE#207409#20C /DeviceCMYK <<", "/C1 [0 0.35 1 0.05] /N 1>>]",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("print file lacks %q", want)
		}
	}
	for _, want := range []string{"/SP1 cs 1 scn", "/SP2 cs 1 scn"} { // the band, the accent bars
		if !strings.Contains(q, want) {
			t.Errorf("print file's pages lack %q", want)
		}
	}
	if strings.Contains(q, "1 0.6 0 0.4 k") {
		t.Error("the primary colour is still painted as process CMYK")
	}
	again, err := p.Build(j, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readPDF(t, r.Path), readPDF(t, again.Path)) {
		t.Error("two builds with spot colours differ")
	}
	screen, err := p.Build(Job{Role: testRole, Lang: "en", Layout: "a4"}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if s := qdf(t, screen.Path); strings.Contains(s, "/Separation") || strings.Contains(s, " scn") {
		t.Error("the screen file uses spot inks")
	}
	if normSpace(pdftotext(t, r.Path, "-raw")) != normSpace(pdftotext(t, screen.Path, "-raw")) {
		t.Error("the spot print file's text differs from the screen file's")
	}
}

// inflated returns a PDF's bytes with the data of every stream replaced
// by its decompressed form, so that what object streams hold can be
// read as written.
func inflated(t testing.TB, path string) string {
	t.Helper()
	data := readPDF(t, path)
	var out strings.Builder
	re := regexp.MustCompile(`/Length (\d+)[^>]*/FlateDecode[^>]*>>\nstream\n`)
	for {
		m := re.FindSubmatchIndex(data)
		if m == nil {
			out.Write(data)
			return out.String()
		}
		n, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		out.Write(data[:m[1]])
		zr, err := zlib.NewReader(bytes.NewReader(data[m[1] : m[1]+n]))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out.Write(plain)
		data = data[m[1]+n:]
	}
}
