// Package layouts embeds the default layout and brand definitions, so an
// installed brochure binary works from any folder. A layouts/ folder beside
// the content overrides them file by file.
package layouts

import "embed"

// FS holds the default layouts (*.toml) and the brand's logo (*.svg).
//
//go:embed *.toml *.svg
var FS embed.FS
