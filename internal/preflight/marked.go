package preflight

import (
	"fmt"
	"strings"
)

// Marked content (ISO 32000-1, 14.6): the scanner follows BMC, BDC and
// EMC, so that the PDF/UA checks can tell whether every painting
// operator is inside an artifact or inside marked content the structure
// tree refers to (by MCID), and read the text of each MCID.

// markedSeq is an open marked-content sequence.
type markedSeq struct {
	tag      string
	mcid     int // -1: none
	artifact bool
}

// markedScan is what a page's marked content holds.
type markedScan struct {
	mcidText map[int]*strings.Builder // text shown in each MCID, in order
	mcidSeen map[int]int              // how many sequences have each MCID
	// painting operators outside both artifacts and MCID sequences: how
	// many, and the first
	unmarked      int
	firstUnmarked string
	// artifacts inside tagged content and the reverse (01-003, 01-004)
	artifactInTagged, taggedInArtifact int
	// nesting: an EMC without a sequence, sequences left open, or a
	// sequence crossing a text object's or q/Q's ends
	nesting []string
}

// markedOp follows the marked-content operators.
func (sc *scanner) markedOp(op string, args []operand) {
	m := &sc.s.marked
	switch op {
	case "BMC", "BDC":
		seq := markedSeq{mcid: -1}
		if len(args) > 0 && args[0].kind == '/' {
			seq.tag = args[0].str
		}
		seq.artifact = seq.tag == "Artifact"
		if op == "BDC" && len(args) < 2 {
			m.nest(fmt.Sprintf("page %d: BDC without a property list", sc.s.page))
		}
		if op == "BDC" && len(args) > 1 {
			props := args[len(args)-1]
			if props.kind == '/' { // a named property list in /Properties
				props = operand{kind: 'd', dict: map[string]operand{}}
				if d := sc.d.dict(sc.resource("Properties", args[len(args)-1].str)); d != nil {
					if v, ok := sc.d.num(d["MCID"]); ok {
						props.dict["MCID"] = operand{kind: 'n', num: v}
					}
				}
			}
			if v, ok := props.dict["MCID"]; ok && v.kind == 'n' && !seq.artifact {
				seq.mcid = int(v.num)
			}
		}
		inTagged, inArtifact := sc.markedState()
		if seq.artifact && inTagged {
			m.artifactInTagged++
		}
		if seq.mcid >= 0 && inArtifact {
			m.taggedInArtifact++
		}
		if seq.mcid >= 0 {
			if m.mcidSeen == nil {
				m.mcidSeen, m.mcidText = map[int]int{}, map[int]*strings.Builder{}
			}
			m.mcidSeen[seq.mcid]++
			if m.mcidText[seq.mcid] == nil {
				m.mcidText[seq.mcid] = &strings.Builder{}
			}
		}
		if len(sc.marks) < 256 {
			sc.marks = append(sc.marks, seq)
		}
	case "EMC":
		if len(sc.marks) == 0 {
			m.nest(fmt.Sprintf("page %d: EMC without a marked-content sequence", sc.s.page))
			return
		}
		if sc.inText && len(sc.marks) == sc.textMarks {
			m.nest(fmt.Sprintf("page %d: a marked-content sequence begun before BT ends inside the text object", sc.s.page))
		}
		sc.marks = sc.marks[:len(sc.marks)-1]
	}
}

func (m *markedScan) nest(s string) {
	if len(m.nesting) < 5 {
		m.nesting = append(m.nesting, s)
	}
}

// markedState says whether the content drawn now is inside an MCID
// sequence and whether it is inside an artifact.
func (sc *scanner) markedState() (tagged, artifact bool) {
	for _, s := range sc.marks {
		tagged = tagged || s.mcid >= 0
		artifact = artifact || s.artifact
	}
	return tagged, artifact
}

// paint records a painting operator: content must be an artifact or in
// an MCID sequence.
func (sc *scanner) paint(op string, args []operand) {
	if tagged, artifact := sc.markedState(); tagged || artifact {
		return
	}
	m := &sc.s.marked
	if m.unmarked == 0 {
		m.firstUnmarked = sc.describe(op, args)
	}
	m.unmarked++
}

// describe names a painting operator for a message: the text it shows,
// the XObject it draws, or else the operator.
func (sc *scanner) describe(op string, args []operand) string {
	if len(args) == 0 {
		return op
	}
	a := args[len(args)-1]
	switch {
	case a.kind == '/' && (op == "Do" || op == "sh"):
		return fmt.Sprintf("%s /%s", op, a.str)
	case a.kind == 's' || a.kind == 'a':
		f := sc.gs.font
		if f == nil {
			f = fallbackFont
		}
		var s strings.Builder
		if a.kind == 's' {
			s.WriteString(a.str)
		}
		for _, e := range a.arr {
			if e.kind == 's' {
				s.WriteString(e.str)
			}
		}
		if x := excerpt(f, s.String()); x != "" {
			return fmt.Sprintf("%s showing %q", op, x)
		}
	}
	return op
}

// markedText returns where the text of the string about to be shown goes:
// the text of the innermost marked-content sequence with an MCID, a space
// already added when a new text object goes on; nil for an artifact's
// string, a string in no MCID, or an MCID whose text is already too long.
func (sc *scanner) markedText() *strings.Builder {
	for k := len(sc.marks) - 1; k >= 0; k-- {
		seq := sc.marks[k]
		if seq.artifact {
			return nil
		}
		if seq.mcid >= 0 {
			b := sc.s.marked.mcidText[seq.mcid]
			if b.Len() > 1<<20 {
				return nil
			}
			if sc.newText && b.Len() > 0 {
				b.WriteByte(' ') // another text object, another line
			}
			sc.newText = false
			return b
		}
	}
	return nil
}

// textObject checks that marked content and text objects nest: what is
// opened inside BT ends before ET.
func (sc *scanner) textObject(op string) {
	switch op {
	case "BT":
		sc.inText, sc.textMarks, sc.newText = true, len(sc.marks), true
	case "ET":
		if sc.inText && len(sc.marks) > sc.textMarks {
			sc.s.marked.nest(fmt.Sprintf("page %d: a marked-content sequence begun inside a text object does not end in it", sc.s.page))
		}
		sc.inText = false
	}
}

// endMarked checks that the page's sequences are all closed.
func (sc *scanner) endMarked() {
	if len(sc.marks) > 0 {
		sc.s.marked.nest(fmt.Sprintf("page %d: %d marked-content sequences not closed at the end of the page", sc.s.page, len(sc.marks)))
	}
}
