#!/usr/bin/env python3
"""ctxlint-sim: compile a kernel-style driver against the ctxlint reference
runtime, run one of its scenarios under several seeds, and report the
violations found by the dynamic validators as text and as JSON (the finding
schema version 1 shared with the static ctxlint tool).

Exit status: 0 no findings, 1 findings (or --expect not met), 2 usage, build
or run failure."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Filled in by CMake when the script is configured into the build tree.
RUNTIME_INCLUDE = "@CTXLINT_RUNTIME_INCLUDE@"
RUNTIME_LIBS = "@CTXLINT_RUNTIME_LIBS@".split(";")
TOOL_VERSION = "0.1.0"


def parse_args():
    p = argparse.ArgumentParser(prog="ctxlint-sim", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sources", nargs="+", help="driver (and scenario) C sources")
    p.add_argument("--seeds", type=int, default=4, help="number of seeds to run (default 4)")
    p.add_argument("--first-seed", type=int, default=1)
    p.add_argument("--cpus", type=int, default=2)
    p.add_argument("--scenario", help="scenario name (default: the first one in the program)")
    p.add_argument("--json", help="write the merged JSON report here ('-' for stdout)")
    p.add_argument("--text", default="-", help="write the text report here (default stdout)")
    p.add_argument("--cc", default=os.environ.get("CC", "gcc"), help="C compiler (gcc or clang)")
    p.add_argument("-D", action="append", default=[], dest="defines", metavar="NAME[=VALUE]")
    p.add_argument("-I", action="append", default=[], dest="includes", metavar="DIR")
    p.add_argument("--no-shirq-at-request", action="store_true",
                   help="do not fire shared handlers at request_irq (a runtime option, not kernel behaviour)")
    p.add_argument("--max-time", type=float, default=60.0,
                   help="simulated seconds before a run stops; tasks still blocked then are reported (default 60)")
    p.add_argument("--keep", metavar="DIR", help="keep the program and per-seed reports in DIR")
    p.add_argument("--expect", metavar="RULES",
                   help="comma-separated rule ids that must be exactly the ones found ('' = none); "
                        "exit 0 when they are")
    p.add_argument("--verbose", "-v", action="store_true")
    return p.parse_args()


def build(args, workdir):
    exe = os.path.join(workdir, "sim-program")
    cmd = [args.cc, "-std=gnu11", "-g", "-O0", "-finstrument-functions", "-Wall",
           "-Wno-unused-function", "-DCTXLINT_SIM", "-I", RUNTIME_INCLUDE]
    cmd += ["-D" + d for d in args.defines]
    for inc in args.includes:
        cmd += ["-I", inc]
    cmd += args.sources + ["-o", exe] + RUNTIME_LIBS + ["-ldl"]
    if args.verbose:
        print(" ".join(cmd), file=sys.stderr)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.stdout or r.stderr:
        sys.stderr.write(r.stdout + r.stderr)  # compiler diagnostics
    if r.returncode:
        sys.stderr.write("ctxlint-sim: the driver did not build against the runtime\n")
        sys.exit(2)
    return exe


def run_seed(args, exe, seed, workdir):
    js = os.path.join(workdir, "seed-%d.json" % seed)
    txt = os.path.join(workdir, "seed-%d.txt" % seed)
    cmd = [exe, "--seed=%d" % seed, "--cpus=%d" % args.cpus, "--json=" + js, "--text=" + txt,
           "--max-time=%g" % args.max_time]
    if args.scenario:
        cmd.append("--scenario=" + args.scenario)
    if args.no_shirq_at_request:
        cmd.append("--no-shirq-at-request")
    if args.verbose:
        cmd.append("--verbose")
    r = subprocess.run(cmd, capture_output=not args.verbose, text=True, timeout=600)
    if r.returncode not in (0, 1) or not os.path.exists(js):
        if not args.verbose:
            sys.stderr.write((r.stdout or "") + (r.stderr or ""))
        sys.stderr.write("ctxlint-sim: seed %d: the simulation failed (exit %d)\n" % (seed, r.returncode))
        sys.exit(2)
    with open(js) as f:
        findings = json.load(f)["findings"]
    # The per-seed text report has the kernel-style lines (BUG: ..., lockdep
    # state, Call Trace); keep each finding's block to print it as is.
    blocks, cur = {}, None
    with open(txt) as f:
        for line in f:
            line = line.rstrip("\n")
            if re.match(r"^\S.*: warning: .* \[ctxlint-[a-z0-9-]+\]$", line):
                cur = line
                blocks[cur] = [line]
            elif cur is not None:
                blocks[cur].append(line)
    for fd in findings:
        head = "%s:%d:%d: warning: %s [%s]" % (fd["file"] or "<unknown>", fd["line"], fd["column"], fd["message"],
                                                fd["ruleId"])
        fd["_text"] = "\n".join(blocks.get(head, []))
    return findings


def text_for(f):
    if f.get("_text"):
        return f["_text"]
    out = ["%s:%d:%d: warning: %s [%s]" % (f["file"] or "<unknown>", f["line"], f["column"], f["message"],
                                           f["ruleId"])]
    out.append("    seed %d, CPU %d, task %s, %s context" % (f["seed"], f["cpu"], f["task"] or "-", f["context"]))
    for step in reversed(f["callChain"]):
        out.append("      %s (%s:%d)" % (step["function"] or "?", step["file"] or "?", step["line"]))
    for n in f["notes"]:
        out.append("%s:%d:%d: note: %s" % (n["file"] or "<unknown>", n["line"], n["column"], n["message"]))
    return "\n".join(out)


def main():
    args = parse_args()
    workdir = args.keep or tempfile.mkdtemp(prefix="ctxlint-sim-")
    os.makedirs(workdir, exist_ok=True)
    try:
        exe = build(args, workdir)
        merged, seen = [], set()
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            for f in run_seed(args, exe, seed, workdir):
                key = (f["fingerprint"], f["file"], f["line"])
                if key in seen:
                    continue
                seen.add(key)
                merged.append(f)
        merged.sort(key=lambda f: (f["file"], f["line"], f["column"], f["ruleId"], f["message"]))
        texts = [text_for(f) for f in merged]
        for f in merged:
            f.pop("_text", None)
        doc = {"schemaVersion": 1, "tool": "ctxlint-sim", "toolVersion": TOOL_VERSION,
               "sourceRoot": os.path.join(os.getcwd(), ""),
               "findings": merged, "failedTranslationUnits": []}
        if args.json:
            if args.json == "-":
                json.dump(doc, sys.stdout, indent=2)
                print()
            else:
                with open(args.json, "w") as f:
                    json.dump(doc, f, indent=2)
        if args.text and args.text != "none":
            body = "\n".join(texts)
            summary = "%d finding(s) over %d seed(s)" % (len(merged), args.seeds)
            if args.text == "-":
                if body:
                    print(body)
                sys.stdout.flush()
                print(summary, file=sys.stderr)
            else:
                with open(args.text, "w") as f:
                    f.write(body + ("\n" if body else ""))
        if args.expect is not None:
            want = set(r for r in args.expect.split(",") if r)
            got = set(f["ruleId"] for f in merged)
            if want != got:
                sys.stderr.write("ctxlint-sim: expected rules %s, found %s\n" % (sorted(want), sorted(got)))
                return 1
            return 0
        return 1 if merged else 0
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
