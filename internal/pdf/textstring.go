package pdf

import "unicode/utf16"

// textString encodes s for a PDF text string as fpdf writes it (fpdf
// escapes it): ASCII as is, anything else in UTF-16BE with a byte order
// mark (ISO 32000-1, §7.9.2.2). fpdf itself converts bookmark titles only
// while a font of its own is set, which we never do.
func textString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}
