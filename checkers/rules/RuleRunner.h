// The single entry point both front ends use: run a set of rules over one
// parsed translation unit and return their findings in a stable order.
#pragma once

#include "model/KernelApiModel.h"
#include "rules/Rule.h"

#include "clang/AST/ASTContext.h"

#include <functional>
#include <string>
#include <vector>

namespace ctxlint {

class RuleRunner {
public:
  RuleRunner(const KernelApiModel &Model, const std::vector<std::string> &RuleIds,
             const RuleOptions &Options);

  std::vector<Finding>
  run(clang::ASTContext &Ctx,
      std::function<bool(clang::SourceLocation)> IsAnalyzed = {}) const;

private:
  const KernelApiModel &Model;
  std::vector<std::unique_ptr<Rule>> Rules;
};

// Sorts by file, line, column, rule and drops exact duplicates.
void sortFindings(std::vector<Finding> &Findings);

} // namespace ctxlint
