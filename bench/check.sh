#!/bin/sh
# check.sh COUNTS NEW: compares instruction and page fault counts (lines
# "name count") with the committed ones and fails when an instruction
# count grew by more than 10 %, or a page fault count by more than 25 %:
# with the heap in huge pages (internal/hugeheap), how many faults a run
# takes depends on when the kernel has a huge page at hand, and the
# fewest of five runs moves by up to 20 % from one measurement to the
# next, where instruction counts repeat within 1 %.
set -eu
awk '
	BEGIN { printf "%-14s %14s %14s %9s\n", "case", "recorded", "now", "change" }
	NR == FNR { want[$1] = $2; next }
	{
		got[$1] = $2
		if (!($1 in want)) { printf "%-14s %14s %14.0f   (new: make bench-counts records it)\n", $1, "", $2; next }
		limit = $1 ~ /-faults$/ ? 1.25 : 1.10
		r = $2 / want[$1]
		flag = ""
		if (r > limit) { flag = sprintf("  more than %d %% over", (limit - 1) * 100 + 0.5); bad = 1 }
		else if (r < 1 / limit) flag = "  fell: make bench-counts records it"
		printf "%-14s %14.0f %14.0f %+7.1f %%%s\n", $1, want[$1], $2, (r - 1) * 100, flag
	}
	END {
		for (n in want) if (!(n in got)) { printf "%-14s missing\n", n; bad = 1 }
		if (bad) { print "counts grew: find why, or run make bench-counts and commit " ARGV[1]; exit 1 }
	}' "$1" "$2"
