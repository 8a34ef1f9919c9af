package preflight

import (
	"bytes"
	"errors"
	"strconv"
)

// The PDF objects the checks read (ISO 32000-1 §7.3), parsed with the
// content-stream tokenizer (lexer.go), which knows the same syntax.
type (
	object    = any // nil (null), pdfBool, pdfNum, pdfString, pdfName, pdfArray, pdfDict, *pdfStream or pdfRef
	pdfBool   bool
	pdfNum    float64 // integers and reals alike: the checks only measure
	pdfString string  // decoded bytes of a literal or hex string
	pdfName   string  // without its slash, #xx decoded
	pdfArray  []object
	pdfDict   map[string]object
)

// pdfRef is an indirect reference, "12 0 R".
type pdfRef struct{ nr, gen int }

// pdfStream is a stream: its dictionary and its data still encoded.
type pdfStream struct {
	dict pdfDict
	raw  []byte
	nr   int // the object's number; 0 when not known
}

var errSyntax = errors.New("bad object syntax")

// parser reads objects from a lexer. Two numbers followed by R make a
// reference; a dictionary followed by "stream" a stream, whose length the
// file resolves (length may be an indirect object).
type parser struct {
	l      lexer
	peeked []token // tokens read ahead, to tell "1 0 R" from numbers
	length func(o object) (int, bool)
}

func (p *parser) token() (token, bool) {
	if n := len(p.peeked); n > 0 {
		t := p.peeked[n-1]
		p.peeked = p.peeked[:n-1]
		return t, true
	}
	return p.l.next()
}

func (p *parser) unread(t token) { p.peeked = append(p.peeked, t) }

// object reads one object; after a dictionary it reads the stream data
// that follows "stream", if any.
func (p *parser) object(depth int) (object, error) {
	if depth > maxNesting {
		return nil, errors.New("objects nested too deeply")
	}
	t, ok := p.token()
	if !ok {
		return nil, errSyntax
	}
	switch t.kind {
	case 'n':
		return p.number(t)
	case 's':
		return pdfString(t.op.str), nil
	case '/':
		return pdfName(t.op.str), nil
	case 'k':
		switch t.op.str {
		case "true":
			return pdfBool(true), nil
		case "false":
			return pdfBool(false), nil
		}
		return nil, nil
	case '[':
		var a pdfArray
		for {
			t, ok := p.token()
			if !ok {
				return nil, errSyntax
			}
			if t.kind == ']' {
				return a, nil
			}
			p.unread(t)
			o, err := p.object(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, o)
		}
	case '<':
		d := pdfDict{}
		for {
			t, ok := p.token()
			if !ok {
				return nil, errSyntax
			}
			if t.kind == '>' {
				break
			}
			if t.kind != '/' {
				return nil, errSyntax
			}
			v, err := p.object(depth + 1)
			if err != nil {
				return nil, err
			}
			if v != nil { // a null value is no entry (§7.3.7)
				d[t.op.str] = v
			}
		}
		return p.stream(d)
	}
	return nil, errSyntax
}

// number reads a number, or a reference when "G R" follows it.
func (p *parser) number(t token) (object, error) {
	nr := t.op.num
	t2, ok := p.token()
	if !ok {
		return pdfNum(nr), nil
	}
	if t2.kind == 'n' {
		t3, ok := p.token()
		if ok && t3.kind == 'o' && t3.str == "R" {
			if nr < 0 || nr > maxObjects || t2.op.num < 0 || nr != float64(int(nr)) {
				return nil, errSyntax
			}
			return pdfRef{int(nr), int(t2.op.num)}, nil
		}
		if ok {
			p.unread(t3)
		}
	}
	p.unread(t2)
	return pdfNum(nr), nil
}

// stream reads the data after a dictionary when the keyword "stream"
// follows it; otherwise the dictionary is the object.
func (p *parser) stream(d pdfDict) (object, error) {
	if len(p.peeked) > 0 {
		return d, nil
	}
	save := p.l.i
	t, ok := p.l.next()
	if !ok || t.kind != 'o' || t.str != "stream" {
		p.l.i = save
		return d, nil
	}
	b := p.l.b
	i := p.l.i
	if i < len(b) && b[i] == '\r' {
		i++
	}
	if i < len(b) && b[i] == '\n' {
		i++
	}
	n, ok := -1, false
	if p.length != nil {
		n, ok = p.length(d["Length"])
	}
	// Trust /Length only when "endstream" follows it; else look for it.
	if !ok || n < 0 || i+n > len(b) || !endsStream(b[i+n:]) {
		end := indexFrom(b, i, "endstream")
		if end < 0 {
			return nil, errors.New("stream without endstream")
		}
		n = end - i
		for n > 0 && (b[i+n-1] == '\n' || b[i+n-1] == '\r') {
			n--
		}
	}
	p.l.i = i + n
	return &pdfStream{dict: d, raw: b[i : i+n]}, nil
}

// endsStream says whether b starts, after line ends, with "endstream".
func endsStream(b []byte) bool {
	k := 0
	for k < len(b) && k < 4 && isSpace(b[k]) {
		k++
	}
	return len(b)-k >= 9 && string(b[k:k+9]) == "endstream"
}

func indexFrom(b []byte, from int, s string) int {
	if from > len(b) {
		return -1
	}
	if k := bytes.Index(b[from:], []byte(s)); k >= 0 {
		return from + k
	}
	return -1
}

// header reads "nr gen obj" and returns the numbers.
func (p *parser) header() (nr, gen int, err error) {
	a, ok1 := p.l.next()
	b, ok2 := p.l.next()
	c, ok3 := p.l.next()
	if !ok1 || !ok2 || !ok3 || a.kind != 'n' || b.kind != 'n' || c.kind != 'o' || c.str != "obj" {
		return 0, 0, errors.New("no object header")
	}
	return int(a.op.num), int(b.op.num), nil
}

// integer reads a non-negative integer token, as in a cross-reference
// table.
func (p *parser) integer() (int, bool) {
	t, ok := p.token()
	if !ok || t.kind != 'n' || t.op.num < 0 || t.op.num > 1<<40 {
		return 0, false
	}
	return int(t.op.num), true
}

// keyword reads an operator token ("xref", "trailer", "n", "f").
func (p *parser) keyword() string {
	t, ok := p.token()
	if !ok || t.kind != 'o' {
		if ok {
			p.unread(t)
		}
		return ""
	}
	return t.str
}

func atoi(s string) (int, bool) {
	v, err := strconv.Atoi(s)
	return v, err == nil
}
