#include "ReportTestSupport.h"
#include "report/Fingerprint.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>

using namespace ctxlint;
using namespace ctxlint::test;
using Json = nlohmann::ordered_json;

namespace {

Json jsonOf(const RunReport &Run) {
  return Json::parse(render(writeJsonReport, Run));
}

std::vector<std::string> keysOf(const Json &Obj) {
  std::vector<std::string> Keys;
  for (auto &[Key, Value] : Obj.items())
    Keys.push_back(Key);
  return Keys;
}

using Keys = std::vector<std::string>;

} // namespace

TEST(JsonReport, TopLevelFieldsOfSchemaVersion1) {
  RunReport Run = sampleRun();
  Run.FailedUnits = {{"/src/linux/drivers/broken.c", "parse error"}};
  Json J = jsonOf(Run);
  EXPECT_EQ(keysOf(J), (Keys{"schemaVersion", "tool", "toolVersion", "sourceRoot",
                             "findings", "failedTranslationUnits"}));
  EXPECT_EQ(J["schemaVersion"], 1);
  EXPECT_EQ(J["tool"], "ctxlint");
  EXPECT_EQ(J["toolVersion"], "0.1.0");
  EXPECT_EQ(J["sourceRoot"], "/src/linux/");
  ASSERT_EQ(J["failedTranslationUnits"].size(), 1u);
  EXPECT_EQ(J["failedTranslationUnits"][0],
            Json({{"file", "drivers/broken.c"}, {"message", "parse error"}}));
}

TEST(JsonReport, FindingFields) {
  RunReport Run = sampleRun();
  Json F = jsonOf(Run)["findings"].at(0);
  EXPECT_EQ(keysOf(F), (Keys{"ruleId", "severity", "file", "line", "column",
                             "function", "message", "notes", "callChain",
                             "fixIts", "fingerprint"}));
  EXPECT_EQ(F["ruleId"], "ctxlint-sleep-in-atomic");
  EXPECT_EQ(F["severity"], "warning");
  EXPECT_EQ(F["file"], "drivers/net/foo.c");
  EXPECT_EQ(F["line"], 120);
  EXPECT_EQ(F["column"], 5);
  EXPECT_EQ(F["function"], "foo_irq");
  EXPECT_EQ(F["message"], "msleep() may sleep while 'foo->lock' is held");
  EXPECT_EQ(F["notes"], Json::parse(R"([{"file":"drivers/net/foo.c","line":112,
      "column":3,"message":"'foo->lock' acquired here"}])"));
  ASSERT_EQ(F["callChain"].size(), 3u);
  EXPECT_EQ(F["callChain"][1], Json::parse(R"({"file":"drivers/net/foo.c",
      "line":112,"column":3,"function":"foo_irq",
      "message":"acquires foo->lock"})"));
  EXPECT_EQ(F["callChain"][2]["message"], "calls foo_reset()");
  EXPECT_EQ(F["fixIts"], Json::parse(R"([{"file":"drivers/net/foo.c",
      "line":120,"column":5,"endLine":120,"endColumn":11,
      "replacement":"mdelay"}])"));
  EXPECT_EQ(F["fingerprint"], stableFingerprint(sleepFinding()));
}

TEST(JsonReport, EmptyRunHasEmptyArrays) {
  RunReport Run;
  Run.ToolVersion = "0.1.0";
  Json J = jsonOf(Run);
  EXPECT_EQ(keysOf(J), (Keys{"schemaVersion", "tool", "toolVersion", "findings",
                             "failedTranslationUnits"}));
  EXPECT_TRUE(J["findings"].is_array() && J["findings"].empty());
  EXPECT_TRUE(J["failedTranslationUnits"].is_array() &&
              J["failedTranslationUnits"].empty());
}

TEST(JsonReport, PathsOutsideTheRootAreAbsoluteAndNormalized) {
  RunReport Run = sampleRun();
  Run.Findings[0].Location.File = "/usr/include/../include/linux/delay.h";
  Run.Findings[0].Notes[0].Where.File = "../other/x.c"; // from /src/linux
  Json F = jsonOf(Run)["findings"][0];
  EXPECT_EQ(F["file"], "/usr/include/linux/delay.h");
  EXPECT_EQ(F["notes"][0]["file"], "/src/other/x.c");
}

TEST(JsonReport, SeverityAndEmptyFunction) {
  RunReport Run = sampleRun();
  Run.Findings[0].Level = Severity::Error;
  Run.Findings[0].Function.clear();
  Json F = jsonOf(Run)["findings"][0];
  EXPECT_EQ(F["severity"], "error");
  EXPECT_EQ(F["function"], "");
}

TEST(JsonReport, InvalidUtf8IsReplacedNotThrown) {
  RunReport Run = sampleRun();
  Run.Findings[0].Message = "bad byte \xE9 here";
  std::string Out;
  ASSERT_NO_THROW(Out = render(writeJsonReport, Run));
  EXPECT_EQ(jsonOf(Run)["findings"][0]["message"], "bad byte \xEF\xBF\xBD here");
}

TEST(JsonReport, DeterministicWhateverTheInputOrder) {
  RunReport Run = sampleRun();
  Finding Other = sleepFinding();
  Other.Location.Line = 7;
  Finding Third = sleepFinding();
  Third.Location.File = "/src/linux/a.c";
  Run.Findings = {Other, sleepFinding(), Third};
  Run.FailedUnits = {{"z.c", "1"}, {"a.c", "2"}};
  std::string First = render(writeJsonReport, Run);
  EXPECT_EQ(First, render(writeJsonReport, Run));
  std::reverse(Run.Findings.begin(), Run.Findings.end());
  std::reverse(Run.FailedUnits.begin(), Run.FailedUnits.end());
  EXPECT_EQ(First, render(writeJsonReport, Run));
  Json J = Json::parse(First);
  EXPECT_EQ(J["findings"][0]["file"], "a.c");
  EXPECT_EQ(J["findings"][1]["line"], 7);
  EXPECT_EQ(J["failedTranslationUnits"][0]["file"], "a.c");
}
