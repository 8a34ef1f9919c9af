#!/usr/bin/python3
"""Reference kerning for TestKernOracle, computed with fontTools.

Regenerate from internal/font (needs Debian's python3-fonttools; run the
system interpreter, /usr/bin/python3, not a pyenv one):

    /usr/bin/python3 testdata/kernref.py

It writes testdata/kern-Inter-Regular.txt and testdata/kern-Inter-Bold.txt.
Each line is "LEFT RIGHT UNITS MILLI": two characters, the XAdvance
adjustment of the left glyph in font units, and the same in 1/1000 em,
rounded half away from zero like math.Round in Go.

The adjustment is worked out independently of the Go code, from the GPOS
objects fontTools decompiles: the lookups of every 'kern' feature record
(deduplicated, in lookup list order) add up; within a lookup, the first
pair adjustment subtable that applies to the pair gives its value (format
1: the pair is listed; format 2: the left glyph is covered and both classes
are in range). Glyphs come from the Windows Unicode BMP cmap (3, 1).
No HarfBuzz: lookup flags are ignored, the two glyphs are adjacent.

The pairs: a fixed sample of Latin letters, digits and punctuation (the
named pairs, then in CRC-32 order 120 that kern and 70 that do not in
Inter Regular), and 30 pairs from a wider Latin and punctuation range that
a glyph-pair (format 1) subtable decides, 15 of them pairs where it hides
a different class (format 2) value.
"""

import math
import os
import unicodedata
import zlib

from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONTS = os.path.join(HERE, "..", "..", "..", "fonts")
CHARS = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
         ".,:;\u2019\u00ab\u00bb-\u2013()10")
WIDE = [chr(c) for c in [*range(0x21, 0x7F), *range(0xA1, 0x180),
                         *range(0x2010, 0x203B)]
        if unicodedata.category(chr(c))[0] in "LNPS"]  # no spaces, controls
# Pairs that must be in the files whatever the sample picks.
NAMED = ["AV", "Te", "Vo", "Ty", "LT", "P.", "Wa", "To", "Yo",
         "ll", "mn", "oo", "HH", "II", "nn"]


def xadv(value):
    return getattr(value, "XAdvance", 0) or 0 if value is not None else 0


class Kerning:
    def __init__(self, path):
        font = TTFont(path, lazy=False)
        self.upem = font["head"].unitsPerEm
        self.cmap = font["cmap"].getcmap(3, 1).cmap
        gpos = font["GPOS"].table
        indices = set()
        for rec in gpos.FeatureList.FeatureRecord:
            if rec.FeatureTag == "kern":
                indices.update(rec.Feature.LookupListIndex)
        # Per lookup, its pair adjustment subtables as (format, data).
        self.lookups = []
        for i in sorted(indices):
            lookup = gpos.LookupList.Lookup[i]
            subs = []
            for st in lookup.SubTable:
                kind = lookup.LookupType
                if kind == 9:
                    kind, st = st.ExtensionLookupType, st.ExtSubTable
                if kind != 2:
                    continue
                cov = {}
                for k, g in enumerate(st.Coverage.glyphs):
                    cov.setdefault(g, k)
                if st.Format == 1:
                    pairs = {}
                    for g, k in cov.items():
                        for rec in st.PairSet[k].PairValueRecord:
                            pairs.setdefault((g, rec.SecondGlyph), xadv(rec.Value1))
                    subs.append((1, pairs))
                else:
                    subs.append((2, (cov, st)))
            self.lookups.append(subs)

    def units(self, a, b, skip_format1=False):
        """The adjustment of chars a, b in font units, and whether a
        format 1 subtable decided it in some lookup."""
        g1, g2 = self.cmap[ord(a)], self.cmap[ord(b)]
        total, by_format1 = 0, False
        for subs in self.lookups:
            for fmt, data in subs:
                if fmt == 1:
                    if skip_format1 or (g1, g2) not in data:
                        continue
                    total += data[(g1, g2)]
                    by_format1 = True
                    break
                cov, st = data
                if g1 not in cov:
                    continue
                c1 = st.ClassDef1.classDefs.get(g1, 0)
                c2 = st.ClassDef2.classDefs.get(g2, 0)
                if c1 >= st.Class1Count or c2 >= st.Class2Count:
                    continue
                total += xadv(st.Class1Record[c1].Class2Record[c2].Value1)
                break
        return total, by_format1

    def milli(self, units):
        x = 1000.0 / self.upem * units
        return int(math.copysign(math.floor(abs(x) + 0.5), x))


def crc_order(pairs):
    return sorted(pairs, key=lambda p: zlib.crc32(p.encode()))


def main():
    fonts = {name: Kerning(os.path.join(FONTS, name + ".ttf"))
             for name in ("Inter-Regular", "Inter-Bold")}
    reg = fonts["Inter-Regular"]
    order = crc_order(a + b for a in CHARS for b in CHARS)
    kerned = [p for p in order if reg.units(*p)[0] != 0][:120]
    flat = [p for p in order if reg.units(*p)[0] == 0][:70]
    wide = [c for c in WIDE if ord(c) in reg.cmap]
    decided = [p for p in crc_order(a + b for a in wide for b in wide)
               if reg.units(*p)[1]]
    hiding = [p for p in decided
              if reg.units(*p)[0] != reg.units(*p, skip_format1=True)[0]][:15]
    plain = [p for p in decided if p not in hiding][:30 - len(hiding)]
    pairs = list(dict.fromkeys(NAMED + kerned + flat + hiding + plain))
    for name, k in fonts.items():
        path = os.path.join(HERE, "kern-%s.txt" % name)
        with open(path, "w", encoding="utf-8") as f:
            for p in pairs:
                units = k.units(*p)[0]
                f.write("%s %s %d %d\n" % (p[0], p[1], units, k.milli(units)))
        print("%s: %d pairs" % (path, len(pairs)))


if __name__ == "__main__":
    main()
