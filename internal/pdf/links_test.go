package pdf

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestLinkAnnotations checks that a screen file's links are annotation
// objects the page refers to, their /Rect from lower left to upper right
// over the link's area, and that a print file has none.
func TestLinkAnnotations(t *testing.T) {
	for _, print := range []bool{false, true} {
		d := sampleDoc(t, print)
		f := readPDF(t, write(t, d))
		kids := regexp.MustCompile(`(\d+) 0 R`).FindAllStringSubmatch(mustObject(t, f, 1), -1)
		n, _ := strconv.Atoi(kids[0][1])
		page := mustObject(t, f, n)
		annots, ok := entry(page, "Annots")
		if print {
			if ok {
				t.Errorf("print page 1 has /Annots %s", annots)
			}
			continue
		}
		refs := regexp.MustCompile(`^\[(\d+) 0 R\]$`).FindStringSubmatch(annots)
		if refs == nil {
			t.Fatalf("screen page 1: /Annots %q, want one reference", annots)
		}
		a, _ := strconv.Atoi(refs[1])
		annot := mustObject(t, f, a)
		rect, _ := entry(annot, "Rect")
		// The link is at x 45, y 190 from the top, 100 × 12.
		if want := "[45 639.89 145 651.89]"; rect != want {
			t.Errorf("link /Rect %s, want %s", rect, want)
		}
		if !strings.Contains(annot, "/URI (https://example.com/m%C3%A9tier?a=\\(1\\))") {
			t.Errorf("link %q: want its URI in ASCII, parentheses escaped", annot)
		}
	}
}

// TestOutlineCounts checks the outline's tree: each parent counts its
// open descendants, and children point at their parent.
func TestOutlineCounts(t *testing.T) {
	f := readPDF(t, write(t, sampleDoc(t, false)))
	root := mustObject(t, f, ref(t, f.trailer, "Root"))
	outlines := mustObject(t, f, ref(t, root, "Outlines"))
	if n := entryInt(t, outlines, "Count"); n != 3 {
		t.Errorf("outline root /Count %d, want 3", n)
	}
	first := ref(t, outlines, "First")
	if ref(t, outlines, "Last") != first {
		t.Errorf("outline root: want one top-level entry")
	}
	top := mustObject(t, f, first)
	if n := entryInt(t, top, "Count"); n != 2 {
		t.Errorf("%q: /Count %d, want its 2 children", top, n)
	}
	for _, k := range []int{ref(t, top, "First"), ref(t, top, "Last")} {
		kid := mustObject(t, f, k)
		if ref(t, kid, "Parent") != first {
			t.Errorf("%q: parent is not the first entry", kid)
		}
		if _, ok := entry(kid, "Count"); ok {
			t.Errorf("%q: /Count without children", kid)
		}
	}
}
