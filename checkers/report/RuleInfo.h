// Metadata of one rule, shared by --list-checks, --explain, the clang-tidy
// plugin and SARIF's tool.driver.rules[]. The help text is the rule's page in
// docs/rules/, embedded at build time, so there is one source of truth.
#pragma once

#include "report/Finding.h"

#include <string>

namespace ctxlint {

struct RuleInfo {
  std::string Id;               // "ctxlint-irqf-oneshot"
  Severity DefaultLevel = Severity::Warning;
  std::string ShortDescription; // one line, no trailing period
  std::string FullDescription;  // a paragraph (<= 1024 chars for SARIF)
  std::string HelpMarkdown;     // the doc page, docs/rules/<name>.md
  // How often a finding is a real bug, for SARIF properties.precision
  // ("very-high", "high", "medium", "low"); GitHub sorts and filters by it.
  // Empty means "high".
  std::string Precision;
};

} // namespace ctxlint
