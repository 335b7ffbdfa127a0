// The text report: clang's diagnostic format, so that editors, CI log
// scrapers and humans treat ctxlint like the compiler. Failed units are not
// printed here; the CLI reports them as errors as they happen.
#include "report/ReportOrder.h"
#include "report/ReportWriters.h"

#include "llvm/Support/raw_ostream.h"

namespace ctxlint {

namespace {

// "file:line:col: " as clang prints it; a missing column or line is left
// out, and a point without a file prints nothing (clang's "warning: ...").
void printPoint(const SourcePoint &P, llvm::raw_ostream &OS) {
  if (P.File.empty())
    return;
  OS << P.File << ':';
  if (P.Line != 0) {
    OS << P.Line << ':';
    if (P.Column != 0)
      OS << P.Column << ':';
  }
  OS << ' ';
}

void printLine(const SourcePoint &P, const char *Kind, llvm::StringRef Message,
               llvm::raw_ostream &OS) {
  printPoint(P, OS);
  OS << Kind << ": " << Message;
}

std::string stepMessage(const CallChainStep &Step) {
  if (!Step.Message.empty())
    return Step.Message;
  return Step.Function.empty() ? std::string("called from here")
                               : "in '" + Step.Function + "'";
}

} // namespace

void writeTextReport(const RunReport &Run, llvm::raw_ostream &OS) {
  for (const Finding *F : findingsInReportOrder(Run)) {
    printLine(F->Location, severityName(F->Level), F->Message, OS);
    OS << " [" << F->RuleId << "]\n";
    for (const FindingNote &N : F->Notes) {
      printLine(N.Where, "note", N.Message, OS);
      OS << '\n';
    }
    for (const CallChainStep &Step : F->CallChain) {
      printLine(Step.Where, "note", stepMessage(Step), OS);
      OS << '\n';
    }
  }
}

} // namespace ctxlint
