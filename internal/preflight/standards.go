package preflight

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/brochure-dev/brochure/internal/icc"
)

// The checks PDF/A-2 and PDF/X-4 share, each reporting failures as
// findings: where (a page, an object) and what, under the clause asked
// for. A standard's check fails when one of its findings does.

// clauses collects a check's failures, each naming its clause.
type clauses struct {
	failed []string
}

func (c *clauses) fail(clause, format string, args ...any) {
	c.failed = append(c.failed, clause+": "+fmt.Sprintf(format, args...))
}

// result is the check named name: OK with detail when nothing failed.
func (c *clauses) result(name, detail string) Result {
	if len(c.failed) == 0 {
		return Result{Name: name, OK: true, Detail: detail}
	}
	return Result{Name: name, Detail: strings.Join(c.failed, "; ")}
}

// headerVersion returns the minor version of the file's "%PDF-1.n"
// header, or -1.
func (d *document) headerVersion() int {
	b := d.x.data
	if len(b) >= 8 && bytes.HasPrefix(b, []byte("%PDF-1.")) && b[7] >= '0' && b[7] <= '9' {
		return int(b[7] - '0')
	}
	return -1
}

// fileID checks the trailer's /ID: an array of two strings.
func (d *document) fileID() bool {
	id := d.array(d.x.trailer["ID"])
	if len(id) != 2 {
		return false
	}
	_, ok1 := d.resolve(id[0]).(pdfString)
	_, ok2 := d.resolve(id[1]).(pdfString)
	return ok1 && ok2
}

// intent is an output intent, its profile read.
type intent struct {
	subtype    string // GTS_PDFA1, GTS_PDFX, …
	identifier string
	profile    int // the DestOutputProfile's object number, or 0
	header     icc.Header
	err        error // why the profile could not be read
}

// intents reads the catalog's output intents.
func (d *document) intents() []intent {
	var out []intent
	for _, o := range d.array(d.x.catalog()["OutputIntents"]) {
		dict := d.dict(o)
		if dict == nil {
			continue
		}
		s, _ := d.resolve(dict["OutputConditionIdentifier"]).(pdfString)
		in := intent{subtype: d.name(dict["S"]), identifier: decodeText(string(s)), profile: objNr(dict["DestOutputProfile"])}
		switch st, ok := d.resolve(dict["DestOutputProfile"]).(*pdfStream); {
		case dict["DestOutputProfile"] == nil:
			in.err = fmt.Errorf("no DestOutputProfile")
		case !ok:
			in.err = fmt.Errorf("DestOutputProfile is not a stream")
		default:
			var err error
			var builtIn *icc.Profile // the very bytes of a profile built in
			if d.name(st.dict["Filter"]) == "FlateDecode" && st.dict["DecodeParms"] == nil {
				builtIn = icc.Deflated(st.raw)
			}
			if builtIn != nil {
				in.header = builtIn.Header
			} else {
				var data []byte
				if data, err = decodeStream(d.x, st); err == nil {
					in.header, err = icc.Parse(data)
				}
			}
			if err == nil {
				if n, _ := d.num(st.dict["N"]); int(n) != in.header.N {
					err = fmt.Errorf("profile stream (object %d) has /N %v, its %q profile %d components", in.profile, n, strings.TrimSpace(in.header.Space), in.header.N)
				}
			}
			in.err = err
		}
		out = append(out, in)
	}
	return out
}

// deviceUses returns the device colour spaces the pages use, each with
// the first page and how ("DeviceRGB" → "page 2, fill rg").
func deviceUses(scans []*pageScan) map[string]string {
	out := map[string]string{}
	for _, s := range scans {
		for _, c := range s.colours {
			switch c.label {
			case "DeviceRGB", "DeviceCMYK", "DeviceGray":
				if _, ok := out[c.label]; !ok {
					out[c.label] = fmt.Sprintf("page %d, %s", s.page, c.how)
				}
			}
		}
	}
	return out
}

// checkDeviceColour fails device colour spaces that the output intent
// does not define: DeviceRGB without an RGB intent, DeviceCMYK without a
// CMYK one, DeviceGray without any.
func checkDeviceColour(c *clauses, clause string, scans []*pageScan, n int) {
	uses := deviceUses(scans)
	names := make([]string, 0, len(uses))
	for k := range uses {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, space := range names {
		ok := space == "DeviceGray" && n > 0 || space == "DeviceRGB" && n == 3 || space == "DeviceCMYK" && n == 4
		if !ok {
			c.fail(clause, "%s (%s) without an output intent of that colour space", space, uses[space])
		}
	}
}

// annotations calls f for each annotation of each page.
func (d *document) annotations(pages []*page, f func(p *page, nr int, a pdfDict)) {
	for _, p := range pages {
		for _, o := range d.array(p.dict["Annots"]) {
			if a := d.dict(o); a != nil {
				f(p, objNr(o), a)
			}
		}
	}
}

// forbiddenActions are the actions neither PDF/A-2 nor PDF/X allows
// (ISO 19005-2, §6.5.1).
var forbiddenActions = map[string]bool{
	"Launch": true, "Sound": true, "Movie": true, "ResetForm": true, "ImportData": true, "Hide": true,
	"SetOCGState": true, "Rendition": true, "Trans": true, "GoTo3DView": true, "JavaScript": true,
	"SetState": true, "NOP": true,
}

// checkActions fails JavaScript and the other forbidden actions: in the
// catalog's /OpenAction and its JavaScript name tree, in annotations'
// /A, and additional actions (/AA) in the catalog, pages and
// annotations.
func (d *document) checkActions(c *clauses, clause string, pages []*page) {
	cat := d.x.catalog()
	action := func(where string, o object) {
		a := d.dict(o)
		if s := d.name(a["S"]); forbiddenActions[s] {
			c.fail(clause, "%s: a %s action", where, s)
		}
	}
	action("catalog /OpenAction", cat["OpenAction"])
	if d.dict(d.dict(cat["Names"])["JavaScript"]) != nil {
		c.fail(clause, "catalog /Names: a JavaScript name tree")
	}
	if cat["AA"] != nil {
		c.fail(clause, "catalog: additional actions (/AA)")
	}
	for _, p := range pages {
		if p.dict["AA"] != nil {
			c.fail(clause, "page %d: additional actions (/AA)", p.n)
		}
	}
	d.annotations(pages, func(p *page, nr int, a pdfDict) {
		action(fmt.Sprintf("page %d, annotation (object %d)", p.n, nr), a["A"])
		if a["AA"] != nil {
			c.fail(clause, "page %d, annotation (object %d): additional actions (/AA)", p.n, nr)
		}
	})
}

// checkMetadata reads the XMP and compares it with the document
// information; it returns the XMP, or nil when it has none to read.
func (d *document) checkMetadata(c *clauses, xmpClause, infoClause string) *xmpMeta {
	m, err := d.xmp()
	if err != nil {
		c.fail(xmpClause, "%v", err)
		return nil
	}
	for _, bad := range d.infoAgrees(m) {
		c.fail(infoClause, "document information and XMP disagree: %s", bad)
	}
	return m
}

// fontsEmbedded fails fonts that show text without their program.
func fontsEmbedded(c *clauses, clause string, scans []*pageScan) {
	if r := checkFonts(scans); !r.OK {
		c.fail(clause, "%s", r.Detail)
	}
}
