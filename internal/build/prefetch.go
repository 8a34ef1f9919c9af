package build

import (
	"strings"

	"github.com/brochure-dev/brochure/internal/hyphen"
)

// prefetchLayouts starts loading the layouts (and so parsing their fonts)
// in the background while the roles load. Layouts are loaded once and
// shared: a job that needs one before it is ready waits for the same
// load. Errors are reported where the layouts are used.
func (p *Project) prefetchLayouts(names []string) {
	for _, name := range names {
		p.designs.Start(name)
	}
}

// prefetchPatterns starts parsing the hyphenation patterns of the jobs'
// languages ("en+fr" for a bilingual edition) in the background;
// hyphen.For parses each language once and makes later callers wait for
// it.
func prefetchPatterns(jobs []Job) {
	seen := map[string]bool{}
	for _, j := range jobs {
		for _, lang := range strings.Split(j.Lang, "+") {
			if !seen[lang] {
				seen[lang] = true
				go func() { _, _ = hyphen.For(lang) }()
			}
		}
	}
}
