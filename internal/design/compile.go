package design

import (
	"github.com/brochure-dev/brochure/internal/lang"

	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/brochure-dev/brochure/internal/color"
	"github.com/brochure-dev/brochure/internal/font"
	"github.com/brochure-dev/brochure/internal/icc"
	"github.com/brochure-dev/brochure/internal/tomlfile"
	"github.com/brochure-dev/brochure/internal/units"
)

// compileLayout checks a decoded layout and resolves its names.
func (l *Loader) compileLayout(name string, f *tomlfile.File, s *layoutFile, brand *Brand) (*Layout, []error) {
	var errs []error
	bad := func(key string, format string, args ...any) {
		errs = append(errs, f.Errorf(strings.Split(key, "."), format, args...))
	}
	lay := &Layout{
		Name: name, Description: s.Description, Pages: s.Pages, Brand: brand,
		Columns: s.Page.Columns, Gutter: pt(s.Page.Gutter), Sections: s.Sections,
		CoverBand: pt(s.Cover.Band),
		Styles:    map[string]Style{}, Colors: map[string]color.Color{},
		Faces:          map[string]*font.Face{},
		Header:         [2]string{s.Header.Left, s.Header.Right},
		Footer:         [2]string{s.Footer.Left, s.Footer.Right},
		file:           f,
		Typography:     s.Typography == nil || *s.Typography,
		NeverHyphenate: s.NeverHyphenate,
		MinBody:        pt(s.MinBody),
	}
	lay.Languages = s.Languages
	if len(s.Languages) == 1 {
		bad("languages", "languages: a bilingual edition names two languages or more, like [\"en\", \"fr\"]")
	}
	for _, l := range s.Languages {
		if _, err := lang.Match(l); err != nil {
			bad("languages", "languages: %v", err)
		}
	}
	switch s.Kind {
	case "", "guide":
		lay.Kind = "guide"
	case "poster", "booklet", "trifold", "side-by-side":
		lay.Kind = s.Kind
	default:
		bad("kind", "kind: %q is not \"guide\", \"poster\", \"booklet\", \"trifold\" or \"side-by-side\"", s.Kind)
	}
	if lay.Kind == "side-by-side" && len(s.Languages) != 2 {
		bad("languages", "languages: a side-by-side edition sets two languages in parallel columns, like [\"en\", \"fr\"]")
	}
	if lay.Kind == "side-by-side" && f.Has("page", "columns") && s.Page.Columns != 2 {
		bad("page.columns", "page.columns: a side-by-side edition has 2 columns, one per language, not %d", s.Page.Columns)
	}
	lay.Bleed, lay.Safe, lay.CropMarks = pt(3*units.Mm), pt(5*units.Mm), true
	if s.Page.Size == "Letter" || s.Page.Size == "Legal" {
		lay.Bleed = pt(units.In / 8)
	}
	if s.Print.Bleed != nil {
		lay.Bleed = pt(*s.Print.Bleed)
		if lay.Bleed < 0 || lay.Bleed > pt(20*units.Mm) {
			bad("print.bleed", "print.bleed: %s: want 0 to 20mm", *s.Print.Bleed)
		}
	}
	if s.Print.Safe != nil {
		lay.Safe = pt(*s.Print.Safe)
	}
	switch s.Print.Marks {
	case "", "crop":
	case "none":
		lay.CropMarks = false
	default:
		bad("print.marks", "print.marks: %q is not \"crop\" or \"none\"", s.Print.Marks)
	}
	lay.Intent = icc.FOGRA39
	switch s.Print.Standard {
	case "", "PDF/X-4":
	case "PDF/X-1a", "PDF/X-1a:2001", "PDF/X-1a:2003":
		bad("print.standard", "print.standard: %q cannot be met: PDF/X-1a asks for PDF 1.3 or 1.4 syntax, without the object and cross-reference streams brochure writes, and for no transparency; use \"PDF/X-4\", which print shops' current preflight profiles accept", s.Print.Standard)
	default:
		bad("print.standard", "print.standard: %q is not \"PDF/X-4\"", s.Print.Standard)
	}
	if s.Print.OutputIntent != "" {
		p, err := icc.ForPrint(s.Print.OutputIntent)
		if err != nil {
			bad("print.output_intent", "print.output_intent: %v", err)
		}
		lay.Intent = p
	}
	switch s.Fit {
	case "", "none":
	case "shrink":
		lay.Shrink = true
		if s.MinBody <= 0 {
			bad("min_body", "min_body: give the smallest body size shrinking may reach, like \"8.5pt\"")
		}
	default:
		bad("fit", "fit: %q is not \"none\" or \"shrink\"", s.Fit)
	}
	m := s.Page.Margins
	lay.Margins = Margins{Top: pt(m.Top), Right: pt(m.Right), Bottom: pt(m.Bottom), Left: pt(m.Left)}

	// Page size: a name, or width and height.
	switch size, named := PageSizes[s.Page.Size]; {
	case s.Page.Size != "" && !named:
		bad("page.size", "page.size: unknown size %q (known: A3, A4, A5, Letter, Legal; or give width and height)", s.Page.Size)
	case named:
		lay.Width, lay.Height = pt(size[0]), pt(size[1])
	case s.Page.Width > 0 && s.Page.Height > 0:
		lay.Width, lay.Height = pt(s.Page.Width), pt(s.Page.Height)
	default:
		bad("page.size", "page: give a size (like \"A4\") or a width and a height")
	}
	errs = append(errs, compileFolded(f, s, lay)...)
	if lay.Pages < 0 {
		bad("pages", "pages: %d is negative", lay.Pages)
	}
	switch {
	case !f.Has("page", "columns"):
		bad("page.columns", "missing page.columns (1 to 4)")
	case lay.Columns < 1 || lay.Columns > 4:
		bad("page.columns", "page.columns: %d: want 1 to 4", lay.Columns)
	}
	if lay.Width > 0 && lay.Margins.Left+lay.Margins.Right+float64(lay.Columns-1)*lay.Gutter >= lay.Width/2 {
		bad("page.margins", "page.margins: the margins and gutters leave less than half the page width for text")
	}
	if len(s.Sections) == 0 {
		bad("sections", "sections: list the role's sections to show, in order")
	}
	seen := map[string]bool{}
	for _, id := range s.Sections {
		if seen[id] {
			bad("sections", "sections: %q is listed twice", id)
		}
		seen[id] = true
	}

	// Faces: load has parsed them (startFaces).
	for faceName, file := range s.Faces {
		face, err := l.face(file)
		if err != nil {
			bad("faces."+faceName, "faces.%s: %v", faceName, err)
			continue
		}
		lay.Faces[faceName] = face
	}
	lay.Fallback = lay.Faces[FallbackFace]
	// Text styles.
	known := map[string]bool{}
	for _, role := range TextRoles {
		known[role] = true
		spec, ok := s.Text[role]
		key := "text." + role
		if !ok {
			bad(key, "%s: missing (every layout styles: %s)", key, strings.Join(TextRoles, ", "))
			continue
		}
		st := Style{Size: pt(spec.Size), Leading: pt(spec.Leading)}
		switch face, ok := lay.Faces[spec.Face]; {
		case ok:
			st.Face = face
		case spec.Face == "":
			bad(key+".face", "%s: missing face (faces: %s)", key, keys(s.Faces))
		case !has(s.Faces, spec.Face):
			bad(key+".face", "%s: unknown face %q (faces: %s)", key, spec.Face, keys(s.Faces))
		}
		switch {
		case spec.Size == 0:
			bad(key+".size", "%s: missing size (like \"10pt\")", key)
		case st.Size < 4 || st.Size > 200:
			bad(key+".size", "%s: size %s: want 4pt to 200pt", key, spec.Size)
		case spec.Leading == 0:
			bad(key+".leading", "%s: missing leading (the distance from baseline to baseline, like \"14pt\")", key)
		case st.Leading < st.Size:
			bad(key+".leading", "%s: leading %s is smaller than the size %s", key, spec.Leading, spec.Size)
		}
		if spec.Color == "" {
			bad(key+".color", "%s: missing color (a palette colour)", key)
		} else {
			st.Color = resolve(brand, spec.Color, func(msg string) { bad(key+".color", "%s: %s", key, msg) })
		}
		switch spec.Align {
		case "", "left":
		case "justify":
			st.Justify = true
		default:
			bad(key+".align", "%s: align %q is not \"left\" or \"justify\"", key, spec.Align)
		}
		lay.Styles[role] = st
	}
	for role := range s.Text {
		if !known[role] {
			bad("text."+role, "text.%s: unknown text role (roles: %s)", role, strings.Join(TextRoles, ", "))
		}
	}
	// Colours.
	knownColors := map[string]bool{}
	for _, role := range ColorRoles {
		knownColors[role] = true
		name, ok := s.Colors[role]
		if !ok {
			bad("colors."+role, "colors.%s: missing (every layout colours: %s)", role, strings.Join(ColorRoles, ", "))
			continue
		}
		lay.Colors[role] = resolve(brand, name, func(msg string) { bad("colors."+role, "colors.%s: %s", role, msg) })
	}
	for role := range s.Colors {
		if !knownColors[role] {
			bad("colors."+role, "colors.%s: unknown (known: %s)", role, strings.Join(ColorRoles, ", "))
		}
	}
	for i, tmpl := range append(lay.Header[:], lay.Footer[:]...) {
		key := [...]string{"header.left", "header.right", "footer.left", "footer.right"}[i]
		if err := checkTemplate(tmpl); err != nil {
			bad(key, "%s: %v", key, err)
		}
	}
	if len(errs) == 0 {
		checkContrast(lay, bad)
	}
	return lay, errs
}

// resolve finds a palette colour by name, reporting an unknown name. A
// name the brand declares with a bad value, or any name when the brand
// file could not be read, is not reported: the brand's errors are.
func resolve(b *Brand, name string, report func(string)) color.Color {
	if c, ok := b.Palette[name]; ok {
		return c
	}
	if b.declared != nil && !b.declared[name] && !b.file.Omitted("palette", name) {
		report(fmt.Sprintf("unknown palette colour %q (palette: %s)", name, keys(b.declared)))
	}
	return color.Black
}

// Placeholders are the names a header or footer template may use.
var Placeholders = []string{"brand", "web", "email", "phone", "title", "kicker", "page", "prepared"}

var placeholderRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{([^{}]*)\}`) })

func checkTemplate(t string) error {
	for _, m := range placeholderRE().FindAllStringSubmatch(t, -1) {
		ok := false
		for _, p := range Placeholders {
			ok = ok || m[1] == p
		}
		if !ok {
			return fmt.Errorf("unknown placeholder {%s} (known: {%s})", m[1], strings.Join(Placeholders, "} {"))
		}
	}
	return nil
}

// Expand fills a header or footer template.
func Expand(t string, values map[string]string) string {
	return placeholderRE().ReplaceAllStringFunc(t, func(m string) string { return values[m[1:len(m)-1]] })
}

// Piece is a part of a template: literal text, or a placeholder's name.
type Piece struct{ Text, Name string }

// Pieces splits a template into literal text and placeholders, in order.
func Pieces(t string) []Piece {
	var out []Piece
	last := 0
	for _, m := range placeholderRE().FindAllStringSubmatchIndex(t, -1) {
		if m[0] > last {
			out = append(out, Piece{Text: t[last:m[0]]})
		}
		out = append(out, Piece{Name: t[m[2]:m[3]]})
		last = m[1]
	}
	if last < len(t) {
		out = append(out, Piece{Text: t[last:]})
	}
	return out
}

func keys[V any](m map[string]V) string { return strings.Join(sortedNames(m), ", ") }

func has[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}
