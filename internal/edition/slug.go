package edition

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug caps a slug's length, in bytes, so that file names stay short.
const maxSlug = 48

// folds are the Latin letters that do not decompose into a base letter
// and accents.
var folds = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
	'&': "-and-",
}

// Slug names a client in a file name: ASCII-folded, lower case, words
// joined by hyphens, at most 48 characters cut at a word: "Société
// Générale" gives "societe-generale". Letters with no ASCII form (other
// scripts) are dropped; a name with none left is named by its digest,
// "client-" and 8 hex digits, the same for the same name. Only a blank
// name gives "".
func Slug(s string) string {
	out := asciiSlug(s)
	if out == "" && strings.TrimSpace(s) != "" {
		sum := sha256.Sum256([]byte(norm.NFC.String(strings.TrimSpace(s))))
		return "client-" + hex.EncodeToString(sum[:4])
	}
	return out
}

func asciiSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case folds[r] != "":
			f := folds[r]
			if f[0] == '-' {
				dash = true
				f = strings.Trim(f, "-")
			}
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteString(f)
			dash = folds[r][len(folds[r])-1] == '-'
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > maxSlug {
		out = out[:maxSlug]
		if i := strings.LastIndexByte(out, '-'); i > maxSlug/2 {
			out = out[:i]
		}
		out = strings.Trim(out, "-")
	}
	return out
}
