// Makes a compile command from a real kernel build acceptable to Clang 19.
// Commands from `make LLVM=1` pass almost untouched; commands from a gcc build
// carry gcc-only options (-mindirect-branch=..., -fconserve-stack, gcc plugin
// loading) that clang rejects or, worse, acts on. Options clang's driver does
// not know are dropped, a short list of options it knows but must not act on
// is dropped too, and each dropped flag is recorded for --verbose.
#pragma once

#include "clang/Tooling/ArgumentsAdjusters.h"

#include <mutex>
#include <set>
#include <string>

namespace ctxlint {

class CompileCommandFilter {
public:
  clang::tooling::ArgumentsAdjuster adjuster();
  // Every flag dropped so far, for --verbose.
  std::set<std::string> droppedFlags() const;

private:
  mutable std::mutex Mutex;
  std::set<std::string> Dropped;
};

} // namespace ctxlint
