package color

import (
	"math"
	"testing"
)

func TestRGB(t *testing.T) {
	tests := []struct {
		in      string
		want    RGB
		wantErr string
	}{
		{in: "#1f4e8c", want: RGB{0x1f, 0x4e, 0x8c}},
		{in: "#FFFFFF", want: RGB{255, 255, 255}},
		{in: "#12345", wantErr: `bad RGB colour "#12345": want #rrggbb, like "#1f4e8c"`},
		{in: "1f4e8c0", wantErr: `bad RGB colour "1f4e8c0": want #rrggbb, like "#1f4e8c"`},
		{in: "#zzzzzz", wantErr: `bad RGB colour "#zzzzzz": want #rrggbb, like "#1f4e8c"`},
	}
	for _, tt := range tests {
		var got RGB
		err := got.UnmarshalText([]byte(tt.in))
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%q: error %v, want %s", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q = %v, %v; want %v", tt.in, got, err, tt.want)
		}
		if got.String() != lower(tt.in) {
			t.Errorf("%q round trip = %q", tt.in, got.String())
		}
	}
}

func TestCMYK(t *testing.T) {
	tests := []struct {
		in      string
		want    CMYK
		wantErr bool
	}{
		{in: "100 60 0 20", want: CMYK{100, 60, 0, 20}},
		{in: "0,0,0,100", want: CMYK{0, 0, 0, 100}},
		{in: "10% 20% 30% 40%", want: CMYK{10, 20, 30, 40}},
		{in: "100 60 0", wantErr: true},
		{in: "101 0 0 0", wantErr: true},
		{in: "a b c d", wantErr: true},
	}
	for _, tt := range tests {
		var got CMYK
		err := got.UnmarshalText([]byte(tt.in))
		if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
			t.Errorf("%q = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// TestContrast checks contrast ratios against values WCAG tools give.
func TestContrast(t *testing.T) {
	white, black := RGB{255, 255, 255}, RGB{}
	tests := []struct {
		a, b RGB
		want float64
	}{
		{white, black, 21},
		{black, white, 21},
		{white, white, 1},
		{RGB{0xe8, 0xa3, 0x17}, white, 2.17},                 // the demo's bright accent
		{RGB{0xe8, 0xa3, 0x17}, RGB{0xed, 0xf2, 0xf7}, 1.93}, // on the panel tint
		{RGB{0x76, 0x76, 0x76}, white, 4.54},                 // the lightest grey for small text
		{RGB{0x12, 0x3f, 0x6d}, white, 10.73},
	}
	for _, tt := range tests {
		if got := Contrast(tt.a, tt.b); math.Abs(got-tt.want) > 0.005 {
			t.Errorf("Contrast(%v, %v) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}
