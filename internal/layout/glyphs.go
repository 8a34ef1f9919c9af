package layout

import (
	"errors"
	"fmt"

	"github.com/brochure-dev/brochure/internal/frame"
)

// checkGlyphs reports characters that a text's font cannot show.
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
				if t.Face.Has(r) {
					continue
				}
				key := t.Face.Name() + string(r)
				if seen[key] {
					continue
				}
				seen[key] = true
				errs = append(errs, fmt.Errorf("character %q (U+%04X) in %q: the font %s has no glyph for it", r, r, t.Text, t.Face.Name()))
			}
		}
	}
	return errors.Join(errs...)
}
