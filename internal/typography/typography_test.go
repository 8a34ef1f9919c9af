package typography

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Shorthands in expectations: nb is U+00A0, nn is U+202F.
const (
	nb = "\u00a0"
	nn = "\u202f"
)

// show makes no-break spaces visible in failure messages.
var show = strings.NewReplacer(nb, "⍽", nn, "⁀", "\u2009", "ˇ").Replace

type applyCase struct {
	name, in, want string
}

func check(t *testing.T, r *Rules, tests []applyCase) {
	t.Helper()
	for _, tt := range tests {
		got := r.Apply(tt.in)
		if got != tt.want {
			t.Errorf("%s: Apply(%q)\n got %s\nwant %s", tt.name, show(tt.in), show(got), show(tt.want))
		}
		if again := r.Apply(got); again != got {
			t.Errorf("%s: not idempotent: Apply(%q) = %s", tt.name, show(got), show(again))
		}
		if again := r.Apply(tt.want); again != tt.want {
			t.Errorf("%s: correct text changed: Apply(%q) = %s", tt.name, show(tt.want), show(again))
		}
	}
}

func mustFor(t testing.TB, lang string) *Rules {
	t.Helper()
	r, err := For(lang)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestFor(t *testing.T) {
	for _, lang := range []string{"en", "en-GB", "en-US", "fr", "fr-CA", "FR", "fr-fr", "de", "de-CH", "de-AT"} {
		if _, err := For(lang); err != nil {
			t.Errorf("For(%q): %v", lang, err)
		}
	}
	for _, lang := range []string{"", "sv", "english", "f", "fi-FR"} {
		_, err := For(lang)
		if err == nil {
			t.Errorf("For(%q): no error", lang)
			continue
		}
		if !strings.Contains(err.Error(), "de, de-AT, de-CH, en, en-GB, en-US, es, fr, fr-CA, it, nl, pt, pt-PT") && !strings.Contains(err.Error(), "BCP 47") {
			t.Errorf("For(%q): error %q does not name the supported languages", lang, err)
		}
	}
	en, fr := mustFor(t, "en-GB"), mustFor(t, "fr-CA")
	if en.french || !fr.french {
		t.Error("For picked the wrong rules for a regional code")
	}
}

func TestFrench(t *testing.T) {
	check(t, mustFor(t, "fr"), []applyCase{
		// colon
		{"colon plain space", "Gérer les incidents : post-mortem", "Gérer les incidents" + nb + ": post-mortem"},
		{"colon no space", "Gérer les incidents: post-mortem", "Gérer les incidents" + nb + ": post-mortem"},
		{"colon narrow space", "texte" + nn + ": suite", "texte" + nb + ": suite"},
		{"colon many spaces", "texte   : suite", "texte" + nb + ": suite"},
		{"colon glued after, spaced before", "texte :suite", "texte" + nb + ":suite"},
		{"colon at end", "tels que:", "tels que" + nb + ":"},
		{"colon after number", "en 2026:", "en 2026" + nb + ":"},
		{"colon after closing quote", "« ceci »:", "«" + nn + "ceci" + nn + "»" + nb + ":"},
		{"time", "à 10:30", "à 10:30"},
		{"ratio", "ratio 3:1", "ratio 3:1"},
		{"glued word colon", "mailto:x et std::vector", "mailto:x et std::vector"},
		{"colon before //", "voir ://x", "voir ://x"},
		// ; ! ?
		{"question", "Pourquoi recruter ?", "Pourquoi recruter" + nn + "?"},
		{"question glued", "Pourquoi recruter?", "Pourquoi recruter" + nn + "?"},
		{"question nbsp", "Pourquoi" + nb + "?", "Pourquoi" + nn + "?"},
		{"exclamation", "Vite!", "Vite" + nn + "!"},
		{"semicolon", "un; deux ;trois", "un" + nn + "; deux" + nn + ";trois"},
		{"?! sequence", "Vraiment?!", "Vraiment" + nn + "?!"},
		{"!? sequence spaced", "Vraiment ! ?", "Vraiment" + nn + "!?"},
		{"(?) ", "un chiffre (?) douteux", "un chiffre (?) douteux"},
		{"( ?)", "un chiffre ( ?) douteux", "un chiffre (?) douteux"},
		{"ellipsis", "Et alors…?", "Et alors…?"},
		{"ellipsis spaced", "Et alors… ?", "Et alors…?"},
		{"three dots spaced", "Et alors... ?", "Et alors...?"},
		{"query string", "index.php?id=3", "index.php?id=3"},
		{"after parenthesis", "(voir plus)?", "(voir plus)" + nn + "?"},
		// guillemets and quotes
		{"guillemets spaced", "« by design »", "«" + nn + "by design" + nn + "»"},
		{"guillemets glued", "«by design»", "«" + nn + "by design" + nn + "»"},
		{"guillemets nbsp", "«" + nb + "by design" + nb + "»", "«" + nn + "by design" + nn + "»"},
		{"straight quotes", `conçus "by design".`, "conçus «" + nn + "by design" + nn + "»."},
		{"straight quotes spaced", `conçus " by design ".`, "conçus «" + nn + "by design" + nn + "»."},
		{"english quotes", "conçus “by design”.", "conçus «" + nn + "by design" + nn + "»."},
		{"two quotations", `"un" et "deux"`, "«" + nn + "un" + nn + "» et «" + nn + "deux" + nn + "»"},
		{"empty guillemets", "«»", "«" + nn + "»"},
		{"quote then question", `"Quoi"?`, "«" + nn + "Quoi" + nn + "»" + nn + "?"},
		{"exclamation inside", "« Vite ! »", "«" + nn + "Vite" + nn + "!" + nn + "»"},
		// apostrophe
		{"apostrophe", "l'équipe d'aujourd'hui", "l’équipe d’aujourd’hui"},
		{"apostrophe not between letters", "l' équipe 'x", "l' équipe 'x"},
		// units, percent, currencies
		{"percent spaced", "50 %", "50" + nb + "%"},
		{"percent glued", "50%", "50" + nb + "%"},
		{"percent narrow", "50" + nn + "%", "50" + nb + "%"},
		{"k€", "45 k€", "45" + nb + "k€"},
		{"€ glued", "45€ et 45k€", "45" + nb + "€ et 45" + nb + "k€"},
		{"ms", "100 ms", "100" + nb + "ms"},
		{"units", "2 Go, 3 h, 5 min, 10 km.", "2" + nb + "Go, 3" + nb + "h, 5" + nb + "min, 10" + nb + "km."},
		{"years are nouns", "3 ans", "3 ans"},
		{"unit prefix of a word", "3 hommes, 2 mois, 1 s'en va", "3 hommes, 2 mois, 1 s’en va"},
		{"ms glued", "100ms", "100ms"},
		{"after letter", "A4€", "A4€"},
		// ranges
		{"range", "45-55 k€", "45–55" + nb + "k€"},
		{"range years", "0-3 ans", "0–3 ans"},
		{"range hundreds", "100-120", "100–120"},
		{"range glued unit", "45-55k€", "45–55" + nb + "k€"},
		{"date", "2026-11-21", "2026-11-21"},
		{"short date", "21-11-2026", "21-11-2026"},
		{"triple", "1-2-3", "1-2-3"},
		{"identifier", "CKA-CKAD, A4-5, COVID-19", "CKA-CKAD, A4-5, COVID-19"},
		{"decimal", "2,5-3 et 1-2,5", "2,5-3 et 1-2,5"},
		{"four digits", "1000-1200", "1000-1200"},
		{"range then colon", "0-3:", "0–3" + nb + ":"},
		{"range of times", "9-12:30", "9-12:30"},
		// thousands
		{"thousands", "45000", "45" + nn + "000"},
		{"million", "1000000 €", "1" + nn + "000" + nn + "000" + nb + "€"},
		{"year", "en 2026", "en 2026"},
		{"phone", "+33123456789 ou 0123456789", "+33123456789 ou 0123456789"},
		{"version", "v12345 et 1.23456 et 12345.6", "v12345 et 1.23456 et 12345.6"},
		{"decimal comma", "12345,6", "12345,6"},
		{"end of sentence", "soit 45000.", "soit 45" + nn + "000."},
		{"postal code", "75008 Paris, 45000 Orléans", "75008 Paris, 45000 Orléans"},
		{"standard", "ISO 27001 et SIREN 123456789", "ISO 27001 et SIREN 123456789"},
		{"capital unit", "45000 Go, Environ 45000 K€", "45" + nn + "000" + nb + "Go, Environ 45" + nn + "000" + nb + "K€"},
		{"grouped already", "45 000 et 45" + nb + "000", "45 000 et 45" + nb + "000"},
		// real-looking sentence
		{"sentence", `Le SRE : "by design" ; l'équipe gère 45000 requêtes/s à 99,9%!`,
			"Le SRE" + nb + ": «" + nn + "by design" + nn + "»" + nn + "; l’équipe gère 45" + nn + "000 requêtes/s à 99,9" + nb + "%" + nn + "!"},
		// left alone
		{"line start", " : texte", " : texte"},
		{"empty", "", ""},
		{"no rule", "Le rôle", "Le rôle"},
	})
}

func TestEnglish(t *testing.T) {
	check(t, mustFor(t, "en"), []applyCase{
		{"space before colon", "Core missions : build", "Core missions: build"},
		{"nbsp before marks", "Why" + nb + "? Now" + nn + "! a ; b", "Why? Now! a; b"},
		{"glued marks", "Why? Now!", "Why? Now!"},
		{"line start", " : x", " : x"},
		{"double quotes", `resilient "by design", from`, "resilient “by design”, from"},
		{"double quotes at start", `"Reliable" teams`, "“Reliable” teams"},
		{"single quotes", "so-called 'by design' ones", "so-called ‘by design’ ones"},
		{"apostrophes", "don't, team's, organisations' goals", "don’t, team’s, organisations’ goals"},
		{"elision", "the '90s", "the ’90s"},
		{"quote in quote", `"it's 'fine'"`, "“it’s ‘fine’”"},
		{"lone quote", "a ' b", "a ' b"},
		{"range", "0-3 years, 45-55K", "0–3 years, 45–55K"},
		{"thousands untouched", "€45,000 and 45000", "€45,000 and 45000"},
		{"no french spacing", "45 k€ 50%", "45 k€ 50%"},
		{"time", "at 10:30", "at 10:30"},
		{"guillemets untouched", "« by design »", "« by design »"},
		{"curly untouched", "“by design”", "“by design”"},
		{"date", "2026-11-21", "2026-11-21"},
		{"money range", "€45-55K", "€45–55K"},
		{"thousands range", "€45,000-55,000", "€45,000-55,000"},
		{"ellipsis", "Really… ?", "Really…?"},
		{"after code", "`x` !", "`x`!"},
	})
}

func TestProtected(t *testing.T) {
	en, fr := mustFor(t, "en"), mustFor(t, "fr")
	for _, s := range []string{
		"https://example.com/a?b=1:2",
		"http://x.fr/l'équipe",
		"www.example.fr:8080",
		"WWW.EXAMPLE.FR?x",
		"jobs@example.fr",
		"mailto:jobs@example.fr",
		"CI/CD",
		"24h/24",
		"TCP/IP",
		"21/11/2026",
		"24/7",
		"`go test ./... ; echo \"ok\" 45000 0-3`",
		"`don't`",
		"`unpaired:x'y",
		"@team's",
		"a/b:c",
	} {
		for _, r := range []*Rules{en, fr} {
			if got := r.Apply(s); got != s {
				t.Errorf("french=%v: protected %q changed to %s", r.french, s, show(got))
			}
		}
	}
	check(t, fr, []applyCase{
		{"URL then colon", "voir https://x.fr/a : ok", "voir https://x.fr/a" + nb + ": ok"},
		{"URL in quotes", `"https://x.fr"`, "«" + nn + "https://x.fr" + nn + "»"},
		{"URL then question", "Avez-vous vu https://x.fr?", "Avez-vous vu https://x.fr" + nn + "?"},
		{"URL in parentheses", "(https://x.fr/a-b) 1-2", "(https://x.fr/a-b) 1–2"},
		{"code then text", "lancez `make test`: c'est tout", "lancez `make test`" + nb + ": c’est tout"},
		{"CI/CD then colon", "CI/CD : oui", "CI/CD" + nb + ": oui"},
		{"email", "écrivez à jobs@example.fr !", "écrivez à jobs@example.fr" + nn + "!"},
		{"slash with spaces", "Senior / Expert", "Senior / Expert"},
	})
	check(t, en, []applyCase{
		{"URL then colon", "see https://x.com : ok", "see https://x.com: ok"},
		{"code", "run `a ; b` ; done", "run `a ; b`; done"},
	})
}

func TestWithoutNarrowSpace(t *testing.T) {
	fr := mustFor(t, "fr")
	wide := fr.WithoutNarrowSpace()
	if fr.narrow != nnbsp {
		t.Fatal("WithoutNarrowSpace changed the rules it was called on")
	}
	check(t, wide, []applyCase{
		{"question", "Pourquoi ?", "Pourquoi" + nb + "?"},
		{"guillemets", "« by design »", "«" + nb + "by design" + nb + "»"},
		{"guillemets narrow typed", "«" + nn + "by design" + nn + "»", "«" + nb + "by design" + nb + "»"},
		{"thousands", "45000", "45" + nb + "000"},
		{"thousands narrow typed", "45" + nn + "000", "45" + nb + "000"},
		{"colon unchanged", "texte : suite", "texte" + nb + ": suite"},
		{"leading narrow", nn + "x", nb + "x"},
	})
	check(t, mustFor(t, "en").WithoutNarrowSpace(), []applyCase{
		{"narrow in english", "a" + nn + "b", "a" + nb + "b"},
		{"english spacing", "Why ?", "Why?"},
	})
	if got := wide.Apply("`a" + nn + "b`"); got != "`a"+nn+"b`" {
		t.Errorf("protected narrow space changed: %s", show(got))
	}
}

func TestInvalidUTF8(t *testing.T) {
	fr := mustFor(t, "fr")
	got := fr.Apply("a\xffb :")
	if !utf8.ValidString(got) || got != "a\uFFFDb"+nb+":" {
		t.Errorf("Apply(invalid) = %q", got)
	}
}

func TestNoAllocWhenCorrect(t *testing.T) {
	fr := mustFor(t, "fr")
	s := fr.Apply(frenchParagraph)
	if n := testing.AllocsPerRun(100, func() { fr.Apply(s) }); n != 0 {
		t.Errorf("Apply on correct text: %v allocations, want 0", n)
	}
	en := mustFor(t, "en")
	e := en.Apply(englishParagraph)
	if n := testing.AllocsPerRun(100, func() { en.Apply(e) }); n != 0 {
		t.Errorf("Apply on correct English text: %v allocations, want 0", n)
	}
}

func TestGerman(t *testing.T) {
	check(t, mustFor(t, "de"), []applyCase{
		{"quotes", `Systeme, "by design" gebaut.`, "Systeme, „by design“ gebaut."},
		{"quotes at start", `"Warum?" fragt sie.`, "„Warum?“ fragt sie."},
		{"curly kept", "„schon richtig“", "„schon richtig“"},
		{"no space before colon", "Aufgaben : Betrieb", "Aufgaben: Betrieb"},
		{"no space before question", "Warum einstellen ?", "Warum einstellen?"},
		{"no space before exclamation", "Jetzt !", "Jetzt!"},
		{"apostrophe", "geht's", "geht’s"},
		{"leading apostrophe left", "'90er", "'90er"},
		{"range", "0-3 Jahre", "0–3 Jahre"},
		{"figures as typed", "45000 Anfragen", "45000 Anfragen"},
		{"grouped kept", "45.000–55.000 €", "45.000–55.000 €"},
		{"url", "https://example.de/a?b=c :", "https://example.de/a?b=c:"},
	})
}

func TestSwissGerman(t *testing.T) {
	check(t, mustFor(t, "de-CH"), []applyCase{
		{"guillemets without spaces", `Systeme, "by design" gebaut.`, "Systeme, «by design» gebaut."},
		{"no space before colon", "Aufgaben : Betrieb", "Aufgaben: Betrieb"},
		{"apostrophe", "geht's", "geht’s"},
	})
	// de-AT is German's.
	check(t, mustFor(t, "de-AT"), []applyCase{
		{"quotes", `"by design"`, "„by design“"},
	})
}

// TestOtherLanguages: Spanish, Italian and Portuguese (Portugal) quote
// with « » without spaces, Dutch and Brazilian Portuguese with “ ”; none
// spaces the marks; Italian elides with ’.
func TestOtherLanguages(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		cases []applyCase
	}{
		{"es", []applyCase{
			{"quotes", `sistemas "by design".`, "sistemas «by design»."},
			{"no space before colon", "Misiones : vigilar", "Misiones: vigilar"},
			{"inverted marks kept", "¿Por qué contratar ?", "¿Por qué contratar?"},
			{"no space after ¿ or ¡", "¿ Por qué contratar? ¡ Ahora!", "¿Por qué contratar? ¡Ahora!"},
			{"range", "0-3 años", "0–3 años"},
		}},
		{"it", []applyCase{
			{"quotes", `sistemi "by design".`, "sistemi «by design»."},
			{"elision", "dell'infrastruttura", "dell’infrastruttura"},
			{"no space before question", "Perché assumere ?", "Perché assumere?"},
		}},
		{"nl", []applyCase{
			{"quotes", `systemen "by design".`, "systemen “by design”."},
			{"apostrophe", "auto's", "auto’s"},
			{"no space before colon", "Taken : bewaken", "Taken: bewaken"},
		}},
		{"pt", []applyCase{
			{"quotes", `sistemas "by design".`, "sistemas “by design”."},
		}},
		{"pt-PT", []applyCase{
			{"quotes", `sistemas "by design".`, "sistemas «by design»."},
		}},
	} {
		check(t, mustFor(t, tc.lang), tc.cases)
	}
}
