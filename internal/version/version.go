// Package version names this build of brochure: the manifest records it
// (a new version rebuilds everything) and PDFs carry it as their Creator.
package version

import (
	"runtime/debug"
	"strings"
	"sync"
)

// stamp is set at build time by the Makefile, from git describe:
//
//	go build -ldflags "-X github.com/brochure-dev/brochure/internal/version.stamp=v1.2.0-3-gabc1234"
var stamp string

// String returns the stamped version or, for a binary built without the
// Makefile, the module version with the VCS revision and a "+dirty" mark
// from the build information; "(devel)" when there is neither. It never
// depends on where the executable is or when it was built.
func String() string { return once() }

var once = sync.OnceValue(func() string {
	if stamp != "" {
		return stamp
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	return fromBuildInfo(bi)
})

// fromBuildInfo names a build from its module version and VCS settings.
func fromBuildInfo(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	// Since Go 1.24 a module version from VCS already ends in the
	// revision and "+dirty"; say each once.
	if rev != "" && !strings.Contains(v, shortRev(rev)) {
		v += " " + shortRev(rev)
	}
	if dirty && !strings.HasSuffix(v, "+dirty") {
		v += "+dirty"
	}
	return v
}

// shortRev is a revision's first 12 characters, as Go's pseudo-versions
// write it.
func shortRev(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}
