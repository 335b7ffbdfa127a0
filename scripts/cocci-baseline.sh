#!/usr/bin/env bash
# Coccinelle baseline for the irqf-oneshot rule: run the kernel's own
# scripts/coccinelle/misc/irqf_oneshot.cocci in report mode over drivers/ of
# a prepared kernel source tree, and print sorted file:line:cols: message lines.
#
#   scripts/cocci-baseline.sh [<ver>=6.1] [<out-file>]
#
# Note: the kernel's .cocciconfig asks for --use-gitgrep, which finds nothing
# in an unpacked tarball (not a git tree: "0 files match"); we override it
# with --use-coccigrep (spatch's own token pre-filter).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ver=${1:-6.1}
out=${2:-/dev/stdout}
bash "$REPO/scripts/kernel-tree.sh" unpack "$ver"
src=$(bash "$REPO/scripts/kernel-tree.sh" srcdir "$ver")
cd "$src"
t0=$(date +%s)
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
spatch --very-quiet -D report --no-includes --include-headers --use-coccigrep \
  --sp-file scripts/coccinelle/misc/irqf_oneshot.cocci --dir drivers \
  -j "${CTXLINT_JOBS:-2}" --chunksize 1 > "$tmp" 2> >(grep -v 'files match$' >&2)
LC_ALL=C sort -t: -k1,1 -k2,2n -u "$tmp" > "$out"
echo "cocci-baseline: $(wc -l < "$tmp") report(s) in $(( $(date +%s) - t0 ))s (linux-source-$ver)" >&2
