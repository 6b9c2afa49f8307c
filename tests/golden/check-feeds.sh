#!/usr/bin/env bash
# Runs `carta validate --json` on every golden feed and compares the exit status, the number
# of items kept and the diagnostics with tests/golden/expected.tsv (its header explains the
# layout). Prints a diff for each mismatch; exits 0 when everything matches, 1 otherwise,
# 2 on usage errors.
#
#   tests/golden/check-feeds.sh build/native/carta [NAME-SUBSTRING...]
#
# Environment:
#   CARTA_GOLDEN_TIMEOUT    seconds allowed per run (default 5); max-seconds rows in the table
#                           scale with it, so a slow sanitizer build can use e.g. 30
#   CARTA_GOLDEN_LARGE_DIR  where make-large-feeds.py writes its feeds (default: a temporary
#                           directory removed afterwards); kept and reused when set, and
#                           rewritten whenever make-large-feeds.py changes.
# Needs bash, python3 (standard library) and coreutils' timeout. Any output on stderr, a
# crash, or a sanitizer report (exit status 86/87, set below) counts as a failure.
set -euo pipefail

if [[ $# -lt 1 || "$1" == -h || "$1" == --help ]]; then
  echo "usage: $0 CARTA_BINARY [NAME-SUBSTRING...]" >&2
  exit 2
fi
carta=$1
shift
if [[ ! -x "$carta" ]]; then
  echo "check-feeds: $carta is not an executable" >&2
  exit 2
fi
carta=$(cd "$(dirname "$carta")" && pwd)/$(basename "$carta")
here=$(cd "$(dirname "$0")" && pwd)
python=$(command -v python3 || echo /usr/bin/python3)

if [[ -n "${CARTA_GOLDEN_LARGE_DIR:-}" ]]; then
  large=$CARTA_GOLDEN_LARGE_DIR
  mkdir -p "$large"
else
  large=$(mktemp -d "${TMPDIR:-/tmp}/carta-golden.XXXXXX")
  trap 'rm -rf "$large"' EXIT
fi
stamp=$(cksum < "$here/make-large-feeds.py")
if [[ "$(cat "$large/.complete" 2>/dev/null)" != "$stamp" ]]; then
  "$python" "$here/make-large-feeds.py" "$large"
  echo "$stamp" > "$large/.complete"
fi

# A sanitizer report must not pass for "invalid" (both exit 1 by default).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=87:print_stacktrace=1"

status=0
"$python" - "$carta" "$here/expected.tsv" "$here/feeds" "$large" "${CARTA_GOLDEN_TIMEOUT:-5}" "$@" <<'PY' || status=$?
import json, os, re, subprocess, sys, tempfile, time

carta, table, small_dir, large_dir, limit = sys.argv[1:6]
filters = sys.argv[6:]
limit = float(limit)

# --- the table ---------------------------------------------------------------------------
class Case:
    def __init__(self, name):
        self.name = name
        self.exit = None
        self.items = None
        self.rows = []        # (severity, where, message, line_no)
        self.none = False
        self.at_most = None
        self.seconds = None   # a tighter (or looser) time limit than the default

cases = {}
problems = []
with open(table, encoding="utf-8") as f:
    for n, raw in enumerate(f, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            problems.append(f"expected.tsv:{n}: needs 4 tab-separated columns, has {len(cols)}")
            continue
        name, kind, where, message = cols
        case = cases.setdefault(name, Case(name))
        if kind == "exit":
            if case.exit is not None:
                problems.append(f"expected.tsv:{n}: second exit row for {name}")
            m = re.fullmatch(r"items=(\d+)", message)
            if not where.isdigit() or not m:
                problems.append(f"expected.tsv:{n}: exit row needs STATUS and items=N")
                continue
            case.exit, case.items = int(where), int(m.group(1))
        elif kind in ("error", "warning"):
            case.rows.append((kind, where, message, n))
        elif kind == "none":
            case.none = True
        elif kind == "at-most":
            case.at_most = int(where)
        elif kind == "max-seconds":
            case.seconds = float(where)
        else:
            problems.append(f"expected.tsv:{n}: unknown kind {kind!r}")

def locate(name):
    for d in (small_dir, large_dir):
        p = os.path.join(d, name)
        if os.path.isfile(p):
            return p
    return None

on_disk = set(os.listdir(small_dir)) | {f for f in os.listdir(large_dir) if not f.startswith(".")}
for name in sorted(on_disk - set(cases)):
    problems.append(f"{name}: has no row in expected.tsv")
for name, case in sorted(cases.items()):
    if name not in on_disk:
        problems.append(f"{name}: listed in expected.tsv but no such feed")
    if case.exit is None:
        problems.append(f"{name}: no exit row")
    if not case.rows and not case.none and case.at_most is None:
        problems.append(f"{name}: no diagnostic rows and no 'none' row")
    if case.none and case.rows:
        problems.append(f"{name}: 'none' together with diagnostic rows")

# --- matching ----------------------------------------------------------------------------
LOC = re.compile(r"^(\d+:\d+(?:-\d+)?(?:\|\d+:\d+(?:-\d+)?)*)(?: (.*))?$")

def where_matches(where, d):
    m = LOC.match(where)
    if m:  # a syntax error: line:column (ranges, alternatives), optionally a pointer
        if "line" not in d:
            return False
        ok = False
        for alt in m.group(1).split("|"):
            line, cols = alt.split(":")
            lo, _, hi = cols.partition("-")
            if d["line"] == int(line) and int(lo) <= d["column"] <= int(hi or lo):
                ok = True
        return ok and (m.group(2) is None or d.get("pointer") == m.group(2))
    pointer = "" if where == "(document)" else where
    return "line" not in d and d.get("pointer") == pointer

def message_matches(expect, message):
    if expect.startswith("re:"):
        return re.search(expect[3:], message) is not None
    return expect in message

def visible(text):
    """Control characters from the feed, shown escaped so they cannot upset the terminal."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(
        m.group(0), f"\\x{ord(m.group(0)):02x}"), text)

def show(d):
    if "line" in d:
        where = f'{d["line"]}:{d["column"]}' + (f' {d["pointer"]}' if d.get("pointer") else "")
    else:
        where = d.get("pointer") or "(document)"
    return f'{d.get("severity")}\t{where}\t{visible(d.get("message", ""))}'

REPEAT = re.compile(r"((?:/[^/\t]+))\1{7,}")

def compact(text):
    """Long runs of one pointer segment read better counted: /0/0/0... -> (/0 x61)."""
    return REPEAT.sub(lambda m: f"({m.group(1)} x{len(m.group(0)) // len(m.group(1))})", text)

def clip(text, n=400):
    return text if len(text) <= n else text[:n] + f"... ({len(text)} characters)"

# --- running -----------------------------------------------------------------------------
failures = []
passed = 0
slowest = []
for name, case in sorted(cases.items()):
    if filters and not any(f in name for f in filters):
        continue
    path = locate(name)
    if path is None:
        continue
    diff = []
    # Per-file limits are written for the default 5 s and scale with CARTA_GOLDEN_TIMEOUT.
    seconds = limit if case.seconds is None else case.seconds * limit / 5
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        rc = subprocess.call(["timeout", "-k", "2", str(seconds), carta, "validate", "--json", path],
                             stdout=out, stderr=err)
        elapsed = time.monotonic() - start
        slowest.append((elapsed, name))
        out.seek(0)
        err.seek(0)
        stdout = out.read(64 << 20) if rc != 124 else b""
        stderr = err.read(1 << 20).decode("utf-8", "replace")
    if rc in (124, 137):
        diff.append(f"  did not finish within {seconds:g} s (killed; the reader must never hang)")
    elif rc < 0 or rc >= 128:
        diff.append(f"  crashed: killed by signal {-rc if rc < 0 else rc - 128}")
    elif rc in (86, 87):
        diff.append(f"  {'AddressSanitizer' if rc == 86 else 'UndefinedBehaviorSanitizer'} report (exit status {rc})")
    elif rc not in (0, 1, 2):
        diff.append(f"  unexpected exit status {rc}")
    if stderr.strip():
        diff.append("  unexpected output on stderr:\n" + "\n".join("    " + visible(l) for l in clip(stderr, 3000).splitlines()))
    result = None
    if rc in (0, 1, 2):
        try:
            result = json.loads(stdout)
        except ValueError as e:
            diff.append(f"  stdout is not the JSON report ({e}): {clip(stdout.decode('utf-8', 'replace'))!r}")
    if case.exit is not None and rc != case.exit and rc in (0, 1, 2):
        diff.append(f"  exit status: expected {case.exit}, got {rc}")
    if result is not None:
        if case.items is not None and result.get("items") != case.items:
            diff.append(f"  items kept: expected {case.items}, got {result.get('items')}")
        actual = list(result.get("diagnostics", []))
        if result.get("valid") != (not any(d.get("severity") == "error" for d in actual)):
            diff.append(f"  \"valid\": {result.get('valid')} disagrees with the diagnostics")
        unmatched = list(range(len(actual)))
        missing = []
        for sev, where, message, n in case.rows:
            hit = next((i for i in unmatched if actual[i].get("severity") == sev and
                        where_matches(where, actual[i]) and message_matches(message, actual[i].get("message", ""))),
                       None)
            if hit is None:
                missing.append(f"  - {sev}\t{compact(where)}\t{message}    (expected.tsv:{n})")
            else:
                unmatched.remove(hit)
        if case.at_most is not None:
            if len(actual) > case.at_most:
                diff.append(f"  {len(actual)} diagnostics; expected at most {case.at_most}")
            extra = []
        else:
            extra = [f"  + {clip(compact(show(actual[i])))}" for i in unmatched]
        if missing or extra:
            diff.append("  diagnostics (- expected but not printed, + printed but not expected):")
            diff.extend(missing)
            diff.extend(extra[:50])
            if len(extra) > 50:
                diff.append(f"  + ... and {len(extra) - 50} more")
    if diff:
        failures.append(name)
        print(f"FAIL {name}  ({elapsed:.2f} s)")
        print("\n".join(diff))
    else:
        passed += 1

for p in problems:
    print(f"TABLE {p}")
slowest.sort(reverse=True)
print(f"\n{passed} passed, {len(failures)} failed, {len(problems)} table problems"
      f"; slowest: " + ", ".join(f"{n} {t:.2f} s" for t, n in slowest[:3]))
if failures:
    print("failed: " + " ".join(failures))
sys.exit(1 if failures or problems else 0)
PY
exit $status
