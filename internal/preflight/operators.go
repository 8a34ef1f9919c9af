package preflight

import "bytes"

// scanContent calls exec for every operator in a content stream, with the
// operands before it. An inline image (BI … ID data EI) arrives as one "BI"
// call whose only operand is the image dictionary; its data is skipped.
func scanContent(data []byte, exec func(op string, args []operand)) {
	l := &lexer{b: data}
	var args []operand
	for {
		t, ok := l.next()
		if !ok {
			return
		}
		switch t.kind {
		case 'o':
			if t.str == "BI" {
				exec("BI", []operand{l.inlineImage()})
			} else {
				exec(t.str, args)
			}
			args = args[:0]
			continue
		case '[', '<':
			t.op = l.composite(t.kind, 0)
		case ']', '>':
			continue // stray closer
		}
		if len(args) < maxOperands {
			args = append(args, t.op)
		}
	}
}

// composite reads the rest of an array (open '[') or dictionary (open '<').
func (l *lexer) composite(open byte, depth int) operand {
	closer := byte(']')
	if open == '<' {
		closer = '>'
	}
	var items []operand
	for {
		t, ok := l.next()
		if !ok || t.kind == closer {
			break
		}
		switch t.kind {
		case '[', '<':
			if depth >= maxNesting {
				return operand{kind: 'k', str: "null"}
			}
			t.op = l.composite(t.kind, depth+1)
		case ']', '>':
			continue
		case 'o':
			t.op = operand{kind: 'k', str: t.str}
		}
		if len(items) < maxOperands {
			items = append(items, t.op)
		}
	}
	if open == '<' {
		return dictOf(items)
	}
	return operand{kind: 'a', arr: items}
}

// dictOf pairs up key and value operands; keys that are not names are dropped.
func dictOf(items []operand) operand {
	d := map[string]operand{}
	for k := 0; k+1 < len(items); k += 2 {
		if items[k].kind == '/' {
			d[items[k].str] = items[k+1]
		}
	}
	return operand{kind: 'd', dict: d}
}

// inlineImage reads an inline image's dictionary after BI, then skips "ID",
// the image data and "EI". The data ends at the first "EI" that stands
// between white space and white space (or the end); with /L or /Length the
// scan starts after that many bytes.
func (l *lexer) inlineImage() operand {
	var items []operand
	for {
		t, ok := l.next()
		if !ok {
			return dictOf(items)
		}
		if t.kind == 'o' && t.str == "ID" {
			break
		}
		if t.kind == '[' || t.kind == '<' {
			t.op = l.composite(t.kind, 0)
		}
		if t.kind == 'o' {
			t.op = operand{kind: 'k', str: t.str}
		}
		if len(items) < maxOperands {
			items = append(items, t.op)
		}
	}
	d := dictOf(items)
	l.i++ // the single white-space byte after ID
	for _, key := range []string{"L", "Length"} {
		if v, ok := d.dict[key]; ok && v.kind == 'n' && v.num > 0 && l.i+int(v.num) <= len(l.b) {
			l.i += int(v.num)
			break
		}
	}
	for l.i < len(l.b) {
		k := bytes.Index(l.b[l.i:], []byte("EI"))
		if k < 0 {
			l.i = len(l.b)
			break
		}
		at := l.i + k
		before := at == 0 || isSpace(l.b[at-1])
		after := at+2 >= len(l.b) || isSpace(l.b[at+2]) || isDelim(l.b[at+2])
		l.i = at + 2
		if before && after {
			break
		}
	}
	return d
}
