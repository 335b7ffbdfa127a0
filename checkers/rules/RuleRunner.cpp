#include "rules/RuleRunner.h"
#include "rules/RuleRegistry.h"

namespace ctxlint {

RuleRunner::RuleRunner(const KernelApiModel &Model,
                       const std::vector<std::string> &RuleIds,
                       const RuleOptions &Options)
    : Model(Model) {
  for (const std::string &Id : RuleIds)
    if (const RuleDescriptor *D = findRule(Id))
      Rules.push_back(D->Create(Options));
}

std::vector<Finding>
RuleRunner::run(clang::ASTContext &Ctx,
                std::function<bool(clang::SourceLocation)> IsAnalyzed) const {
  TranslationUnitAnalysis TU(Ctx, Model, std::move(IsAnalyzed));
  std::vector<Finding> Findings;
  for (const auto &R : Rules)
    R->check(TU, Findings);
  sortFindings(Findings);
  return Findings;
}

void sortFindings(std::vector<Finding> &Findings) {
  auto Key = [](const Finding &F) {
    return std::tie(F.Location.File, F.Location.Line, F.Location.Column,
                    F.RuleId, F.Message);
  };
  std::stable_sort(Findings.begin(), Findings.end(),
                   [&](const Finding &A, const Finding &B) { return Key(A) < Key(B); });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [&](const Finding &A, const Finding &B) {
                               return Key(A) == Key(B);
                             }),
                 Findings.end());
}

} // namespace ctxlint
