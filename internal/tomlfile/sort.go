package tomlfile

import (
	"errors"
	"sort"
)

// Sort flattens joined errors, drops nils and the errors Errorf hides,
// and orders the rest by file,
// line, column and message (a file-wide error, without a line, first),
// so that errors found by iterating over maps come out the same on every
// run and in reading order. Errors that are not *Error sort by their
// text, as if it were a file name.
func Sort(errs []error) []error {
	var flat []error
	var add func(error)
	add = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				add(e)
			}
		} else if e, ok := err.(*Error); ok && e.hidden {
			return
		} else if err != nil {
			flat = append(flat, err)
		}
	}
	for _, err := range errs {
		add(err)
	}
	sort.SliceStable(flat, func(i, j int) bool { return less(flat[i], flat[j]) })
	return flat
}

func less(a, b error) bool {
	ka, kb := sortKey(a), sortKey(b)
	switch {
	case ka.File != kb.File:
		return ka.File < kb.File
	case ka.Line != kb.Line:
		return ka.Line < kb.Line
	case ka.Col != kb.Col:
		return ka.Col < kb.Col
	}
	return ka.Msg < kb.Msg
}

func sortKey(err error) Error {
	var e *Error
	if errors.As(err, &e) {
		return *e
	}
	return Error{File: err.Error()}
}
