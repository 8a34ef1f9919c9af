package build

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/frame"
)

// TestHyphenatedWordsReadWhole checks that a word the line breaker
// hyphenated is read as one from the PDF: the hyphen it added is a soft
// hyphen to pdftotext (the tagged file marks it so), which a reader joins
// ("sys\u00ad" at a line's end, then "tème"), where a hyphen of the word's
// own stays one ("e-com\u00ad", "merce": "e-commerce").
func TestHyphenatedWordsReadWhole(t *testing.T) {
	needTool(t, "pdftotext")
	j := Job{Role: testRole, Lang: "fr", Layout: "a4"}
	p, err := Open(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := p.Frames(j)
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, buildJob(t, j))
	soft := strings.Count(text, "\u00ad\n")
	text = strings.ReplaceAll(text, "\u00ad\n", "")
	n := 0
	for _, pg := range d.Pages {
		var texts []*frame.Text
		for _, it := range pg.Items {
			if tx, ok := it.(*frame.Text); ok && tx.Text != "" {
				texts = append(texts, tx)
			}
		}
		for k, tx := range texts {
			if !tx.Hyphen || k+1 >= len(texts) {
				continue
			}
			// The word's two parts: the end of this run and the start of
			// the next line's first run.
			head := strings.Fields(strings.TrimSuffix(tx.Text, "-"))
			tail := strings.Fields(texts[k+1].Text)
			if len(head) == 0 || len(tail) == 0 {
				continue
			}
			word := head[len(head)-1] + strings.TrimRight(tail[0], ",.;:)")
			n++
			if !strings.Contains(text, word) {
				t.Errorf("%q is not read whole (%q, then %q)", word, tx.Text, texts[k+1].Text)
			}
		}
	}
	if n < 5 || soft != n {
		t.Errorf("%d hyphenated words on the French A4, %d soft hyphens at line ends: want as many, and several", n, soft)
	}
}
