package layout

import (
	"errors"
	"fmt"

	"github.com/brochure-dev/brochure/internal/frame"
)

// checkGlyphs reports characters that a text's font cannot show, and
// characters beyond U+FFFF, which the PDF writer cannot embed.
func checkGlyphs(d *frame.Document) error {
	var errs []error
	seen := map[string]bool{}
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			t, ok := it.(*frame.Text)
			if !ok {
				continue
			}
			for _, r := range t.Text {
				if r <= 0xFFFF && t.Face.Has(r) {
					continue
				}
				key := t.Face.Name() + string(r)
				if seen[key] {
					continue
				}
				seen[key] = true
				why := "the font " + t.Face.Name() + " has no glyph for it"
				if r > 0xFFFF {
					why = "characters beyond U+FFFF cannot be embedded"
				}
				errs = append(errs, fmt.Errorf("character %q (U+%04X) in %q: %s", r, r, t.Text, why))
			}
		}
	}
	return errors.Join(errs...)
}
