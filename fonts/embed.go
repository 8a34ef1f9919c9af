// Package fonts embeds the default fonts (see README.md in this folder for
// their source and licence). A fonts/ folder beside the content overrides
// them file by file.
package fonts

import "embed"

// FS holds the TrueType files.
//
//go:embed *.ttf
var FS embed.FS
