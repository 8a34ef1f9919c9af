#!/bin/sh
# counts.sh BIN: counts the instructions (valgrind's callgrind) that the
# brochure binary BIN executes for each case below, and prints one line
# per case: "name instructions". Instruction counts are repeatable on a
# shared machine where wall time is not (perf's hardware counters are
# not available in these containers; callgrind needs none).
#
# It also counts the page faults of a few cases (lines "name-faults N",
# the fewest of 5 runs, from /usr/bin/time): in a virtual machine each
# fresh page of memory costs about 10 µs, several times what the
# instructions of a short command cost, so memory touched is counted too.
# They move between runs (where a randomised heap starts in its first
# chunk matters), hence check.sh's wider limit for them; --help's come in
# two modes (185-192 and 232-277 in 15 runs), and a median of 5 fell in
# either, where the fewest of 5 is the low one unless all five are high.
# They depend on how the kernel maps the binary too: make binary has it
# mapped with huge pages where it can (internal/hugetext), about 90 fewer
# for --help and 140 for one brochure.
#
# Run from the repository's root. Go's asynchronous preemption signals
# and its RDTSCP clock are turned off, since valgrind handles neither.
# GOMAXPROCS=1: valgrind runs one thread at a time anyway, and with more
# Ps the goroutines that wait (spinning on a lock another thread holds)
# add instructions that vary from run to run; the work counted is the
# same.
set -eu
bin=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./internal/benchroles/gen "$tmp/brochures" 20

count() {
	name=$1
	shift
	GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off GOMAXPROCS=1 CI=true SOURCE_DATE_EPOCH= \
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" \
		>/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; echo "bench: $name failed" >&2; exit 1; }
	n=$(sed -n 's/.*Collected : //p' "$tmp/err")
	[ -n "$n" ] || { cat "$tmp/err" >&2; exit 1; }
	echo "$name $n"
}

# faults NAME ARGS...: the fewest minor page faults of 5 runs.
faults() {
	name=$1
	shift
	: >"$tmp/runs"
	for i in 1 2 3 4 5; do
		GOMAXPROCS=1 CI=true SOURCE_DATE_EPOCH= /usr/bin/time -f '%R' -o "$tmp/faults" "$bin" "$@" >/dev/null 2>"$tmp/err" ||
			{ cat "$tmp/err" >&2; echo "bench: $name failed" >&2; exit 1; }
		cat "$tmp/faults" >>"$tmp/runs"
	done
	echo "$name-faults $(sort -n "$tmp/runs" | head -n 1)"
}

count help --help
count list list
count lint-sre lint sre --lang en,fr
count one build sre --lang fr --layout a4 --out "$tmp/one"
count one-print build sre --lang fr --layout a4 --for print --out "$tmp/one-print"
count batch40 --content "$tmp/brochures" build --lang en,fr --layout a4 --jobs 2 --out "$tmp/batch"
faults help --help
faults one build sre --lang fr --layout a4 --force --out "$tmp/one"
faults batch40 --content "$tmp/brochures" build --lang en,fr --layout a4 --jobs 2 --force --out "$tmp/batch"
