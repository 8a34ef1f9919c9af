package design_test

import (
	"slices"
	"testing"

	"github.com/brochure-dev/brochure/internal/design"
)

// TestFoldedFormatErrors covers what booklets and trifolds add to a
// layout: mirrored margins, a page count in fours, panels.
func TestFoldedFormatErrors(t *testing.T) {
	runErrCases(t, []errCase{
		{
			name:    "booklet text too near the spine",
			layout:  "a5-booklet",
			changes: []change{{"a5-booklet.toml", `inside = "16mm"`, `inside = "8mm"`}},
			want:    `layouts/a5-booklet.toml:⟨inside =⟩:1: page.margins.inside: 8mm: a booklet keeps text at least 10mm from the spine`,
		},
		{
			name:    "booklet pages not in fours",
			layout:  "a5-booklet",
			changes: []change{{"a5-booklet.toml", "pages = 0", "pages = 6"}},
			want:    `layouts/a5-booklet.toml:⟨pages = 6⟩:1: pages: a saddle-stitched booklet has a multiple of 4 pages, not 6 (0: as many as the content needs, padded with notes pages)`,
		},
		{
			name:    "booklet with left and right margins",
			layout:  "a5-booklet",
			changes: []change{{"a5-booklet.toml", `inside = "16mm"`, `left = "16mm"`}, {"a5-booklet.toml", `outside = "13mm"`, `right = "13mm"`}},
			want:    `layouts/a5-booklet.toml:⟨[page.margins]⟩:1: page.margins: a booklet gives inside and outside margins (the inside one by the spine, at least 10mm), not left and right`,
		},
		{
			name:    "inside margin outside a booklet",
			changes: []change{{"a4.toml", `left = "16mm"`, `inside = "16mm"`}},
			want:    `layouts/a4.toml:⟨inside =⟩:1: page.margins: inside and outside are for booklets (kind = "booklet"); give left and right`,
		},
		{
			name:    "trifold panels that do not add up",
			layout:  "trifold",
			changes: []change{{"trifold.toml", `"97mm", "100mm", "100mm"`, `"90mm", "100mm", "100mm"`}},
			want:    `layouts/trifold.toml:⟨panels =⟩:1: page.panels: the panels add up to 290.0mm, the page is 297.0mm wide`,
		},
		{
			name:    "trifold without panels",
			layout:  "trifold",
			changes: []change{{"trifold.toml", `panels = ["97mm", "100mm", "100mm"]`, ``}},
			want:    `layouts/trifold.toml:⟨[page]⟩:1: page.panels: a trifold gives its three panel widths, outside left to right, like ["97mm", "100mm", "100mm"]`,
		},
		{
			name:    "side-by-side in three columns",
			layout:  "side-by-side",
			changes: []change{{"side-by-side.toml", "columns = 2", "columns = 3"}},
			want:    `layouts/side-by-side.toml:⟨columns = 3⟩:1: page.columns: a side-by-side edition has 2 columns, one per language, not 3`,
		},
		{
			name:    "unknown kind",
			changes: []change{{"a4.toml", `description =`, `kind = "zine"` + "\n" + `description =`}},
			want:    `layouts/a4.toml:⟨kind =⟩:1: kind: "zine" is not "guide", "poster", "booklet", "trifold" or "side-by-side"`,
		},
	})
}

func TestPieces(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []design.Piece
	}{
		{"", nil},
		{"plain", []design.Piece{{Text: "plain"}}},
		{"{brand} · {web}", []design.Piece{{Name: "brand"}, {Text: " · "}, {Name: "web"}}},
		{"p. {page}!", []design.Piece{{Text: "p. "}, {Name: "page"}, {Text: "!"}}},
	} {
		if got := design.Pieces(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Pieces(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
