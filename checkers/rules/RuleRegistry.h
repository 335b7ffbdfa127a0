// The one list of rules. Adding a rule is: a file in checkers/rules/, a line
// in RuleRegistry.cpp, a page in docs/rules/ and a lit test in test/lit/.
#pragma once

#include "rules/Rule.h"

#include "llvm/Support/Error.h"

#include <vector>

namespace ctxlint {

const std::vector<RuleDescriptor> &allRules();
const RuleDescriptor *findRule(llvm::StringRef Id);

// clang-tidy's check glob syntax: "-*,ctxlint-irqf-*". Returns the ids it
// enables, or an error naming a pattern that matches no rule at all.
llvm::Expected<std::vector<std::string>> selectRules(llvm::StringRef Globs);

// Validates "<rule-id>.<Key>" option names against the rules' option lists.
llvm::Error validateRuleOptions(const RuleOptions &Options);

// The doc page of a rule (docs/rules/<name>.md), embedded at build time.
llvm::StringRef ruleDocumentation(llvm::StringRef Id);

} // namespace ctxlint
