package preflight

import (
	"bytes"
	"cmp"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/zlib"
)

// decodeStream applies a stream's filters (§7.4): FlateDecode with PNG
// predictors, ASCIIHexDecode, ASCII85Decode and RunLengthDecode, the ones
// content, form, ToUnicode and cross-reference streams use. Image codecs
// are not decoded: the checks read images' dictionaries only. The result
// is at most maxDecodedBytes.
func decodeStream(f *pdfFile, s *pdfStream) ([]byte, error) {
	filters := f.resolve(s.dict["Filter"])
	parms := f.resolve(s.dict["DecodeParms"])
	var names, params pdfArray
	switch v := filters.(type) {
	case nil:
		return s.raw, nil
	case pdfName:
		names, params = pdfArray{v}, pdfArray{parms}
	case pdfArray:
		names = v
		params, _ = parms.(pdfArray)
	default:
		return nil, errors.New("bad /Filter")
	}
	data := s.raw
	var damage error
	for k, n := range names {
		name, _ := f.resolve(n).(pdfName)
		var parm pdfDict
		if k < len(params) {
			parm = f.dictOf(params[k])
		}
		var err error
		data, err = decodeFilter(string(name), data, parm)
		var d *damagedError
		switch {
		case errors.As(err, &d):
			damage = cmp.Or(damage, fmt.Errorf("%s: %w", name, d.err))
		case err != nil:
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if f.decoded == nil {
		f.decoded = map[*pdfStream]error{}
	}
	f.decoded[s] = damage
	return data, nil
}

// damagedError is a filter's error on data it could decode in part: a
// deflated stream cut short or with a wrong checksum. The part is used,
// as viewers show it, and the file is reported damaged (checkStreams).
type damagedError struct{ err error }

func (e *damagedError) Error() string { return e.err.Error() }

func decodeFilter(name string, data []byte, parm pdfDict) ([]byte, error) {
	switch name {
	case "FlateDecode", "Fl":
		z, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		// Most streams inflate to less than four times their size: one
		// allocation, where io.ReadAll grows from 512 bytes.
		buf := bytes.NewBuffer(make([]byte, 0, min(4*len(data)+512, 1<<20)))
		_, err = buf.ReadFrom(io.LimitReader(z, maxDecodedBytes+1))
		out := buf.Bytes()
		if err != nil && len(out) == 0 {
			return nil, err
		}
		if len(out) > maxDecodedBytes {
			return nil, errors.New("decoded stream larger than 64 MiB")
		}
		out, perr := unpredict(out, parm)
		switch {
		case perr != nil:
			return nil, perr
		case err != nil:
			return out, &damagedError{err}
		}
		return out, nil
	case "ASCIIHexDecode", "AHx":
		l := lexer{b: append(append([]byte{'<'}, data...), '>')}
		return []byte(l.hex()), nil
	case "ASCII85Decode", "A85":
		if k := bytes.Index(data, []byte("~>")); k >= 0 {
			data = data[:k]
		}
		out := make([]byte, len(data))
		n, _, err := ascii85.Decode(out, data, true)
		return out[:n], err
	case "LZWDecode", "LZW":
		early := 1
		if v, ok := parm["EarlyChange"].(pdfNum); ok {
			early = int(v)
		}
		out, err := lzwDecode(data, early)
		if err != nil {
			return nil, err
		}
		return unpredict(out, parm)
	case "RunLengthDecode", "RL":
		var out []byte
		for k := 0; k < len(data) && data[k] != 128; {
			if n := int(data[k]); n < 128 {
				end := min(k+2+n, len(data))
				out = append(out, data[k+1:end]...)
				k = end
			} else if k+1 < len(data) {
				out = append(out, bytes.Repeat(data[k+1:k+2], 257-n)...)
				k += 2
			} else {
				break
			}
			if len(out) > maxDecodedBytes {
				return nil, errors.New("decoded stream larger than 64 MiB")
			}
		}
		return out, nil
	}
	return nil, errors.New("filter not supported")
}

// unpredict undoes a PNG predictor (§7.4.4.4); /Predictor 1 is none.
func unpredict(data []byte, parm pdfDict) ([]byte, error) {
	num := func(key string, def int) int {
		if v, ok := parm[key].(pdfNum); ok {
			return int(v)
		}
		return def
	}
	pred := num("Predictor", 1)
	if pred == 1 {
		return data, nil
	}
	if pred < 10 {
		return nil, fmt.Errorf("predictor %d not supported", pred)
	}
	colors, bpc, cols := num("Colors", 1), num("BitsPerComponent", 8), num("Columns", 1)
	if colors < 1 || colors > 32 || bpc < 1 || bpc > 16 || cols < 1 || cols > 1<<24 {
		return nil, errors.New("bad predictor parameters")
	}
	bpp := max(1, colors*bpc/8)
	row := (colors*bpc*cols + 7) / 8
	out := make([]byte, 0, len(data))
	prev := make([]byte, row)
	for len(data) >= row+1 {
		typ, cur := data[0], data[1:row+1]
		data = data[row+1:]
		for k := range cur {
			var left, upLeft byte
			if k >= bpp {
				left, upLeft = cur[k-bpp], prev[k-bpp]
			}
			up := prev[k]
			switch typ {
			case 1:
				cur[k] += left
			case 2:
				cur[k] += up
			case 3:
				cur[k] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[k] += paeth(left, up, upLeft)
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// lzwDecode reads LZW codes of 9 to 12 bits, most significant bit first;
// with early change (the default) the width grows one code early.
func lzwDecode(data []byte, early int) ([]byte, error) {
	const clear, eod = 256, 257
	var out []byte
	table := make([][]byte, 258, 4096)
	for k := range 256 {
		table[k] = []byte{byte(k)}
	}
	width := 9
	var prev []byte
	var acc uint32
	bits := 0
	for _, c := range data {
		acc = acc<<8 | uint32(c)
		bits += 8
		for bits >= width {
			code := int(acc>>(bits-width)) & (1<<width - 1)
			bits -= width
			switch {
			case code == clear:
				table, width, prev = table[:258], 9, nil
				continue
			case code == eod:
				return out, nil
			}
			var entry []byte
			switch {
			case code < len(table) && table[code] != nil:
				entry = table[code]
			case code == len(table) && prev != nil:
				entry = append(append([]byte{}, prev...), prev[0])
			default:
				return nil, errors.New("bad LZW code")
			}
			out = append(out, entry...)
			if len(out) > maxDecodedBytes {
				return nil, errors.New("decoded stream larger than 64 MiB")
			}
			if prev != nil && len(table) < 4096 {
				table = append(table, append(append([]byte{}, prev...), entry[0]))
			}
			prev = entry
			if n := len(table) + early; n >= 1<<width && width < 12 {
				width++
			}
		}
	}
	return out, nil
}
