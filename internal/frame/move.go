package frame

// Move returns a copy of it moved by (dx, dy) points; the original is left
// as it is, so pages can be placed again elsewhere.
func Move(it Item, dx, dy float64) Item {
	switch it := it.(type) {
	case *Text:
		t := *it
		t.X += dx
		t.Y += dy
		if t.Room != [2]float64{} {
			t.Room[0] += dx
			t.Room[1] += dx
		}
		return &t
	case *Box:
		b := *it
		b.X += dx
		b.Y += dy
		return &b
	case *Rule:
		r := *it
		r.X1 += dx
		r.X2 += dx
		r.Y1 += dy
		r.Y2 += dy
		return &r
	case *Path:
		p := *it
		p.Segs = make([]Seg, len(it.Segs))
		for i, s := range it.Segs {
			for k := range s.Pts {
				s.Pts[k].X += dx
				s.Pts[k].Y += dy
			}
			p.Segs[i] = s
		}
		return &p
	case *Link:
		l := *it
		l.X += dx
		l.Y += dy
		return &l
	}
	return it
}
