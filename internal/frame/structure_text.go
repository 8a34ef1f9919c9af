package frame

import (
	"fmt"
	"strings"
)

// StructureText is d's structure as an indented outline, one element a
// line, with the text of its own items in drawing order, its language
// and its alternative text: what a screen reader follows, for tests and
// the README.
//
//	Sect
//	  H2 "Missions"
//	  P "Keep services…"
func (d *Document) StructureText() string {
	if d.Structure == nil {
		return ""
	}
	text := map[*Node]*strings.Builder{}
	for _, pg := range d.Pages {
		for _, it := range pg.Items {
			t, ok := it.(*Text)
			if !ok || t.Struct.IsArtifact() {
				continue
			}
			b := text[t.Struct]
			if b == nil {
				b = &strings.Builder{}
				text[t.Struct] = b
			}
			if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") && !strings.HasPrefix(t.Text, " ") {
				b.WriteByte(' ')
			}
			b.WriteString(t.Text)
		}
	}
	var out strings.Builder
	d.Structure.Walk(func(n *Node, depth int) bool {
		out.WriteString(strings.Repeat("  ", depth))
		out.WriteString(n.Name())
		if n.Lang != "" {
			fmt.Fprintf(&out, " lang=%s", n.Lang)
		}
		if n.Scope != "" {
			fmt.Fprintf(&out, " scope=%s", n.Scope)
		}
		if n.Alt != "" {
			fmt.Fprintf(&out, " alt=%q", n.Alt)
		}
		if b := text[n]; b != nil {
			fmt.Fprintf(&out, " %q", strings.Join(strings.Fields(b.String()), " "))
		}
		out.WriteByte('\n')
		return true
	})
	return out.String()
}
