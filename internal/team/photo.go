package team

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"path"
	"strings"
)

// Photo limits: a file larger than MaxPhotoBytes or with more pixels a
// side than MaxPhotoPixels is refused (a portrait needs far less; the
// limits keep a mistaken file from filling memory).
const (
	MaxPhotoBytes  = 4 << 20
	MaxPhotoPixels = 4000
)

// Photo is a salesperson's portrait, as read from its file.
type Photo struct {
	// Data is the file: a JPEG or a PNG, for screen files.
	Data   []byte
	Format string // "jpeg" or "png"
	// Gray is the portrait in shades of grey, as a PNG, for print
	// files: one ink (black), sharp whatever the registration, and no
	// RGB in a print file.
	Gray []byte
	// Width and Height are in pixels.
	Width, Height int
	// Where is the photo key's place in the team file, for messages:
	// "team.toml:7:1".
	Where string
	// File is the photo's file, relative to the team file's folder.
	File string
}

// readPhoto reads and checks the photo file name (relative to the team
// file) of member id.
func readPhoto(name string, read func(string) ([]byte, error)) (*Photo, error) {
	if read == nil {
		return nil, errors.New("photos are read from files beside the team file")
	}
	if path.IsAbs(name) || strings.HasPrefix(path.Clean(name), "..") {
		return nil, fmt.Errorf("%q: a photo is a file in the team file's folder or below it", name)
	}
	data, err := read(path.Clean(name))
	if err != nil {
		return nil, fmt.Errorf("%q: %w", name, err)
	}
	if len(data) > MaxPhotoBytes {
		return nil, fmt.Errorf("%q: %.1f MB, more than the %d MB a photo may be", name, float64(len(data))/(1<<20), MaxPhotoBytes>>20)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "jpeg" && format != "png") {
		return nil, fmt.Errorf("%q: not a JPEG or PNG image", name)
	}
	if cfg.Width > MaxPhotoPixels || cfg.Height > MaxPhotoPixels || cfg.Width < 1 || cfg.Height < 1 {
		return nil, fmt.Errorf("%q: %d×%d pixels: a photo is at most %d a side", name, cfg.Width, cfg.Height, MaxPhotoPixels)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%q: %v", name, err)
	}
	gray := image.NewGray(img.Bounds())
	draw.Draw(gray, gray.Bounds(), &image.Uniform{color.White}, image.Point{}, draw.Src) // transparency on paper
	draw.Draw(gray, gray.Bounds(), img, img.Bounds().Min, draw.Over)
	var g bytes.Buffer
	if err := png.Encode(&g, gray); err != nil {
		return nil, fmt.Errorf("%q: %v", name, err)
	}
	return &Photo{Data: data, Format: format, Gray: g.Bytes(), Width: cfg.Width, Height: cfg.Height, File: path.Clean(name)}, nil
}

// jpeg is registered for image.Decode by its import.
var _ = jpeg.Decode
