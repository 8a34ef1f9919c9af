package typography

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzApply(f *testing.F) {
	for _, s := range []string{
		frenchParagraph, englishParagraph,
		"« by design »", `"a" 'b' “c”`, "45-55 k€", "45000", "10:30", "( ?)", "… ?",
		"https://x.fr?", "`a ; b` :", "«»", "l'équipe", "'90s", "1-2-3", "x@y.z !",
		"a\u202f?\u00a0:", "\xff\xfe :", "50% ?!",
	} {
		f.Add(s)
	}
	english, french, german, swiss := mustFor(f, "en"), mustFor(f, "fr"), mustFor(f, "de"), mustFor(f, "de-CH")
	rules := []*Rules{english, french, german, swiss, english.WithoutNarrowSpace(), french.WithoutNarrowSpace()}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range rules {
			once := r.Apply(s)
			if !utf8.ValidString(once) {
				t.Fatalf("french=%v narrow=%q: Apply(%q) = %q: invalid UTF-8", r.french, r.narrow, s, once)
			}
			if twice := r.Apply(once); twice != once {
				t.Fatalf("french=%v narrow=%q: not idempotent on %q:\n once %q\ntwice %q", r.french, r.narrow, s, once, twice)
			}
			// One round should already be a fixed point; the loop in
			// Apply is only a guard.
			if one := r.round(r.round(sanitize(s))); one != r.round(sanitize(s)) {
				t.Errorf("french=%v narrow=%q: one round is not a fixed point on %q", r.french, r.narrow, s)
			}
		}
	})
}

func sanitize(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
