// The result of analyzing one translation unit, and its exchange format
// between the ctxlint process that runs -j and the worker processes that
// analyze one unit each. Workers are processes, not threads, so that a crash
// or a corruption in one unit (in clang or in ctxlint) cannot touch another.
#pragma once

#include "report/Finding.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace ctxlint {

struct UnitResult {
  std::string File;
  std::vector<Finding> Findings;
  bool Failed = false;
  bool Crashed = false;
  std::string Diagnostics; // clang's errors, printed when the unit failed
};

llvm::Error writeUnitResults(const std::vector<UnitResult> &Results,
                             llvm::StringRef Path);
llvm::Expected<std::vector<UnitResult>> readUnitResults(llvm::StringRef Path);

} // namespace ctxlint
