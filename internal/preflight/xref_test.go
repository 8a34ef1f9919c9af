package preflight

import (
	"bytes"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// TestFileStructures reads the same document written in the ways PDF
// writers write it: the report must not change.
func TestFileStructures(t *testing.T) {
	good := makePDF(t, spec{rgbFill: true, imagePx: 20, imageMM: 10})
	want := checkRaw(t, good, printOpts).String()
	variants := map[string][]byte{
		// Offsets all wrong by a few bytes: found again by scanning.
		"shifted offsets": regexp.MustCompile(`(?m)^(\d{10}) 00000 n`).ReplaceAllFunc(good, func(b []byte) []byte {
			var off int
			fmt.Sscan(string(b[:10]), &off)
			return []byte(fmt.Sprintf("%010d 00000 n", off+3))
		}),
		"no startxref": bytes.Replace(good, []byte("startxref"), []byte("startxreF"), 1),
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		dir := t.TempDir()
		in := filepath.Join(dir, "in.pdf")
		if err := os.WriteFile(in, good, 0o644); err != nil {
			t.Fatal(err)
		}
		for name, args := range map[string][]string{
			"object streams":            {"--object-streams=generate"},
			"linearized":                {"--linearize"},
			"linearized object streams": {"--linearize", "--object-streams=generate"},
			"uncompressed":              {"--stream-data=uncompress"},
		} {
			out := filepath.Join(dir, "out.pdf")
			if msg, err := exec.Command("qpdf", append(args, in, out)...).CombinedOutput(); err != nil {
				t.Fatalf("qpdf %v: %v\n%s", args, err, msg)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			variants[name] = data
		}
	} else {
		t.Log("qpdf not installed: xref streams and object streams not tried (make tools)")
	}
	for name, data := range variants {
		t.Run(name, func(t *testing.T) {
			if got := checkRaw(t, data, printOpts).String(); got != want {
				t.Errorf("report:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestFilters decodes one content stream written with each filter.
func TestFilters(t *testing.T) {
	content := "0 g 10 10 m 20 20 l S 1 0 0 rg 0 0 5 5 re f\n"
	var z, l bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(content))
	zw.Close()
	lw := lzw.NewWriter(&l, lzw.MSB, 8) // no early change
	lw.Write([]byte(content))
	lw.Close()
	a85 := make([]byte, ascii85.MaxEncodedLen(len(content)))
	a85 = a85[:ascii85.Encode(a85, []byte(content))]
	// PNG "Up" rows of 4 bytes: the stream's bytes as differences.
	var up []byte
	prev := make([]byte, 4)
	padded := content + string(make([]byte, (4-len(content)%4)%4))
	for k := 0; k < len(padded); k += 4 {
		row := []byte(padded[k : k+4])
		up = append(up, 2)
		for j := range row {
			up = append(up, row[j]-prev[j])
		}
		prev = row
	}
	var zu bytes.Buffer
	zw = zlib.NewWriter(&zu)
	zw.Write(up)
	zw.Close()
	rl := []byte{byte(len(content) - 1)}
	rl = append(append(rl, content...), 128)
	tests := []struct {
		name, dict, data string
	}{
		{"none", "", content},
		{"FlateDecode", "/Filter /FlateDecode", z.String()},
		{"LZWDecode", "/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>", l.String()},
		{"ASCII85Decode", "/Filter /ASCII85Decode", string(a85) + "~>"},
		{"ASCIIHexDecode", "/Filter /AHx", hex.EncodeToString([]byte(content)) + ">"},
		{"RunLengthDecode", "/Filter /RunLengthDecode", string(rl)},
		{"two filters", "/Filter [/ASCIIHexDecode /FlateDecode]", hex.EncodeToString(z.Bytes()) + ">"},
		{"PNG predictor", "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>", zu.String()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkRaw(t, rawPDF(catalog, onePage, page3(""), streamObj(tt.dict, tt.data)), Options{})
			wantDetail(t, r, CheckColours, true, "DeviceGray", "DeviceRGB")
		})
	}
}

// TestLZWEarlyChange decodes a stream long enough to need 10-bit codes,
// written with early change by hand: "a" repeated grows the table fast.
func TestLZWEarlyChange(t *testing.T) {
	in := bytes.Repeat([]byte("abcdefgh"), 200)
	for _, early := range []int{0, 1} {
		data := lzwEncode(in, early)
		got, err := lzwDecode(data, early)
		if err != nil || !bytes.Equal(got, in) {
			t.Errorf("early change %d: %v, %d bytes back of %d", early, err, len(got), len(in))
		}
	}
}

// lzwEncode is the PDF LZW encoder (§7.4.4), for the test.
func lzwEncode(in []byte, early int) []byte {
	var out []byte
	var acc uint64
	bits, width := 0, 9
	put := func(code int) {
		acc = acc<<width | uint64(code)
		bits += width
		for bits >= 8 {
			out = append(out, byte(acc>>(bits-8)))
			bits -= 8
		}
	}
	dict := map[string]int{}
	next := 258
	put(256)
	w := ""
	for _, c := range in {
		wc := w + string(c)
		if _, ok := dict[wc]; ok || len(wc) == 1 {
			w = wc
			continue
		}
		if len(w) == 1 {
			put(int(w[0]))
		} else {
			put(dict[w])
		}
		dict[wc] = next
		next++
		if next+early >= 1<<width && width < 12 {
			width++
		}
		w = string(c)
	}
	if len(w) == 1 {
		put(int(w[0]))
	} else if w != "" {
		put(dict[w])
	}
	put(257)
	if bits > 0 {
		out = append(out, byte(acc<<(8-bits)))
	}
	return out
}
