// Package benchroles makes many distinct roles from one, for benchmarks:
// a batch whose brochures all embedded the same font subsets and
// compressed the same programs would flatter the writer's caches.
//
// Role i differs from the others in its title (10 job titles × 20 places
// whose names bring letters of their own: Zürich, Łódź, Ísafjörður,
// Timișoara…), in a reference code in its kicker (two letters and a
// number), and in the order of every list of items, rotated by i. So the
// glyphs each brochure embeds, its lines and its columns differ from one
// role to the next, while every role keeps the source's structure and
// still fits its layout.
package benchroles

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

var (
	titles = map[string][]string{
		"en": {"Site Reliability Engineer", "Platform Engineer", "Cloud Architect", "Data Engineer", "Security Engineer",
			"DevOps Lead", "Network Engineer", "Backend Developer", "QA Automation Engineer", "Infrastructure Manager"},
		"fr": {"Ingénieur fiabilité", "Ingénieure plateforme", "Architecte cloud", "Ingénieur données", "Ingénieure sécurité",
			"Responsable DevOps", "Ingénieur réseau", "Développeuse backend", "Ingénieur qualité", "Responsable infrastructure"},
		"de": {"Zuverlässigkeitsingenieur", "Plattformingenieurin", "Cloud-Architekt", "Dateningenieur", "Sicherheitsingenieurin",
			"DevOps-Leitung", "Netzwerkingenieur", "Backend-Entwicklerin", "Qualitätsingenieur", "Infrastrukturleitung"},
		"es": {"Ingeniero de fiabilidad", "Ingeniera de plataforma", "Arquitecto cloud", "Ingeniero de datos", "Ingeniera de seguridad",
			"Responsable DevOps", "Ingeniero de redes", "Desarrolladora backend", "Ingeniero de calidad", "Responsable de infraestructura"},
		"it": {"Ingegnere dell’affidabilità", "Ingegnera di piattaforma", "Architetto cloud", "Ingegnere dei dati", "Ingegnera della sicurezza",
			"Responsabile DevOps", "Ingegnere di rete", "Sviluppatrice backend", "Ingegnere della qualità", "Responsabile infrastruttura"},
		"nl": {"Betrouwbaarheidsengineer", "Platformengineer", "Cloudarchitect", "Data-engineer", "Security-engineer",
			"DevOps-lead", "Netwerkengineer", "Backendontwikkelaar", "QA-engineer", "Infrastructuurmanager"},
		"pt-PT": {"Engenheiro de fiabilidade", "Engenheira de plataforma", "Arquiteto cloud", "Engenheiro de dados", "Engenheira de segurança",
			"Responsável DevOps", "Engenheiro de redes", "Programadora backend", "Engenheiro de qualidade", "Responsável de infraestrutura"},
	}
	places = []string{"Lyon", "Zürich", "Kraków", "Québec", "Bordeaux", "Växjö", "Oslo", "Wellington", "Jyväskylä", "Montréal",
		"Łódź", "Ísafjörður", "Škofja Loka", "Genève", "Århus", "Plzeň", "Timișoara", "Çeşme", "Žilina", "Tromsø"}
)

// Write makes n roles role000… in dst, each from the role in src (a role
// folder: role.toml and one TOML file per language), and returns their
// ids.
func Write(dst, src string, n int) ([]string, error) {
	facts, err := os.ReadFile(filepath.Join(src, "role.toml"))
	if err != nil {
		return nil, err
	}
	var head struct {
		ID        string   `toml:"id"`
		Languages []string `toml:"languages"`
	}
	if err := toml.Unmarshal(facts, &head); err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	texts := map[string]map[string]any{}
	for _, lang := range head.Languages {
		data, err := os.ReadFile(filepath.Join(src, lang+".toml"))
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := toml.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(src, lang+".toml"), err)
		}
		texts[lang] = m
	}
	var ids []string
	for i := range n {
		id := fmt.Sprintf("role%03d", i)
		dir := filepath.Join(dst, id)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		f := strings.Replace(string(facts), fmt.Sprintf("id = %q", head.ID), fmt.Sprintf("id = %q", id), 1)
		if err := os.WriteFile(filepath.Join(dir, "role.toml"), []byte(f), 0o644); err != nil {
			return nil, err
		}
		for lang, m := range texts {
			var b bytes.Buffer
			if err := toml.NewEncoder(&b).Encode(vary(m, lang, i)); err != nil {
				return nil, err
			}
			if err := os.WriteFile(filepath.Join(dir, lang+".toml"), b.Bytes(), 0o644); err != nil {
				return nil, err
			}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// vary returns a copy of a language file's values made distinct for role i.
func vary(m map[string]any, lang string, i int) map[string]any {
	out := rotate(m, i).(map[string]any)
	names := titles[lang]
	if names == nil {
		names = titles["en"]
	}
	out["title"] = fmt.Sprintf("%s, %s", names[i%len(names)], places[i/len(names)%len(places)])
	if k, ok := out["kicker"].(string); ok {
		out["kicker"] = fmt.Sprintf("%s · Ref. %c%c-%03d", k, 'A'+i%26, 'Z'-i/26%26, i)
	}
	return out
}

// rotate copies v, rotating every list of strings named "items" by i.
func rotate(v any, i int) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if items, ok := x.([]any); ok && k == "items" && len(items) > 0 {
				r := i % len(items)
				out[k] = append(append([]any{}, items[r:]...), items[:r]...)
				continue
			}
			out[k] = rotate(x, i)
		}
		return out
	case []map[string]any:
		out := make([]map[string]any, len(v))
		for k, x := range v {
			out[k] = rotate(x, i).(map[string]any)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for k, x := range v {
			out[k] = rotate(x, i)
		}
		return out
	}
	return v
}
