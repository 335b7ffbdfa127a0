#!/bin/sh
# validate-sarif.sh [--fail-on-warnings] <sarif-multitool> <file.sarif>
#
# Validates a SARIF file with Microsoft's sarif-multitool, using both its
# SARIF rule set and its GitHub code scanning rule set (GH*: what GitHub's
# ingestion requires), and exits non-zero when the validator reports an
# error (or, with --fail-on-warnings, a warning). Notes are ignored.
# Exit codes: 0 valid, 1 invalid or validator failure, 2 usage,
# 77 validator or node not installed (CTest SKIP) -- unless CI=true, where a
# missing validator is a failure, so CI cannot pass by skipping.
#
# Why this is more than "sarif-multitool validate f.sarif":
#  - the tool exits 0 even when it reports errors, or when the input file
#    does not exist (ERR997), so success is decided here from its output log;
#  - a file whose values do not deserialize (a wrong type such as
#    "startLine": "3", or an unknown enum value such as "level": "bogus")
#    gets NO results at all, which looks exactly like a valid file. To catch
#    that, a copy of the input with a deliberate mistake (an
#    originalUriBaseIds entry without a trailing slash, SARIF1004) is
#    validated in the same invocation: if that mistake is not reported, the
#    validator did not really analyse the file;
#  - the npm shim (node_modules/.bin/sarif-multitool) runs the native
#    binary through a shell, which splits the "Sarif;Gh" list at ';' and
#    breaks paths with spaces, so the native binary is called directly.
#
# Install: npm install --prefix .tools/npm @microsoft/sarif-multitool
set -u

fail_on_warnings=0
if [ "${1:-}" = "--fail-on-warnings" ]; then
  fail_on_warnings=1
  shift
fi
if [ $# -ne 2 ]; then
  echo "usage: $0 [--fail-on-warnings] <sarif-multitool> <file.sarif>" >&2
  exit 2
fi
validator=$1
input=$2

missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: $1 (CI=true: the SARIF validator is required)" >&2
    exit 1
  fi
  echo "SKIP: $1; install it with: npm install --prefix .tools/npm @microsoft/sarif-multitool"
  exit 77
}

command -v node >/dev/null 2>&1 || missing "node is not installed"
[ -e "$validator" ] || missing "SARIF validator not found at '$validator'"

if [ ! -f "$input" ]; then
  echo "FAIL: no such file: $input" >&2
  exit 1
fi

# The npm shim is a .js file; its package exports the native binary's path.
native=$(node -e '
  const fs = require("fs"), path = require("path");
  const real = fs.realpathSync(process.argv[1]);
  console.log(real.endsWith(".js") ? require(path.dirname(real)) : real);
' "$validator") || { echo "FAIL: cannot resolve the validator binary from $validator" >&2; exit 1; }
[ -x "$native" ] || { echo "FAIL: validator binary is not executable: $native" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/validate-sarif.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT INT TERM

# The canary copy: same content plus one known SARIF1004 error per run.
node -e '
  const fs = require("fs");
  let log;
  try { log = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); }
  catch (e) { console.error("FAIL: not JSON: " + e.message); process.exit(1); }
  if (!log || !Array.isArray(log.runs) || log.runs.length === 0) {
    console.error("FAIL: the log has no runs[] (ctxlint always writes one run)");
    process.exit(1);
  }
  for (const run of log.runs) {
    if (!run || typeof run !== "object") continue;
    run.originalUriBaseIds = Object.assign({}, run.originalUriBaseIds,
      { CTXLINT_VALIDATOR_CANARY: { uri: "file:///ctxlint-validator-canary" } });
  }
  fs.writeFileSync(process.argv[2], JSON.stringify(log, null, 2));
' "$input" "$work/canary.sarif" || exit 1

cp "$input" "$work/input.sarif"
"$native" validate "$work/input.sarif" "$work/canary.sarif" \
  --rule-kind "Sarif;Gh" --output "$work/validation.sarif" \
  --log ForceOverwrite >"$work/console.txt" 2>&1
status=$?
if [ ! -s "$work/validation.sarif" ]; then
  echo "FAIL: the validator wrote no log (exit $status):" >&2
  cat "$work/console.txt" >&2
  exit 1
fi

node -e '
  const fs = require("fs"), path = require("path"), url = require("url");
  const [logFile, inputCopy, canaryCopy, shownName, failOnWarnings] =
      process.argv.slice(1);
  const log = JSON.parse(fs.readFileSync(logFile, "utf8"));
  const sameFile = (uri, file) => {
    try { return path.resolve(url.fileURLToPath(uri)) === path.resolve(file); }
    catch (e) { return false; }
  };
  let errors = 0, warnings = 0, canarySeen = false;
  for (const run of log.runs || []) {
    const rules = ((run.tool || {}).driver || {}).rules || [];
    const text = (r) => {
      const rule = rules[r.ruleIndex] || {};
      const m = r.message || {};
      const tmpl = m.text || ((rule.messageStrings || {})[m.id] || {}).text || m.id || "";
      return tmpl.replace(/\{(\d+)\}/g, (_, i) => (m.arguments || [])[i] ?? "");
    };
    for (const inv of run.invocations || []) {
      for (const n of [...(inv.toolExecutionNotifications || []),
                       ...(inv.toolConfigurationNotifications || [])]) {
        if ((n.level || "warning") !== "error") continue;
        errors++;
        console.log("validator error: " + ((n.message || {}).text || JSON.stringify(n)));
      }
    }
    for (const r of run.results || []) {
      const loc = (((r.locations || [])[0] || {}).physicalLocation) || {};
      const uri = (loc.artifactLocation || {}).uri || "";
      const level = r.level || "warning";
      const msg = text(r);
      if (sameFile(uri, canaryCopy)) {
        if (r.ruleId === "SARIF1004" && msg.includes("CTXLINT_VALIDATOR_CANARY"))
          canarySeen = true;
        continue; // every other finding is reported on the real input
      }
      if (!sameFile(uri, inputCopy) || (level !== "error" && level !== "warning"))
        continue;
      const region = loc.region || {};
      const where = shownName + "(" + (region.startLine || 0) + "," +
                    (region.startColumn || 0) + ")";
      console.log(where + ": " + level + " " + r.ruleId + ": " + msg);
      if (level === "error") errors++; else warnings++;
    }
  }
  if (!canarySeen) {
    console.log("FAIL: the validator did not analyse the file: the deliberate " +
      "SARIF1004 mistake in its copy went unreported. sarif-multitool reports " +
      "nothing at all for a log it cannot deserialize (a value of the wrong " +
      "type, or an unknown enum value such as a bad level or kind).");
    process.exit(1);
  }
  const failed = errors > 0 || (failOnWarnings === "1" && warnings > 0);
  console.log((failed ? "FAIL" : "PASS") + ": " + shownName + ": " + errors +
              " error(s), " + warnings + " warning(s) from sarif-multitool " +
              "(SARIF and GitHub rule sets)");
  process.exit(failed ? 1 : 0);
' "$work/validation.sarif" "$work/input.sarif" "$work/canary.sarif" "$input" "$fail_on_warnings"
