package pdf

import (
	"regexp"
	"testing"
)

// TestIsLangTag holds the hand-written check to the pattern it replaced.
func TestIsLangTag(t *testing.T) {
	re := regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)
	for _, s := range []string{
		"fr", "en", "fr-CA", "en-GB", "zh-Hant-TW", "de-1996", "sl-rozaj-biske",
		"", "f", "f-r", "123", "fr-", "-fr", "fr--CA", "fr-CAAAAAAAA", "abcdefghi", "abcdefgh",
		"fr)", "fr CA", "fr_CA", "fr-C@", "fr-[x", "fr-`x", "fr-{x", "é", "fr-é", "en-GB)/Foo",
	} {
		if got, want := isLangTag(s), re.MatchString(s); got != want {
			t.Errorf("isLangTag(%q) = %v, want %v", s, got, want)
		}
	}
}
