// The order in which every writer emits a run. Writers sort again rather than
// trust the caller because findings arrive from parallel jobs, and the same
// input must give a byte-identical report.
#pragma once

#include "report/ReportWriters.h"

#include <vector>

namespace ctxlint {

// By file, line, column, rule, then message: the order RunReport promises.
std::vector<const Finding *> findingsInReportOrder(const RunReport &Run);
// By file, then message.
std::vector<const FailedUnit *> failedUnitsInReportOrder(const RunReport &Run);

} // namespace ctxlint
