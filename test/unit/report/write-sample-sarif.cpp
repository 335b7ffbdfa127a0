// Writes a SARIF report that uses every feature of the SARIF writer (notes,
// call chains, fix-its, a failed unit, files inside and outside the source
// root, odd characters, an over-long description) so that
// validate-sarif.sh can check the writer against sarif-multitool's SARIF
// and GitHub rules. Usage: write-sample-sarif <out.sarif>
//
// Validator rules each part is here to exercise (full list: docs/sarif.md):
//  - "../" and "./" in paths, a space and non-ASCII text: SARIF1002 (valid
//    URIs, no '..' in file URIs), SARIF1004 (uriBaseId only on relative
//    references; SRCROOT absolute and '/'-terminated);
//  - a header outside the root: GH1005/GH1006 (absolute file URI, with
//    invocations[0].workingDirectory);
//  - a rule with only an id, and a finding of an undescribed rule: GH2012
//    (descriptions and help always present), SARIF1009 (ruleIndex in range),
//    SARIF2004 (no id-only rules);
//  - a 1,200-character description: GitHub's 1024 limit;
//  - call chains, notes, fix-its, failed units: the JSON schema (JSON1xxx)
//    for codeFlows, relatedLocations, fixes, toolExecutionNotifications,
//    and GH1002 (inline thread flow locations).
#include "report/ReportWriters.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

using namespace ctxlint;

static RunReport sampleRun() {
  RunReport Run;
  Run.ToolVersion = "0.1.0";
  // Paths that need not exist: the writer falls back to lexical
  // normalization, so the sample is the same on every machine.
  Run.SourceRoot = "/ctxlint-sample/linux";
  Run.WorkingDirectory = "/ctxlint-sample/linux/build";

  RuleInfo Sleep;
  Sleep.Id = "ctxlint-sleep-in-atomic";
  Sleep.ShortDescription = "A function that may sleep is called in atomic context";
  Sleep.FullDescription = std::string(300, 'x') + " " +
                          "Sleeping while holding a spinlock or in an "
                          "interrupt handler can deadlock the CPU. " +
                          std::string(900, 'y'); // > 1024: truncated
  Sleep.HelpMarkdown = "# ctxlint-sleep-in-atomic\n\nDo not call `msleep()` "
                       "under `spin_lock()`.\n";
  Sleep.Precision = "medium";
  RuleInfo Oneshot;
  Oneshot.Id = "ctxlint-irqf-oneshot";
  Oneshot.DefaultLevel = Severity::Error;
  Oneshot.ShortDescription = "Threaded IRQ without a primary handler needs IRQF_ONESHOT";
  Oneshot.FullDescription = Oneshot.ShortDescription + ".";
  Oneshot.HelpMarkdown = "Pass `IRQF_ONESHOT`.";
  RuleInfo Balance; // enabled, no findings, only an id: still valid
  Balance.Id = "ctxlint-lock-balance";
  Run.Rules = {Sleep, Oneshot, Balance};

  Finding S;
  S.RuleId = Sleep.Id;
  S.Level = Severity::Warning;
  S.Location = {"/ctxlint-sample/linux/drivers/net/foo.c", 120, 5};
  S.Function = "foo_irq";
  S.Message = "msleep() may sleep while 'foo->lock' is held";
  S.Notes = {{{"../drivers/net/foo.c", 112, 3}, "'foo->lock' acquired here"},
             {{"/usr/include/linux/delay.h", 61, 6}, "msleep() declared here"}};
  S.CallChain = {
      {{"/ctxlint-sample/linux/drivers/net/foo.c", 100, 1}, "foo_irq",
       "foo_irq() is an interrupt handler"},
      {{"/ctxlint-sample/linux/drivers/net/foo.c", 112, 3}, "foo_irq",
       "acquires foo->lock"},
      {{"/ctxlint-sample/linux/drivers/net/foo.c", 118, 3}, "foo_irq",
       "calls foo_reset()"},
      {{"/ctxlint-sample/linux/./drivers/net/foo_hw.c", 40, 2}, "foo_reset",
       "calls msleep()"}};
  S.FingerprintBasis = "msleep(10);";

  Finding O;
  O.RuleId = Oneshot.Id;
  O.Level = Severity::Error;
  O.Location = {"/ctxlint-sample/linux/drivers/gpio/gpio bar.c", 77, 8};
  O.Function = "bar_probe";
  O.Message = "threaded IRQ requested with handler=NULL and without IRQF_ONESHOT — «bar»";
  O.FixIts = {{{"/ctxlint-sample/linux/drivers/gpio/gpio bar.c", 78, 30},
               {"/ctxlint-sample/linux/drivers/gpio/gpio bar.c", 78, 30},
               " | IRQF_ONESHOT"},
              {{"/ctxlint-sample/linux/drivers/gpio/gpio bar.c", 79, 3},
               {"/ctxlint-sample/linux/drivers/gpio/gpio bar.c", 79, 10},
               ""}};
  O.FingerprintBasis = "ret = request_threaded_irq(irq, NULL, bar_thread, 0, \"bar\", bar);";

  // A finding in a header outside the source root, from a rule that the
  // run did not describe, twice with the same fingerprint.
  Finding H;
  H.RuleId = "ctxlint-double-lock";
  H.Location = {"/opt/vendor/include/hw.h", 9, 1};
  H.Function = "hw_lock";
  H.Message = "'hw->lock' acquired twice";
  H.FingerprintBasis = "spin_lock(&hw->lock);";
  Finding H2 = H;
  H2.Location.Line = 12;

  Run.Findings = {S, O, H, H2};
  Run.FailedUnits = {{"drivers/net/broken.c", "error: unknown type name 'u33'"},
                     {"/elsewhere/x.c", "cannot read file"}};
  return Run;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    llvm::errs() << "usage: write-sample-sarif <out.sarif>\n";
    return 2;
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(argv[1], EC, llvm::sys::fs::OF_None);
  if (EC) {
    llvm::errs() << "write-sample-sarif: " << argv[1] << ": " << EC.message()
                 << "\n";
    return 1;
  }
  writeSarifReport(sampleRun(), OS);
  OS.close();
  return OS.has_error() ? 1 : 0;
}
