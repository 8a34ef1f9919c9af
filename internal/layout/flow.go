package layout

import (
	"fmt"

	"github.com/brochure-dev/brochure/internal/frame"
	"github.com/brochure-dev/brochure/internal/units"
)

// block is an unbreakable piece of the flow: a heading, a line of a
// paragraph, a list item, a table.
type block struct {
	height float64
	// before is the space above the block, dropped at the top of a column.
	before float64
	// keep holds the block in the same column as the next one.
	keep bool
	// give says when keep gives way (flowSoft): never (0), when the
	// flow does not fit otherwise (giveToFit), or also where it would
	// leave a hole that vertical justification cannot fill (giveToFill).
	give uint8
	// section is the id of the section the block belongs to, for messages.
	section string
	// mark is a bookmark title set at the block, or "".
	mark string
	draw func(pg *frame.Page, x, top float64)
}

// region is a column on a page that blocks flow into.
type region struct {
	page        int
	x, top, bot float64
}

// overflow says how much of the flow found no room.
type overflow struct {
	section string
	height  float64
	lines   float64 // in body lines
}

func (o *overflow) Error() string {
	return fmt.Sprintf("does not fit: from section %q on, %.1f mm (about %.0f lines of body text) too long",
		o.section, units.Length(o.height).Millimetres(), o.lines)
}

// placement is where a block goes.
type placement struct {
	block *block
	reg   int
	top   float64
}

// flow places blocks into regions in order. A block goes to the next
// region when it, and the blocks it keeps with, do not fit; a chain taller
// than a whole region is broken. It returns the placements, or an overflow
// if the regions run out.
func flow(blocks []*block, regions []region, bodyLeading float64) ([]placement, *overflow) {
	var out []placement
	r, y := 0, 0.0
	if len(regions) > 0 {
		y = regions[0].top
	}
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		for {
			if r >= len(regions) {
				rest := 0.0
				for _, b := range blocks[i:] {
					rest += b.before + b.height
				}
				return out, &overflow{section: b.section, height: rest, lines: rest / bodyLeading}
			}
			reg := regions[r]
			atTop := y == reg.top
			before := b.before
			if atTop {
				before = 0
			}
			need := before + chainHeight(blocks[i:])
			fitsAlone := y+before+b.height <= reg.bot+0.01
			chainFits := y+need <= reg.bot+0.01
			if chainFits || (atTop && fitsAlone) {
				out = append(out, placement{block: b, reg: r, top: y + before})
				y += before + b.height
				break
			}
			r++
			if r < len(regions) {
				y = regions[r].top
			}
		}
	}
	return out, nil
}

// chainHeight is the height of blocks[0] and the blocks it keeps with.
func chainHeight(blocks []*block) float64 {
	h := blocks[0].height
	for i := 1; i < len(blocks) && blocks[i-1].keep; i++ {
		h += blocks[i].before + blocks[i].height
	}
	return h
}
