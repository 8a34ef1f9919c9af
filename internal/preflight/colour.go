package preflight

import (
	"fmt"
	"strings"
)

// colourKind is what a print shop cares about in a colour space.
type colourKind int

const (
	kindOther   colourKind = iota // unknown (e.g. a JPEG 2000 image's own space)
	kindRGB                       // DeviceRGB, CalRGB, ICCBased with 3 components
	kindCMYK                      // DeviceCMYK, ICCBased with 4 components
	kindGray                      // DeviceGray, CalGray, ICCBased with 1 component
	kindSpot                      // Separation, DeviceN
	kindLab                       // Lab
	kindPattern                   // Pattern: resolved when a pattern is chosen (scn)
	kindNone                      // Separation None: paints nothing
)

// colourClass is a colour space reduced to its kind and a label for
// people ("DeviceRGB", "Separation Brand Blue", "ICCBased RGB").
type colourClass struct {
	kind  colourKind
	label string
}

var deviceSpaces = map[string]colourClass{
	"DeviceRGB":  {kindRGB, "DeviceRGB"},
	"RGB":        {kindRGB, "DeviceRGB"}, // inline image abbreviations
	"DeviceCMYK": {kindCMYK, "DeviceCMYK"},
	"CMYK":       {kindCMYK, "DeviceCMYK"},
	"DeviceGray": {kindGray, "DeviceGray"},
	"G":          {kindGray, "DeviceGray"},
	"Pattern":    {kindPattern, "Pattern"},
}

// notPrintable says whether a print file may not use the kind.
func (k colourKind) notPrintable() bool { return k == kindRGB || k == kindLab }

// colourSpace classifies a colour space object: a device name, a name in
// the resources' /ColorSpace dictionary, or a colour space array.
func (d *document) colourSpace(o object, res pdfDict, depth int) colourClass {
	if depth > 8 {
		return colourClass{kindOther, "(too deeply nested colour space)"}
	}
	switch v := d.resolve(o).(type) {
	case pdfName:
		if c, ok := deviceSpaces[string(v)]; ok {
			return c
		}
		if cs := d.dict(res["ColorSpace"]); cs != nil {
			if def, ok := cs[string(v)]; ok {
				return d.colourSpace(def, res, depth+1)
			}
		}
		return colourClass{kindOther, "undefined colour space /" + string(v)}
	case pdfArray:
		if len(v) == 0 {
			break
		}
		family := d.name(v[0])
		arg := func(k int) object {
			if k < len(v) {
				return v[k]
			}
			return nil
		}
		switch family {
		case "ICCBased":
			sd := d.dict(arg(1))
			n, _ := d.num(sd["N"])
			switch int(n) {
			case 1:
				return colourClass{kindGray, "ICCBased gray"}
			case 3:
				return colourClass{kindRGB, "ICCBased RGB"}
			case 4:
				return colourClass{kindCMYK, "ICCBased CMYK"}
			}
			return colourClass{kindOther, fmt.Sprintf("ICCBased with %d components", int(n))}
		case "Separation":
			switch n := d.name(arg(1)); n {
			case "None":
				return colourClass{kindNone, "Separation None"}
			case "All":
				return colourClass{kindSpot, "Separation All (registration)"}
			default:
				return colourClass{kindSpot, "Separation " + n}
			}
		case "DeviceN":
			var names []string
			for _, n := range d.array(arg(1)) {
				names = append(names, d.name(n))
			}
			return colourClass{kindSpot, "DeviceN (" + strings.Join(names, ", ") + ")"}
		case "Indexed", "I":
			base := d.colourSpace(arg(1), res, depth+1)
			return colourClass{base.kind, "Indexed " + base.label}
		case "Pattern":
			if len(v) > 1 { // uncoloured pattern: painted in its base space
				base := d.colourSpace(arg(1), res, depth+1)
				return colourClass{base.kind, "Pattern over " + base.label}
			}
			return deviceSpaces["Pattern"]
		case "CalRGB":
			return colourClass{kindRGB, "CalRGB"}
		case "CalGray":
			return colourClass{kindGray, "CalGray"}
		case "Lab":
			return colourClass{kindLab, "Lab"}
		default:
			if c, ok := deviceSpaces[family]; ok {
				return c
			}
			return colourClass{kindOther, family}
		}
	}
	return colourClass{kindOther, "unknown colour space"}
}

// inlineColourSpace classifies an inline image's /CS operand.
func (d *document) inlineColourSpace(op operand, res pdfDict) colourClass {
	switch op.kind {
	case '/':
		if op.str == "I" || op.str == "Indexed" {
			return colourClass{kindOther, "Indexed"}
		}
		return d.colourSpace(pdfName(op.str), res, 0)
	case 'a':
		if len(op.arr) > 1 && op.arr[1].kind == '/' && op.arr[0].kind == '/' &&
			(op.arr[0].str == "I" || op.arr[0].str == "Indexed") {
			base := d.colourSpace(pdfName(op.arr[1].str), res, 0)
			return colourClass{base.kind, "Indexed " + base.label}
		}
	}
	return colourClass{kindOther, "unknown inline image colour space"}
}

// checkColours lists the colour spaces used, with their pages; a print
// file fails on RGB (and Lab).
func checkColours(scans []*pageScan, opt Options) Result {
	res := Result{Name: CheckColours, OK: true}
	type use struct {
		colourClass
		pages []int
		how   string
	}
	var order []string
	uses := map[string]*use{}
	for _, s := range scans {
		for _, c := range s.colours {
			u, ok := uses[c.label]
			if !ok {
				u = &use{colourClass: c.colourClass, how: c.how}
				uses[c.label] = u
				order = append(order, c.label)
			}
			if len(u.pages) == 0 || u.pages[len(u.pages)-1] != s.page {
				u.pages = append(u.pages, s.page)
			}
		}
	}
	if len(order) == 0 {
		res.Detail = "no colour operators"
		return res
	}
	var all, bad []string
	hasRGB := false
	for _, label := range order {
		u := uses[label]
		all = append(all, fmt.Sprintf("%s (%s)", label, pageList(u.pages)))
		hasRGB = hasRGB || u.kind.notPrintable()
		if opt.Print && u.kind.notPrintable() {
			more := ""
			if len(u.pages) > 1 {
				more = ", also on " + pageList(u.pages[1:])
			}
			bad = append(bad, fmt.Sprintf("page %d uses %s for %s%s", u.pages[0], label, u.how, more))
		}
	}
	if len(bad) > 0 {
		res.OK = false
		res.Detail = strings.Join(bad, "; ") + " (print files must be CMYK, spot or gray)"
		return res
	}
	res.Detail = strings.Join(all, ", ")
	if hasRGB {
		res.Detail += "; RGB is fine for screen, not for print"
	}
	return res
}

// pageList writes page numbers compactly: "page 1", "pages 1–3, 5".
func pageList(pages []int) string {
	var parts []string
	for k := 0; k < len(pages); {
		j := k
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		if j > k {
			parts = append(parts, fmt.Sprintf("%d–%d", pages[k], pages[j]))
		} else {
			parts = append(parts, fmt.Sprint(pages[k]))
		}
		k = j + 1
	}
	if len(pages) == 1 {
		return "page " + parts[0]
	}
	return "pages " + strings.Join(parts, ", ")
}
