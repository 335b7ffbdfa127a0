// Stable fingerprints of findings, for SARIF partialFingerprints and for
// baselines built from the JSON report.
//
// A fingerprint says "this is the same problem as last time" across commits.
// It hashes, with SHA-1, the NUL-separated fields
//     rule id, enclosing function, FingerprintBasis, basename of the file
// and nothing else:
//  - never the line or the column, so that adding a line above a finding
//    does not turn it into a "new" alert (and close the old one) in GitHub
//    code scanning or in a baseline;
//  - the basename rather than the path, so that a report made from another
//    checkout directory, a build-dir relative path or a moved directory
//    still matches, while the same function in two drivers does not;
//  - FingerprintBasis (the normalized source of the offending line, chosen by
//    the rule) separates two findings of one rule in one function; when a
//    rule leaves it empty the message stands in for it.
// The NUL separators keep ("ab","c") and ("a","bc") apart. SHA-1 is used as
// a well-spread hash that LLVM already provides, not for security.
// Changing what goes into the hash changes every fingerprint: bump the key
// (FingerprintKey) when doing so.
#pragma once

#include "report/Finding.h"

#include <string>

namespace ctxlint {

// The SARIF partialFingerprints key under which stableFingerprint() goes.
inline constexpr const char *FingerprintKey = "ctxlint/v1";

// 40 lowercase hex digits.
std::string stableFingerprint(const Finding &F);

} // namespace ctxlint
