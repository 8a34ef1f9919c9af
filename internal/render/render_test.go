package render

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/edition"
)

var loader = design.NewLoader(os.DirFS("../../layouts"), os.DirFS("../../fonts"), "layouts")

func input(t testing.TB, layout string, langs ...string) Input {
	t.Helper()
	r, err := content.Load(os.DirFS("../../brochures"), "brochures", "sre")
	if err != nil {
		t.Fatal(err)
	}
	l, err := loader.Layout(layout)
	if err != nil {
		t.Fatal(err)
	}
	return Input{Role: r, Layout: l, Langs: langs}
}

// TestRender renders from inputs in memory, twice: the same bytes, a
// PDF, and a result that says what was written.
func TestRender(t *testing.T) {
	in := input(t, "a4", "fr")
	in.Personal = &edition.Personal{Client: "Acme Corp"}
	var a, b bytes.Buffer
	res, err := Render(context.Background(), &a, in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Render(context.Background(), &b, in, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) {
		t.Errorf("two renders differ, or are no PDF")
	}
	if res.Pages != 2 || res.Bytes != a.Len() || res.Report == nil {
		t.Errorf("result %+v for %d bytes", res, a.Len())
	}
}

// TestRenderCancelled checks that a cancelled context stops rendering
// and writes nothing.
func TestRenderCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var w bytes.Buffer
	_, err := Render(ctx, &w, input(t, "a4", "en", "fr"), Options{})
	if !errors.Is(err, context.Canceled) || w.Len() != 0 {
		t.Errorf("error %v, %d bytes written", err, w.Len())
	}
}

// TestRenderRefuses checks that bad inputs are errors that name what is
// wrong, and that nothing is written.
func TestRenderRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Input, *Options)
		want string
	}{
		{"no role", func(in *Input, _ *Options) { in.Role = nil }, "needs a role"},
		{"unknown variant", func(_ *Input, o *Options) { o.Variant = "web" }, `unknown variant "web"`},
		{"missing language", func(in *Input, _ *Options) { in.Langs = []string{"de-CH"} }, "role sre has no de-CH text"},
		{"character the font lacks", func(in *Input, _ *Options) { in.Personal = &edition.Personal{Client: "Acme 株式会社"} },
			"client: '株' (U+682A) is not in the font"},
		{"note too long", func(in *Input, _ *Options) {
			in.Personal = &edition.Personal{Client: "Acme", Note: strings.Repeat("word ", 70)}
		}, "note: 350 characters, more than the 300"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, opt := input(t, "a4", "en"), Options{}
			tc.edit(&in, &opt)
			var w bytes.Buffer
			_, err := Render(context.Background(), &w, in, opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
			if w.Len() != 0 {
				t.Errorf("%d bytes written", w.Len())
			}
		})
	}
}
