package document

import (
	"errors"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/tomlfile"
)

// checkCoverage reports the characters of a language file (and of
// role.toml's tool names) that a face of the layout lacks: one error per
// character and file, at its first use, with how often it is used. The
// same message comes from every layout with the same fonts, so a batch
// lists it once. Invisible format characters (soft hyphens, joiners) are
// left out: the typesetter drops those a face lacks.
func checkCoverage(role *content.Role, lang string, lay *design.Layout) error {
	faces := layoutFaces(lay)
	var errs []error
	check := func(name string, fields []content.Field) {
		f := role.Files[name]
		if f == nil || covered(fields, faces) {
			return
		}
		count := map[rune]int{}
		var order []rune
		for _, fd := range fields {
			for _, r := range *fd.Ptr {
				if ignored(r) {
					continue
				}
				if count[r] == 0 {
					order = append(order, r)
				}
				count[r]++
			}
		}
		for _, r := range order {
			for _, fc := range faces {
				if !fc.Has(r) {
					errs = append(errs, f.ErrorAt(nil, tomlfile.Spellings(r), "U+%04X %q is not in %s (used %s)", r, r, faceName(fc), times(count[r])))
					break
				}
			}
		}
	}
	check(content.FactsFile, role.Facts.Fields())
	if t := role.Texts[lang]; t != nil {
		check(lang+".toml", t.Fields())
	}
	return errors.Join(tomlfile.Sort(errs)...)
}

// covered reports whether every face has every character of the fields
// that checkCoverage checks: the usual case, found without counting.
func covered(fields []content.Field, faces []*font.Face) bool {
	for _, fd := range fields {
		for _, r := range *fd.Ptr {
			for _, fc := range faces {
				if !fc.Has(r) && !ignored(r) {
					return false
				}
			}
		}
	}
	return true
}

// ignored reports whether checkCoverage leaves r out: spaces, controls
// and invisible format characters, which the typesetter drops where a
// face lacks them.
func ignored(r rune) bool { return r == ' ' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }

// layoutFaces are the faces the layout's text styles use, by name.
func layoutFaces(lay *design.Layout) []*font.Face {
	seen := map[*font.Face]bool{}
	var faces []*font.Face
	for _, st := range lay.Styles {
		if st.Face != nil && !seen[st.Face] {
			seen[st.Face] = true
			faces = append(faces, st.Face)
		}
	}
	sort.Slice(faces, func(i, j int) bool { return faces[i].Name() < faces[j].Name() })
	return faces
}

// faceName is a face's file name without its extension: "Inter-Bold".
func faceName(f *font.Face) string {
	return strings.TrimSuffix(f.Name(), path.Ext(f.Name()))
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return strconv.Itoa(n) + " times"
}
