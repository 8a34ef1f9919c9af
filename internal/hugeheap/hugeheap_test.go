package hugeheap

import "testing"

func TestReserveFor(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"brochure"}, 0},
		{[]string{"brochure", "--help"}, 0},
		{[]string{"brochure", "list"}, 0},
		{[]string{"brochure", "version"}, 0},
		{[]string{"brochure", "preflight", "out/a.pdf"}, 0},
		{[]string{"brochure", "build"}, Batch},
		{[]string{"brochure", "build", "--lang", "en,fr", "--layout", "a4"}, Batch}, // every role
		{[]string{"brochure", "build", "sre", "--lang", "fr"}, Brochures},
		{[]string{"brochure", "build", "--lang", "fr", "sre"}, Brochures},
		{[]string{"brochure", "build", "sre", "--recipients", "clients.csv"}, Batch},
		{[]string{"brochure", "build", "sre", "--recipients=clients.csv"}, Batch},
		{[]string{"brochure", "build", "--help"}, 0},
		{[]string{"brochure", "build", "-h"}, 0},
		{[]string{"brochure", "lint", "sre"}, Brochures},
		{[]string{"brochure", "lint"}, Batch},
		{[]string{"brochure", "watch", "sre"}, Brochures},
		{[]string{"brochure", "serve", "--addr", ":8080"}, 0},   // brochure-serve renders, and reserves its own
		{[]string{"brochure", "--content", "build", "list"}, 0}, // the folder is named build
		{[]string{"brochure", "--content=x", "build"}, Batch},
		{[]string{"brochure", "--messages", "github", "lint", "sre"}, Brochures},
		{[]string{"brochure", "help", "build"}, 0},
		{[]string{"brochure", ""}, 0},
		{[]string{"/usr/local/bin/brochure-serve", "--addr", ":8080"}, Batch},
		{[]string{"brochure-serve"}, Batch},
		{[]string{`C:\bin\brochure-serve.exe`}, Batch},
		{[]string{"brochure-serve", "-h"}, 0},
		{[]string{"/tmp/brochure-serve-old", "build"}, Batch}, // not the server: brochure's command line
	} {
		if got := ReserveFor(tc.args); got != tc.want {
			t.Errorf("ReserveFor(%q) = %d, want %d", tc.args, got, tc.want)
		}
	}
}
