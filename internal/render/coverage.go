package render

import (
	"errors"
	"fmt"
	"slices"

	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/edition"
)

// coverage refuses personal fields with characters that a face of the
// layout cannot show (nor its fallback face, if it names one), naming the field and each character once, so that
// nothing typed is silently dropped or drawn as a blank box.
func coverage(p *edition.Personal, lay *design.Layout) error {
	var errs []error
	faces := sortedFaces(lay)
	for _, f := range []struct{ name, text string }{{"client", p.Client}, {"contact", p.Contact}, {"note", p.Note}} {
		seen := map[rune]bool{}
		for _, r := range f.text {
			if seen[r] {
				continue
			}
			seen[r] = true
			if lay.Fallback != nil && lay.Fallback.Has(r) {
				continue // set in the fallback face
			}
			for _, name := range faces {
				if face := lay.Faces[name]; face != lay.Fallback && !face.Has(r) {
					errs = append(errs, &edition.Field{Name: f.name, Err: fmt.Errorf("%q (U+%04X) is not in the font %s of layout %s", r, r, face.Name(), lay.Name)})
					break
				}
			}
		}
	}
	return errors.Join(errs...)
}

// sortedFaces are the layout's face names in order, so that messages
// come out the same on every run.
func sortedFaces(lay *design.Layout) []string {
	names := make([]string, 0, len(lay.Faces))
	for n := range lay.Faces {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
