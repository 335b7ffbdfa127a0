#!/usr/bin/env bash
# The README's main command (a demo): install deps, configure, build, then run
# ctxlint on every corpus/**/*.c against the simulated kernel headers in
# runtime/include, printing text findings and writing
# build/ctxlint-corpus.sarif (checked with the SARIF multitool when present).
# Exits 0 when ctxlint ran (findings are the point of a demo); non-zero only
# when the build or ctxlint itself fails (usage error / a TU failed to parse).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

bash scripts/install-deps.sh
if [[ -f build/CMakeCache.txt ]] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' build/CMakeCache.txt; then
  rm -rf build
fi
cmake -S . -B build -G Ninja >/dev/null
ninja -C build -j2

CTXLINT=build/bin/ctxlint
[[ -x $CTXLINT ]] || { echo "run-corpus: $CTXLINT was not built" >&2; exit 1; }

# One compile command per corpus program variant (corpus/manifest.json):
# the same driver with each seeded bug switched on by its -D.
python3 test/corpus/corpus.py compdb "$REPO" build/corpus

run() { # run <format> [ctxlint options]: ctxlint exit status 0/1 are fine
  local rc=0 fmt=$1; shift
  "$CTXLINT" -p build/corpus --format="$fmt" "$@" || rc=$?
  if ((rc != 0 && rc != 1)); then
    echo "run-corpus: ctxlint --format=$fmt failed with exit $rc (2 = usage error, 3 = a TU failed)" >&2
    exit "$rc"
  fi
}

echo "== ctxlint on every corpus program variant (corpus/manifest.json)"
run text
run sarif --output=build/ctxlint-corpus.sarif.tmp
mv build/ctxlint-corpus.sarif.tmp build/ctxlint-corpus.sarif
echo "== SARIF written to build/ctxlint-corpus.sarif"
echo "== each variant against its expected findings:"
python3 test/corpus/corpus.py check "$REPO" "$CTXLINT" || true
echo "== the same drivers run on the reference runtime: build/bin/ctxlint-sim --seeds 4 corpus/short.c -DSHORT_BUG_SLEEP_IN_IRQ"

SARIF=.tools/npm/node_modules/.bin/sarif-multitool
if [[ -x $SARIF ]]; then
  if "$SARIF" validate --output build/ctxlint-corpus.sarif.validation.sarif \
        build/ctxlint-corpus.sarif > build/ctxlint-corpus.sarif.validation.log 2>&1; then
    errs=$(grep -c ': error ' build/ctxlint-corpus.sarif.validation.log || true)
    echo "== sarif-multitool validate: $errs error(s) (details: build/ctxlint-corpus.sarif.validation.log)"
  else
    echo "== sarif-multitool validate failed to run (see build/ctxlint-corpus.sarif.validation.log)"
  fi
fi
exit 0
