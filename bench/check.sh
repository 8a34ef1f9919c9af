#!/bin/sh
# check.sh COUNTS NEW: compares instruction counts (lines "name count")
# with the committed ones and fails when one grew by more than 10 %.
set -eu
awk -v limit=1.10 '
	BEGIN { printf "%-10s %14s %14s %9s\n", "case", "recorded", "now", "change" }
	NR == FNR { want[$1] = $2; next }
	{
		got[$1] = $2
		if (!($1 in want)) { printf "%-10s %14s %14.0f   (new: make bench-counts records it)\n", $1, "", $2; next }
		r = $2 / want[$1]
		flag = ""
		if (r > limit) { flag = "  more than 10 % over"; bad = 1 }
		else if (r < 1 / limit) flag = "  fell: make bench-counts records it"
		printf "%-10s %14.0f %14.0f %+7.1f %%%s\n", $1, want[$1], $2, (r - 1) * 100, flag
	}
	END {
		for (n in want) if (!(n in got)) { printf "%-10s missing\n", n; bad = 1 }
		if (bad) { print "instruction counts grew: find why, or run make bench-counts and commit " ARGV[1]; exit 1 }
	}' "$1" "$2"
