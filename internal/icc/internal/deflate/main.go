// Command deflate writes NAME.icc.zlib beside each NAME.icc: the profile
// compressed in the zlib format at the best level, with the compressor
// the PDF writer uses, so that a print build does not compress 28 kB of
// profile at every start (go generate in internal/icc runs it; the tests
// of internal/icc check the files).
package main

import (
	"bytes"
	"log"
	"os"
	"path/filepath"

	"github.com/klauspost/compress/zlib"
)

func main() {
	names, err := filepath.Glob("*.icc")
	if err != nil || len(names) == 0 {
		log.Fatalf("deflate: no profiles here: %v", err)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			log.Fatalf("deflate: %v", err)
		}
		var b bytes.Buffer
		zw, err := zlib.NewWriterLevel(&b, zlib.BestCompression)
		if err != nil {
			log.Fatalf("deflate: %v", err)
		}
		if _, err := zw.Write(data); err != nil {
			log.Fatalf("deflate: %v", err)
		}
		if err := zw.Close(); err != nil {
			log.Fatalf("deflate: %v", err)
		}
		if err := os.WriteFile(name+".zlib", b.Bytes(), 0o644); err != nil {
			log.Fatalf("deflate: %v", err)
		}
	}
}
