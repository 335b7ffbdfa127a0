#!/usr/bin/env bash
# The project's test command (what CI runs through .ci/run):
#   install deps -> configure -> build -> prepare the real kernel trees and
#   the smoke-test compile DBs -> ctest.
# Idempotent and incremental: every step skips work already done.
#
# Environment:
#   CTXLINT_SKIP_KERNEL=1   skip preparing kernel trees (the kernel-smoke test
#                           then SKIPs; not allowed with CI=true)
#   CTXLINT_KERNEL_DIR      where kernel trees live (default <repo>/.kernels)
#   CTEST_ARGS              extra ctest arguments (e.g. "-LE kernel")
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

T_START=$(date +%s)
step() { printf '\n=== [%4ss] %s\n' "$(( $(date +%s) - T_START ))" "$*"; }
is_ci() { [[ ${CI:-} == true || ${CI:-} == 1 ]]; }

step "install dependencies"
bash scripts/install-deps.sh

step "configure (cmake -G Ninja)"
if [[ -f build/CMakeCache.txt ]] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' build/CMakeCache.txt; then
  echo "build/ was configured with another generator; reconfiguring from scratch"
  rm -rf build
fi
cmake -S . -B build -G Ninja

step "build (ninja -j2)"
ninja -C build -j2

if [[ ${CTXLINT_SKIP_KERNEL:-0} == 1 ]]; then
  is_ci && { echo "CTXLINT_SKIP_KERNEL=1 is not allowed under CI=true" >&2; exit 1; }
  step "kernel trees: skipped (CTXLINT_SKIP_KERNEL=1)"
else
  for ver in 6.1 6.12; do
    step "kernel tree $ver: prepare + smoke compile DB"
    files=()
    mapfile -t files < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "test/kernel/files-$ver.txt")
    if bash scripts/kernel-tree.sh prepare "$ver" \
       && bash scripts/kernel-tree.sh compdb "$ver" "${CTXLINT_KERNEL_DIR:-$REPO/.kernels}/compdb-$ver-smoke" "${files[@]}"; then
      :
    else
      is_ci && { echo "preparing Linux $ver failed (CI=true)" >&2; exit 1; }
      echo "WARNING: preparing Linux $ver failed; the kernel-smoke test will SKIP" >&2
    fi
  done
fi

step "ctest"
rc=0
# shellcheck disable=SC2086
ctest --test-dir build --output-on-failure ${CTEST_ARGS:-} || rc=$?
step "done (ctest exit $rc)"
exit "$rc"
