package hyphen

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

func mustFor(t testing.TB, lang string) *Hyphenator {
	t.Helper()
	h, err := For(lang)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestNever(t *testing.T) {
	words := []string{
		"SRE", "AWS", "CI/CD", "24h/24", "Kubernetes", "Terraform", "Go",
		"https://example.org/roles", "sre@example.org", "mailto:sre@example.org",
		"www.example.org", "example.org", "example.org.", "e.g.", "x86_64",
		"snake_case", "v1.2", "Kubernetes,", "(AWS)", "administrationN",
		"disponibilité2", "infra&structure", "https://", "",
		"...", "data", "code", "team", "node", "rôle", "avec",
	}
	for _, lang := range []string{"en", "en-US", "fr"} {
		h := mustFor(t, lang)
		for _, w := range words {
			if got := h.Points(w); got != nil {
				t.Errorf("%s: Points(%q) = %v, want nil", lang, w, got)
			}
		}
	}
}

func TestPointsOffsets(t *testing.T) {
	fr := mustFor(t, "fr")
	en := mustFor(t, "en")
	cases := []struct {
		h    *Hyphenator
		word string
		want []int
	}{
		{en, "infrastructure", []int{2, 5, 10}},
		{fr, "développement", []int{3, 5, 8, 10}},    // é is 2 bytes
		{fr, "d’infrastructure", []int{6, 9, 14}},    // ’ is 3 bytes
		{fr, "d'infrastructure", []int{4, 7, 12}},    // ASCII apostrophe
		{fr, "dʼinfrastructure", []int{5, 8, 13}},    // U+02BC
		{fr, "«développement»", []int{5, 7, 10, 12}}, // « is 2 bytes
		{en, "(infrastructure),", []int{3, 6, 11}},
		{en, "infrastructure.", []int{2, 5, 10}},
		{en, "infrastructure:", []int{2, 5, 10}},
		{fr, "post-mortem", nil},
		{fr, "e-commerce", nil},
		{fr, "mise‑à‑jour", nil}, // non-breaking hyphens, short parts
	}
	for _, c := range cases {
		if got := c.h.Points(c.word); !slices.Equal(got, c.want) {
			t.Errorf("%s: Points(%q) = %v, want %v", c.h.Lang(), c.word, got, c.want)
		}
	}
}

func TestElisionAndHyphens(t *testing.T) {
	fr := mustFor(t, "fr")
	cases := []wordCase{
		{"d’infrastructure", "d’in-fra-struc-ture"},
		{"l’administration", "l’ad-mi-nis-tra-tion"},
		{"l’observabilité", "l’ob-ser-va-bi-lité"},
		{"qu’elle", "qu’elle"},
		{"s’assurer", "s’as-su-rer"},
		{"s'assurer", "s'as-su-rer"},
		{"jusqu’alors", "jusqu’alors"},
		{"lorsqu’il", "lorsqu’il"},
		{"l’orchestration,", "l’or-ches-tra-tion,"},
		{"«l’automatisation»", "«l’au-to-ma-ti-sa-tion»"},
		{"développement-exploitation", "développement-exploitation"},
		{"’infrastructure’", "’in-fra-struc-ture’"},
	}
	for _, c := range cases {
		if got := fr.Hyphenate(c.word); got != c.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", c.word, got, c.want)
		}
		for _, p := range fr.Points(c.word) {
			before, after := c.word[:p], c.word[p:]
			if strings.HasSuffix(before, "’") || strings.HasSuffix(before, "'") ||
				strings.HasPrefix(after, "’") || strings.HasPrefix(after, "'") {
				t.Errorf("Points(%q) breaks next to an apostrophe at %d", c.word, p)
			}
		}
	}
	en := mustFor(t, "en")
	if got := en.Hyphenate("organisation’s"); got != "or-gan-isa-tion’s" {
		t.Errorf("Hyphenate(organisation’s) = %q", got)
	}
}

func TestMins(t *testing.T) {
	for _, lang := range []string{"en", "en-US", "fr"} {
		h := mustFor(t, lang)
		if h.LeftMin != 2 || h.RightMin != 3 {
			t.Errorf("%s: mins %d/%d, want 2/3", lang, h.LeftMin, h.RightMin)
		}
		// No word of 4 runes can be split 2/3.
		for _, w := range []string{"data", "code", "team", "rôle", "être", "this", "ciao"} {
			if p := h.Points(w); p != nil {
				t.Errorf("%s: Points(%q) = %v", lang, w, p)
			}
		}
	}
	fr := mustFor(t, "fr")
	fr.RightMin = 2
	for _, c := range []wordCase{
		{"fiabilité", "fia-bi-li-té"},
		{"qualité", "qua-li-té"},
		{"sécurité", "sé-cu-ri-té"},
	} {
		if got := fr.Hyphenate(c.word); got != c.want {
			t.Errorf("fr 2/2: Hyphenate(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	fr.LeftMin, fr.RightMin = 3, 3
	if got := fr.Hyphenate("administration"); got != "admi-nis-tra-tion" {
		t.Errorf("fr 3/3: Hyphenate(administration) = %q", got)
	}
	if got := mustFor(t, "fr").Hyphenate("fiabilité"); got != "fia-bi-lité" {
		t.Errorf("For must return a fresh Hyphenator with default mins, got %q", got)
	}
	us := mustFor(t, "en-US")
	us.LeftMin, us.RightMin = 0, 0 // act as 1/1
	if got := us.Hyphenate("table"); got != "ta-ble" {
		t.Errorf("en-US 1/1: Hyphenate(table) = %q", got)
	}
}

func TestWith(t *testing.T) {
	fr := mustFor(t, "fr")
	never := fr.With([]string{"Observabilité", "d’infrastructure", "kubectl", ""})
	for _, w := range []string{
		"observabilité", "l’observabilité", "observabilité,",
		"d’infrastructure", "d'infrastructure",
	} {
		if p := never.Points(w); p != nil {
			t.Errorf("With: Points(%q) = %v, want nil", w, p)
		}
	}
	if got := never.Hyphenate("infrastructure"); got != "in-fra-struc-ture" {
		t.Errorf("With: other words must still hyphenate, got %q", got)
	}
	if got := fr.Hyphenate("observabilité"); got != "ob-ser-va-bi-lité" {
		t.Errorf("With must not change the receiver, got %q", got)
	}
	both := never.With([]string{"développement"})
	if both.Points("développement") != nil || both.Points("observabilité") != nil {
		t.Error("With must keep the receiver's never-list")
	}
	if never.Points("développement") == nil {
		t.Error("With must not change the receiver's never-list")
	}
}

func TestFor(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "en", "en-GB": "en-GB", "EN_gb": "en-GB", "en-AU": "en",
		"en-US": "en-US", "en_us": "en-US", "en-Latn-US": "en-US",
		"fr": "fr", "fr-FR": "fr", "fr-CA": "fr-CA", "FR-be": "fr",
		"de": "de", "de-DE": "de", "de-CH": "de-CH", "de-AT": "de-AT",
	} {
		h, err := For(tag)
		if err != nil || h.Lang() != want {
			t.Errorf("For(%q) = %v, %v; want %s", tag, h, err, want)
		}
	}
	for _, tag := range []string{"", "sv", "english", "e", "francais"} {
		_, err := For(tag)
		if err == nil || !strings.Contains(err.Error(), "languages: de, de-AT, de-CH, en, en-GB, en-US, es, fr, fr-CA, it, nl, pt, pt-PT") && !strings.Contains(err.Error(), "not a BCP 47 tag") {
			t.Errorf("For(%q) error = %v, want one naming the supported languages", tag, err)
		}
	}
}

func TestConcurrent(t *testing.T) {
	tables := map[string][]wordCase{"en": enGB, "en-US": enUS, "fr": fr}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for lang, cases := range tables {
				h, err := For(lang)
				if err != nil {
					t.Error(err)
					return
				}
				h = h.With([]string{"kubectl"})
				for i := range 20 {
					c := cases[(g+i)%len(cases)]
					if got := h.Hyphenate(c.word); got != c.want {
						t.Errorf("goroutine %d: %s: %q = %q, want %q", g, lang, c.word, got, c.want)
					}
				}
			}
		})
	}
	wg.Wait()
}
