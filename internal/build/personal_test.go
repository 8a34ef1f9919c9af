package build

import (
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
