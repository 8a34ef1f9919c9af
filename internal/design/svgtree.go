package design

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"sync"

	"github.com/brochure-dev/brochure/internal/tomlfile"
)

const svgNS = "http://www.w3.org/2000/svg"

var entityDecl = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`<!ENTITY\s+([A-Za-z_][\w.-]*)\s+"([^"&<]*)"\s*>`)
})

// maxDepth bounds the nesting of elements in a logo.
const maxDepth = 64

// node is an element of an SVG file.
type node struct {
	name  string            // local name; "" for elements of other namespaces (Inkscape's, Sodipodi's)
	attrs map[string]string // attributes without a prefix
	off   int               // where its "<" is in the file
	text  string            // character data, for <style>
	kids  []*node
}

func (n *node) attr(name string) string { return n.attrs[name] }

// readSVG reads the element tree of an SVG file, and the elements by id.
func readSVG(name string, data []byte) (*node, map[string]*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var root *node
	var stack []*node
	ids := map[string]*node{}
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, nil, &tomlfile.Error{File: name, Line: se.Line, Msg: "not an SVG file: " + se.Msg}
			}
			return nil, nil, &tomlfile.Error{File: name, Msg: "not an SVG file: " + err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			// Skip to the "<" of the element.
			if n := bytes.IndexByte(data[off:], '<'); n >= 0 {
				off += int64(n)
			}
			n := &node{attrs: map[string]string{}, off: int(off)}
			if t.Name.Space == "" || t.Name.Space == svgNS {
				n.name = t.Name.Local
			}
			for _, a := range t.Attr {
				if a.Name.Space == "" {
					n.attrs[a.Name.Local] = a.Value
				}
			}
			if id := n.attrs["id"]; id != "" && ids[id] == nil {
				ids[id] = n
			}
			if root == nil {
				if n.name != "svg" {
					line, col := lineCol(data, n.off)
					return nil, nil, &tomlfile.Error{File: name, Line: line, Col: col,
						Msg: "not an SVG file: the root element is <" + t.Name.Local + ">, want <svg>"}
				}
				root = n
			} else {
				if len(stack) == 0 {
					line, col := lineCol(data, n.off)
					return nil, nil, &tomlfile.Error{File: name, Line: line, Col: col,
						Msg: "not an SVG file: <" + t.Name.Local + "> after the end of <svg>"}
				}
				if len(stack) >= maxDepth {
					line, col := lineCol(data, n.off)
					return nil, nil, &tomlfile.Error{File: name, Line: line, Col: col,
						Msg: "elements nested more than 64 deep"}
				}
				parent := stack[len(stack)-1]
				parent.kids = append(parent.kids, n)
			}
			stack = append(stack, n)
		case xml.Directive:
			// Illustrator's editing data declares entities in the DOCTYPE
			// (<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">)
			// and refers to them in attributes.
			for _, m := range entityDecl().FindAllSubmatch(t, -1) {
				if d.Entity == nil {
					d.Entity = map[string]string{}
				}
				d.Entity[string(m[1])] = string(m[2])
			}
		case xml.CharData:
			if len(stack) > 0 && stack[len(stack)-1].name == "style" {
				stack[len(stack)-1].text += string(t)
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if root == nil {
		return nil, nil, &tomlfile.Error{File: name, Msg: "not an SVG file: no <svg> element"}
	}
	return root, ids, nil
}
