#include "report/ReportOrder.h"

#include <algorithm>
#include <tuple>

namespace ctxlint {

std::vector<const Finding *> findingsInReportOrder(const RunReport &Run) {
  std::vector<const Finding *> Out;
  Out.reserve(Run.Findings.size());
  for (const Finding &F : Run.Findings)
    Out.push_back(&F);
  std::stable_sort(Out.begin(), Out.end(), [](const Finding *A, const Finding *B) {
    return std::tie(A->Location.File, A->Location.Line, A->Location.Column,
                    A->RuleId, A->Message) <
           std::tie(B->Location.File, B->Location.Line, B->Location.Column,
                    B->RuleId, B->Message);
  });
  return Out;
}

std::vector<const FailedUnit *> failedUnitsInReportOrder(const RunReport &Run) {
  std::vector<const FailedUnit *> Out;
  for (const FailedUnit &U : Run.FailedUnits)
    Out.push_back(&U);
  std::stable_sort(Out.begin(), Out.end(),
                   [](const FailedUnit *A, const FailedUnit *B) {
                     return std::tie(A->File, A->Message) <
                            std::tie(B->File, B->Message);
                   });
  return Out;
}

} // namespace ctxlint
