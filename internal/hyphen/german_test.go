package hyphen

import "testing"

// de is German ("de", "de-AT", "de-CH"): hyph-de-1996.tex, the reformed
// spelling's patterns of the Trennmustermannschaft, with 2 letters before
// and 3 after a hyphen. Compounds break at their joints and inside their
// parts ("In-fra-struk-tur-ver-ant-wor-tung"); the syllables are those of
// Duden's Rechtschreibung.
var de = []wordCase{
	{"Infrastrukturverantwortung", "In-fra-struk-tur-ver-ant-wor-tung"},
	{"Bereitschaftsdienst", "Be-reit-schafts-dienst"},
	{"Rufbereitschaft", "Ruf-be-reit-schaft"},
	{"Zuverlässigkeit", "Zu-ver-läs-sig-keit"},
	{"zuverlässig", "zu-ver-läs-sig"},
	{"Verfügbarkeit", "Ver-füg-bar-keit"},
	{"Überwachung", "Über-wa-chung"},
	{"überwachen", "über-wa-chen"},
	{"Automatisierung", "Au-to-ma-ti-sie-rung"},
	{"Softwareentwicklung", "Soft-ware-ent-wick-lung"},
	{"Fehlerbudget", "Feh-ler-bud-get"},
	{"Rechenzentrum", "Re-chen-zen-trum"},
	{"Betriebssystem", "Be-triebs-sys-tem"},
	{"Störungsbehebung", "Stö-rungs-be-he-bung"},
	{"Kapazitätsplanung", "Ka-pa-zi-täts-pla-nung"},
	{"Lastverteilung", "Last-ver-tei-lung"},
	{"Schifffahrt", "Schiff-fahrt"},
	{"Donaudampfschifffahrtsgesellschaft", "Do-nau-dampf-schiff-fahrts-ge-sell-schaft"},
	{"Vorstellungsgespräch", "Vor-stel-lungs-ge-spräch"},
	{"Unternehmen", "Un-ter-neh-men"},
	{"verantwortlich", "ver-ant-wort-lich"},
	{"Silbentrennung", "Sil-ben-tren-nung"},
	{"Zusammenarbeit", "Zu-sam-men-ar-beit"},
	{"Mitarbeiter", "Mit-ar-bei-ter"},
	{"Ingenieurin", "In-ge-nieu-rin"},
	{"Nachbereitung", "Nach-be-rei-tung"},
	{"Skalierbarkeit", "Ska-lier-bar-keit"},
	{"Beobachtbarkeit", "Be-ob-acht-bar-keit"},
	{"Stellenbeschreibung", "Stel-len-be-schrei-bung"},
	{"Leistungsfähigkeit", "Leis-tungs-fä-hig-keit"},
	{"Finanzdienstleister", "Fi-nanz-dienst-leis-ter"},
	{"Gesundheitswesen", "Ge-sund-heits-we-sen"},
	{"Anforderungen", "An-for-de-run-gen"},
	{"Weiterbildung", "Wei-ter-bil-dung"},
	{"Wissenschaft", "Wis-sen-schaft"},
	{"Kenntnisse", "Kennt-nisse"},                     // not "Kennt-nis-se": 3 letters after
	{"Straße", "Straße"},                              // too short for 2 + 3 around a break
	{"Häuser", "Häu-ser"},                             // umlauts
	{"Cloud-Infrastruktur", "Cloud-In-fra-struk-tur"}, // a capital after a hyphen
	// Capitals elsewhere than a word's first letter still mark a name or
	// an acronym: never hyphenated.
	{"DevOps", "DevOps"},
	{"SRE", "SRE"},
	{"PostgreSQL", "PostgreSQL"},
	{"IT-Sicherheit", "IT-Sicherheit"},
	{"Kubernetes2", "Kubernetes2"},
}

func TestGerman(t *testing.T) {
	for _, tag := range []string{"de", "de-DE", "de-AT", "de-CH"} {
		checkWords(t, tag, de)
	}
}

// TestCapitalsOnlyInGerman: English and French names keep their capitals
// unhyphenated; in German a capitalised noun hyphenates.
func TestCapitalsOnlyInGerman(t *testing.T) {
	checkWords(t, "en", []wordCase{{"Infrastructure", "Infrastructure"}, {"infrastructure", "in-fra-struc-ture"}})
	checkWords(t, "fr", []wordCase{{"Infrastructure", "Infrastructure"}})
	checkWords(t, "de", []wordCase{{"Infrastruktur", "In-fra-struk-tur"}})
	h, _ := For("de")
	if got := h.With([]string{"Kubernetes"}).Hyphenate("Kubernetes"); got != "Kubernetes" {
		t.Errorf("de: a never-hyphenated name was hyphenated: %q", got)
	}
}
