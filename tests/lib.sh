# lib.sh: the shell side of the test harness.  A suite sources this,
# calls ok/not_ok (or expect_* helpers) per test, and ends with finish,
# which prints "N passed, N failed" and sets the exit status.

passed=0
failed=0

ok() { passed=$((passed + 1)); [ -n "${VERBOSE:-}" ] && echo "ok - $1"; return 0; }
not_ok() {
	failed=$((failed + 1))
	echo "not ok - $1" >&2
	[ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/    /' >&2
	return 0
}

# expect_status NAME WANT CMD...: runs CMD, checks its exit status.
expect_status() {
	local name=$1 want=$2 got out
	shift 2
	out=$("$@" 2>&1) && got=0 || got=$?
	if [ "$got" = "$want" ]; then ok "$name"; else not_ok "$name" "exit $got, wanted $want; output:
$out"; fi
}

# expect_contains NAME NEEDLE TEXT
expect_contains() {
	case "$3" in
	*"$2"*) ok "$1" ;;
	*) not_ok "$1" "wanted to find: $2
in:
$3" ;;
	esac
}

# expect_not_contains NAME NEEDLE TEXT
expect_not_contains() {
	case "$3" in
	*"$2"*) not_ok "$1" "did not want to find: $2" ;;
	*) ok "$1" ;;
	esac
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}
