#!/usr/bin/env bash
# Build a compile DB, with the kernel's real clang flags, for every .c file in
# some kernel directories that x86_64 LLVM=-19 allmodconfig builds.
#
#   scripts/kernel-corpus.sh <ver> <name> <dir>...
#   e.g. scripts/kernel-corpus.sh 6.1 drivers3 drivers/input drivers/i2c/busses drivers/net/ethernet/intel
#
# Output: ${CTXLINT_KERNEL_DIR:-<repo>/.kernels}/corpus-<ver>-<name>/
#   compile_commands.json   one entry per built .c file under the dirs
#   files.txt               those files (relative to the kernel source root)
#   not-built.txt           .c files under the dirs with no object: not
#                           enabled on x86_64 allmodconfig, #included by
#                           another file, host tools, or failed to build
#   build.log               make output
# Incremental: re-running only rebuilds what is missing.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KT=$REPO/scripts/kernel-tree.sh
KDIR=${CTXLINT_KERNEL_DIR:-$REPO/.kernels}
JOBS=${CTXLINT_JOBS:-2}

log() { printf '[kernel-corpus %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { printf 'kernel-corpus: error: %s\n' "$*" >&2; exit 1; }

(($# >= 3)) || { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
ver=$1 name=$2; shift 2
[[ $name =~ ^[A-Za-z0-9._-]+$ ]] || die "bad corpus name '$name'"

T0=$(date +%s)
bash "$KT" prepare "$ver"
src=$(bash "$KT" srcdir "$ver")
out=$(bash "$KT" builddir "$ver" clang)
dest=${CTXLINT_CORPUS_OUT:-$KDIR/corpus-$ver-$name}
mkdir -p "$dest"

dirs=()
for d in "$@"; do
  d=${d#"$src"/}; d=${d#./}; d=${d%/}
  [[ -d $src/$d ]] || die "$src/$d is not a directory"
  dirs+=("$d")
done

kmake() { make -C "$src" O="$out" LLVM=-19 "$@"; }

# descended <dir>: kbuild has built O/<dir> as a directory (it then writes
# modules.order there). Objects alone do not tell: a single-file build
# (kernel-tree.sh compdb) may have put one there.
descended() { [[ -f $out/$1/modules.order ]]; }

: > "$dest/build.log"
# Pass 1: the directories themselves (kbuild descends into the subdirs their
# Makefiles list).
log "$ver: make -k -j$JOBS ${dirs[*]/%//}"
kmake -k -j"$JOBS" "${dirs[@]/%//}" >>"$dest/build.log" 2>&1 || true

# Pass 2..: subdirectories with .c files that their parent Makefile does not
# list (e.g. drivers/input/serio/ is reached from drivers/Makefile, not from
# drivers/input/Makefile), built as their own targets. Only the outermost
# unbuilt dirs each round (building a dir and its child in one make races).
for round in 1 2 3; do
  mapfile -t cand < <(
    for d in "${dirs[@]}"; do
      find "$src/$d" -mindepth 1 -type d -exec test -f '{}/Makefile' \; -print
    done | sed "s|^$src/||" | LC_ALL=C sort)
  todo=()
  for c in "${cand[@]}"; do
    compgen -G "$src/$c/*.c" >/dev/null || continue
    descended "$c" && continue
    [[ -f $out/$c/.ctxlint-tried ]] && continue
    skip=0
    for t in "${todo[@]}"; do [[ $c == "$t"/* ]] && skip=1; done
    ((skip)) || todo+=("$c")
  done
  ((${#todo[@]})) || break
  log "$ver: round $round: ${#todo[@]} more subdir(s): ${todo[*]}"
  kmake -k -j"$JOBS" "${todo[@]/%//}" >>"$dest/build.log" 2>&1 || true
  for t in "${todo[@]}"; do mkdir -p "$out/$t"; touch "$out/$t/.ctxlint-tried"; done
done

# Last pass, -j1: picks up objects lost to parallel-descent races (cheap when
# everything is built already; genuinely broken files are simply retried).
log "$ver: consistency pass (-j1)"
kmake -k -j1 "${dirs[@]/%//}" >>"$dest/build.log" 2>&1 || true

log "$ver: generating compile_commands.json"
paths=()
for d in "${dirs[@]}"; do [[ -d $out/$d ]] && paths+=("$out/$d"); done
python3 "$src/scripts/clang-tools/gen_compile_commands.py" -d "$out" \
  -o "$dest/compile_commands.json.all" "${paths[@]}"
python3 - "$dest" "$src" "${dirs[@]}" <<'EOF'
import json, os, sys
dest, src = sys.argv[1], os.path.realpath(sys.argv[2])
dirs = sys.argv[3:]
db = json.load(open(os.path.join(dest, 'compile_commands.json.all')))
out, seen = [], set()
for e in db:
    p = os.path.realpath(e['file'])
    if p in seen or not p.startswith(src + '/'):
        continue
    seen.add(p)
    e['file'] = p
    out.append(e)
out.sort(key=lambda e: e['file'])
json.dump(out, open(os.path.join(dest, 'compile_commands.json'), 'w'), indent=2, sort_keys=True)
os.remove(os.path.join(dest, 'compile_commands.json.all'))
built = sorted(os.path.relpath(p, src) for p in seen)
allc = []
for d in dirs:
    for root, _, files in os.walk(os.path.join(src, d)):
        allc += [os.path.relpath(os.path.join(root, f), src) for f in files if f.endswith('.c')]
notbuilt = sorted(set(allc) - set(built))
open(os.path.join(dest, 'files.txt'), 'w').write(''.join(f + '\n' for f in built))
open(os.path.join(dest, 'not-built.txt'), 'w').write(''.join(f + '\n' for f in notbuilt))
print(f"kernel-corpus: {len(built)} TUs in the DB, {len(notbuilt)} of {len(allc)} .c files not built (not-built.txt)", file=sys.stderr)
EOF
log "$ver/$name: done in $(( $(date +%s) - T0 ))s -> $dest/compile_commands.json"
