package build

import (
	"os"
	"testing"
)

// TestScreenSize checks that a screen A4 brochure, the file sales teams
// e-mail, stays small: at most 41 kB with its four fonts embedded; 42.5
// kB in German, whose text is about 10 % longer and whose fonts carry
// more glyphs (umlauts, ß, „ “). PDF/A-2 takes 1.4 kB of that (the sRGB
// profile of the output intent and the XMP metadata), tagging 4.5 kB
// (the structure tree and the marked content: +12.8 %).
func TestScreenSize(t *testing.T) {
	_, pdfs := sharedPDFs(t)
	for _, lang := range testLangs {
		limit := int64(41_000)
		if lang == "de" {
			limit = 42_500
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
