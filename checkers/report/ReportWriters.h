// Writers for the three output formats. They take a whole run (all findings
// of all translation units, plus the units that failed) because SARIF and
// JSON are documents, not streams.
#pragma once

#include "report/Finding.h"
#include "report/RuleInfo.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace ctxlint {

struct RunReport {
  std::vector<RuleInfo> Rules;       // every rule that was enabled
  std::vector<Finding> Findings;     // sorted by file, line, column, rule
  std::vector<FailedUnit> FailedUnits;
  std::string WorkingDirectory;      // absolute; for SARIF invocations
  std::string SourceRoot;            // absolute; SARIF %SRCROOT% and JSON paths
  std::string ToolVersion;           // "0.1.0"
};

// clang's format: "file:line:col: warning: message [rule]" plus "note:" lines.
void writeTextReport(const RunReport &Run, llvm::raw_ostream &OS);
// ctxlint JSON schema version 1, documented in docs/json-format.md.
void writeJsonReport(const RunReport &Run, llvm::raw_ostream &OS);
// SARIF 2.1.0 as GitHub code scanning ingests it.
void writeSarifReport(const RunReport &Run, llvm::raw_ostream &OS);

// A fingerprint that survives unrelated line shifts: a hash of the rule id,
// the function and the finding's FingerprintBasis (never the line number).
std::string stableFingerprint(const Finding &F);

} // namespace ctxlint
