package build

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestPersonalLinks checks a personal edition's links and QR codes: the
// role's page carries the brand's campaign, named for the client, with
// the medium of the variant; the QR code still reads, at the same size,
// and gives the same address as the link; the e-mail link is the
// salesperson's; the client is in the metadata.
func TestPersonalLinks(t *testing.T) {
	needTool(t, "pdftoppm", "qpdf", "pdfinfo")
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	role, _ := source(t)
	ed, err := p.Personal(Fields{Client: "Société Générale (Paris) \\ <b>", Contact: "Marie Dupont", By: "jdoe"})
	if err != nil {
		t.Fatal(err)
	}
	member, _ := p.Team()
	jdoe, _ := member.Member("jdoe")
	campaign := "utm_campaign=societe-generale-paris-b"
	for _, tc := range qrPages {
		for _, variant := range []string{"screen", "print"} {
			t.Run(tc.layout+"/"+variant, func(t *testing.T) {
				r, err := p.Build(Job{Role: testRole, Lang: "fr", Layout: tc.layout, Variant: variant, Personal: ed}, t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				medium := map[string]string{"screen": "pdf", "print": "print"}[variant]
				want := role.Facts.Contact.Web + "?" + campaign + "&utm_medium=" + medium + "&utm_source=brochure"
				checkQR(t, r.Path, tc.page, tc.minMM, want)
				info := pdfinfo(t, r.Path)
				if !strings.HasPrefix(info["Subject"], "Préparé pour "+ed.Client+" · ") || !strings.Contains(info["Keywords"], ed.Client) {
					t.Errorf("metadata: subject %q, keywords %q", info["Subject"], info["Keywords"])
				}
				if variant == "print" {
					return // print files carry no links
				}
				var uris []string
				for _, m := range regexp.MustCompile(`/URI \(([^)]*)\)`).FindAllStringSubmatch(qdf(t, r.Path), -1) {
					uris = append(uris, m[1])
				}
				if !slices.Contains(uris, want) {
					t.Errorf("no link to %s; links: %q", want, uris)
				}
				if !slices.Contains(uris, "mailto:"+jdoe.Email) {
					t.Errorf("no link to the salesperson's address; links: %q", uris)
				}
			})
		}
	}
}

// TestGenericUnchanged checks that a generic edition has no trace of
// personal editions: links untagged, no "Prepared" line.
func TestGenericUnchanged(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	for _, lang := range testLangs {
		q := qdf(t, pdfs[lang])
		if strings.Contains(q, "utm_") {
			t.Errorf("%s: a generic edition's links carry a campaign", lang)
		}
		if text := pdftotext(t, pdfs[lang]); strings.Contains(text, "Prepared") || strings.Contains(text, "Préparé") {
			t.Errorf("%s: a generic edition says who it is prepared for", lang)
		}
	}
}

// TestPhotoIsAnInput rebuilds a personal edition whose salesperson's
// photo changed, and only then.
func TestPhotoIsAnInput(t *testing.T) {
	p := projectWithPhoto(t)
	photo := filepath.Join(filepath.Dir(p.Dir), "jdoe.jpg")
	out := t.TempDir()
	build := func() Status {
		t.Helper()
		q, err := Open(p.Dir) // afresh, as each command is
		if err != nil {
			t.Fatal(err)
		}
		jobs, err := q.Jobs(Selection{Roles: []string{"sre"}, Layouts: []string{"a4"}, Langs: []string{"fr"}, Fields: Fields{Client: "Acme", By: "jdoe"}})
		if err != nil || len(jobs) != 1 {
			t.Fatalf("jobs %v, %v", jobs, err)
		}
		s, err := q.Batch(jobs, out, BatchOptions{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s.Outcomes[0].Status
	}
	if got := build(); got != Built {
		t.Fatalf("first build: %s", got)
	}
	if got := build(); got != UpToDate {
		t.Fatalf("second build: %s, want up to date", got)
	}
	data, err := os.ReadFile(photo)
	if err != nil {
		t.Fatal(err)
	}
	// The same JPEG with a comment after its start-of-image marker.
	edited := append([]byte{0xff, 0xd8, 0xff, 0xfe, 0x00, 0x06, 'n', 'e', 'w', 0}, data[2:]...)
	if err := os.WriteFile(photo, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := build(); got != Built {
		t.Errorf("after the photo changed: %s, want built", got)
	}
}
