"""Runs the ctxlint CLI and clang-tidy with the ctxlint plugin on the same
files and fails unless both report exactly the same warnings and notes
(file, line, column, text, check name)."""
import glob
import os
import re
import subprocess
import sys

DIAG = re.compile(r"^\S+:\d+:\d+: (warning|note): ")


def diagnostics(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return [l for l in proc.stdout.splitlines() if DIAG.match(l)]


def main():
    ctxlint, clang_tidy, plugin, include, lit_dir = sys.argv[1:6]
    files = sorted(glob.glob(os.path.join(os.path.realpath(lit_dir), "*", "*.c")))
    files = [f for f in files if "/Inputs/" not in f]
    flags = ["-I" + include, "-std=gnu11"]
    total = 0
    failed = False
    for f in files:
        cli = diagnostics([ctxlint, f, "--"] + flags)
        tidy = diagnostics([clang_tidy, "--load=" + plugin, "--checks=-*,ctxlint-*",
                            "--quiet", f, "--"] + flags)
        total += sum(1 for l in cli if ": warning: " in l)
        if cli != tidy:
            failed = True
            print("MISMATCH in", f)
            for l in sorted(set(cli) - set(tidy)):
                print("  only ctxlint:   ", l)
            for l in sorted(set(tidy) - set(cli)):
                print("  only clang-tidy:", l)
            if set(cli) == set(tidy):
                print("  (same lines, different order)")
    print(f"compared {len(files)} files, {total} warnings")
    if total == 0:
        print("no warnings at all: the comparison proves nothing")
        return 1
    return 1 if failed else 0


sys.exit(main())
