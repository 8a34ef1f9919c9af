package tomlfile

import (
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/safefile"
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
	Color  color.RGB
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{
			name: "syntax",
			src:  "name = \"x\"\nmargin = \n",
			want: "f.toml:2:10: margin: unexpected character '\\n' at start of value",
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
			want: `f.toml:4:8: items.id: basic strings cannot have new lines`,
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
			want: `f.toml:2:6: expected ']' to close table name`,
		},
		{
			name: "syntax error at the start of a line",
			src:  "name = \"x\"\n= 3\n",
			want: `f.toml:2:1: invalid character at start of key: '='`,
		},
		{
			name: "number where a length is wanted",
			src:  "margin = 12\n",
			want: `f.toml:1:10: margin: bad length "12": want a number and a unit (mm, cm, in, pt), like "12mm"`,
		},
		{
			name: "table where a colour is wanted",
			src:  "color = { R = 1, G = 2, B = 3 }\n",
			want: `f.toml:1:1: color: want a string, not a table`,
		},
		{
			name: "dotted key into an array of tables",
			src:  "items.id = \"a\"\n",
			want: `f.toml:1:1: items: want an array, not a table`,
		},
		{
			name: "unknown key in an array of inline tables",
			src:  "items = [{ id = \"a\" }, { idd = \"b\" }]\n",
			want: `f.toml:1:26: unknown key "items.idd"`,
		},
		{
			name: "key defined twice in an inline table",
			src:  "page = { size = \"A4\", size = \"A5\" }\n",
			want: `f.toml:1:23: page.size: defined twice`,
		},
		{
			name: "table defined twice",
			src:  "[page]\nsize = \"A4\"\n[page]\n",
			want: `f.toml:3:2: page: defined twice (first on line 1)`,
		},
		{
			name: "key defined twice in the second table of an array",
			src:  "[[items]]\nid = \"a\"\n[[items]]\nid = \"b\"\nid = \"c\"\n",
			want: `f.toml:5:1: items.id: defined twice (first on line 4)`,
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
	for _, src := range []string{"name = \"Caf\u00e9 cr\u00e8me\"\n", "name = \"Cafe\u0301 cre\u0300me\"\n", "\ufeffname = \"Caf\u00e9 cr\u00e8me\"\n"} {
		var d doc
		if _, err := Decode("f.toml", []byte(src), &d); err != nil {
			t.Fatal(err)
		}
		if d.Name != "Caf\u00e9 cr\u00e8me" {
			t.Errorf("%q decodes to %q", src, d.Name)
		}
	}
}

// Has answers as BurntSushi/toml's MetaData.IsDefined did (the answers
// below are its own): explicit and implicit tables, inline tables and
// their dotted keys, quoted keys with dots, and nothing inside arrays of
// tables or arrays of inline tables.
func TestHas(t *testing.T) {
	const src = `
id = "x"
"a.b" = 1
empty = {}
point = { x = 1, y = { z = 2 }, w.v = 3 }
list = [{ k = 1 }]
[page.margins]
left = "1mm"
[[items]]
name = "one"
[items.sub]
n = 1
[[items]]
name = "two"
[x.y.z]
`
	var v map[string]any
	f, _ := Decode("t.toml", []byte(src), &v)
	if f == nil {
		t.Fatal("the file did not decode")
	}
	tests := []struct {
		key  []string
		want bool
	}{
		{[]string{"id"}, true}, {[]string{"a.b"}, true}, {[]string{"a"}, false}, {[]string{"a", "b"}, false},
		{[]string{"empty"}, true}, {[]string{"point"}, true}, {[]string{"point", "x"}, true}, {[]string{"point", "y"}, true},
		{[]string{"point", "y", "z"}, true}, {[]string{"point", "w"}, true}, {[]string{"point", "w", "v"}, true},
		{[]string{"list"}, true}, {[]string{"list", "k"}, false},
		{[]string{"page"}, true}, {[]string{"page", "margins"}, true}, {[]string{"page", "margins", "left"}, true}, {[]string{"page", "margins", "right"}, false},
		{[]string{"items"}, true}, {[]string{"items", "name"}, false}, {[]string{"items", "sub"}, false}, {[]string{"items", "sub", "n"}, false},
		{[]string{"x"}, true}, {[]string{"x", "y"}, true}, {[]string{"x", "y", "z"}, true},
		{[]string{"missing"}, false}, {[]string{"ID"}, false}, {nil, false},
	}
	for _, tt := range tests {
		if got := f.Has(tt.key...); got != tt.want {
			t.Errorf("Has(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

// TestDecodeLocalDate checks that a date without a time decodes to the
// start of that day in time.Local, with the offset of that day: the same
// whatever the season the program runs in.
func TestDecodeLocalDate(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	defer func(l *time.Location) { time.Local = l }(time.Local)
	time.Local = paris
	for src, want := range map[string]string{
		"when = 2026-11-21\n": "2026-11-21T00:00:00+01:00",
		"when = 2026-07-01\n": "2026-07-01T00:00:00+02:00",
	} {
		var d doc
		if _, err := Decode("f.toml", []byte(src), &d); err != nil {
			t.Fatal(err)
		}
		if got := d.When.Format(time.RFC3339); got != want || d.When.Location() != paris {
			t.Errorf("%q decodes to %s in %s, want %s in Europe/Paris", src, got, d.When.Location(), want)
		}
	}
}

// TestDecodeKeys checks that the lenient decoder ignores unknown keys but
// places its errors like Decode.
func TestDecodeKeys(t *testing.T) {
	fsys := fstest.MapFS{
		"ok.toml":     {Data: []byte("title = \"x\"\nother = 1\n")},
		"broken.toml": {Data: []byte("title = \"x\"\nlanguages = [\"en\"\n")},
		"wrong.toml":  {Data: []byte("title = 3\n")},
	}
	tests := []struct{ file, want string }{
		{"ok.toml", ""},
		{"broken.toml", "dir/broken.toml:2:18: languages: array is incomplete"},
		{"wrong.toml", "dir/wrong.toml:1:9: title: want a string, not an integer"},
	}
	for _, tt := range tests {
		var v struct{ Title string }
		err := DecodeKeys(fsys, tt.file, "dir/"+tt.file, safefile.Content, &v)
		if got := fmt.Sprint(err); tt.want == "" && err != nil || tt.want != "" && got != tt.want {
			t.Errorf("%s: %v, want %q", tt.file, err, tt.want)
		}
		if tt.want == "" && v.Title != "x" {
			t.Errorf("%s: title %q", tt.file, v.Title)
		}
	}
}

// FuzzDecode checks that Decode never panics, whatever the source, and
// returns a file or an error.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(tricky))
	f.Add([]byte("margin = 12\ncolor = { R = 1 }\nitems.id = 1\n[page]\nwidth = [1, { a = 2 }]\n"))
	f.Add([]byte("inline = { a = 1, c = { d = [1, 2] }, a = 3 }\n[[items]]\nid = \"a\"\n[items]\n"))
	f.Add([]byte("[pgae]\nsize = \"A4\"\n[[items]]\nlabl = { x = 1 }\nwhen = 2026-07-01\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var d doc
		file, err := Decode("f.toml", src, &d)
		if file == nil {
			if err == nil {
				t.Fatal("no file and no error")
			}
			return
		}
		file.Has("page", "width")
		file.Has("inline", "c", "d")
		_ = file.Errorf([]string{"items", Index(0), "id"}, "x")
		_ = file.ErrorAt([]string{"name"}, []string{"a"}, "x")
		parseValue(string(src), 0).leaves(nil, 0, func([]string, int) {})
	})
}
