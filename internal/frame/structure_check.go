package frame

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// CheckStructure says what is wrong with d's structure, all at once:
// text, pictures and links that belong to no element, or to one outside
// the tree; elements in the tree twice, or with nothing in them; heading
// levels that skip (an H3 after an H1), the first heading included (an
// H1), across parts too; figures without alternative text; header cells without scope;
// lists, tables and parts not made as PDF requires (an LI in an L, a TD
// in a TR, a Part with its language). Decoration (boxes, rules, paths)
// may be left out of the tree: it is an artifact.
func CheckStructure(d *Document) error {
	if d.Structure == nil || d.Structure.Role != RoleDocument {
		return errors.New("structure: no Document element")
	}
	var errs []error
	fail := func(format string, args ...any) {
		if len(errs) < 20 {
			errs = append(errs, fmt.Errorf("structure: "+format, args...))
		}
	}
	in := map[*Node]bool{}      // the elements in the tree
	parent := map[*Node]*Node{} // each element's parent
	d.Structure.Walk(func(n *Node, _ int) bool {
		if in[n] {
			fail("element %s is in the tree twice", n.Name())
			return false
		}
		in[n] = true
		for _, k := range n.Kids {
			parent[k] = n
			if msg := kidError(n, k); msg != "" {
				fail("%s", msg)
			}
		}
		return true
	})
	used := map[*Node]bool{} // elements with items of their own
	for i, pg := range d.Pages {
		for _, it := range pg.Items {
			s := StructOf(it)
			switch it := it.(type) {
			case *Text:
				if it.Text == "" {
					continue
				}
				if s == nil {
					fail("page %d: text %q belongs to no element and is no artifact", i+1, shorten(it.Text))
					continue
				}
			case *Image:
				if s == nil {
					fail("page %d: an image belongs to no element and is no artifact", i+1)
					continue
				}
			case *Link:
				if s == nil || s.Role != RoleLink {
					fail("page %d: the link to %s is in no Link element", i+1, it.URI)
					continue
				}
			}
			if s.IsArtifact() {
				continue
			}
			if !in[s] {
				fail("page %d: a %s item belongs to a %s element outside the tree", i+1, it.Kind(), s.Name())
				continue
			}
			used[s] = true
		}
	}
	// Every element has items, or kids that have.
	full := map[*Node]bool{}
	var filled func(n *Node) bool
	filled = func(n *Node) bool {
		ok := used[n]
		for _, k := range n.Kids {
			if filled(k) {
				ok = true
			}
		}
		full[n] = ok
		return ok
	}
	filled(d.Structure)
	last := 0 // the level of the heading before, in reading order
	d.Structure.Walk(func(n *Node, _ int) bool {
		if !full[n] {
			fail("element %s (under %s) has nothing in it", n.Name(), parentName(parent[n]))
			return false
		}
		switch n.Role {
		case RolePart:
			if n.Lang == "" {
				fail("a Part has no language")
			}
		case RoleHeading:
			switch {
			case n.Level < 1 || n.Level > 6:
				fail("heading level %d", n.Level)
			case last == 0 && n.Level != 1:
				fail("the first heading is %s, not H1", n.Name())
			case n.Level > last+1:
				fail("heading %s follows H%d: a level is skipped", n.Name(), last)
			}
			last = n.Level
		case RoleFigure:
			if strings.TrimSpace(n.Alt) == "" {
				fail("a figure has no alternative text")
			}
		case RoleTH:
			if n.Scope != ScopeColumn && n.Scope != ScopeRow {
				fail("a header cell has no scope")
			}
		}
		return true
	})
	return errors.Join(errs...)
}

// The kids some elements may have, and the parent some must have.
var (
	kidRoles = map[Role][]Role{
		RoleL:     {RoleLI},
		RoleLI:    {RoleLbl, RoleLBody},
		RoleTable: {RoleTR},
		RoleTR:    {RoleTH, RoleTD},
	}
	parentRole = map[Role]Role{RoleLI: RoleL, RoleLbl: RoleLI, RoleLBody: RoleLI, RoleTR: RoleTable, RoleTH: RoleTR, RoleTD: RoleTR}
)

// kidError says why k may not be a kid of n, or "".
func kidError(n, k *Node) string {
	if roles, ok := kidRoles[n.Role]; ok && !slices.Contains(roles, k.Role) {
		return fmt.Sprintf("%s in %s", k.Name(), n.Name())
	}
	if p, ok := parentRole[k.Role]; ok && n.Role != p {
		return fmt.Sprintf("%s in %s, not in %s", k.Name(), n.Name(), p)
	}
	switch {
	case k.Role == RoleDocument:
		return "a Document element inside " + n.Name()
	case k.Role == RoleArtifact:
		return "the artifact element inside " + n.Name()
	case k.Role == RolePart && n.Role != RoleDocument:
		return "a Part inside " + n.Name()
	}
	return ""
}

func parentName(n *Node) string {
	if n == nil {
		return "nothing"
	}
	return n.Name()
}

// StructOf is the element an item belongs to: nil, an artifact, or an
// element of the tree.
func StructOf(it Item) *Node {
	switch it := it.(type) {
	case *Text:
		return it.Struct
	case *Box:
		return it.Struct
	case *Rule:
		return it.Struct
	case *Path:
		return it.Struct
	case *Image:
		return it.Struct
	case *Link:
		return it.Struct
	}
	return nil
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
