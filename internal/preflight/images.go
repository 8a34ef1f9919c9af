package preflight

import (
	"fmt"
	"sort"
)

// Images: effective resolution from the CTM at the moment an image is
// drawn. An image fills the unit square of the CTM, so its size on the
// page is the length of the CTM's x and y vectors (rotation and skew
// included) and its resolution is pixels ÷ inches in each direction; the
// lower of the two counts.

func (sc *scanner) inlineImage(d map[string]operand) {
	get := func(long, short string) operand {
		if v, ok := d[long]; ok {
			return v
		}
		return d[short]
	}
	w, h := get("Width", "W"), get("Height", "H")
	sc.image("inline image", int(w.num), int(h.num))
	if im := get("ImageMask", "IM"); im.kind == 'k' && im.str == "true" {
		return
	}
	sc.colour(sc.d.inlineColourSpace(get("ColorSpace", "CS"), sc.res), "inline image")
}

// image records an image drawn into the unit square of the CTM.
func (sc *scanner) image(name string, px, py int) {
	wpt, hpt := sc.gs.ctm.scale()
	if px <= 0 || py <= 0 || wpt < 1e-3 || hpt < 1e-3 {
		return // invisible or broken
	}
	dpi := min(float64(px)*72/wpt, float64(py)*72/hpt)
	sc.s.images = append(sc.s.images, imageUse{name, px, py, dpi})
}

// checkImages fails a print file on any image below 300 dpi and reports
// the lowest resolution otherwise.
func checkImages(scans []*pageScan, opt Options) Result {
	res := Result{Name: CheckImages, OK: true}
	type placed struct {
		imageUse
		page int
	}
	var all, low []placed
	for _, s := range scans {
		for _, im := range s.images {
			all = append(all, placed{im, s.page})
			if opt.Print && im.dpi < minPrintDPI-0.5 {
				low = append(low, placed{im, s.page})
			}
		}
	}
	if len(all) == 0 {
		res.Detail = "no images"
		return res
	}
	describe := func(p placed) string {
		return fmt.Sprintf("page %d: %s (%d × %d px) at %.0f dpi", p.page, p.name, p.px, p.py, p.dpi)
	}
	if len(low) > 0 {
		res.OK = false
		res.Detail = describe(low[0])
		if len(low) > 1 {
			res.Detail += fmt.Sprintf(" and %d more", len(low)-1)
		}
		res.Detail += fmt.Sprintf(", below %d dpi", minPrintDPI)
		return res
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].dpi < all[j].dpi })
	n := "1 image"
	if len(all) > 1 {
		n = fmt.Sprintf("%d images", len(all))
	}
	res.Detail = fmt.Sprintf("%s, lowest %.0f dpi (%s)", n, all[0].dpi, describe(all[0]))
	return res
}
