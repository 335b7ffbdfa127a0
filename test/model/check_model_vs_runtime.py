"""Checks that the kernel API model describes the runtime's kernel API: every
name the model lists exists in runtime/include as a function or a macro, with
enough parameters for the argument positions the model uses, and every
constant has the model's value. Names the runtime deliberately does not
simulate are listed, with the reason, in not-in-runtime.txt; a listed name
that the runtime does provide is an error too (the list must stay true)."""
import json
import os
import re
import subprocess
import sys
import tempfile


def model_entries(model):
    """(name, highest argument index used) for every named API."""
    out = {}
    def use(name, *indexes):
        idx = [i for i in indexes if isinstance(i, int) and i >= 0]
        out[name] = max([out.get(name, -1)] + idx)
    for e in model.get("lockOperations", []):
        use(e["name"], e.get("lockArg", -1), e.get("flagsArg", -1), e.get("subclassArg", -1))
    for e in model.get("sleeping", []):
        use(e["name"], e.get("onlyIfArgNonZero", -1), e.get("dropsLockArg", -1))
    for e in model.get("gfpAllocators", []):
        use(e["name"], e["gfpArg"])
    for e in model.get("contextRegistrations", []):
        use(e["name"], e["callbackArg"])
    for e in model.get("irqRequests", []):
        use(e["name"], *[e.get(k, -1) for k in ("irq", "handler", "threadFn", "flags", "devName", "devId")])
    for e in model.get("mustCheckResult", []):
        use(e["name"])
    for name in model.get("defaultPrimaryHandlers", []):
        use(name)
    return out


def runtime_api(clang, include_dir, header_list):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "all.c")
        with open(src, "w") as f:
            for h in header_list:
                f.write("#include <%s>\n" % h)
            f.write("int ctxlint_model_probe;\n")
        flags = ["-std=gnu11", "-I", include_dir]
        macros = {}
        defs = subprocess.run([clang, "-E", "-dM"] + flags + [src], check=True,
                              stdout=subprocess.PIPE, text=True).stdout
        for line in defs.splitlines():
            m = re.match(r"#define (\w+)(\(([^)]*)\))?(\s|$)", line)
            if not m:
                continue
            params = None
            if m.group(2) is not None:
                ps = [p.strip() for p in m.group(3).split(",") if p.strip()]
                params = 10**6 if any(p.endswith("...") for p in ps) else len(ps)
            macros[m.group(1)] = (params, line)
        functions = {}
        # Function declarations from the preprocessed source, matched by name
        # and their parameters counted by top-level commas.
        pre = subprocess.run([clang, "-E", "-P"] + flags + [src], check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        for m in re.finditer(r"\b(\w+)\s*\(([^;{}()]*(\([^()]*\)[^;{}()]*)*)\)\s*(\{|;|__attribute__)", pre):
            name, params = m.group(1), m.group(2).strip()
            if name in ("if", "while", "for", "switch", "return", "sizeof"):
                continue
            depth, n = 0, 1
            for c in params:
                depth += c == "("
                depth -= c == ")"
                n += c == "," and depth == 0
            if params in ("", "void"):
                n = 0
            if "..." in params:
                n = 10**6
            functions[name] = max(functions.get(name, 0), n)
        return macros, functions


def main():
    root, clang = sys.argv[1], sys.argv[2]
    model = json.load(open(os.path.join(root, "checkers/model/kernel-api.json")))
    include_dir = os.path.join(root, "runtime/include")
    headers = []
    for dirpath, _, files in os.walk(include_dir):
        for f in files:
            if f.endswith(".h"):
                headers.append(os.path.relpath(os.path.join(dirpath, f), include_dir))
    headers.sort()
    macros, functions = runtime_api(clang, include_dir, headers)

    exempt = {}
    with open(os.path.join(os.path.dirname(__file__), "not-in-runtime.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                exempt[line] = True

    errors = []
    checked = 0
    for name, max_arg in sorted(model_entries(model).items()):
        present = name in macros or name in functions
        if name in exempt:
            if present:
                errors.append("%s is listed in not-in-runtime.txt but the runtime provides it" % name)
            continue
        if not present:
            errors.append("%s: named by the model, missing from runtime/include" % name)
            continue
        checked += 1
        arity = macros[name][0] if name in macros else functions[name]
        if arity is None:
            arity = 0
        if max_arg >= arity:
            errors.append("%s: the model uses argument %d, the runtime's %s takes %d" %
                          (name, max_arg, "macro" if name in macros else "function", arity))

    for name, value in model.get("constants", {}).items():
        probe = subprocess.run([clang, "-fsyntax-only", "-std=gnu11", "-I", include_dir, "-x", "c", "-"],
                               input="".join("#include <%s>\n" % h for h in headers) +
                               "_Static_assert((unsigned long)(%s) == %dUL, \"%s\");\n" % (name, value, name),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if probe.returncode != 0:
            errors.append("constant %s: the runtime's value differs from the model's %d (or is missing)" % (name, value))
        else:
            checked += 1

    for e in errors:
        print("error:", e)
    print("%d model names and constants checked against the runtime headers, %d exempt, %d errors"
          % (checked, len(exempt), len(errors)))
    return 1 if errors else 0


sys.exit(main())
