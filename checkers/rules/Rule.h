// The contract of a rule: metadata (RuleInfo) plus one entry point that reads
// a translation unit's analyses and appends Findings. Rules ask the engine and
// the model; they keep no API name lists of their own.
#pragma once

#include "analysis/TranslationUnitAnalysis.h"
#include "report/Finding.h"
#include "report/RuleInfo.h"

#include "llvm/ADT/StringMap.h"

#include <memory>
#include <vector>

namespace ctxlint {

// Per-rule options, "<rule-id>.<Key>" = value, from --check-option on the
// command line or CheckOptions in .clang-tidy.
class RuleOptions {
public:
  void set(llvm::StringRef Key, llvm::StringRef Value) { Values[Key] = Value.str(); }
  bool getBool(llvm::StringRef RuleId, llvm::StringRef Key, bool Default) const;
  const llvm::StringMap<std::string> &all() const { return Values; }

private:
  llvm::StringMap<std::string> Values;
};

class Rule {
public:
  virtual ~Rule() = default;
  virtual void check(TranslationUnitAnalysis &TU, std::vector<Finding> &Out) = 0;
};

struct RuleDescriptor {
  RuleInfo Info;
  std::unique_ptr<Rule> (*Create)(const RuleOptions &Options);
  std::vector<std::string> OptionNames; // accepted "<Key>" names
};

} // namespace ctxlint
