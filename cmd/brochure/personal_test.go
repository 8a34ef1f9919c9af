package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/build"
	"github.com/brochure-dev/brochure/internal/render"
)

// personalFolder makes a working folder with a copy of the content and
// the project's team file beside it.
func personalFolder(t *testing.T) string {
	t.Helper()
	cwd := t.TempDir()
	copyContent(t, cwd)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(contentDir), "team.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cwd, "team.toml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return cwd
}

// TestPersonalEdition builds a personal edition from the command line in
// each language: the file is named for the client, and its text says who
// it is for, who sends it and the note, with the language's typography.
func TestPersonalEdition(t *testing.T) {
	cwd := personalFolder(t)
	for _, tc := range []struct {
		lang, note string
		want       []string
	}{
		{"fr", "Comme convenu: la fiche, avec nos fourchettes pour Lyon.", []string{
			"Préparé pour Société Générale", "À l’attention de Marie Dupont", "Jeanne Doe, Partenaire recrutement senior",
			"jeanne.doe@northlight-talent.example", "Comme convenu : la fiche", "Préparé par Jeanne Doe"}},
		{"en", "As promised: the profile, with our Lyon ranges.", []string{
			"Prepared for Société Générale", "For the attention of Marie Dupont", "Jeanne Doe, Senior Talent Partner",
			"jeanne.doe@northlight-talent.example", "As promised: the profile", "Prepared by Jeanne Doe"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			r := brochure(t, cwd, "build", "sre", "--lang", tc.lang, "--layout", "a4", "--client", "Société Générale",
				"--contact", "Marie Dupont", "--by", "jdoe", "--note", tc.note, "--out", "out")
			if r.code != 0 {
				t.Fatal(r)
			}
			path := filepath.Join(cwd, "out", "sre-"+tc.lang+"-a4-societe-generale.pdf")
			text := strings.Join(strings.Fields(pdftotext(t, path)), " ")
			text = strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(text)
			for _, w := range tc.want {
				if !strings.Contains(text, strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(w)) {
					t.Errorf("the PDF lacks %q:\n%s", w, text)
				}
			}
			if strings.Contains(text, "hello@northlight-talent.example") {
				t.Error("the brand's generic address is shown where the salesperson's should be")
			}
		})
	}
}

// TestSameBytesEveryFace checks that the command line and the rendering
// API give the same bytes for the same personal edition.
func TestSameBytesEveryFace(t *testing.T) {
	cwd := personalFolder(t)
	r := brochure(t, cwd, "build", "sre", "--lang", "fr", "--layout", "a4", "--for", "print", "--client", "Acme Corp", "--by", "jdoe", "--out", "out")
	if r.code != 0 {
		t.Fatal(r)
	}
	cli, err := os.ReadFile(filepath.Join(cwd, "out", "sre-fr-a4-acme-corp-print.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := build.Open(filepath.Join(cwd, "brochures"))
	if err != nil {
		t.Fatal(err)
	}
	role, err := p.Role("sre")
	if err != nil {
		t.Fatal(err)
	}
	lay, err := p.Layout("a4")
	if err != nil {
		t.Fatal(err)
	}
	ed, err := p.Personal(build.Fields{Client: "Acme Corp", By: "jdoe"})
	if err != nil {
		t.Fatal(err)
	}
	var api bytes.Buffer
	res, err := render.Render(context.Background(), &api, render.Input{Role: role, Layout: lay, Langs: []string{"fr"}, Personal: ed}, render.Options{Variant: "print"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(cli, api.Bytes()) {
		t.Errorf("the command line wrote %d bytes, the API %d, and they differ", len(cli), api.Len())
	}
	if res.Bytes != api.Len() || res.Pages != 2 {
		t.Errorf("result %+v for %d bytes", res, api.Len())
	}
}

// TestRecipients builds one edition per row of a file as French Excel
// writes it (BOM, semicolons, CRLF, a note over two lines): the good
// rows are built, each bad row is an error at its line naming its
// column, two clients with one slug are refused, and the manifest
// records the client of each output.
func TestRecipients(t *testing.T) {
	cwd := personalFolder(t)
	csv := "\ufeffclient;contact;by;lang;note\r\n" +
		"Société Générale;Marie Dupont;jdoe;fr;\"Comme convenu,\r\nvoici la fiche.\"\r\n" +
		"Acme Corp;John Smith;mmartin;en;\r\n" +
		"\"=HYPERLINK(\"\"http://evil\"\")\";;jdoe;en;\r\n" +
		"Beta SA;;nobody;fr;\r\n" +
		"ACME corp.;;jdoe;en;\r\n" +
		"Gamma;Jean\tDupont;jdoe;fr;\r\n"
	if err := os.WriteFile(filepath.Join(cwd, "clients.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	lint := brochure(t, cwd, "lint", "--recipients", "clients.csv", "--layout", "a4")
	r := brochure(t, cwd, "build", "--recipients", "clients.csv", "--layout", "a4", "--out", "out", "--json", "out.json")
	for _, res := range []result{lint, r} {
		if res.code != 1 {
			t.Errorf("exit %d, want 1: %v", res.code, res)
		}
		for _, want := range []string{
			`clients.csv:6: by: team.toml: no member "nobody" (team: jdoe, mmartin)`,
			`clients.csv:7: client: "ACME corp." would write sre-en-a4-acme-corp.pdf, as "Acme Corp" on line 4 does`,
			`clients.csv:8: contact: character 5 is U+0009`,
		} {
			if !strings.Contains(res.stderr, want) {
				t.Errorf("no %q in\n%s", want, res.stderr)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(cwd, "out", "manifest.json")); err != nil {
		t.Errorf("no manifest: %v", err)
	}
	got := pdfs(t, filepath.Join(cwd, "out"))
	want := []string{"sre-en-a4-acme-corp.pdf", "sre-en-a4-hyperlink-http-evil.pdf", "sre-fr-a4-societe-generale.pdf"}
	if !slices.Equal(got, want) {
		t.Errorf("built %q, want %q", got, want)
	}
	if text := pdftotext(t, filepath.Join(cwd, "out", "sre-en-a4-hyperlink-http-evil.pdf")); !strings.Contains(text, `=HYPERLINK(`) || !strings.Contains(text, `http://evil`) {
		t.Errorf("a formula typed as a client name is not printed as typed:\n%s", text)
	}
	if text := strings.Join(strings.Fields(pdftotext(t, filepath.Join(cwd, "out", "sre-fr-a4-societe-generale.pdf"))), " "); !strings.Contains(text, "Comme convenu, voici la fiche.") {
		t.Errorf("the note over two lines is not one sentence:\n%s", text)
	}
	var man build.Manifest
	data, _ := os.ReadFile(filepath.Join(cwd, "out", "manifest.json"))
	if err := json.Unmarshal(data, &man); err != nil {
		t.Fatal(err)
	}
	if e := man.Outputs["sre-fr-a4-societe-generale.pdf"]; e.Client != "Société Générale" || e.Lang != "fr" {
		t.Errorf("manifest entry %+v", e)
	}
	var sum struct {
		Jobs []struct{ Output, Client string }
	}
	data, _ = os.ReadFile(filepath.Join(cwd, "out.json"))
	if err := json.Unmarshal(data, &sum); err != nil || len(sum.Jobs) != 3 || sum.Jobs[0].Client == "" {
		t.Errorf("JSON summary %+v (%v)", sum, err)
	}
	if entries, _ := os.ReadDir(filepath.Join(cwd, "out")); lint.code == 0 || len(entries) != 4 {
		t.Errorf("lint wrote files, or build wrote %d", len(entries))
	}
	// A second run builds nothing again: personal outputs are up to date too.
	again := brochure(t, cwd, "build", "--recipients", "clients.csv", "--layout", "a4", "--out", "out")
	if !strings.Contains(again.stdout, "0 built, 3 up to date") {
		t.Errorf("second build:\n%s", again.stdout)
	}
}

// TestPersonalUsageErrors checks mistakes in the personal flags.
func TestPersonalUsageErrors(t *testing.T) {
	cwd := personalFolder(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--contact", "Marie"}, "--client: missing"},
		{[]string{"--client", strings.Repeat("Acme ", 100)}, "--client: 499 characters, more than the 120"},
		{[]string{"--client", "Acme", "--by", "jdeo"}, `--by: team.toml: no member "jdeo" (team: jdoe, mmartin)`},
		{[]string{"--client", "Acme", "--date", "4/12/2026"}, `--date: "4/12/2026": want a date like 2026-12-04`},
		{[]string{"--client", "Acme", "--contact", "דוד"}, `--contact: character 1 is 'ד' (U+05D3), in the Hebrew script`},
		{[]string{"--client", "Acme", "--contact", "山田"}, `contact: '山' (U+5C71) is not in the font`},
		{[]string{"--recipients", "nowhere.csv"}, "--recipients: nowhere.csv: no such file"},
	} {
		r := brochure(t, cwd, append([]string{"build", "sre", "--layout", "a4", "--lang", "en", "--out", "out"}, tc.args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: %v\nwant %q", tc.args, r, tc.want)
		}
		if len(pdfs(t, filepath.Join(cwd, "out"))) != 0 {
			t.Errorf("%q: a PDF was written", tc.args)
		}
	}
}

// writePortrait writes a w×h JPEG of colour bands to path.
func writePortrait(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(200 * x / w), 90, uint8(200 * y / h), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPortrait gives salespeople photos: a large one is in the screen
// file in colour and in the print file in grey (one ink), and passes
// preflight; one too small for print is refused in print files at the
// team file's line, saying how many pixels it needs; a file that is no
// image is refused when the team loads.
func TestPortrait(t *testing.T) {
	cwd := personalFolder(t)
	writePortrait(t, filepath.Join(cwd, "photos", "jdoe.jpg"), 600, 750)
	writePortrait(t, filepath.Join(cwd, "photos", "small.jpg"), 90, 90)
	editFile(t, filepath.Join(cwd, "team.toml"), `phone = "+33 6 12 34 56 78"`, "phone = \"+33 6 12 34 56 78\"\nphoto = \"photos/jdoe.jpg\"")
	editFile(t, filepath.Join(cwd, "team.toml"), `phone = "+33 4 72 00 00 12"`, "phone = \"+33 4 72 00 00 12\"\nphoto = \"photos/small.jpg\"")
	r := brochure(t, cwd, "build", "sre", "--lang", "en", "--layout", "a4,a5-booklet", "--for", "screen,print", "--client", "Acme", "--by", "jdoe", "--out", "out")
	if r.code != 0 {
		t.Fatal(r)
	}
	lists := map[string]string{}
	for _, f := range []string{"sre-en-a4-acme.pdf", "sre-en-a4-acme-print.pdf", "sre-en-a5-booklet-acme-print.pdf"} {
		out, err := exec.Command("pdfimages", "-list", filepath.Join(cwd, "out", f)).Output()
		if err != nil {
			t.Fatalf("pdfimages %s: %v", f, err)
		}
		lists[f] = string(out)
	}
	if !strings.Contains(lists["sre-en-a4-acme.pdf"], "600   750  rgb") || !strings.Contains(lists["sre-en-a4-acme.pdf"], "jpeg") {
		t.Errorf("screen file: want the JPEG in colour:\n%s", lists["sre-en-a4-acme.pdf"])
	}
	for _, f := range []string{"sre-en-a4-acme-print.pdf", "sre-en-a5-booklet-acme-print.pdf"} {
		if !strings.Contains(lists[f], "600   750  gray") {
			t.Errorf("%s: want the photo in grey:\n%s", f, lists[f])
		}
	}
	small := brochure(t, cwd, "build", "sre", "--lang", "en", "--layout", "a4", "--for", "screen,print", "--client", "Beta", "--by", "mmartin", "--out", "out")
	if small.code != 1 || !regexp.MustCompile(`team\.toml:\d+:1: photo of 90×90 pixels printed [\d.]+ × [\d.]+ mm is \d+ dpi; print files need 300 \(at least \d+×\d+ pixels\)`).MatchString(small.stderr) {
		t.Errorf("a small photo in print: %v", small)
	}
	if _, err := os.Stat(filepath.Join(cwd, "out", "sre-en-a4-beta.pdf")); err != nil {
		t.Error("the screen file with the small photo was not built")
	}
	if err := os.WriteFile(filepath.Join(cwd, "photos", "small.jpg"), []byte("<svg/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := brochure(t, cwd, "build", "sre", "--lang", "en", "--layout", "a4", "--client", "Beta", "--by", "mmartin", "--out", "out")
	if bad.code == 0 || !regexp.MustCompile(`team\.toml:\d+:1: mmartin\.photo: "photos/small\.jpg": not a JPEG or PNG image`).MatchString(bad.stderr) {
		t.Errorf("a photo that is no image: %v", bad)
	}
}
