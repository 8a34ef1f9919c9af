package preflight

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// PDF/UA-1 (ISO 14289-1): the checkpoints of the Matterhorn Protocol
// (PDF Association, 1.02) a program can decide, grouped in a few checks.
// Each failure names its checkpoint ("13-004") and where it is (page,
// object). What needs a person — whether the tags say what the content
// means, whether the alternative text is right, the reading order's
// sense, colour contrast — is not checked.

// The names of the PDF/UA-1 checks, in the order a report lists them.
const (
	CheckUATagged    = "PDF/UA-1 tagged"
	CheckUAContent   = "PDF/UA-1 content marked"
	CheckUATree      = "PDF/UA-1 structure tree"
	CheckUAHeadings  = "PDF/UA-1 headings"
	CheckUAAlt       = "PDF/UA-1 alternative text"
	CheckUASyntax    = "PDF/UA-1 tables, lists and notes"
	CheckUALinks     = "PDF/UA-1 links"
	CheckUALang      = "PDF/UA-1 language"
	CheckUATitle     = "PDF/UA-1 title"
	CheckUAMetadata  = "PDF/UA-1 metadata"
	CheckUAFonts     = "PDF/UA-1 fonts"
	maxUAFailuresOut = 4 // failures a check lists before "and N more"
)

// uaResult collects a check's failures.
type uaResult struct {
	name     string
	failures []string
	warnings []string // what passes but a reviewer should look at
	ok       string   // the detail when it passes
}

func (u *uaResult) fail(format string, a ...any) {
	u.failures = append(u.failures, fmt.Sprintf(format, a...))
}

func (u *uaResult) result() Result {
	if len(u.failures) == 0 && len(u.warnings) > 0 {
		return Result{Name: u.name, OK: true, Warn: true, Detail: strings.Join(u.warnings, "; ")}
	}
	if len(u.failures) == 0 {
		return Result{Name: u.name, OK: true, Detail: u.ok}
	}
	list := u.failures
	more := ""
	if len(list) > maxUAFailuresOut {
		more = fmt.Sprintf("; and %d more", len(list)-maxUAFailuresOut)
		list = list[:maxUAFailuresOut]
	}
	return Result{Name: u.name, Detail: strings.Join(list, "; ") + more}
}

// checkUA1 checks the requirements of PDF/UA-1 a program can decide.
func checkUA1(doc *document, pages []*page, scans []*pageScan) []Result {
	cat := doc.x.catalog()
	t := doc.readStructure(pages)
	u := uaChecks{doc: doc, cat: cat, pages: pages, scans: scans, tree: t}
	return []Result{
		u.tagged(), u.content(), u.structure(), u.headings(), u.alt(), u.syntax(),
		u.links(), u.lang(), u.title(), u.metadata(), u.fonts(),
	}
}

type uaChecks struct {
	doc   *document
	cat   pdfDict
	pages []*page
	scans []*pageScan
	tree  *structTree
}

// noTree fails a check that needs the structure tree, when there is none.
func (u *uaChecks) noTree(r *uaResult) bool {
	if u.tree == nil {
		r.fail("no structure tree (ISO 14289-1, 7.1)")
		return true
	}
	return false
}

// tagged: the catalog says the file is tagged and has a structure tree;
// no suspects (01-007).
func (u *uaChecks) tagged() Result {
	r := uaResult{name: CheckUATagged, ok: "MarkInfo Marked true, a structure tree"}
	mark := u.doc.dict(u.cat["MarkInfo"])
	if v, _ := u.doc.resolve(mark["Marked"]).(pdfBool); !v {
		r.fail("the catalog's MarkInfo does not say Marked true (ISO 14289-1, 7.1)")
	}
	if v, _ := u.doc.resolve(mark["Suspects"]).(pdfBool); v {
		r.fail("01-007: MarkInfo Suspects is true")
	}
	if u.tree == nil {
		r.fail("the catalog has no StructTreeRoot (ISO 14289-1, 7.1)")
	} else if len(u.tree.elems) == 0 {
		r.fail("the structure tree has no elements")
	}
	return r.result()
}

// content: every painting operator is in an artifact or in marked
// content with an MCID (01-005), the two never nest in each other
// (01-003, 01-004), and marked content nests with text objects.
func (u *uaChecks) content() Result {
	r := uaResult{name: CheckUAContent, ok: "every operator that paints is an artifact or tagged content"}
	tagged, text := 0, false
	for _, s := range u.scans {
		m := s.marked
		tagged += len(m.mcidSeen)
		text = text || len(s.fonts) > 0
		if m.unmarked > 0 {
			r.fail("01-005: page %d: %d painting operators neither artifact nor tagged content (the first: %s)", s.page, m.unmarked, m.firstUnmarked)
		}
		if m.artifactInTagged > 0 {
			r.fail("01-003: page %d: %d artifacts inside tagged content", s.page, m.artifactInTagged)
		}
		if m.taggedInArtifact > 0 {
			r.fail("01-004: page %d: %d tagged sequences inside artifacts", s.page, m.taggedInArtifact)
		}
		for _, n := range m.nesting {
			r.fail("%s (ISO 32000-1, 14.6)", n)
		}
	}
	if tagged == 0 && text {
		r.warnings = append(r.warnings, "no content is tagged: all the text is artifacts (whether real content is marked as artifact, 01-002, needs a person)")
	}
	return r.result()
}

// structure: the tree and the page content refer to the same marked
// content, the parent tree agrees with the tree, and every type is
// standard or role-mapped to one (02-001, 02-004).
func (u *uaChecks) structure() Result {
	r := uaResult{name: CheckUATree}
	if u.noTree(&r) {
		return r.result()
	}
	t := u.tree
	for _, p := range t.problems {
		r.fail("%s", p)
	}
	for k, v := range t.roleMap {
		if standardTypes[k] {
			r.fail("02-004: the role map maps the standard type %s to %s", k, v)
		}
	}
	owner := map[[2]int]*structElem{}
	for _, e := range t.elems {
		if e.std == "" {
			r.fail("02-001: %s: type %s is not standard and not role-mapped to one", e.where(), e.typ)
		}
		for _, k := range e.kids {
			if k.elem != nil || k.mcid < 0 {
				continue
			}
			if k.page == 0 {
				r.fail("%s: MCID %d without a page (/Pg)", e.where(), k.mcid)
				continue
			}
			key := [2]int{k.page, k.mcid}
			if o := owner[key]; o != nil {
				r.fail("page %d: MCID %d belongs to two elements, %s and %s", k.page, k.mcid, o.where(), e.where())
			}
			owner[key] = e
			if k.page <= len(u.scans) && u.scans[k.page-1].marked.mcidSeen[k.mcid] == 0 {
				r.fail("%s: refers to MCID %d on page %d, which the page does not have", e.where(), k.mcid, k.page)
			}
		}
	}
	mcids := 0
	for i, s := range u.scans {
		p := u.pages[i]
		var parents pdfArray
		if key, ok := u.doc.num(p.dict["StructParents"]); ok {
			parents = u.doc.array(t.parents[int(key)])
		} else if len(s.marked.mcidSeen) > 0 {
			r.fail("page %d (object %d) has marked content but no /StructParents", p.n, p.obj)
		}
		for _, mcid := range slices.Sorted(maps.Keys(s.marked.mcidSeen)) {
			mcids++
			if n := s.marked.mcidSeen[mcid]; n > 1 {
				r.fail("page %d: MCID %d marks %d sequences", p.n, mcid, n)
			}
			e := owner[[2]int{p.n, mcid}]
			if e == nil {
				r.fail("01-005: page %d: MCID %d is in no structure element", p.n, mcid)
				continue
			}
			if parents == nil {
				continue
			}
			if mcid >= len(parents) || objNr(parents[mcid]) != e.obj {
				r.fail("page %d: the parent tree does not give %s for MCID %d", p.n, e.where(), mcid)
			}
		}
	}
	r.ok = fmt.Sprintf("%d elements; %d marked-content sequences, each in one element; the parent tree agrees", len(t.elems), mcids)
	return r.result()
}

// headings: numbered headings start at H1 (14-002) and never skip a
// level going down (14-003).
func (u *uaChecks) headings() Result {
	r := uaResult{name: CheckUAHeadings}
	if u.noTree(&r) {
		return r.result()
	}
	prev, n := 0, 0
	for _, e := range u.tree.elems {
		if len(e.std) != 2 || e.std[0] != 'H' || e.std[1] < '1' || e.std[1] > '6' {
			continue
		}
		level := int(e.std[1] - '0')
		n++
		switch {
		case prev == 0 && level != 1:
			r.fail("14-002: the first heading is %s, not H1", e.where())
		case prev > 0 && level > prev+1:
			r.fail("14-003: %s follows an H%d", e.where(), prev)
		}
		prev = level
	}
	r.ok = fmt.Sprintf("%d numbered headings, from H1, no level skipped", n)
	if n == 0 {
		r.ok = "no numbered headings"
	}
	return r.result()
}

// alt: every figure has alternative text (13-004).
func (u *uaChecks) alt() Result {
	r := uaResult{name: CheckUAAlt}
	if u.noTree(&r) {
		return r.result()
	}
	n := 0
	for _, e := range u.tree.elems {
		if e.std != "Figure" && e.std != "Formula" {
			continue
		}
		n++
		if (e.alt == nil || strings.TrimSpace(*e.alt) == "") && !e.actual {
			r.fail("13-004: %s has no alternative text (/Alt)", e.where())
		}
	}
	r.ok = fmt.Sprintf("%d figures, each with alternative text", n)
	return r.result()
}

// syntax: tables hold rows of cells (09-004) and header cells say what
// they head (15-003); lists hold items of labels and bodies (09-005);
// notes have an ID (19-003).
func (u *uaChecks) syntax() Result {
	r := uaResult{name: CheckUASyntax, ok: "tables, lists and notes as ISO 32000-1 has them"}
	if u.noTree(&r) {
		return r.result()
	}
	headers := map[*structElem]bool{} // tables with a header cell
	for _, e := range u.tree.elems {
		if e.std == "TH" {
			for a := e.parent; a != nil; a = a.parent {
				if a.std == "Table" {
					headers[a] = true
					break
				}
			}
		}
	}
	for _, e := range u.tree.elems {
		if e.std == "Table" && !headers[e] {
			r.warnings = append(r.warnings, fmt.Sprintf("%s has no header cell (TH): ISO 14289-1, 7.5, says tables should have headers", e.where()))
		}
		if ok := childrenAllowed[e.std]; ok != nil {
			for _, k := range e.kids {
				if k.elem != nil && !ok[k.elem.std] {
					r.fail("%s: %s holds %s", syntaxCode[e.std], e.where(), k.elem.where())
				}
			}
		}
		switch e.std {
		case "TH":
			if e.scope == "" {
				r.fail("15-003: %s has no Scope attribute", e.where())
			}
		case "Note":
			if !e.id {
				r.fail("19-003: %s has no /ID", e.where())
			}
		}
	}
	return r.result()
}

// links: every link annotation is in a Link element (28-011) and has
// /Contents (28-012); a page with annotations has /Tabs /S (28-008,
// 28-009).
func (u *uaChecks) links() Result {
	r := uaResult{name: CheckUALinks}
	objr := map[int]*structElem{}
	if u.tree != nil {
		for _, e := range u.tree.elems {
			for _, k := range e.kids {
				if k.elem == nil && k.mcid < 0 && k.annot != 0 {
					objr[k.annot] = e
				}
			}
		}
	}
	n := 0
	for _, p := range u.pages {
		annots := u.doc.array(p.dict["Annots"])
		if len(annots) == 0 {
			continue
		}
		switch tabs := u.doc.name(p.dict["Tabs"]); tabs {
		case "S":
		case "":
			r.fail("28-008: page %d has annotations but no /Tabs", p.n)
		default:
			r.fail("28-009: page %d: /Tabs /%s, not /S", p.n, tabs)
		}
		for _, a := range annots {
			ad := u.doc.dict(a)
			if u.doc.name(ad["Subtype"]) != "Link" {
				continue
			}
			n++
			where := fmt.Sprintf("page %d: link annotation (object %d)", p.n, objNr(a))
			if _, ok := u.doc.resolve(ad["Contents"]).(pdfString); !ok {
				r.fail("28-012: %s has no /Contents", where)
			}
			e := objr[objNr(a)]
			if e == nil || e.std != "Link" {
				r.fail("28-011: %s is not in a Link element", where)
				continue
			}
			key, ok := u.doc.num(ad["StructParent"])
			if !ok || objNr(u.tree.parents[int(key)]) != e.obj {
				r.fail("%s: its /StructParent does not lead to %s in the parent tree", where, e.where())
			}
		}
	}
	r.ok = fmt.Sprintf("%d link annotations, each in a Link element, with /Contents", n)
	return r.result()
}

// lang: the language of all text can be told (11-001 to 11-006): from
// the catalog's /Lang, or else every element with content says its own
// or inherits one.
func (u *uaChecks) lang() Result {
	r := uaResult{name: CheckUALang}
	if lang := u.doc.text(u.cat["Lang"]); strings.TrimSpace(lang) != "" {
		r.ok = "the catalog's /Lang is " + lang
		return r.result()
	}
	if u.noTree(&r) {
		return r.result()
	}
	for _, e := range u.tree.elems {
		has := false
		for a := e; a != nil && !has; a = a.parent {
			has = a.lang != ""
		}
		if !has && textOf(e, u.scans) != "" {
			r.fail("11-001: %s: no /Lang on it, its parents or the catalog", e.where())
		}
	}
	r.ok = "no /Lang in the catalog, but every element with text has one"
	return r.result()
}

// title: the window shows the document's title (07-001, 07-002).
func (u *uaChecks) title() Result {
	r := uaResult{name: CheckUATitle, ok: "DisplayDocTitle true"}
	vp := u.doc.dict(u.cat["ViewerPreferences"])
	switch v, ok := u.doc.resolve(vp["DisplayDocTitle"]).(pdfBool); {
	case !ok:
		r.fail("07-001: the catalog's ViewerPreferences have no DisplayDocTitle")
	case !bool(v):
		r.fail("07-002: DisplayDocTitle is false")
	}
	return r.result()
}

// metadata: an XMP metadata stream (06-001) that says PDF/UA-1
// (06-002) and gives a title (06-003), read as the PDF/A and PDF/X
// checks read it (document.xmp).
func (u *uaChecks) metadata() Result {
	r := uaResult{name: CheckUAMetadata, ok: "XMP with pdfuaid:part 1 and a dc:title"}
	m, err := u.doc.xmp()
	if err != nil {
		r.fail("06-001: %v; so no pdfuaid:part (06-002) and no dc:title (06-003)", err)
		return r.result()
	}
	if m.get("pdfuaid:part") != "1" {
		r.fail("06-002: the XMP metadata has no pdfuaid:part 1")
	}
	if strings.TrimSpace(m.get("dc:title")) == "" {
		r.fail("06-003: the XMP metadata has no dc:title")
	}
	return r.result()
}

// fonts: every font that shows text is embedded (31-009) and maps its
// codes to Unicode (31-027).
func (u *uaChecks) fonts() Result {
	r := uaResult{name: CheckUAFonts, ok: "every font embedded, with a ToUnicode map"}
	seen := map[*fontInfo]bool{}
	for _, s := range u.scans {
		for _, f := range s.fonts {
			if seen[f] {
				continue
			}
			seen[f] = true
			if !f.embedded {
				r.fail("31-009: page %d: font %s is not embedded", s.page, f.name)
			}
			standard := f.encoding == "WinAnsiEncoding" || f.encoding == "MacRomanEncoding" || f.encoding == "MacExpertEncoding"
			if f.uni == nil && !standard && f.subtype != "Type1" && f.subtype != "Type3" {
				r.fail("31-027: page %d: font %s (%s) has no ToUnicode map", s.page, f.name, f.subtype)
			}
		}
	}
	return r.result()
}

// childrenAllowed are the kids that tables and lists may have (ISO
// 32000-1, 14.8.4.3), and syntaxCode the Matterhorn checkpoint a wrong
// kid fails.
var (
	childrenAllowed = map[string]map[string]bool{
		"Table": {"TR": true, "THead": true, "TBody": true, "TFoot": true, "Caption": true},
		"THead": {"TR": true}, "TBody": {"TR": true}, "TFoot": {"TR": true},
		"TR": {"TH": true, "TD": true},
		"L":  {"LI": true, "L": true, "Caption": true},
		"LI": {"Lbl": true, "LBody": true, "L": true},
	}
	syntaxCode = map[string]string{"Table": "09-004", "THead": "09-004", "TBody": "09-004", "TFoot": "09-004", "TR": "09-004", "L": "09-005", "LI": "09-005"}
)
