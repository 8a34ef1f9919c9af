package tomlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"

	"github.com/pelletier/go-toml/v2"

	"github.com/brochure-dev/brochure/internal/safefile"
)

// DecodeKeys reads the file name of fsys (shown in messages), a file of
// kind, and decodes into v the keys v has, ignoring the others and
// checking nothing: for reading a few keys of a file without loading it
// (a listing's titles, a layout's sections). Decode is the strict one.
func DecodeKeys(fsys fs.FS, name, shown string, kind safefile.Kind, v any) error {
	data, err := safefile.ReadFile(fsys, name, shown, kind)
	if err != nil {
		return err
	}
	data = bytes.TrimPrefix(data, bom)
	if err := toml.Unmarshal(data, v); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			f := &File{Name: shown, text: string(data)}
			f.scanOnUse()
			return f.decodeError(err)
		}
		return fmt.Errorf("%s: %w", shown, err)
	}
	return nil
}
