#!/usr/bin/env bash
# Prepare real Linux kernel trees (from Debian's linux-source-<ver> packages)
# and produce compile_commands.json files carrying the kernel's REAL compiler
# flags for chosen driver files.
#
#   scripts/kernel-tree.sh prepare     <ver>                     # clang (LLVM=-19)
#   scripts/kernel-tree.sh prepare-gcc <ver>                     # gcc build dir
#   scripts/kernel-tree.sh compdb      <ver> <outdir> <file.c>...
#   scripts/kernel-tree.sh compdb-gcc  <ver> <outdir> <file.c>...
#   scripts/kernel-tree.sh srcdir      <ver>                     # print source dir
#   scripts/kernel-tree.sh builddir    <ver> [clang|gcc]         # print O= dir
#
# <ver> is 6.1 or 6.12 (any <ver> with /usr/src/linux-source-<ver>.tar.xz).
# <file.c> paths are relative to the kernel source root (drivers/foo/bar.c);
# absolute paths inside the source tree are accepted too.
#
# Layout, under ${CTXLINT_KERNEL_DIR:-<repo>/.kernels}:
#   linux-source-<ver>/   pristine unpacked source (never configured in-tree,
#                         so that several O= builds can share it)
#   build-<ver>-clang/    O= dir: LLVM=-19 allmodconfig, `make prepare`
#   build-<ver>-gcc/      O= dir: default gcc allmodconfig, `make prepare`
# Stamp files (.ctxlint-*) make every step run once; everything is
# incremental (make only rebuilds what changed).
#
# Config: allmodconfig, with CONFIG_WERROR switched off (allmodconfig turns it
# on, and a newer compiler than the tree was tested with would turn any new
# warning into a failed object). Everything else is allmodconfig's choice,
# so the flags are what a real allmodconfig build uses.
#
# Environment:
#   CTXLINT_KERNEL_DIR   where trees live (default <repo>/.kernels)
#   CTXLINT_JOBS         make -j (default 2; never more on shared machines)
#   CTXLINT_KERNEL_TARBALL_DIR  where linux-source-<ver>.tar.xz is (/usr/src)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KDIR=${CTXLINT_KERNEL_DIR:-$REPO/.kernels}
JOBS=${CTXLINT_JOBS:-2}
TARBALL_DIR=${CTXLINT_KERNEL_TARBALL_DIR:-/usr/src}
LLVM_SUFFIX=-19
# Bump when the configuration recipe below changes: forces re-config.
CONFIG_RECIPE=1

log() { printf '[kernel-tree %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { printf 'kernel-tree: error: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

srcdir()   { echo "$KDIR/linux-source-$1"; }
builddir() { echo "$KDIR/build-$1-${2:-clang}"; }

# make arguments for a toolchain
make_args() {
  local tc=$1
  case $tc in
    clang) echo "LLVM=$LLVM_SUFFIX" ;;
    gcc)   echo "" ;;
    *) die "unknown toolchain $tc" ;;
  esac
}

kmake() { # kmake <ver> <tc> make-args...
  local ver=$1 tc=$2; shift 2
  local src out
  src=$(srcdir "$ver"); out=$(builddir "$ver" "$tc")
  # shellcheck disable=SC2046
  make -C "$src" O="$out" $(make_args "$tc") "$@"
}

unpack() {
  local ver=$1 src tarball
  src=$(srcdir "$ver")
  tarball=$TARBALL_DIR/linux-source-$ver.tar.xz
  if [[ -f $src/.ctxlint-unpacked ]]; then return 0; fi
  [[ -f $tarball ]] || die "$tarball not found (apt-get install linux-source-$ver)"
  command -v xz >/dev/null || die "xz not installed"
  mkdir -p "$KDIR"
  log "unpacking $tarball into $KDIR"
  rm -rf "$src" "$KDIR/.unpack-$ver"
  mkdir -p "$KDIR/.unpack-$ver"
  tar -C "$KDIR/.unpack-$ver" -xJf "$tarball"
  [[ -d $KDIR/.unpack-$ver/linux-source-$ver ]] || die "unexpected tarball layout in $tarball"
  mv "$KDIR/.unpack-$ver/linux-source-$ver" "$src"
  rmdir "$KDIR/.unpack-$ver"
  touch "$src/.ctxlint-unpacked"
}

check_tools() {
  local tc=$1 t
  local tools=(make flex bison bc python3 perl)
  if [[ $tc == clang ]]; then
    tools+=(clang$LLVM_SUFFIX ld.lld$LLVM_SUFFIX llvm-ar$LLVM_SUFFIX llvm-nm$LLVM_SUFFIX
            llvm-objcopy$LLVM_SUFFIX llvm-strip$LLVM_SUFFIX llvm-readelf$LLVM_SUFFIX)
  else
    tools+=(gcc ld)
  fi
  for t in "${tools[@]}"; do
    command -v "$t" >/dev/null || die "$t not found: run scripts/install-deps.sh"
  done
  [[ -f /usr/include/libelf.h || -f /usr/include/gelf.h ]] || die "libelf-dev missing (objtool needs it): run scripts/install-deps.sh"
  [[ -f /usr/include/openssl/ssl.h ]] || die "libssl-dev missing: run scripts/install-deps.sh"
}

prepare() { # prepare <ver> <tc>
  local ver=$1 tc=$2 out stamp t0
  check_tools "$tc"
  unpack "$ver"
  out=$(builddir "$ver" "$tc")
  stamp=$out/.ctxlint-prepared
  if [[ -f $stamp && $(cat "$stamp") == "$CONFIG_RECIPE" ]]; then
    return 0
  fi
  mkdir -p "$out"
  t0=$(date +%s)
  if [[ ! -f $out/.ctxlint-configured || $(cat "$out/.ctxlint-configured") != "$CONFIG_RECIPE" ]]; then
    log "$ver/$tc: allmodconfig in $out"
    kmake "$ver" "$tc" -s allmodconfig
    "$(srcdir "$ver")/scripts/config" --file "$out/.config" --disable WERROR
    kmake "$ver" "$tc" -s olddefconfig
    echo "$CONFIG_RECIPE" > "$out/.ctxlint-configured"
  fi
  log "$ver/$tc: make -j$JOBS prepare (objtool, scripts, generated headers)"
  # `prepare` already builds scripts/ (archprepare depends on it) and objtool,
  # which is all a single-object build (make drivers/x/y.o) needs. We do not
  # need modules_prepare (scripts/mod, for modpost) for .o files.
  kmake "$ver" "$tc" -s -j"$JOBS" prepare
  echo "$CONFIG_RECIPE" > "$stamp"
  log "$ver/$tc: prepared in $(( $(date +%s) - t0 ))s"
}

# Normalise a file argument to a path relative to the source root.
relpath() {
  local ver=$1 f=$2 src
  src=$(srcdir "$ver")
  case $f in
    "$src"/*) f=${f#"$src"/} ;;
    /*) die "$f is not inside $src" ;;
  esac
  f=${f#./}
  [[ $f == *.c ]] || die "$f: expected a .c file"
  echo "$f"
}

# obj_built <O-dir> <relative .c file>: object and its .cmd file exist
obj_built() {
  local out=$1 f=$2
  [[ -s $out/${f%.c}.o && -f $out/$(dirname "$f")/.$(basename "${f%.c}").o.cmd ]]
}

# build_objs <ver> <tc> <failed-list-file> <relative .c files...>
# Builds the objects (keeps going on errors) and writes the .c files whose
# object could not be built to <failed-list-file>.
build_objs() {
  local ver=$1 tc=$2 failed=$3; shift 3
  local out f objs=() t0
  out=$(builddir "$ver" "$tc")
  for f in "$@"; do objs+=("${f%.c}.o"); done
  t0=$(date +%s)
  log "$ver/$tc: building ${#objs[@]} object(s) with -j$JOBS"
  # -k: build what can be built; failures are reported per file below.
  kmake "$ver" "$tc" -s -k -j"$JOBS" "${objs[@]}" >"$out/.ctxlint-last-build.log" 2>&1 || true
  # kbuild's single-target mode can descend into the same directory twice
  # when one is reachable from two parents (drivers/Makefile has both
  # input/ and input/serio/), and two jobs then race on the same object.
  # So: retry each failed object once on its own, -j1.
  local retry=()
  for f in "$@"; do obj_built "$out" "$f" || retry+=("$f"); done
  if ((${#retry[@]})); then
    log "$ver/$tc: retrying ${#retry[@]} object(s) one at a time"
    for f in "${retry[@]}"; do
      kmake "$ver" "$tc" -s -j1 "${f%.c}.o" >>"$out/.ctxlint-last-build.log" 2>&1 || true
    done
  fi
  : > "$failed"
  for f in "$@"; do obj_built "$out" "$f" || echo "$f" >> "$failed"; done
  log "$ver/$tc: build took $(( $(date +%s) - t0 ))s; $(wc -l < "$failed") file(s) failed (log: $out/.ctxlint-last-build.log)"
}

# gen_db <ver> <tc> <outdir> <dirs-file> <files-file>
# Runs the kernel's gen_compile_commands.py over the O= subdirs, then keeps
# only entries for the requested files (or everything when files-file is
# empty).
gen_db() {
  local ver=$1 tc=$2 outdir=$3 dirsfile=$4 filesfile=$5
  local src out tmp
  src=$(srcdir "$ver"); out=$(builddir "$ver" "$tc")
  mkdir -p "$outdir"
  tmp=$(mktemp "$outdir/.cc-XXXXXX.json")
  local paths=()
  while read -r d; do [[ -n $d && -d $out/$d ]] && paths+=("$out/$d"); done < "$dirsfile"
  if ((${#paths[@]} == 0)); then echo '[]' > "$outdir/compile_commands.json"; rm -f "$tmp"; return 0; fi
  python3 "$src/scripts/clang-tools/gen_compile_commands.py" \
    -d "$out" -o "$tmp" "${paths[@]}"
  python3 - "$tmp" "$outdir/compile_commands.json" "$src" "$filesfile" <<'EOF'
import json, os, sys
tmp, dst, src, filesfile = sys.argv[1:5]
want = None
with open(filesfile) as f:
    lines = [l.strip() for l in f if l.strip()]
if lines:
    want = {os.path.realpath(os.path.join(src, l)) for l in lines}
db = json.load(open(tmp))
out, seen = [], set()
for e in db:
    p = os.path.realpath(e['file'])
    if want is not None and p not in want:
        continue
    if p in seen:
        continue
    seen.add(p)
    e['file'] = p
    out.append(e)
out.sort(key=lambda e: e['file'])
with open(dst + '.tmp', 'w') as f:
    json.dump(out, f, indent=2, sort_keys=True)
os.replace(dst + '.tmp', dst)
print(f"compile_commands.json: {len(out)} entries -> {dst}", file=sys.stderr)
EOF
  rm -f "$tmp"
}

compdb() { # compdb <tc> <ver> <outdir> files...
  local tc=$1 ver=$2 outdir=$3; shift 3
  (($# > 0)) || die "compdb: no files given"
  prepare "$ver" "$tc"
  local files=() f
  for f in "$@"; do files+=("$(relpath "$ver" "$f")"); done
  local src; src=$(srcdir "$ver")
  for f in "${files[@]}"; do [[ -f $src/$f ]] || die "$src/$f does not exist"; done
  mkdir -p "$outdir"
  outdir=$(cd "$outdir" && pwd)
  local key
  key=$(printf '%s\n' "$tc" "$ver" "$(builddir "$ver" "$tc")" "$CONFIG_RECIPE" "${files[@]}" | sort | sha256sum)
  if [[ -f $outdir/compile_commands.json && -f $outdir/failed.txt \
        && -f $outdir/.ctxlint-compdb-key && $(cat "$outdir/.ctxlint-compdb-key") == "$key" ]]; then
    log "$ver/$tc: $outdir/compile_commands.json is up to date"
    return 0
  fi
  rm -f "$outdir/.ctxlint-compdb-key"
  printf '%s\n' "${files[@]}" | sort -u > "$outdir/files.txt"
  build_objs "$ver" "$tc" "$outdir/failed.txt" "${files[@]}"
  printf '%s\n' "${files[@]}" | xargs -n1 dirname | sort -u > "$outdir/.dirs"
  gen_db "$ver" "$tc" "$outdir" "$outdir/.dirs" "$outdir/files.txt"
  rm -f "$outdir/.dirs"
  echo "$key" > "$outdir/.ctxlint-compdb-key"
  if [[ -s $outdir/failed.txt ]]; then
    log "these files did not build (not in the DB), see $outdir/failed.txt:"
    sed 's/^/  /' "$outdir/failed.txt" >&2
  fi
}

cmd=${1:-}; shift || true
case $cmd in
  prepare)     (($# == 1)) || usage; prepare "$1" clang ;;
  prepare-gcc) (($# == 1)) || usage; prepare "$1" gcc ;;
  compdb)      (($# >= 3)) || usage; compdb clang "$@" ;;
  compdb-gcc)  (($# >= 3)) || usage; compdb gcc "$@" ;;
  srcdir)      (($# == 1)) || usage; srcdir "$1" ;;
  builddir)    (($# >= 1)) || usage; builddir "$1" "${2:-clang}" ;;
  unpack)      (($# == 1)) || usage; unpack "$1" ;;
  # internal helpers for scripts/kernel-corpus.sh
  _build-objs) build_objs "$@" ;;
  _gen-db)     gen_db "$@" ;;
  *) usage ;;
esac
