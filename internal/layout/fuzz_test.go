package layout

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/internal/content"
	"github.com/brochure-dev/brochure/internal/design"
	"github.com/brochure-dev/brochure/internal/document"
	"github.com/brochure-dev/brochure/internal/hyphen"
	"github.com/brochure-dev/brochure/internal/typeset"
)

// fuzzLayouts are the layouts a generated role is laid out with: one of
// each kind.
var fuzzLayouts = []string{"a4", "poster", "a5-booklet", "trifold", "flyer", "side-by-side"}

// FuzzPipeline generates roles, the SRE role with text, tool names,
// salaries and years from the fuzzer written into its files, and drives
// them through the whole pipeline: content.Load, document.Build and Lay
// (or LayParallel) with one of the real layouts. Every input must end,
// within a few seconds, in frames that pass the frame check (Lay runs
// it) or in errors, never in a panic.
func FuzzPipeline(f *testing.F) {
	files := map[string][]byte{}
	for _, name := range []string{"role.toml", "en.toml", "fr.toml"} {
		data, err := os.ReadFile("../../brochures/sre/" + name)
		if err != nil {
			f.Fatal(err)
		}
		files[name] = data
	}
	url := "https://northlight-talent.example/roles/site-reliability-engineering/platform/observability/incident-response/guide.html?utm_source=brochure&utm_medium=pdf"
	f.Add("Site Reliability Engineer", "An SRE is the link.", "Cloud Architect", "Kubernetes", int64(70000), int64(100000), int64(7), uint8(0))
	f.Add(strings.Repeat("Title ", 50), "See "+url+" now.", "Pneumonoultramicroscopicsilicovolcanoconiosis", "ContinuousDeploymentOrchestrationPlatform", int64(1000), int64(100_000_000), int64(0), uint8(1))
	f.Add("数据 Engineer", "", "", "", int64(1), int64(2), int64(3), uint8(2))
	f.Add("Site Relia\u00adbility", "Infra\u00adstructure obser\u200bvability a\u200db", "<b>&amp;</b> (( \\ ))", "x y", int64(9_000_000), int64(25_000_000), int64(60), uint8(3))
	f.Add("T", strings.Repeat("word ", 1000), strings.Repeat("x", 300), "🚀", int64(2100), int64(2600), int64(0), uint8(5))
	layouts := map[string]*design.Layout{}
	for _, name := range fuzzLayouts {
		lay, err := loader.Layout(name)
		if err != nil {
			f.Fatal(err)
		}
		layouts[name] = lay
	}
	hy := map[string]typeset.Hyphenator{}
	for _, lang := range []string{"en", "fr"} {
		h, err := hyphen.For(lang)
		if err != nil {
			f.Fatal(err)
		}
		hy[lang] = h
	}
	f.Fuzz(func(t *testing.T, title, body, item, tool string, min, max, years int64, which uint8) {
		fsys := fstest.MapFS{}
		role := string(files["role.toml"])
		role = strings.Replace(role, `"Kubernetes", "Terraform"`, tomlString(tool)+`, "Terraform"`, 1)
		role = strings.Replace(role, "min = 70000\nmax = 100000", fmt.Sprintf("min = %d\nmax = %d", min, max), 1)
		role = strings.Replace(role, "years_min = 7", fmt.Sprintf("years_min = %d", years), 1)
		fsys["sre/role.toml"] = &fstest.MapFile{Data: []byte(role)}
		for _, lang := range []string{"en", "fr"} {
			text := string(files[lang+".toml"])
			text = strings.Replace(text, `title = "Site Reliability Engineer"`, "title = "+tomlString(title), 1)
			text = strings.Replace(text, "body = [\n  \"", "body = [\n  "+tomlString(body)+",\n  \"", 1)
			text = strings.Replace(text, "items = [\n  \"", "items = [\n  "+tomlString(item)+",\n  \"", 1)
			fsys["sre/"+lang+".toml"] = &fstest.MapFile{Data: []byte(text)}
		}
		r, err := content.Load(fsys, "brochures", "sre")
		if err != nil {
			return // refused at its line: the content tests check how
		}
		name := fuzzLayouts[int(which)%len(fuzzLayouts)]
		lay := layouts[name]
		start := time.Now()
		if lay.Kind == "side-by-side" {
			var docs []*document.Doc
			for _, lang := range lay.Languages {
				doc, err := document.Build(r, lang, lay)
				if err != nil {
					return
				}
				docs = append(docs, doc)
			}
			_, _, err = LayParallel(docs, lay, []typeset.Hyphenator{hy[lay.Languages[0]], hy[lay.Languages[1]]})
		} else {
			lang := "en"
			if len(lay.Languages) > 0 {
				lang = lay.Languages[0]
			}
			doc, err := document.Build(r, lang, lay)
			if err != nil {
				return
			}
			_, _, _ = Lay(doc, lay, hy[lang]) // errors are answers; panics and hangs are failures
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("layout %s took %v", name, d)
		}
		_ = err // an error is an answer; a panic or a hang is not
	})
}

// tomlString writes s as a TOML basic string: quotes, backslashes and
// control characters escaped, invalid UTF-8 replaced.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		case r == utf8.RuneError:
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
