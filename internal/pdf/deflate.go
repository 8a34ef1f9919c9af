package pdf

import (
	"bytes"

	"github.com/klauspost/compress/zlib"
)

// zlibLevel is the compression of the streams we write: page contents,
// font programs, ToUnicode maps, the object and cross-reference streams.
// The compressor is klauspost/compress's. Its level 6 is the strongest of
// its fast matchers: level 7 and up match lazily and took 70 % longer on
// a brochure's streams for 1 % smaller streams (an A4 0.9 % larger at 6,
// 378 bytes; every output of make 0.8 %), while deflate was a sixth of a
// batch's time. Page contents, text operators with many repeated
// strings, come out a quarter smaller than at BestSpeed. Font programs
// are compressed once per subset (see programs), profiles ahead of time
// (icc.Profile.Deflated).
const zlibLevel = 6

// zlibWriters keeps writers for reuse: a new one allocates several hundred
// kilobytes of tables. A sync.Pool would lose them at every garbage
// collection, which writing PDFs brings about every document or two; this
// keeps enough for a document's pages and font programs (compressed each
// in a goroutine of its own) on every CPU. Reset gives the same output as
// a new writer.
var zlibWriters = make(chan *zlib.Writer, 16)

// outputBuffers keeps the buffers fpdf's output goes into, for the same
// reason: they are the size of a PDF, and needed once per document.
var outputBuffers = make(chan *bytes.Buffer, 4)

// outputBuffer returns an empty buffer, reused if one is free.
func outputBuffer() *bytes.Buffer {
	select {
	case b := <-outputBuffers:
		return b
	default:
		return new(bytes.Buffer)
	}
}

// releaseOutputBuffer gives b back for reuse; its contents go.
func releaseOutputBuffer(b *bytes.Buffer) {
	b.Reset()
	select {
	case outputBuffers <- b:
	default:
	}
}

// deflate returns data compressed in the zlib format (FlateDecode).
func deflate(data []byte) []byte {
	var zw *zlib.Writer
	select {
	case zw = <-zlibWriters:
	default:
		zw, _ = zlib.NewWriterLevel(nil, zlibLevel) // the level is valid
	}
	var buf bytes.Buffer
	buf.Grow(len(data)/2 + 64)
	zw.Reset(&buf)
	// Writing into a bytes.Buffer does not fail.
	_, _ = zw.Write(data)
	_ = zw.Close()
	zw.Reset(nil) // lets go of buf; a reset is cheap
	select {
	case zlibWriters <- zw:
	default:
	}
	return buf.Bytes()
}
