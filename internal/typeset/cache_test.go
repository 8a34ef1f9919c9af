package typeset

import (
	"os"
	"reflect"
	"sync"
	"testing"

	"github.com/brochure-dev/brochure/internal/font"
)

// TestCacheMatchesFresh sets paragraphs through one cache at the sizes
// copy-fitting tries, largest first, and checks each against the
// paragraph set afresh at that size: the same lines, runs and widths, to
// the bit. The paragraphs have two faces, soft hyphens, an address,
// justified and ragged lines, and words wider than the line.
func TestCacheMatchesFresh(t *testing.T) {
	regular := inter(t)
	data, err := os.ReadFile("../../fonts/Inter-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	boldFace, err := font.Parse("Inter-Bold.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	bold := Style{Face: boldFace, Size: 12}
	fr := realFrench(t)
	paragraphs := []struct {
		name  string
		spans []Span
		opt   Options
	}{
		{"justified, hyphenated", []Span{{Text: french, Style: regular}}, Options{Align: Justify, Hyphen: fr, Width: 180}},
		{"ragged, two faces", []Span{{Text: "Salaire brut annuel : ", Style: bold}, {Text: french, Style: regular}}, Options{Align: Left, Hyphen: fr, Width: 150}},
		{"soft hyphens and an address", []Span{{Text: "Infra\u00adstruc\u00adture écrite https://example.com/very/long/address/for/the/role et ob\u00adser\u00adva\u00adbi\u00adli\u00adté", Style: regular}}, Options{Align: Justify, Hyphen: fr, Width: 60}},
		{"no hyphenation", []Span{{Text: french, Style: bold}}, Options{Align: Justify, Width: 200}},
	}
	cache := NewCache()
	for _, scale := range []float64{1, 0.98, 0.86, 0.72, 1} {
		for _, p := range paragraphs {
			spans := make([]Span, len(p.spans))
			for i, sp := range p.spans {
				sp.Style.Size *= scale
				spans[i] = sp
			}
			fresh := Set(spans, p.opt)
			opt := p.opt
			opt.Cache = cache
			cached := Set(spans, opt)
			if !reflect.DeepEqual(cached, fresh) {
				t.Errorf("%s at %g: from the cache %q, afresh %q", p.name, scale, text(cached.Lines), text(fresh.Lines))
			}
			// A Setter at several widths, as a balanced title is set; its
			// words are those split afresh.
			s := NewSetter(spans, opt)
			if !reflect.DeepEqual(s.words, split(spans)) {
				t.Errorf("%s at %g: the words from the cache are not those split afresh", p.name, scale)
			}
			for _, w := range []float64{p.opt.Width, p.opt.Width / 2, p.opt.Width * 1.5} {
				o := p.opt
				o.Width = w
				if got, want := s.Set(w), Set(spans, o); !reflect.DeepEqual(got, want) {
					t.Errorf("%s at %g, width %g: from the cache %q, afresh %q", p.name, scale, w, text(got.Lines), text(want.Lines))
				}
			}
		}
	}
	if n := len(cache.m); n != len(paragraphs) {
		t.Errorf("the cache holds %d paragraphs, want %d: one per text, whatever its size", n, len(paragraphs))
	}
}

// TestCacheConcurrent sets the same paragraphs from several goroutines at
// once, at several sizes (run with -race).
func TestCacheConcurrent(t *testing.T) {
	st := inter(t)
	fr := realFrench(t)
	cache := NewCache()
	want := map[float64]Paragraph{}
	for _, size := range []float64{10, 9.5, 9} {
		st.Size = size
		want[size] = Set([]Span{{Text: french, Style: st}}, Options{Align: Justify, Hyphen: fr, Width: 150})
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, size := range []float64{10, 9.5, 9} {
				s := st
				s.Size = size
				got := Set([]Span{{Text: french, Style: s}}, Options{Align: Justify, Hyphen: fr, Width: 150, Cache: cache})
				if !reflect.DeepEqual(got, want[size]) {
					t.Errorf("size %g: %q, want %q", size, text(got.Lines), text(want[size].Lines))
				}
			}
		})
	}
	wg.Wait()
}

// funcHyphenator is a Hyphenator of a type that cannot be a map key.
type funcHyphenator struct{ f func(string) []int }

func (h funcHyphenator) Points(w string) []int { return h.f(w) }

// TestCacheUncomparableHyphenator sets, without caching it, a paragraph
// whose hyphenator's type cannot be told apart (a map key would panic).
func TestCacheUncomparableHyphenator(t *testing.T) {
	st := inter(t)
	hy := funcHyphenator{func(string) []int { return nil }}
	cache := NewCache()
	got := Set([]Span{{Text: french, Style: st}}, Options{Align: Justify, Hyphen: hy, Width: 150, Cache: cache})
	if want := Set([]Span{{Text: french, Style: st}}, Options{Align: Justify, Hyphen: hy, Width: 150}); !reflect.DeepEqual(got, want) {
		t.Errorf("%q, want %q", text(got.Lines), text(want.Lines))
	}
	if len(cache.m) != 0 {
		t.Errorf("the cache holds %d paragraphs, want none", len(cache.m))
	}
}
