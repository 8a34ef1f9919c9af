package tomlfile

import (
	"errors"
	"reflect"
	"testing"

	"github.com/brochure-dev/brochure/internal/units"
)

// A source that has what trips a line-by-line reader: multi-line arrays
// holding brackets and "=", multi-line strings holding headers, quoted
// keys, comments, inline tables and arrays of tables.
const tricky = `# [not] = "a header"
title = "x" # [comment]
matrix = [
  [1, 2],
  ["a = b", "]"],
]
text = """
[fake]
key = 1
"""
lit = '''
[[fake]]'''
"quoted key" = 1
site."dotted.part" = 2
inline = { a = 1, b = { c = 2 } }

[table] # a comment
x = 1

[[items]]
id = "a"

[[items]]
id = "b"
  label = "B"

[[items.sub]]
n = 1

[[items.sub]]
n = 2

[[items]]
id = "c"

[[items.sub]]
n = 3
`

func TestLocate(t *testing.T) {
	tests := []struct {
		key       []string
		line, col int
	}{
		{[]string{"title"}, 2, 1},
		{[]string{"matrix"}, 3, 1},
		{[]string{"text"}, 7, 1},
		{[]string{"lit"}, 11, 1},
		{[]string{"fake"}, 0, 0},
		{[]string{"fake", "key"}, 0, 0},
		{[]string{"not"}, 0, 0},
		{[]string{"quoted key"}, 13, 1},
		{[]string{"site", "dotted.part"}, 14, 1},
		{[]string{"inline", "b"}, 15, 19},
		{[]string{"table"}, 17, 1},
		{[]string{"table", "x"}, 18, 1},
		{[]string{"items"}, 20, 1},
		{[]string{"items", "id"}, 21, 1},
		{[]string{"items", Index(0)}, 20, 1},
		{[]string{"items", Index(1)}, 23, 1},
		{[]string{"items", Index(1), "id"}, 24, 1},
		{[]string{"items", Index(1), "label"}, 25, 3},
		{[]string{"items", Index(2), "id"}, 34, 1},
		{[]string{"items", Index(3)}, 0, 0},
		{[]string{"items", Index(1), "sub", Index(1), "n"}, 31, 1},
		{[]string{"items", Index(2), "sub", Index(0), "n"}, 37, 1},
		{[]string{"items", Index(2), "sub", Index(1)}, 0, 0},
	}
	for _, tt := range tests {
		line, col := locate(scan([]byte(tricky)), tt.key)
		if line != tt.line || col != tt.col {
			t.Errorf("locate(%q) = %d:%d, want %d:%d", tt.key, line, col, tt.line, tt.col)
		}
	}
}

func TestErrorfNearest(t *testing.T) {
	var v map[string]any
	f, _ := Decode("f.toml", []byte(tricky), &v) // keys in any are "unknown"
	if f == nil {
		t.Fatal("no file")
	}
	tests := []struct {
		key  []string
		want string
	}{
		{[]string{"table", "y"}, "f.toml:17:1: m"},
		{[]string{"items", Index(1), "note"}, "f.toml:23:1: m"},
		{[]string{"nothing", "here"}, "f.toml: m"},
		{nil, "f.toml: m"},
	}
	for _, tt := range tests {
		if got := f.Errorf(tt.key, "m").Error(); got != tt.want {
			t.Errorf("Errorf(%q) = %s, want %s", tt.key, got, tt.want)
		}
	}
}

func TestSort(t *testing.T) {
	e := func(file string, line, col int, msg string) error {
		return &Error{File: file, Line: line, Col: col, Msg: msg}
	}
	in := []error{
		e("b.toml", 12, 1, "x"),
		nil,
		errors.Join(e("b.toml", 9, 1, "y"), e("a.toml", 3, 2, "z")),
		e("b.toml", 0, 0, "whole file"),
		errors.New("a plain error"),
		e("b.toml", 9, 1, "a"),
	}
	want := []string{
		"a plain error",
		"a.toml:3:2: z",
		"b.toml: whole file",
		"b.toml:9:1: a",
		"b.toml:9:1: y",
		"b.toml:12:1: x",
	}
	var got []string
	for _, err := range Sort(in) {
		got = append(got, err.Error())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sort gave\n%q\nwant\n%q", got, want)
	}
}

// FuzzLocate checks that the key reader never panics nor loops, whatever
// the source.
func FuzzLocate(f *testing.F) {
	f.Add([]byte(tricky), "items.[1].label")
	f.Add([]byte("a = \"\"\"\\"), "a")
	f.Add([]byte("[[a]]\n[[a.b]]\n[a"), "a.[0].b")
	f.Fuzz(func(t *testing.T, src []byte, key string) {
		defs := scan(src)
		locate(defs, []string{key})
		locateNearest(defs, []string{key, "x"})
		defsOf(defs, key)
	})
}

// TestDecodeWithoutBadValues checks that a file with bad values is still
// decoded, without them, and that checks of the keys left out are hidden.
func TestDecodeWithoutBadValues(t *testing.T) {
	var d doc
	f, err := Decode("f.toml", []byte("name = 3\nmargin = \"2mm\"\n[page]\nsize = \"A4\"\nwidth = \"wide\"\n[[items]]\nid = 1\n[[items]]\nid = \"b\"\n"), &d)
	want := "f.toml:1:1: name: want a string, not an integer\n" +
		"f.toml:5:10: page.width: bad length \"wide\": want a number and a unit (mm, cm, in, pt), like \"12mm\"\n" +
		"f.toml:7:1: items.id: want a string, not an integer"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
	if f == nil {
		t.Fatal("no file")
	}
	if d.Margin != 2*units.Mm || d.Page.Size != "A4" || len(d.Items) != 2 || d.Items[1].ID != "b" {
		t.Errorf("decoded %+v", d)
	}
	for _, key := range [][]string{{"name"}, {"page", "width"}, {"items", Index(0), "id"}} {
		if !f.Omitted(key...) {
			t.Errorf("%q not omitted", key)
		}
	}
	for _, key := range [][]string{{"margin"}, {"page"}, {"items", Index(1), "id"}, {"items", "id"}} {
		if f.Omitted(key...) {
			t.Errorf("%q omitted", key)
		}
	}
	errs := Sort([]error{
		f.Errorf([]string{"name"}, "missing name"),
		f.Errorf([]string{"items", Index(0), "id"}, "missing id"),
		f.Errorf([]string{"items", Index(1), "id"}, "id used twice"),
	})
	if len(errs) != 1 || errs[0].Error() != "f.toml:9:1: id used twice" {
		t.Errorf("Sort kept %q", errs)
	}
}

// scan lists the definitions of src with their paths, as a file's errors
// see them.
func scan(src []byte) []def { return withPaths(scanKeys(string(src))) }
