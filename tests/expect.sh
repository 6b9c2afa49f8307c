#!/bin/sh
# Runs a command and passes only when it exits with STATUS *and* its output (stdout and
# stderr together) has a line matching PATTERN (grep -E). ctest's PASS_REGULAR_EXPRESSION
# alone ignores the exit status: a crash, or a sanitizer's report at exit, after the right
# message would pass.
#   tests/expect.sh STATUS PATTERN COMMAND [ARG...]
status="$1"
pattern="$2"
shift 2
out=$("$@" 2>&1)
rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne "$status" ]; then
  echo "expect.sh: exit status $rc, expected $status"
  exit 1
fi
if ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
  echo "expect.sh: no line matches: $pattern"
  exit 1
fi
