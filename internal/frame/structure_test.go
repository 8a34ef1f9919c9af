package frame

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/font"
)

// TestCheckStructure builds small documents, each with one thing wrong,
// and checks that CheckStructure names it; the sound one passes.
func TestCheckStructure(t *testing.T) {
	face := &font.Face{}
	text := func(s string, n *Node) *Text { return &Text{Text: s, Face: face, Struct: n} }
	type build func() *Document
	doc := func(items func(root *Node) []Item) build {
		return func() *Document {
			root := NewTree()
			return &Document{Structure: root, Pages: []*Page{{Items: items(root)}}}
		}
	}
	tests := []struct {
		name string
		doc  build
		want string // "" for a sound document
	}{
		{"sound", doc(func(r *Node) []Item {
			s := r.Add(RoleSect)
			h := s.AddHeading(1)
			l := s.Add(RoleL).Add(RoleLI)
			lbl, body := l.Add(RoleLbl), l.Add(RoleLBody)
			tr := s.Add(RoleTable).Add(RoleTR)
			th, td := tr.AddHeader(ScopeRow), tr.Add(RoleTD)
			p := s.Add(RoleP)
			link := p.Add(RoleLink)
			return []Item{text("Title", h), &Box{Struct: lbl}, text("item", body), text("Junior", th), text("45k", td),
				text("see ", p), text("example.org", link), &Link{URI: "https://example.org", Struct: link},
				text("page 1", Artifact), &Rule{}}
		}), ""},
		{"no tree", func() *Document { return &Document{} }, "no Document element"},
		{"loose text", doc(func(r *Node) []Item {
			return []Item{text("Title", r.AddHeading(1)), text("stray", nil)}
		}), `text "stray" belongs to no element`},
		{"outside the tree", doc(func(r *Node) []Item {
			return []Item{text("Title", r.AddHeading(1)), text("lost", NewTree().Add(RoleP))}
		}), "outside the tree"},
		{"in the tree twice", doc(func(r *Node) []Item {
			h := r.AddHeading(1)
			r.Add(RoleSect).Kids = []*Node{h}
			return []Item{text("Title", h)}
		}), "in the tree twice"},
		{"skipped level", doc(func(r *Node) []Item {
			return []Item{text("Title", r.AddHeading(1)), text("Deep", r.AddHeading(3))}
		}), "H3 follows H1"},
		{"first heading not H1", doc(func(r *Node) []Item {
			return []Item{text("Section", r.AddHeading(2))}
		}), "the first heading is H2"},
		{"figure without alt", doc(func(r *Node) []Item {
			return []Item{text("Title", r.AddHeading(1)), &Path{Struct: r.AddFigure(" ")}}
		}), "figure has no alternative text"},
		{"header cell without scope", doc(func(r *Node) []Item {
			return []Item{text("Title", r.AddHeading(1)), text("Level", r.Add(RoleTable).Add(RoleTR).Add(RoleTH))}
		}), "header cell has no scope"},
		{"link outside a Link", doc(func(r *Node) []Item {
			p := r.Add(RoleP)
			return []Item{text("x", p), &Link{URI: "https://example.org", Struct: p}}
		}), "in no Link element"},
		{"empty element", doc(func(r *Node) []Item {
			h := r.AddHeading(1)
			r.Add(RoleSect).Add(RoleP)
			return []Item{text("Title", h)}
		}), "Sect (under Document) has nothing in it"},
		{"item outside a list", doc(func(r *Node) []Item {
			return []Item{text("x", r.Add(RoleSect).Add(RoleLI).Add(RoleLBody))}
		}), "LI in Sect, not in L"},
		{"part without language", doc(func(r *Node) []Item {
			return []Item{text("Title", r.Add(RolePart).AddHeading(1))}
		}), "a Part has no language"},
	}
	for _, tt := range tests {
		err := CheckStructure(tt.doc())
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.want)
		}
	}
}
