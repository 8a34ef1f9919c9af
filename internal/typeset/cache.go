package typeset

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// Cache keeps paragraphs split into words, measured and hyphenated, for
// the Setters of the same text in the same faces at other sizes:
// copy-fitting sets every paragraph of a layout again at each scale it
// tries, and with a cache shared by the attempts each paragraph is split,
// measured and hyphenated once. Widths are remade from the units of the
// faces (see Style.measure), so a paragraph set from the cache is, to the
// bit, the paragraph set afresh. A Cache is safe for concurrent use.
type Cache struct {
	mu sync.Mutex
	m  map[cacheKey]*prepared
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{m: map[cacheKey]*prepared{}} }

// cacheKey is what a paragraph's words and items depend on: its spans'
// texts and faces (not their sizes), the hyphenator and the alignment.
type cacheKey struct {
	spans string
	hy    Hyphenator
	align Align
}

// prepared is a paragraph's words and items as first made: their units
// are what another size uses, their widths are those of the first sizes.
type prepared struct {
	words []word
	mu    sync.Mutex
	whole [2][]item // without and with hyphenation points; nil until made
}

// key returns the cache key of spans set with opt, and false when the
// hyphenator cannot be told apart from others (its type is not
// comparable): such paragraphs are not cached.
func key(spans []Span, opt Options) (cacheKey, bool) {
	if opt.Hyphen != nil && !reflect.TypeOf(opt.Hyphen).Comparable() {
		return cacheKey{}, false
	}
	n := 0
	for _, sp := range spans {
		n += len(sp.Text) + 18
	}
	var b strings.Builder
	b.Grow(n)
	for _, sp := range spans {
		b.WriteString(strconv.FormatUint(uint64(uintptr(unsafe.Pointer(sp.Style.Face))), 16))
		b.WriteByte(0)
		b.WriteString(sp.Text)
		b.WriteByte(0)
	}
	return cacheKey{b.String(), opt.Hyphen, opt.Align}, true
}

// words returns the paragraph's entry, made if it is new, and its words
// at the sizes of spans.
func (c *Cache) words(spans []Span, opt Options) (*prepared, []word) {
	k, ok := key(spans, opt)
	if !ok {
		return nil, split(spans)
	}
	c.mu.Lock()
	p := c.m[k]
	c.mu.Unlock()
	if p != nil {
		return p, p.resizedWords(spans)
	}
	words := split(spans)
	c.mu.Lock()
	defer c.mu.Unlock()
	if p = c.m[k]; p == nil { // another goroutine may have made it meanwhile
		p = &prepared{words: words}
		c.m[k] = p
	}
	return p, words
}

// items returns the paragraph's items at the sizes of spans, with
// hyphenation points or not (k), made by build the first time; made by
// build every time without a cache (p nil).
func (p *prepared) items(k int, spans []Span, justify bool, build func() []item) []item {
	if p == nil {
		return build()
	}
	p.mu.Lock()
	made := p.whole[k]
	p.mu.Unlock()
	if made != nil {
		return resizedItems(made, spans, justify)
	}
	its := build()
	p.mu.Lock()
	if p.whole[k] == nil {
		p.whole[k] = its
	}
	p.mu.Unlock()
	return its
}

// resizedWords copies the prepared words with the widths of their pieces
// at the sizes of spans.
func (p *prepared) resizedWords(spans []Span) []word {
	n := 0
	for _, w := range p.words {
		n += len(w.pieces)
	}
	words := make([]word, len(p.words))
	pieces := make([]piece, 0, n)
	for i, w := range p.words {
		start := len(pieces)
		for _, pc := range w.pieces {
			pc.width = resize(pc.units, spans[pc.span].Style.Size)
			pieces = append(pieces, pc)
		}
		g := w.glue
		if g.glue {
			g.width = resize(g.units, spans[g.span].Style.Size)
		}
		words[i] = word{glue: g, pieces: pieces[start:len(pieces):len(pieces)]}
	}
	return words
}

// resizedItems copies items with their widths, and the stretch and
// shrink of their glue, at the sizes of spans, as items makes them.
func resizedItems(made []item, spans []Span, justify bool) []item {
	out := make([]item, len(made))
	for i, it := range made {
		if it.units != 0 {
			it.width = resize(it.units, spans[it.span].Style.Size)
			if it.kind == glue && justify {
				it.stretch, it.shrink = it.width/2, it.width/3
			}
		}
		out[i] = it
	}
	return out
}

// resize is a width of units at size, as Style.measure makes it.
func resize(units int, size float64) float64 { return float64(units) * size / 1000 }
