package tomlfile

import (
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/brochure-dev/brochure/internal/units"
)

type doc struct {
	Name   string
	Margin units.Length
	Page   struct {
		Size  string
		Width units.Length
	}
	Items []struct {
		ID    string
		Label string
		Width units.Length
		Tags  []string
	}
	Inline struct{ A, B int }
	When   time.Time
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{
			name: "syntax",
			src:  "name = \"x\"\nmargin = \n",
			want: "f.toml:2:10: margin: expected value but found '\\n' instead",
		},
		{
			name: "bad length",
			src:  "name = \"x\"\n\n[page]\nwidth = \"12 furlongs\"\n",
			want: `f.toml:4:10: page.width: bad length "12 furlongs": want a number and a unit (mm, cm, in, pt), like "12mm"`,
		},
		{
			name: "unknown key",
			src:  "name = \"x\"\nnmae = \"y\"\n",
			want: `f.toml:2:1: unknown key "nmae"`,
		},
		{
			name: "unknown key in table",
			src:  "[page]\nsize = \"A4\"\n  colour = \"red\"\n",
			want: `f.toml:3:3: unknown key "page.colour"`,
		},
		{
			name: "unknown key in array of tables",
			src:  "[[items]]\nid = \"a\"\n[[items]]\nid = \"b\"\nlabl = \"B\"\n",
			want: `f.toml:5:1: unknown key "items.labl"`,
		},
		{
			name: "unknown table",
			src:  "[pgae]\nsize = \"A4\"\n",
			want: `f.toml:2:1: unknown key "pgae.size"`,
		},
		{
			name: "two unknown keys",
			src:  "x = 1\ny = 2\n",
			want: "f.toml:1:1: unknown key \"x\"\nf.toml:2:1: unknown key \"y\"",
		},
		{
			name: "wrong type",
			src:  "name = 3\n",
			want: `f.toml:1:1: name: want a string, not an integer`,
		},
		{
			name: "unknown key in two tables of an array",
			src:  "[[items]]\nid = \"a\"\nlabl = \"A\"\n[[items]]\nid = \"b\"\n  labl = \"B\"\n",
			want: "f.toml:3:1: unknown key \"items.labl\"\nf.toml:6:3: unknown key \"items.labl\"",
		},
		{
			name: "wrong type in the second table of an array",
			src:  "[[items]]\nid = \"a\"\n[[items]]\nid = 2\n[[items]]\nid = \"c\"\n",
			want: `f.toml:4:1: items.id: want a string, not an integer`,
		},
		{
			name: "wrong type, an array where a string is wanted",
			src:  "name = [\"x\"]\n",
			want: `f.toml:1:1: name: want a string, not an array`,
		},
		{
			name: "wrong type, a string where an array is wanted",
			src:  "[[items]]\ntags = [\"a\"]\n[[items]]\ntags = \"b\"\n[[items]]\ntags = []\n",
			want: `f.toml:4:1: items.tags: want an array, not a string`,
		},
		{
			name: "bad length in the first table of an array",
			src:  "[[items]]\nwidth = \"1 furlong\"\n[[items]]\nwidth = \"2mm\"\n",
			want: `f.toml:2:10: items.width: bad length "1 furlong": want a number and a unit (mm, cm, in, pt), like "12mm"`,
		},
		{
			name: "syntax error after an array of tables",
			src:  "[[items]]\nid = \"a\"\n[[items]]\nid = \"b\nx = 1\n",
			want: `f.toml:4:8: items.id: strings cannot contain newlines`,
		},
		{
			name: "every bad value, in the order of the file",
			src:  "margin = \"1 furlong\"\nname = 3\n[page]\nwidth = \"2 leagues\"\n",
			want: "f.toml:1:11: margin: bad length \"1 furlong\": want a number and a unit (mm, cm, in, pt), like \"12mm\"\n" +
				"f.toml:2:1: name: want a string, not an integer\n" +
				"f.toml:4:10: page.width: bad length \"2 leagues\": want a number and a unit (mm, cm, in, pt), like \"12mm\"",
		},
		{
			name: "keys that differ in case only, both bad",
			src:  "NAME = 1\nname = 2\n",
			want: "f.toml:1:1: NAME: want a string, not an integer\nf.toml:2:1: name: want a string, not an integer",
		},
		{
			name: "table where a string is wanted",
			src:  "[name]\nfirst = \"x\"\nlast = \"y\"\n",
			want: `f.toml:1:1: name: want a string, not a table`,
		},
		{
			name: "dotted key in a string",
			src:  "name.first = \"x\"\n",
			want: `f.toml:1:1: name: want a string, not a table`,
		},
		{
			name: "table where an array of tables is wanted",
			src:  "[items]\nid = \"a\"\n",
			want: `f.toml:1:1: items: want an array of tables ([[items]]), not a table`,
		},
		{
			name: "array of tables where a table is wanted",
			src:  "[[page]]\nsize = \"A4\"\n",
			want: `f.toml:1:1: page: want a table ([page]), not an array of tables`,
		},
		{
			name: "bad value in an inline table",
			src:  "page = { size = \"A4\", width = \"wide\" }\n",
			want: `f.toml:1:23: page.width: bad length "wide": want a number and a unit (mm, cm, in, pt), like "12mm"`,
		},
		{
			name: "string where a date is wanted",
			src:  "when = \"2026-11-21\"\n",
			want: `f.toml:1:9: when: want a date, not a string (write it without quotes, like 2026-11-21)`,
		},
		{
			name: "syntax error at the end of a line",
			src:  "name = \"x\"\n[page\nsize = \"A4\"\n",
			want: `f.toml:2:6: expected '.' or ']' to end table name, but got '\n' instead`,
		},
		{
			name: "syntax error at the start of a line",
			src:  "name = \"x\"\n= 3\n",
			want: `f.toml:2:1: unexpected '=': key name appears blank`,
		},
		{
			name: "unknown key in inline table",
			src:  "inline = { a = 1, c = 2 }\n",
			want: `f.toml:1:19: unknown key "inline.c"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			_, err := Decode("f.toml", []byte(tt.src), &d)
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestDecodeOK(t *testing.T) {
	var d doc
	f, err := Decode("f.toml", []byte("name = \"x\"\nmargin = \"10mm\"\n[page]\nsize = \"A4\"\n"), &d)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "x" || d.Page.Size != "A4" || d.Margin != 10*units.Mm {
		t.Errorf("decoded %+v", d)
	}
	if !f.Has("page", "size") || f.Has("page", "width") {
		t.Errorf("Has is wrong")
	}
	if got := f.Errorf([]string{"page", "size"}, "no such size").Error(); got != "f.toml:4:1: no such size" {
		t.Errorf("Errorf = %s", got)
	}
}

// TestDecodeComposes checks that an accent typed as a combining mark
// decodes like the composed letter, so that it is drawn on its letter.
func TestDecodeComposes(t *testing.T) {
	for _, src := range []string{"name = \"Caf\u00e9 cr\u00e8me\"\n", "name = \"Cafe\u0301 cre\u0300me\"\n"} {
		var d doc
		if _, err := Decode("f.toml", []byte(src), &d); err != nil {
			t.Fatal(err)
		}
		if d.Name != "Caf\u00e9 cr\u00e8me" {
			t.Errorf("%q decodes to %q", src, d.Name)
		}
	}
}

// Has answers as the decoder's IsDefined does, which it stands in for:
// explicit and implicit tables, inline tables, quoted keys with dots, and
// nothing inside arrays of tables.
func TestHas(t *testing.T) {
	const src = `
id = "x"
"a.b" = 1
empty = {}
point = { x = 1, y = { z = 2 } }
[page.margins]
left = "1mm"
[[items]]
name = "one"
[[items]]
name = "two"
`
	var v map[string]any
	f, _ := Decode("t.toml", []byte(src), &v) // items.name is unknown to a map: no matter here
	if f == nil {
		t.Fatal("the file did not decode")
	}
	md, err := toml.Decode(src, &v)
	if err != nil {
		t.Fatal(err)
	}
	keys := [][]string{
		{"id"}, {"a.b"}, {"a"}, {"a", "b"}, {"empty"}, {"point"}, {"point", "x"}, {"point", "y", "z"}, {"point", "w"},
		{"page"}, {"page", "margins"}, {"page", "margins", "left"}, {"page", "margins", "right"},
		{"items"}, {"items", "name"}, {"missing"}, {},
	}
	for _, k := range keys {
		if got, want := f.Has(k...), md.IsDefined(k...); got != want {
			t.Errorf("Has(%q) = %v, IsDefined says %v", k, got, want)
		}
	}
}
