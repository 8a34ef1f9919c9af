package layout

import (
	"fmt"
	"strings"

	"github.com/brochure-dev/brochure/internal/frame"
)

// Dump writes frames as text, one item a line, positions in points with
// one decimal: for tests and for looking at a layout without a PDF.
func Dump(d *frame.Document) string {
	var b strings.Builder
	for i, pg := range d.Pages {
		fmt.Fprintf(&b, "page %d\n", i+1)
		for _, it := range pg.Items {
			switch it := it.(type) {
			case *frame.Text:
				fmt.Fprintf(&b, "  text %-8s %v %s %.1fpt %q\n", it.Tag, it.Bounds(), it.Face.Name(), it.Size, it.Text)
			case *frame.Box:
				fmt.Fprintf(&b, "  box  %-8s %v\n", it.Tag, it.Rect)
			case *frame.Link:
				fmt.Fprintf(&b, "  link %v %s\n", it.Rect, it.URI)
			default:
				fmt.Fprintf(&b, "  %s %v\n", it.Kind(), it.Bounds())
			}
		}
		for _, m := range pg.Bookmarks {
			fmt.Fprintf(&b, "  bookmark %.1f %q\n", m.Y, m.Title)
		}
	}
	return b.String()
}
