package recipients

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // each row: line, then column=value pairs, sorted by column
	}{
		{"comma", "client,contact,by\nAcme Corp,Marie Dupont,jdoe\n",
			[]string{"2 by=jdoe client=Acme Corp contact=Marie Dupont"}},
		{"BOM, semicolons and CRLF (French Excel)", "\ufeffClient;Contact;Lang\r\nSociété Générale;Marie Dupont;fr\r\nAcme, Inc.;;en\r\n",
			[]string{"2 client=Société Générale contact=Marie Dupont lang=fr", "3 client=Acme, Inc. contact= lang=en"}},
		{"quoted fields with newlines and quotes", "client,note\n\"Acme \"\"Labs\"\"\",\"first line\nsecond line\"\nBeta,plain\n",
			[]string{"2 client=Acme \"Labs\" note=first line\nsecond line", "4 client=Beta note=plain"}},
		{"blank lines and short rows", "client,contact\n\nAcme\n,\n",
			[]string{"3 client=Acme contact="}},
		{"injection strings are text", "client\n\"=HYPERLINK(\"\"http://x\"\")\"\n",
			[]string{"2 client==HYPERLINK(\"http://x\")"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := Parse("clients.csv", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				s := []string{}
				for _, c := range Columns {
					if v, ok := r.Get(c); ok {
						s = append(s, c+"="+v)
					}
				}
				slices.Sort(s)
				got = append(got, strings.Join(append([]string{strconv.Itoa(r.Line)}, s...), " "))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("rows\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		rows      int // good rows still read
		want      string
	}{
		{"unknown column", "client,compagny\nAcme,x\n", 0, `clients.csv:1: unknown column "compagny" (columns: role, lang`},
		{"no client column", "contact\nMarie\n", 0, "clients.csv:1: no client column"},
		{"empty", "", 0, "clients.csv:1: empty: want a header row"},
		{"too many fields", "client,contact\nAcme,Marie\nBeta,Jean,extra\nGamma,Luc\n", 2, "clients.csv:3: 3 fields where the header names 2 columns"},
		{"bad quote", "client\nAcme\n\"Beta\"x\n", 1, `clients.csv:3: extraneous or missing " in quoted-field`},
		{"bare quote", "client\nAcme\nBeta \"Labs\"\nGamma\n", 2, `clients.csv:3: bare " in non-quoted-field`},
		{"not UTF-8", "client\nSoci\xe9t\xe9\n", 0, `clients.csv:2: not UTF-8 text`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := Parse("clients.csv", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
			if len(rows) != tc.rows {
				t.Errorf("%d rows read, want %d", len(rows), tc.rows)
			}
		})
	}
}
