package build

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// manifestCases are manifests whose strings need every kind of escape.
var manifestCases = []*Manifest{
	{Version: 1, Outputs: map[string]Entry{}},
	{Version: 1},
	{Version: 1, Outputs: map[string]Entry{
		"sre-fr-a4.pdf":                 {Role: "sre", Lang: "fr", Layout: "a4", Variant: "screen", Inputs: "ab12", SHA256: "cd34", Pages: 2, Bytes: 40308},
		"sre-en-a4-acme.pdf":            {Role: "sre", Lang: "en", Layout: "a4", Variant: "print", Client: "Acme & Co <Ltd>", Pages: 12, Bytes: 1<<31 - 1},
		"sre-de-a5-booklet-imposed.pdf": {Role: "sre", Lang: "de", Layout: "a5-booklet", Variant: "imposed", Pages: -1},
	}},
	{Version: -7, Outputs: map[string]Entry{
		"quote\"back\\slash": {Role: "tab\tnew\nline\rfeed\fbell\b\x00\x1f\x7f"},
		"naïve-été-日本.pdf":   {Role: "\u2028\u2029", Client: "bad \xff utf-8 \xe2\x82"},
		"":                   {},
	}},
}

// TestManifestJSON writes manifests as json.MarshalIndent does, and
// reads back what json.Unmarshal reads.
func TestManifestJSON(t *testing.T) {
	for i, m := range manifestCases {
		want, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got := marshalManifest(m)
		if string(got) != string(want) {
			t.Errorf("case %d: wrote\n%s\nwant\n%s", i, got, want)
		}
		sameAsJSON(t, want)
	}
}

// TestManifestJSONReads reads what json.Unmarshal reads, and refuses
// what it refuses.
func TestManifestJSONReads(t *testing.T) {
	for _, text := range []string{
		`null`,
		` {"version": 2} `,
		`{"outputs": null}`,
		`{"outputs": {"a.pdf": null, "b.pdf": {"role": null, "pages": null}}}`,
		`{"Version": 3, "OUTPUTS": {"a.pdf": {"Role": "x", "SHA256": "y", "ſha256": "z", "PAGES": 4}}}`,
		`{"outputs": {"a.pdf": {"role": "x"}}, "outputs": {"b.pdf": {"role": "y"}}}`,
		`{"outputs": {"a.pdf": {"role": "x", "lang": "en"}, "a.pdf": {"role": "y"}}}`,
		`{"extra": [1, -2.5e+3, "s", true, false, null, {"k": [[]]}], "outputs": {"a.pdf": {"more": {"x": {}}, "role": "r"}}}`,
		`{"outputs": {"\u00e9\ud83d\ude00\ud800x\udc00\u0041\/": {"role": "\"\\\b\f\n\r\t"}}}`,
		`{"outputs": {"a": {"role": "\ud800\u0041"}}}`,
		"{\"outputs\": {\"a\": {\"role\": \"bad \xff\xfe utf-8\"}}}",
		`{"version": 0, "outputs": {"a": {"pages": -0, "bytes": 9007199254740993}}}`,
		// Refused.
		``, `{`, `{"version": 1`, `{"version": 1,}`, `{"version": 1.5}`, `{"version": 1e2}`,
		`{"version": "1"}`, `{"version": 01}`, `{"version": -}`, `{"version": 99999999999999999999}`,
		`{"outputs": []}`, `{"outputs": {"a": []}}`, `{"outputs": {"a": {"role": 1}}}`,
		`{"outputs": {"a": {"pages": "2"}}}`, `{"outputs": {"a": {"role": true}}}`,
		"{\"outputs\": {\"a\": {\"role\": \"new\nline\"}}}", `{"outputs": {"a": {"role": "\x"}}}`,
		`{"outputs": {"a": {"role": "\u12"}}}`, `{"x": tru}`, `{"x": [1,]}`, `{"x": nul}`,
		`{} {}`, `{}x`, `[]`, `"manifest"`, "\ufeff{}", `{"version": 1} null`, `nullx`,
	} {
		sameAsJSON(t, []byte(text))
	}
}

// sameAsJSON checks that unmarshalManifest reads data as json.Unmarshal
// does, from the manifest ReadManifest starts with: the same manifest, or
// an error for both.
func sameAsJSON(t *testing.T, data []byte) {
	t.Helper()
	want := &Manifest{Version: 1, Outputs: map[string]Entry{}}
	wantErr := json.Unmarshal(data, want)
	got := &Manifest{Version: 1, Outputs: map[string]Entry{}}
	err := unmarshalManifest(data, got)
	switch {
	case (err != nil) != (wantErr != nil):
		t.Errorf("%q: error %v, json.Unmarshal's %v", data, err, wantErr)
	case err == nil && !reflect.DeepEqual(got, want):
		t.Errorf("%q: read %+v, json.Unmarshal reads %+v", data, got, want)
	}
}

// FuzzManifestJSON compares unmarshalManifest with json.Unmarshal on any
// input, and marshalManifest with json.MarshalIndent on any entry.
func FuzzManifestJSON(f *testing.F) {
	for _, m := range manifestCases {
		data, _ := json.MarshalIndent(m, "", "  ")
		f.Add(data, "sre", 2)
	}
	f.Add([]byte(`{"outputs": {"a": {"role": "\ud83d\ude00", "Pages": 3}}}`), "a\u2028<b>", -5)
	f.Fuzz(func(t *testing.T, data []byte, s string, n int) {
		sameAsJSON(t, data)
		m := &Manifest{Version: n, Outputs: map[string]Entry{s: {Role: s, Client: strings.ToUpper(s), Pages: n}, "x": {Lang: s}}}
		want, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := marshalManifest(m); string(got) != string(want) {
			t.Errorf("wrote\n%s\nwant\n%s", got, want)
		}
	})
}
