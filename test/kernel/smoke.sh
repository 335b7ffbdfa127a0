#!/usr/bin/env bash
# Real-kernel smoke test.
#
#   test/kernel/smoke.sh <ctxlint-binary> [<ver>...]      (default: 6.1 6.12)
#
# For each kernel version: build a compile DB with the kernel's real clang
# flags (LLVM=-19 allmodconfig) for the driver files in
# test/kernel/files-<ver>.txt (scripts/kernel-tree.sh compdb, incremental),
# run `ctxlint -p <db> --format=json <files>`, and check
#   * the exit code is 0 (clean) or 1 (findings), never 2 (usage) / 3 (a TU
#     failed): every real driver file must parse;
#   * every line of test/kernel/expected-<ver>.txt
#     (`drivers/foo/bar.c:123: ctxlint-rule-id`, `#` comments) appears in the
#     JSON output's `findings` (matched on file suffix, line and ruleId), and no
#     finding appears that the file does not list.
#
# Exit 77 (CTest SKIP_RETURN_CODE) with a SKIP message when a kernel tree
# cannot be prepared (no /usr/src/linux-source-<ver>.tar.xz, or prepare
# fails) -- unless CI=true, where that is a failure.
#
# CTXLINT_SMOKE_TOOLCHAIN=gcc runs the same check on compile DBs from the
# kernel's default gcc build (gcc-only flags that ctxlint must drop or
# translate); the default, clang, uses LLVM=-19 builds.
#
# Environment: CTXLINT_KERNEL_DIR (trees and DBs, default <repo>/.kernels),
# CTXLINT_JOBS (default 2), CTXLINT_SMOKE_OUT (where JSON/logs go,
# default <kernel-dir>/smoke-out).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KT=$REPO/scripts/kernel-tree.sh
KDIR=${CTXLINT_KERNEL_DIR:-$REPO/.kernels}
TC=${CTXLINT_SMOKE_TOOLCHAIN:-clang}
case $TC in
  clang) PREP=prepare COMPDB=compdb SUFFIX= ;;
  gcc)   PREP=prepare-gcc COMPDB=compdb-gcc SUFFIX=-gcc ;;
  *) echo "CTXLINT_SMOKE_TOOLCHAIN must be clang or gcc" >&2; exit 2 ;;
esac
OUT=${CTXLINT_SMOKE_OUT:-$KDIR/smoke-out$SUFFIX}

if (($# < 1)); then
  echo "usage: $0 <ctxlint-binary> [<ver>...]" >&2
  exit 2
fi
CTXLINT=$1; shift
VERSIONS=("$@")
((${#VERSIONS[@]})) || VERSIONS=(6.1 6.12)

is_ci() { [[ ${CI:-} == true || ${CI:-} == 1 ]]; }

skip() {
  if is_ci; then
    echo "FAIL: $* (CI=true: a missing kernel tree is a failure, not a skip)" >&2
    exit 1
  fi
  echo "SKIP: $*" >&2
  exit 77
}

[[ -x $CTXLINT ]] || { echo "FAIL: ctxlint binary '$CTXLINT' not found or not executable" >&2; exit 1; }
CTXLINT=$(cd "$(dirname "$CTXLINT")" && pwd)/$(basename "$CTXLINT")
mkdir -p "$OUT"

fail=0
checked=0
for ver in "${VERSIONS[@]}"; do
  files_list=$HERE/files-$ver.txt
  expected=$HERE/expected-$ver.txt
  [[ -f $files_list ]] || { echo "FAIL: $files_list missing" >&2; fail=1; continue; }
  mapfile -t files < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$files_list")

  if [[ ! -f ${CTXLINT_KERNEL_TARBALL_DIR:-/usr/src}/linux-source-$ver.tar.xz ]] \
      && [[ ! -f $KDIR/linux-source-$ver/.ctxlint-unpacked ]]; then
    skip "Linux $ver source not available (apt-get install linux-source-$ver, or scripts/install-deps.sh)"
  fi
  db=$KDIR/compdb-$ver-smoke$SUFFIX
  echo "== Linux $ver ($TC build): compile DB for ${#files[@]} driver files -> $db"
  t0=$(date +%s)
  if ! bash "$KT" "$PREP" "$ver" > "$OUT/prepare-$ver.log" 2>&1; then
    tail -30 "$OUT/prepare-$ver.log" >&2
    skip "could not prepare the Linux $ver tree (log: $OUT/prepare-$ver.log)"
  fi
  if ! bash "$KT" "$COMPDB" "$ver" "$db" "${files[@]}" > "$OUT/compdb-$ver.log" 2>&1; then
    tail -30 "$OUT/compdb-$ver.log" >&2
    echo "FAIL: could not build the compile DB for Linux $ver (log: $OUT/compdb-$ver.log)" >&2
    fail=1; continue
  fi
  if [[ -s $db/failed.txt ]]; then
    echo "FAIL: these Linux $ver smoke files did not compile with the kernel's own build:" >&2
    sed 's/^/  /' "$db/failed.txt" >&2
    fail=1; continue
  fi
  src=$(bash "$KT" srcdir "$ver")
  abs=()
  for f in "${files[@]}"; do abs+=("$src/$f"); done
  echo "   compile DB ready in $(( $(date +%s) - t0 ))s"

  json=$OUT/ctxlint-$ver.json
  t0=$(date +%s)
  "$CTXLINT" -p "$db" --format=json "${abs[@]}" > "$json" 2> "$OUT/ctxlint-$ver.stderr"
  rc=$?
  echo "   ctxlint exit $rc in $(( $(date +%s) - t0 ))s (JSON: $json, stderr: $OUT/ctxlint-$ver.stderr)"
  if [[ $rc != 0 && $rc != 1 ]]; then
    echo "FAIL: Linux $ver: ctxlint exited $rc (2 = usage error, 3 = some TU failed to parse)" >&2
    tail -40 "$OUT/ctxlint-$ver.stderr" >&2
    fail=1; continue
  fi
  if ! python3 - "$json" "$expected" "$ver" <<'EOF'
import json, sys
jpath, epath, ver = sys.argv[1:4]
try:
    doc = json.load(open(jpath))
    findings = doc['findings']
    assert isinstance(findings, list)
except Exception as e:  # noqa: BLE001
    print(f"FAIL: Linux {ver}: ctxlint JSON output unreadable or without a 'findings' array: {e}")
    sys.exit(1)
have = set()
for f in findings:
    try:
        have.add((str(f['file']), int(f['line']), str(f['ruleId'])))
    except (KeyError, TypeError, ValueError) as e:
        print(f"FAIL: Linux {ver}: malformed finding {f!r}: {e}")
        sys.exit(1)
by_rule = {}
for _, _, r in have:
    by_rule[r] = by_rule.get(r, 0) + 1
print(f"   {len(findings)} finding(s): " + (", ".join(f"{r}={n}" for r, n in sorted(by_rule.items())) or "none"))
missing, expected, listed = [], 0, []
try:
    lines = open(epath).read().splitlines()
except FileNotFoundError:
    lines = []
for raw in lines:
    line = raw.split('#', 1)[0].strip()
    if not line:
        continue
    try:
        loc, rule = [x.strip() for x in line.rsplit(':', 1)]
        path, ln = loc.rsplit(':', 1)
        ln = int(ln)
    except ValueError:
        print(f"FAIL: {epath}: bad line {raw!r} (want 'drivers/x/y.c:123: rule-id')")
        sys.exit(1)
    expected += 1
    listed.append((path, ln, rule))
    ok = any(l == ln and r == rule and (f == path or f.endswith('/' + path))
             for f, l, r in have)
    if not ok:
        missing.append(line)
for m in missing:
    print(f"   MISSING expected finding: {m}")
# The files are a fixed set: a finding nobody listed is a regression (a new
# false positive, or a true finding to add to the list after review).
unexpected = [(f, l, r) for f, l, r in sorted(have)
              if not any(l == ln and r == rule and (f == path or f.endswith('/' + path))
                         for path, ln, rule in listed)]
for f, l, r in unexpected:
    print(f"   UNEXPECTED finding: {f}:{l}: {r}")
print(f"   expected findings: {expected - len(missing)}/{expected} present, {len(unexpected)} unexpected")
sys.exit(1 if missing or unexpected else 0)
EOF
  then
    fail=1; continue
  fi
  checked=$((checked + 1))
done

if ((fail)); then
  echo "kernel smoke: FAILED"
  exit 1
fi
echo "kernel smoke: OK (${checked} kernel version(s) checked)"
exit 0
