#include "ReportTestSupport.h"

#include <gtest/gtest.h>

using namespace ctxlint;
using namespace ctxlint::test;

TEST(TextReport, ClangFormatWithNotesThenCallChain) {
  RunReport Run = sampleRun();
  EXPECT_EQ(render(writeTextReport, Run),
            "/src/linux/drivers/net/foo.c:120:5: warning: msleep() may sleep "
            "while 'foo->lock' is held [ctxlint-sleep-in-atomic]\n"
            "/src/linux/drivers/net/foo.c:112:3: note: 'foo->lock' acquired "
            "here\n"
            "/src/linux/drivers/net/foo.c:100:1: note: foo_irq() is an "
            "interrupt handler\n"
            "/src/linux/drivers/net/foo.c:112:3: note: acquires foo->lock\n"
            "/src/linux/drivers/net/foo.c:118:3: note: calls foo_reset()\n");
}

TEST(TextReport, PathsArePrintedAsGiven) {
  RunReport Run = sampleRun();
  Finding F;
  F.RuleId = "ctxlint-double-lock";
  F.Level = Severity::Error;
  F.Location = {"../drivers/./x.c", 3, 9};
  F.Message = "second acquisition";
  Run.Findings = {F};
  EXPECT_EQ(render(writeTextReport, Run),
            "../drivers/./x.c:3:9: error: second acquisition "
            "[ctxlint-double-lock]\n");
}

TEST(TextReport, MissingColumnAndMissingFileFollowClang) {
  RunReport Run;
  Finding NoColumn;
  NoColumn.RuleId = "ctxlint-a";
  NoColumn.Level = Severity::Note;
  NoColumn.Location = {"a.c", 7, 0};
  NoColumn.Message = "m";
  Finding NoFile;
  NoFile.RuleId = "ctxlint-b";
  NoFile.Message = "n";
  Run.Findings = {NoColumn, NoFile};
  EXPECT_EQ(render(writeTextReport, Run),
            "warning: n [ctxlint-b]\n"
            "a.c:7: note: m [ctxlint-a]\n");
}

TEST(TextReport, SortedByFileLineColumnRule) {
  RunReport Run;
  auto Make = [](const char *File, unsigned Line, unsigned Col,
                 const char *Rule) {
    Finding F;
    F.RuleId = Rule;
    F.Location = {File, Line, Col};
    F.Message = "m";
    return F;
  };
  Run.Findings = {Make("b.c", 1, 1, "ctxlint-a"), Make("a.c", 10, 1, "ctxlint-a"),
                  Make("a.c", 2, 4, "ctxlint-b"), Make("a.c", 2, 4, "ctxlint-a"),
                  Make("a.c", 2, 3, "ctxlint-z")};
  EXPECT_EQ(render(writeTextReport, Run),
            "a.c:2:3: warning: m [ctxlint-z]\n"
            "a.c:2:4: warning: m [ctxlint-a]\n"
            "a.c:2:4: warning: m [ctxlint-b]\n"
            "a.c:10:1: warning: m [ctxlint-a]\n"
            "b.c:1:1: warning: m [ctxlint-a]\n");
}

TEST(TextReport, FailedUnitsAreLeftToTheCli) {
  RunReport Run;
  Run.FailedUnits = {{"broken.c", "error: unknown type name"}};
  EXPECT_EQ(render(writeTextReport, Run), "");
}

TEST(TextReport, ChainStepWithoutMessageNamesItsFunction) {
  RunReport Run = sampleRun();
  Run.Findings[0].Notes.clear();
  Run.Findings[0].CallChain = {{{"f.c", 4, 2}, "helper", ""}};
  std::string Out = render(writeTextReport, Run);
  EXPECT_NE(Out.find("\nf.c:4:2: note: in 'helper'\n"), std::string::npos)
      << Out;
}

TEST(Severity, Names) {
  EXPECT_STREQ(severityName(Severity::Note), "note");
  EXPECT_STREQ(severityName(Severity::Warning), "warning");
  EXPECT_STREQ(severityName(Severity::Error), "error");
}
