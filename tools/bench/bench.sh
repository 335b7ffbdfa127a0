#!/usr/bin/env bash
# tools/bench/bench.sh <dir-with-compile_commands.json> [ctxlint-binary] [bench.py options]
#
# For every TU of the compile DB: clang-19 -fsyntax-only with the same flags,
# and ctxlint -p <dir> on it, single-threaded, each under
# /usr/bin/time -f '%e %M'; prints wall time, sum of per-TU times, peak RSS and
# the ctxlint/clang ratios. See tools/bench/bench.py --help for options
# (--json FILE, --limit N, --ctxlint-arg=..., --no-clang, --no-ctxlint).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
if (($# < 1)); then
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
db=$1; shift
ctxlint=$repo/build/bin/ctxlint
if [[ ! -x $ctxlint && -f $repo/build/tools/ctxlint && -x $repo/build/tools/ctxlint ]]; then
  ctxlint=$repo/build/tools/ctxlint   # trees from before build/bin
fi
if (($# > 0)) && [[ $1 != -* ]]; then ctxlint=$1; shift; fi
exec python3 "$here/bench.py" "$db" "$ctxlint" "$@"
