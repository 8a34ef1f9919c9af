package edition

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Acme Corp", "acme-corp"},
		{"Société Générale", "societe-generale"},
		{"  ACME   corp. ", "acme-corp"},
		{"Straße & Söhne GmbH", "strasse-and-sohne-gmbh"},
		{"Œuvre d’Ørsted", "oeuvre-d-orsted"},
		{"L'Oréal", "l-oreal"},
		{"=HYPERLINK(\"http://x\")", "hyperlink-http-x"},
		{"株式会社", "client-" + digest("株式会社")},
		{"", ""},
		{"株式会社 Sony", "sony"},
		{"Cafe\u0301 Noir", "cafe-noir"},
		{strings.Repeat("word ", 40), "word-word-word-word-word-word-word-word-word-word"[:44]},
	} {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Slug(tc.in); len(got) > maxSlug || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") {
			t.Errorf("Slug(%q) = %q: too long or starts or ends with a hyphen", tc.in, got)
		}
	}
}

func TestCheck(t *testing.T) {
	long := strings.Repeat("a", 500)
	for _, tc := range []struct {
		name string
		p    Personal
		want string // "" for no error
	}{
		{"ok", Personal{Client: "Acme Corp", Contact: "Marie Dupont", Note: "As promised."}, ""},
		{"html and pdf syntax are text", Personal{Client: "<b>Acme</b> (Europe) \\ %PDF", Note: "=HYPERLINK(\"http://evil\")"}, ""},
		{"no client", Personal{Contact: "Marie"}, "client: missing"},
		{"long client", Personal{Client: long}, "client: 500 characters, more than the 120"},
		{"long contact", Personal{Client: "Acme", Contact: long}, "contact: 500 characters, more than the 80"},
		{"long note", Personal{Client: "Acme", Note: long}, "note: 500 characters, more than the 300"},
		{"tab", Personal{Client: "Acme\tCorp"}, "client: character 5 is U+0009"},
		{"escape", Personal{Client: "Acme", Contact: "Marie\x1b[31m"}, "contact: character 6 is U+001B"},
		{"right-to-left override", Personal{Client: "Acme\u202eproC"}, "client: character 5 is U+202E"},
		{"bad UTF-8", Personal{Client: "Acme \xff"}, "client: not valid UTF-8"},
		{"right to left", Personal{Client: "Acme", Contact: "דוד לוי"}, "contact: character 1 is 'ד' (U+05D3), in the Hebrew script, which needs a right-to-left"},
		{"shaped", Personal{Client: "टाटा"}, "client: character 1 is 'ट' (U+091F), in the Devanagari script"},
		{"Japanese is fine", Personal{Client: "株式会社ソニー"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.p.Check()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct {
		in        string
		paragraph bool
		want      string
	}{
		{"  Acme   Corp ", false, "Acme Corp"},
		{"Cafe\u0301", false, "Café"},
		{"line one\r\nline two", true, "line one line two"},
		{"line one\nline two", false, "line one\nline two"}, // refused later by Check
	} {
		if got := Normalize(tc.in, tc.paragraph); got != tc.want {
			t.Errorf("Normalize(%q, %v) = %q, want %q", tc.in, tc.paragraph, got, tc.want)
		}
	}
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}
