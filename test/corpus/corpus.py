"""The driver corpus as ctxlint sees it.

  corpus.py compdb <repo> <out-dir>     write <out-dir>/compile_commands.json,
                                        one entry per program variant
  corpus.py check <repo> <ctxlint>      run ctxlint on every variant and
                                        compare with corpus/manifest.json

check fails when a variant misses an expected static finding (rule in
function) or reports one the manifest does not list."""
import json
import os
import subprocess
import sys


def variants(repo):
    manifest = json.load(open(os.path.join(repo, "corpus", "manifest.json")))
    includes = ["-I" + os.path.join(repo, i) for i in manifest["includes"]]
    for program in manifest["programs"]:
        for v in program["variants"]:
            flags = includes + ["-std=gnu11"] + ["-D" + d for d in v["defines"]]
            yield os.path.join(repo, program["file"]), v, flags


def compdb(repo, out):
    os.makedirs(out, exist_ok=True)
    entries = [{"directory": repo, "file": f,
                "arguments": ["clang-19", "-c"] + flags + [f]} for f, _, flags in variants(repo)]
    with open(os.path.join(out, "compile_commands.json"), "w") as fp:
        json.dump(entries, fp, indent=1)
    return 0


def check(repo, ctxlint):
    failures = 0
    count = 0
    for f, v, flags in variants(repo):
        proc = subprocess.run([ctxlint, "--format=json", f, "--"] + flags,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        name = "%s [%s]" % (os.path.relpath(f, repo), v["name"])
        if proc.returncode not in (0, 1):
            print("FAIL %s: ctxlint exited %d\n%s" % (name, proc.returncode, proc.stderr))
            failures += 1
            continue
        got = sorted({(x["ruleId"], x["function"]) for x in json.loads(proc.stdout)["findings"]})
        want = sorted({(e["rule"], e["function"]) for e in v["static"]})
        count += 1
        if got != want:
            failures += 1
            print("FAIL %s" % name)
            for g in got:
                if g not in want:
                    print("   unexpected: %s in %s()" % g)
            for w in want:
                if w not in got:
                    print("   missing:    %s in %s()" % w)
        else:
            gap = " (static gap: %s)" % v["staticGap"] if "staticGap" in v else ""
            print("ok   %s: %d finding(s)%s" % (name, len(got), gap))
    print("%d passed, %d failed" % (count - failures, failures))
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    cmd, repo = sys.argv[1], os.path.abspath(sys.argv[2])
    sys.exit(compdb(repo, sys.argv[3]) if cmd == "compdb" else check(repo, sys.argv[3]))
