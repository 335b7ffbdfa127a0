// The output vocabulary of ctxlint: a Finding and its parts, in plain source
// coordinates. Report writers (text, JSON, SARIF) see only these types, never
// a Clang AST, so that the dynamic runtime can emit the same records.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ctxlint {

enum class Severity { Note, Warning, Error };

const char *severityName(Severity S); // "note" / "warning" / "error"

// A point in a source file. Line and column are 1-based; Column counts bytes,
// as clang's diagnostics do.
struct SourcePoint {
  std::string File; // as the compiler saw it (absolute or build-dir relative)
  unsigned Line = 0;
  unsigned Column = 0;

  bool valid() const { return !File.empty() && Line != 0; }
};

// A related location with its explanation ("lock taken here").
struct FindingNote {
  SourcePoint Where;
  std::string Message;
};

// One step of an interprocedural explanation: from the root that gives the
// context (or the lock acquisition) through each call to the offending call.
struct CallChainStep {
  SourcePoint Where;
  std::string Function; // the function this step is in
  std::string Message;  // "calls helper()", "acquires dev->lock"
};

// A textual edit that repairs the finding; the range is half-open.
struct FixIt {
  SourcePoint Begin;
  SourcePoint End;
  std::string Replacement;
};

struct Finding {
  std::string RuleId; // "ctxlint-<name>"
  Severity Level = Severity::Warning;
  SourcePoint Location;
  std::string Function; // enclosing function of the primary location, if any
  std::string Message;
  std::vector<FindingNote> Notes;
  std::vector<CallChainStep> CallChain;
  std::vector<FixIt> FixIts;
  // Text that identifies the finding independently of its line number:
  // rule, function, and the normalized source of the offending line. Used to
  // build stable fingerprints (see Fingerprint.h).
  std::string FingerprintBasis;
};

// A translation unit that could not be analyzed, with the reason.
struct FailedUnit {
  std::string File;
  std::string Message;
};

} // namespace ctxlint
