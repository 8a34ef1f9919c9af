// Package overlay stacks file systems: a file in an upper one shadows the
// file of the same name below, as a project's layouts shadow the defaults
// built into the binary.
package overlay

import (
	"errors"
	"io/fs"
	"sort"
)

// FS looks a name up in each layer in turn; nil layers are skipped.
type FS []fs.FS

// New returns the overlay of layers, the first on top.
func New(layers ...fs.FS) FS {
	var o FS
	for _, l := range layers {
		if l != nil {
			o = append(o, l)
		}
	}
	return o
}

// Open opens name from the first layer that has it.
func (o FS) Open(name string) (fs.File, error) {
	for _, l := range o {
		f, err := l.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir merges the listings of every layer, upper entries first, sorted
// by name.
func (o FS) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, l := range o {
		entries, err := fs.ReadDir(l, name)
		if err != nil {
			continue
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
