package problem

import (
	"errors"
	"fmt"
	"testing"
)

func TestList(t *testing.T) {
	err := errors.Join(
		errors.New("brochures/sre/fr.toml:27:11: sections.missions.heading: expected value"),
		fmt.Errorf("clients.csv:6: by: no member %q", "nobody"),
		errors.New("layout a4, role sre (fr): 2 pages: does not fit"),
		errors.New("brochures/sre/fr.toml:27:11: sections.missions.heading: expected value"), // once
	)
	got := List(err)
	want := []Problem{
		{File: "brochures/sre/fr.toml", Line: 27, Col: 11, Message: "sections.missions.heading: expected value"},
		{File: "clients.csv", Line: 6, Message: `by: no member "nobody"`},
		{Message: "layout a4, role sre (fr): 2 pages: does not fit"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("List:\n%v\nwant\n%v", got, want)
	}
	for i, p := range got {
		if line := []string{"brochures/sre/fr.toml:27:11: sections.missions.heading: expected value", `clients.csv:6: by: no member "nobody"`, "layout a4, role sre (fr): 2 pages: does not fit"}[i]; p.String() != line {
			t.Errorf("String() = %q, want %q", p.String(), line)
		}
	}
}

func TestGitHub(t *testing.T) {
	for _, tc := range []struct {
		p     Problem
		level string
		want  string
	}{
		{Problem{File: "brochures/sre/fr.toml", Line: 3, Col: 1, Message: "unknown key \"x\""}, "error", `::error file=brochures/sre/fr.toml,line=3,col=1::unknown key "x"`},
		{Problem{File: "a,b:c.toml", Line: 1, Message: "50% of\nit"}, "warning", `::warning file=a%2Cb%3Ac.toml,line=1::50%25 of%0Ait`},
		{Problem{Message: "no roles"}, "error", `::error::no roles`},
	} {
		if got := tc.p.GitHub(tc.level); got != tc.want {
			t.Errorf("GitHub = %q, want %q", got, tc.want)
		}
	}
}
