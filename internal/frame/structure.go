package frame

import "fmt"

// Role is the kind of a structure element. The vocabulary is closed: the
// standard structure types of PDF (ISO 32000-1, 14.8.4) that a brochure
// uses, which screen readers know.
type Role string

// The roles. A heading's level is Node.Level, not part of its role.
const (
	RoleDocument Role = "Document" // the tree's root
	RolePart     Role = "Part"     // one language's text in a bilingual edition
	RoleSect     Role = "Sect"     // a section, panel or cover
	RoleHeading  Role = "H"        // a heading of Node.Level: H1, H2, …
	RoleP        Role = "P"        // a paragraph or a line of display text
	RoleNote     Role = "Note"     // a note commenting what precedes it
	RoleL        Role = "L"        // a list
	RoleLI       Role = "LI"       // a list item: Lbl then LBody
	RoleLbl      Role = "Lbl"      // a list item's bullet
	RoleLBody    Role = "LBody"    // a list item's text
	RoleTable    Role = "Table"
	RoleTR       Role = "TR"
	RoleTH       Role = "TH" // a header cell, with its Scope
	RoleTD       Role = "TD"
	RoleFigure   Role = "Figure" // a picture, with its Alt text
	RoleLink     Role = "Link"   // a link's text and its clickable area
	// RoleArtifact marks what a screen reader skips: running headers and
	// footers, page numbers, bands, rules, decoration.
	RoleArtifact Role = "Artifact"
)

// Scope is what a table header cell heads.
type Scope string

// The scopes of a header cell.
const (
	ScopeColumn Scope = "Column"
	ScopeRow    Scope = "Row"
)

// Node is an element of the document's logical structure. Items point at
// the element they belong to (their Struct field); the tree orders the
// elements for reading, whatever order the items are drawn in.
//
// An element's own items are read in drawing order (page by page); its
// kids come in their order, each read before the element's first own
// item drawn after the kid's first item (a link inside a paragraph).
type Node struct {
	Role Role
	// Level is a heading's level, from 1.
	Level int
	// Alt is a figure's alternative text: what a reader hears instead of
	// the picture.
	Alt string
	// Lang is the language of the element's text (BCP 47), when it
	// differs from its parent's.
	Lang string
	// Scope is what a header cell heads.
	Scope Scope
	Kids  []*Node
}

// Artifact is the element of items a screen reader skips; Pagination is
// that of running headers, footers and page numbers, which a PDF marks
// as such. They are shared and have no kids: never add to them.
var (
	Artifact   = &Node{Role: RoleArtifact}
	Pagination = &Node{Role: RoleArtifact}
)

// NewTree returns the root of a document's structure.
func NewTree() *Node { return &Node{Role: RoleDocument} }

// Add appends a new element of role r to n and returns it.
func (n *Node) Add(r Role) *Node {
	if n.Role == RoleArtifact {
		panic("frame: adding to an artifact element")
	}
	k := &Node{Role: r}
	n.Kids = append(n.Kids, k)
	return k
}

// AddHeading appends a heading of the given level (from 1).
func (n *Node) AddHeading(level int) *Node {
	h := n.Add(RoleHeading)
	h.Level = level
	return h
}

// AddFigure appends a figure with its alternative text.
func (n *Node) AddFigure(alt string) *Node {
	f := n.Add(RoleFigure)
	f.Alt = alt
	return f
}

// AddHeader appends a header cell of the given scope.
func (n *Node) AddHeader(s Scope) *Node {
	h := n.Add(RoleTH)
	h.Scope = s
	return h
}

// IsArtifact says whether items of n are skipped by a screen reader.
func (n *Node) IsArtifact() bool { return n == nil || n.Role == RoleArtifact }

// Name is the element's PDF structure type: its role, with the level for
// a heading ("H2").
func (n *Node) Name() string {
	if n.Role == RoleHeading {
		return fmt.Sprintf("H%d", n.Level)
	}
	return string(n.Role)
}

// Walk calls fn for n and every element under it, depth first in reading
// order, with its depth (0 for n); fn returning false skips the element's
// kids.
func (n *Node) Walk(fn func(e *Node, depth int) bool) {
	var walk func(e *Node, d int)
	walk = func(e *Node, d int) {
		if !fn(e, d) {
			return
		}
		for _, k := range e.Kids {
			walk(k, d+1)
		}
	}
	walk(n, 0)
}
