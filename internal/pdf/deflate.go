package pdf

import (
	"bytes"
	"compress/zlib"
	"sync"
)

// zlibLevel is the compression of the streams we write: page contents,
// font programs and ToUnicode maps. Better levels save 3 to 5 % of their
// size for twice the time or more, and fpdf compressed this way too.
const zlibLevel = zlib.BestSpeed

// zlibWriters keeps writers for reuse: a new one allocates several hundred
// kilobytes of tables. Reset gives the same output as a new writer.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlibLevel) // the level is valid
	return w
}}

// deflate returns data compressed in the zlib format (FlateDecode).
func deflate(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data)/2 + 64)
	zw := zlibWriters.Get().(*zlib.Writer)
	zw.Reset(&buf)
	// Writing into a bytes.Buffer does not fail.
	_, _ = zw.Write(data)
	_ = zw.Close()
	zw.Reset(nil)
	zlibWriters.Put(zw)
	return buf.Bytes()
}
