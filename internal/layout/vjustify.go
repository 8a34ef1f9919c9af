package layout

// justifyColumns spreads the room a column leaves at its foot, when the
// flow goes on in a later column (a keep rule sent a heading, a short
// list or a paragraph's last lines on), over the spaces between its
// blocks, as fillColumns does for the last page: a typesetter's vertical
// justification, so that a column ends at its bottom rather than above
// a hole. Columns from the last one with blocks on are left alone: their
// room belongs to what follows the flow (balanced columns, notes).
func justifyColumns(regions []region, placed []placement) {
	last := -1
	for _, p := range placed {
		last = max(last, p.reg)
	}
	last = min(last, len(regions))
	if last <= 0 {
		return
	}
	fillColumns(regions[:last], placed, 0, bottoms(regions[:last]))
}

// bottoms are the regions' feet, as fillColumns takes them.
func bottoms(regions []region) []float64 {
	bots := make([]float64, len(regions))
	for i, r := range regions {
		bots[i] = r.bot
	}
	return bots
}

// stretchable is the space above p that vertical justification may
// stretch: the space between blocks, but for the space between a heading
// (the block that carries a bookmark) and the text it heads, which stays
// as designed.
func stretchable(prev, p placement) float64 {
	if prev.block.mark != "" {
		return 0
	}
	return p.block.before
}

// flowSoft places blocks as flow does, then gives up, one at a time, the
// keeps that give way to fill (giveToFill) and leave a column with more
// room at its foot than a body line once its spaces are stretched as far
// as fillColumns goes: the first block of the chain that went on is kept
// back, with what fits of the chain after it, up to the keep where the
// chain then breaks. When the flow does not fit and there is no page to
// add (full), the keeps that give way to fill do, before the type
// shrinks; at the smallest type (last), those that give way to fit too.
func flowSoft(blocks []*block, regions []region, leading float64, full, last bool) ([]placement, *overflow) {
	placed, over := flow(blocks, regions, leading)
	for _, give := range []uint8{giveToFill, giveToFit} {
		if over == nil || !full || give == giveToFit && !last {
			break
		}
		for _, b := range blocks {
			if b.give >= give {
				b.keep, b.give = false, 0
			}
		}
		placed, over = flow(blocks, regions, leading)
	}
	for over == nil {
		k := softBreak(blocks, regions, placed, leading)
		if k < 0 {
			break
		}
		blocks[k].keep, blocks[k].give = false, 0
		p, o := flow(blocks, regions, leading)
		if o != nil {
			blocks[k].keep = true // as it was: it fitted
			break
		}
		placed = p
	}
	return placed, over
}

// softBreak finds the keep to give up: in the first column whose
// hole vertical justification cannot fill, where the chain that went on
// to the next column may break so that its start fills the hole; -1 if
// there is none. placed[i] is blocks[i]'s placement.
func softBreak(blocks []*block, regions []region, placed []placement, leading float64) int {
	for i := 1; i < len(placed); i++ {
		prev := placed[i-1]
		if placed[i].reg == prev.reg {
			continue
		}
		end := prev.top + prev.block.height
		reg := regions[prev.reg]
		stretch := 0.0
		for j := i - 1; j > 0 && placed[j-1].reg == prev.reg; j-- {
			stretch += stretchable(placed[j-1], placed[j])
		}
		if reg.bot-end-maxStretch*stretch <= leading {
			continue
		}
		// The chain from block i: the last keep that gives way to fill
		// whose part fits.
		best := -1
		y := end + blocks[i].before
		for j := i; j < len(blocks); j++ {
			if j > i {
				y += blocks[j].before
			}
			y += blocks[j].height
			if y > reg.bot+0.01 || !blocks[j].keep {
				break
			}
			if blocks[j].give == giveToFill {
				best = j
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// fillLast justifies the last column with blocks down to its foot, as
// fillColumns does: justifyColumns has justified those before it.
func fillLast(regions []region, placed []placement) {
	last := -1
	for _, p := range placed {
		last = max(last, p.reg)
	}
	if last >= 0 {
		fillColumns(regions, placed, last, bottoms(regions))
	}
}
