#!/usr/bin/env bash
# Install everything ctxlint needs to build, test and benchmark, on Debian 12.
# Idempotent: apt-get runs only when a package is missing (and
# `apt-get update` only when an install is needed); the npm SARIF multitool is
# installed into <repo>/.tools/npm only when absent.
#
# Environment:
#   CTXLINT_SKIP_APT=1     do not touch apt (just verify)
#   CTXLINT_SKIP_KERNEL_SOURCES=1   do not require linux-source-6.1/6.12
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NPM_PREFIX=$REPO/.tools/npm

log() { printf '[install-deps] %s\n' "$*" >&2; }
die() { printf 'install-deps: error: %s\n' "$*" >&2; exit 1; }

PKGS=(
  # toolchain the analyzer is built against
  clang-19 libclang-19-dev llvm-19-dev llvm-19-tools clang-tidy-19 lld-19
  nlohmann-json3-dev libgtest-dev cmake ninja-build make g++ gcc
  # tests / tools
  python3 time coccinelle git xz-utils
  # building real kernel objects (compile DBs with real flags)
  flex bison libelf-dev libssl-dev bc perl
  # the SARIF multitool is a self-contained .NET app: it needs ICU
  libicu72
)
if [[ ${CTXLINT_SKIP_KERNEL_SOURCES:-0} != 1 ]]; then
  PKGS+=(linux-source-6.1 linux-source-6.12)
fi
# node 20 may come from elsewhere (e.g. nodesource): only ask Debian for
# nodejs/npm when the commands are missing.
command -v node >/dev/null || PKGS+=(nodejs)
command -v npm >/dev/null || PKGS+=(npm)

missing=()
for p in "${PKGS[@]}"; do
  st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ $st == installed ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  [[ ${CTXLINT_SKIP_APT:-0} == 1 ]] && die "missing packages: ${missing[*]} (CTXLINT_SKIP_APT=1)"
  SUDO=
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || die "missing packages ${missing[*]} and not root (no sudo)"
    SUDO=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  log "installing: ${missing[*]}"
  # update first only if the lists are absent/stale or the install fails
  if ! $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; then
    log "apt-get install failed; running apt-get update and retrying"
    $SUDO apt-get update || die "apt-get update failed"
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}" \
      || die "apt-get install ${missing[*]} failed"
  fi
else
  log "all Debian packages present"
fi

# ---- verify the tools we call by path --------------------------------------
LIT=/usr/lib/llvm-19/build/utils/lit/lit.py
FILECHECK=/usr/lib/llvm-19/bin/FileCheck
[[ -f $LIT ]] || die "lit not found at $LIT (package llvm-19-tools)"
[[ -x $FILECHECK ]] || die "FileCheck not found at $FILECHECK (package llvm-19-tools)"
python3 "$LIT" --version >/dev/null 2>&1 || die "$LIT does not run"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) missing (package time)"
for t in clang-19 clang-tidy-19 ld.lld-19 spatch cmake ninja node npm; do
  command -v "$t" >/dev/null || die "$t not found on PATH after install"
done
if [[ ${CTXLINT_SKIP_KERNEL_SOURCES:-0} != 1 ]]; then
  for v in 6.1 6.12; do
    [[ -f /usr/src/linux-source-$v.tar.xz ]] || die "/usr/src/linux-source-$v.tar.xz missing"
  done
fi

# ---- SARIF multitool (npm, local to the repo) ------------------------------
# @microsoft/sarif-multitool is a node shim; the real tool comes in the
# optional dependency @microsoft/sarif-multitool-linux as a self-contained
# .NET single-file executable (Sarif.Multitool, ~95 MB, no .NET SDK or
# runtime needed; it only needs libicu). Its postinstall merely chmods the
# binary, and npm >= 11 may not run install scripts, so we chmod it ourselves.
SARIF=$NPM_PREFIX/node_modules/.bin/sarif-multitool
SARIF_BIN=$NPM_PREFIX/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [[ ! -e $SARIF || ! -f $SARIF_BIN ]]; then
  log "installing @microsoft/sarif-multitool into $NPM_PREFIX"
  mkdir -p "$NPM_PREFIX"
  npm install --prefix "$NPM_PREFIX" --no-audit --no-fund --loglevel=error \
      @microsoft/sarif-multitool >&2 || die "npm install @microsoft/sarif-multitool failed"
fi
[[ -f $SARIF_BIN ]] || die "$SARIF_BIN missing (npm did not install the linux optional dependency)"
chmod +x "$SARIF_BIN"

# Verify it runs without network (it must never need it). `unshare -n` gives
# an empty network namespace when we are root; otherwise just run it.
run_offline() {
  if [[ $(id -u) == 0 ]] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
    unshare -n "$@"
  else
    "$@"
  fi
}
ver_out=$(run_offline "$SARIF" --version 2>&1) || die "sarif-multitool --version failed: $ver_out"
[[ $ver_out == *"SARIF Multitool"* ]] || die "unexpected sarif-multitool output: $ver_out"
tmpd=$(mktemp -d)
trap 'rm -rf "$tmpd"' EXIT
cat > "$tmpd/min.sarif" <<'EOF'
{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0",
 "runs":[{"tool":{"driver":{"name":"ctxlint","version":"0.0.0","rules":[]}},"results":[]}]}
EOF
run_offline "$SARIF" validate --output "$tmpd/out.sarif" "$tmpd/min.sarif" >/dev/null 2>&1 \
  || die "sarif-multitool validate failed offline on a minimal SARIF file"
[[ -s $tmpd/out.sarif ]] || die "sarif-multitool validate wrote no output"
log "sarif-multitool OK: ${ver_out%%$'\n'*} ($SARIF)"
log "lit: $LIT, FileCheck: $FILECHECK"
log "done"
