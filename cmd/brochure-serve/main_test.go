package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestRunRefuses checks the command lines that brochure-serve refuses
// before it reads the content: each with its exit code and what it says
// (brochure serve's own checks are in cmd/brochure, through both
// programs).
func TestRunRefuses(t *testing.T) {
	for _, tc := range []struct {
		args           []string
		code           int
		stdout, stderr string // stderr: a part of it
	}{
		{[]string{"--help"}, 0, "", "usage: brochure-serve [--content DIR]"},
		{[]string{"--port", "80"}, 2, "", "flag provided but not defined: -port"},
		{[]string{"--renders", "many"}, 2, "", `invalid value "many" for flag -renders`},
		{[]string{"--addr", "127.0.0.1:0", "sre"}, 2, "", `unexpected argument "sre": brochure-serve takes only flags`},
		{[]string{"--messages", "json"}, 2, "", `--messages "json": want text or github`},
		{[]string{"--auth", "env:BROCHURE_TEST_UNSET"}, 2, "", "--auth env:BROCHURE_TEST_UNSET: the environment variable BROCHURE_TEST_UNSET is empty or not set\n"},
		{[]string{"--messages", "github", "--auth", "secret"}, 2,
			"::error::--auth: give env:NAME or file:PATH, where the token or user:password is; never the secret itself\n", ""},
		{[]string{"--content", t.TempDir() + "/none"}, 1, "", "/none: not found\n"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			if code != tc.code || stdout.String() != tc.stdout || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout %q, stderr with %q",
					code, stdout.String(), stderr.String(), tc.code, tc.stdout, tc.stderr)
			}
		})
	}
}
