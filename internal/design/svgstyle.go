package design

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// styled are the presentation properties the logo reader looks at: the
// others (stroke-width with no stroke, font-size on a shape, Inkscape's
// own) change nothing a filled shape draws.
var styled = []string{
	"fill", "fill-rule", "fill-opacity", "opacity", "stroke", "stroke-width", "stroke-opacity", "display", "visibility",
	"clip-path", "mask", "filter", "mix-blend-mode", "marker", "marker-start", "marker-mid", "marker-end",
}

// cssRule is a rule of a <style> element: the declarations of one class.
type cssRule struct {
	class string
	decls [][2]string
}

var classSelector = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\.[A-Za-z_][\w-]*$`) })

// parseCSS reads a <style> element as Illustrator writes one
// (".st0{fill:#123F6D;}", ".cls-1,.cls-2{fill:#e8a317}"): class
// selectors only.
func parseCSS(css string) ([]cssRule, error) {
	for {
		i := strings.Index(css, "/*")
		if i < 0 {
			break
		}
		j := strings.Index(css[i+2:], "*/")
		if j < 0 {
			return nil, fmt.Errorf("unclosed comment")
		}
		css = css[:i] + " " + css[i+2+j+2:]
	}
	var rules []cssRule
	for _, chunk := range strings.Split(css, "}") {
		if strings.TrimSpace(chunk) == "" {
			continue
		}
		sel, body, ok := strings.Cut(chunk, "{")
		sel = strings.TrimSpace(sel)
		if strings.HasPrefix(sel, "@") {
			return nil, fmt.Errorf("%s is not supported", strings.Fields(sel)[0])
		}
		if !ok {
			return nil, fmt.Errorf("bad rule %q", strings.TrimSpace(chunk))
		}
		decls := parseDecls(body)
		for _, s := range strings.Split(sel, ",") {
			s = strings.TrimSpace(s)
			if !classSelector().MatchString(s) {
				return nil, fmt.Errorf("selector %q is not supported (only class selectors, like .st0)", s)
			}
			rules = append(rules, cssRule{class: s[1:], decls: decls})
		}
	}
	return rules, nil
}

// parseDecls reads "fill:#123f6d;stroke:none", from a style attribute or
// a rule.
func parseDecls(s string) [][2]string {
	var out [][2]string
	for _, d := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
		out = append(out, [2]string{strings.ToLower(strings.TrimSpace(k)), v})
	}
	return out
}

// props returns an element's presentation properties, by CSS's order:
// its attributes, then its classes' rules, then its style attribute.
func props(n *node, rules []cssRule) map[string]string {
	p := map[string]string{}
	for _, k := range styled {
		if v, ok := n.attrs[k]; ok {
			p[k] = strings.TrimSpace(v)
		}
	}
	if class := strings.Fields(n.attr("class")); len(class) > 0 {
		for _, r := range rules {
			for _, c := range class {
				if c == r.class {
					setDecls(p, r.decls)
				}
			}
		}
	}
	setDecls(p, parseDecls(n.attr("style")))
	for k, v := range p {
		if v == "inherit" || v == "" {
			delete(p, k)
		}
	}
	return p
}

func setDecls(p map[string]string, decls [][2]string) {
	for _, d := range decls {
		for _, k := range styled {
			if d[0] == k {
				p[k] = d[1]
			}
		}
	}
}
