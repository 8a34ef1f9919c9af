package team

import (
	"strings"
	"testing"
)

const good = `[jdoe]
name = "Jeanne Doe"
email = "jeanne.doe@example.com"
phone = "+33 6 12 34 56 78"
title = { en = "Talent Partner", fr = "Partenaire recrutement" }

[mmartin]
name = "Malik Martin"
email = "malik@example.com"
title = { en = "Consultant", fr = "Consultant" }
`

func TestParse(t *testing.T) {
	team, err := Parse("team.toml", []byte(good), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(team.IDs(), ","); got != "jdoe,mmartin" {
		t.Errorf("ids %s", got)
	}
	m, err := team.Member("jdoe")
	if err != nil {
		t.Fatal(err)
	}
	if m.Name != "Jeanne Doe" || m.Phone != "+33 6 12 34 56 78" {
		t.Errorf("member %+v", m)
	}
	for lang, want := range map[string]string{"fr": "Partenaire recrutement", "fr-CA": "Partenaire recrutement", "en": "Talent Partner"} {
		if got, err := m.Title(lang); err != nil || got != want {
			t.Errorf("Title(%s) = %q, %v; want %q", lang, got, err, want)
		}
	}
	if _, err := m.Title("de"); err == nil || err.Error() != `team.toml:5:1: jdoe.title: no de title (title.de), needed for a brochure in de` {
		t.Errorf("Title(de): %v", err)
	}
	if _, err := team.Member("jdeo"); err == nil || !strings.Contains(err.Error(), `no member "jdeo" (team: jdoe, mmartin)`) {
		t.Errorf("Member(jdeo): %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"unknown key", "[jdoe]\nname = \"J\"\nemail = \"j@example.com\"\nmail = \"x\"\ntitle = { en = \"A\" }\n",
			[]string{`team.toml:4:1: unknown key "jdoe.mail"`}},
		{"bad e-mail and phone", "[jdoe]\nname = \"J\"\nemail = \"jdoe at example\"\nphone = \"call me\"\ntitle = { en = \"A\" }\n",
			[]string{`team.toml:3:1: jdoe.email: "jdoe at example" is not an e-mail address`, `team.toml:4:1: jdoe.phone: "call me" is not a phone number`}},
		{"missing name and title", "[jdoe]\nemail = \"j@example.com\"\n",
			[]string{`team.toml:1:1: jdoe.name: missing`, `team.toml:1:1: jdoe.title: missing`}},
		{"long name", "[jdoe]\nname = \"" + strings.Repeat("J", 60) + "\"\nemail = \"j@example.com\"\ntitle = { en = \"A\" }\n",
			[]string{`team.toml:2:1: jdoe.name: 60 characters, more than the 40 a name may have`}},
		{"missing translation", "[a]\nname = \"A\"\nemail = \"a@example.com\"\ntitle = { en = \"A\", fr = \"A\" }\n[b]\nname = \"B\"\nemail = \"b@example.com\"\ntitle = { en = \"B\" }\n",
			[]string{`team.toml:8:1: b.title: in en, where a has it in en, fr`}},
		{"bad id", "[\"J Doe\"]\nname = \"J\"\nemail = \"j@example.com\"\ntitle = { en = \"A\" }\n",
			[]string{`J Doe: a team id is lower-case letters`}},
		{"syntax", "[jdoe\nname = 1\n", []string{`team.toml:1:6:`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("team.toml", []byte(tc.src), nil)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error:\n%v\nwant a line containing %q", err, w)
				}
			}
		})
	}
}
