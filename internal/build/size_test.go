package build

import (
	"os"
	"testing"
)

// TestScreenSize checks that a screen A4 brochure, the file sales teams
// e-mail, stays small: at most 38 kB with its four fonts embedded; 40 kB
// in German, whose text is about 10 % longer and whose fonts carry more
// glyphs (umlauts, ß, „ “). PDF/A-2 took 3.6 kB of that: the sRGB
// profile of the output intent (2.5 kB compressed) and the XMP metadata.
func TestScreenSize(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	for _, lang := range testLangs {
		limit := int64(38_000)
		if lang == "de" {
			limit = 40_000
		}
		st, err := os.Stat(pdfs[lang])
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() > limit {
			t.Errorf("%s A4: %d bytes, want at most %d", lang, st.Size(), limit)
		}
		t.Logf("%s A4: %d bytes", lang, st.Size())
	}
}
