package design_test

import "testing"

// TestPrintStandardErrors covers [print] standard and output_intent: the
// one standard print files can meet, the print conditions brochure
// ships, and PDF/X-1a refused with its reason.
func TestPrintStandardErrors(t *testing.T) {
	runErrCases(t, []errCase{
		{
			name:   "PDF/X-1a cannot be met",
			layout: "a5-booklet", changes: []change{{"a5-booklet.toml", `safe = "6mm"`, "safe = \"6mm\"\nstandard = \"PDF/X-1a\""}},
			want: `layouts/a5-booklet.toml:⟨X-1a"⟩:1: print.standard: "PDF/X-1a" cannot be met: PDF/X-1a asks for PDF 1.3 or 1.4 syntax, without the object and cross-reference streams brochure writes, and for no transparency; use "PDF/X-4", which print shops' current preflight profiles accept`,
		},
		{
			name:   "unknown standard",
			layout: "a5-booklet", changes: []change{{"a5-booklet.toml", `safe = "6mm"`, "safe = \"6mm\"\nstandard = \"PDF/X-3\""}},
			want: `layouts/a5-booklet.toml:⟨X-3"⟩:1: print.standard: "PDF/X-3" is not "PDF/X-4"`,
		},
		{
			name:   "unknown print condition",
			layout: "a5-booklet", changes: []change{{"a5-booklet.toml", `safe = "6mm"`, "safe = \"6mm\"\noutput_intent = \"GRACoL2006\""}},
			want: `layouts/a5-booklet.toml:⟨GRACoL⟩:1: print.output_intent: unknown print condition "GRACoL2006" (known: "FOGRA39" (Coated FOGRA39 (ISO 12647-2:2004)), "FOGRA29" (Uncoated FOGRA29 (ISO 12647-2:2004)))`,
		},
		{
			name:   "unknown key",
			layout: "a5-booklet", changes: []change{{"a5-booklet.toml", `safe = "6mm"`, "safe = \"6mm\"\nintent = \"FOGRA39\""}},
			want: `layouts/a5-booklet.toml:⟨intent =⟩:1: unknown key "print.intent"`,
		},
	})
}
