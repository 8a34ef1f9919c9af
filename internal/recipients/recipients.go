// Package recipients reads a recipients file: a CSV export from a CRM or
// a spreadsheet with one personal edition per row, its columns named in
// a header row. It reads what Excel and CRMs really write: UTF-8 with or
// without a byte order mark, commas or semicolons (French Excel), quoted
// fields with newlines, CRLF line ends.
package recipients

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Columns are the columns a recipients file may have, in any order and
// case. Those it leaves out take the command's flags.
var Columns = []string{"role", "lang", "edition", "layout", "variant", "client", "contact", "by", "note", "date"}

// Row is one recipient.
type Row struct {
	// Line is where the row starts in the file, from 1 (the header).
	Line int
	// Values by column name; only the file's columns are present, and
	// an empty cell is "".
	Values map[string]string
}

// Get returns the row's value of a column and whether the file has that
// column.
func (r Row) Get(column string) (string, bool) {
	v, ok := r.Values[column]
	return v, ok
}

// Error is a problem at a line of the file.
type Error struct {
	File   string
	Line   int
	Column string // "" when the problem is not one column's
	Err    error
}

// Error gives "file:line: column: problem".
func (e *Error) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d: %s: %v", e.File, e.Line, e.Column, e.Err)
}

// Unwrap returns the problem.
func (e *Error) Unwrap() error { return e.Err }

// Parse reads the data of the file called name. It returns the good rows
// and, joined, an *Error for each bad one; a file without a usable
// header row gives no rows.
func Parse(name string, data []byte) ([]Row, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, &Error{File: name, Line: line, Err: errors.New("not UTF-8 text: export the file as \"CSV UTF-8\"")}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(data)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		return nil, &Error{File: name, Line: 1, Err: errors.New("empty: want a header row naming the columns (" + strings.Join(Columns, ", ") + ")")}
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	cols, err := columns(name, header)
	if err != nil {
		return nil, err
	}
	var rows []Row
	var errs []error
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvError(name, err))
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote) {
				break // an open quote runs to the end: nothing after it is sure
			}
			continue
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(rec) > len(cols) {
			errs = append(errs, &Error{File: name, Line: line, Err: fmt.Errorf("%d fields where the header names %d columns", len(rec), len(cols))})
			continue
		}
		row := Row{Line: line, Values: map[string]string{}}
		for i, c := range cols {
			v := ""
			if i < len(rec) {
				v = strings.TrimSpace(rec[i])
			}
			row.Values[c] = v
		}
		rows = append(rows, row)
	}
	return rows, errors.Join(errs...)
}

// columns reads the header row.
func columns(name string, header []string) ([]string, error) {
	var cols []string
	var errs []error
	seen := map[string]bool{}
	for _, h := range header {
		c := strings.ToLower(strings.TrimSpace(h))
		known := false
		for _, k := range Columns {
			known = known || c == k
		}
		switch {
		case !known:
			errs = append(errs, &Error{File: name, Line: 1, Err: fmt.Errorf("unknown column %q (columns: %s)", h, strings.Join(Columns, ", "))})
		case seen[c]:
			errs = append(errs, &Error{File: name, Line: 1, Err: fmt.Errorf("column %q twice", h)})
		}
		seen[c] = true
		cols = append(cols, c)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if !seen["client"] {
		return nil, &Error{File: name, Line: 1, Err: errors.New("no client column: each row is the edition of one client")}
	}
	return cols, nil
}

// delimiter guesses the field separator from the header row: a
// semicolon when it has more of them than commas, outside quotes.
func delimiter(data []byte) rune {
	commas, semis := 0, 0
	quoted := false
	for _, b := range data {
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n':
			if semis > commas {
				return ';'
			}
			return ','
		case b == ',':
			commas++
		case b == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

// csvError places a reader's error.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: name, Line: pe.Line, Err: pe.Err}
	}
	return &Error{File: name, Err: err}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}
