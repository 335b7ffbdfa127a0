// Helpers shared by the report unit tests: render a run to a string, and a
// small run with every kind of finding part.
#pragma once

#include "report/ReportWriters.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace ctxlint::test {

using Writer = void (*)(const RunReport &, llvm::raw_ostream &);

inline std::string render(Writer W, const RunReport &Run) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  W(Run, OS);
  OS.flush();
  return Out;
}

inline RuleInfo sleepRule() {
  RuleInfo R;
  R.Id = "ctxlint-sleep-in-atomic";
  R.ShortDescription = "A function that may sleep is called in atomic context";
  R.FullDescription = "Sleeping in atomic context can deadlock.";
  R.HelpMarkdown = "# sleep-in-atomic\n\nUse `mdelay()`.\n";
  return R;
}

// Under the source root /src/linux (which does not exist: paths are then
// normalized lexically, the same on every machine).
inline Finding sleepFinding() {
  Finding F;
  F.RuleId = "ctxlint-sleep-in-atomic";
  F.Level = Severity::Warning;
  F.Location = {"/src/linux/drivers/net/foo.c", 120, 5};
  F.Function = "foo_irq";
  F.Message = "msleep() may sleep while 'foo->lock' is held";
  F.Notes = {{{"/src/linux/drivers/net/foo.c", 112, 3},
              "'foo->lock' acquired here"}};
  F.CallChain = {{{"/src/linux/drivers/net/foo.c", 100, 1}, "foo_irq",
                  "foo_irq() is an interrupt handler"},
                 {{"/src/linux/drivers/net/foo.c", 112, 3}, "foo_irq",
                  "acquires foo->lock"},
                 {{"/src/linux/drivers/net/foo.c", 118, 3}, "foo_irq",
                  "calls foo_reset()"}};
  F.FixIts = {{{"/src/linux/drivers/net/foo.c", 120, 5},
               {"/src/linux/drivers/net/foo.c", 120, 11},
               "mdelay"}};
  F.FingerprintBasis = "msleep(10);";
  return F;
}

inline RunReport sampleRun() {
  RunReport Run;
  Run.ToolVersion = "0.1.0";
  Run.SourceRoot = "/src/linux";
  Run.WorkingDirectory = "/src/linux";
  Run.Rules = {sleepRule()};
  Run.Findings = {sleepFinding()};
  return Run;
}

} // namespace ctxlint::test
