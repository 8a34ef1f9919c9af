// Package hyphen finds where words of the languages of internal/lang
// (English, French, German, Spanish, Italian, Dutch, Portuguese) may be
// hyphenated, with Frank Liang's algorithm over TeX's own hyphenation
// patterns.
//
// # Liang's algorithm
//
// A pattern is a short letter string with digits between its letters, such
// as "1ba", "4be." or ".ab4i", where '.' stands for the edge of a word.
// To hyphenate a word, frame it with dots (".table."), find every pattern
// that occurs anywhere in it, and for each gap between two letters keep the
// highest digit that any matching pattern puts there (no digit counts as
// 0). An odd level allows a break, an even one forbids it; because higher
// levels win, the patterns that PATGEN learnt from a hyphenated dictionary
// stack rules, exceptions to them and exceptions to those. A TeX file may
// also list whole words under \hyphenation ("ta-ble", "present"); such a
// word is hyphenated exactly as listed, whatever the patterns say.
//
// Here the patterns of a language are compiled ahead of time into a trie
// keyed by one-byte letter codes (each node's children found through a
// 64-bit mask), which a process decodes on its first word of the
// language; hyphenating a word walks the trie once per starting letter and
// allocates nothing for words of up to 64 runes.
//
// # Languages
//
// Languages are matched by internal/lang, which names each one's pattern
// file and minimum fragments. The pattern files come from the hyph-utf8
// collection (as shipped in Debian's texlive packages) and are kept
// unchanged, licence headers included, under patterns/; the binary embeds
// what they compile to, under compiled/ (see compiled.go):
//
//   - "en", "en-GB" and other en-* regions: hyph-en-gb.tex (MIT), British
//     spelling, as in our brochures;
//   - "en-US": hyph-en-us.tex (Kuiken's extension of Knuth's patterns, with
//     Knuth's exception list; a permissive notice), then ushyphex.tex,
//     TUGboat's hyphenation exception log (words Webster's divides where
//     the patterns do not, as US TeX users \input it; free to use);
//   - "fr" and any "fr-*": hyph-fr.tex (MIT);
//   - "de" and any "de-*": hyph-de-1996.tex (MIT), the reformed spelling;
//   - "es": hyph-es.tex (MIT); "it": hyph-it.tex (LPPL or MIT); "nl":
//     hyph-nl.tex (LPPL); "pt" and "pt-PT": hyph-pt.tex (BSD), version
//     1.4 from hyph-utf8's repository, which divides hiatuses as
//     dictionaries do. Patterns over an explicit hyphen (Portuguese's
//     "1-") are skipped: words are split at their hyphens before
//     matching.
//
// # Rules
//
// Points takes one token, as the line breaker cuts it, and returns the byte
// offsets in that token where a hyphen may go:
//
//   - Leading and trailing punctuation ("(", "«", "»", ",", ".", ":",
//     quotes) is set aside and never split; offsets still count it.
//   - A token with an upper- or title-case rune anywhere (SRE, AWS,
//     Kubernetes, Terraform) gets no points; but in German, where every
//     noun is capitalised, a capital may start the token or a part after
//     a hyphen ("Infrastrukturverantwortung", "Cloud-Infrastruktur"), and
//     only capitals elsewhere (SRE, DevOps, PostgreSQL) forbid breaks: the
//     renderer puts the role's tool names in the never-list, so that
//     "Kubernetes" stays whole. A digit (24h/24), any of / @ _ (and so "://"),
//     or anything but letters, combining marks, apostrophes and hyphens
//     between its first and last letters (a '.' or ':' inside, as in
//     example.org or mailto:x) gets no points: acronyms, product names, URLs
//     and e-mail addresses are never hyphenated.
//   - Explicit hyphens (-, U+2010, U+2011) split the token into components
//     hyphenated separately ("post-mor-tem"); the explicit hyphen is a
//     break the line breaker handles itself and is not returned.
//   - Apostrophes (', ’ and ʼ) split a component into parts, each
//     hyphenated as a word of its own: French elision "d’infrastructure"
//     gives "d’in-fra-struc-ture", "l’administration" gives
//     "l’ad-mi-nis-tra-tion", and there is never a break at or next to the
//     apostrophe. The elided "d’" or "l’" is not a fragment for LeftMin:
//     "in" may stand after it. TeX itself (and so Typst) hyphenates the
//     whole token and may break just before the apostrophe's letter
//     ("au-jour-d’hui", "lors-qu’il"); we do not.
//   - Within each part, a break needs at least LeftMin runes before it and
//     RightMin after it, exceptions included. internal/lang sets 2 and 3
//     for every language: the French and German files ask for 2/2, but
//     2/3 avoids lines that start with a two-letter fragment such as "té"
//     or "se". So no word of four letters or fewer is ever hyphenated.
//   - Letters are lower-cased before matching (the patterns are lower
//     case) and offsets are those of the original token; no break falls
//     before a combining mark.
//
// Hyphenator.With gives a copy that never hyphenates the listed words (a
// role's or a layout's own list), sharing the parsed patterns.
//
// # Tests
//
// testdata/authors holds, for each language, words as the authors of its
// patterns (or their projects) divide them, each file naming its source
// and licence; a break we do not make is listed with the reason.
package hyphen
