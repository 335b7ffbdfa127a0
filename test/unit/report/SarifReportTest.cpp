#include "ReportTestSupport.h"
#include "report/Fingerprint.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>

using namespace ctxlint;
using namespace ctxlint::test;
using Json = nlohmann::ordered_json;

namespace {

Json sarifOf(const RunReport &Run) {
  return Json::parse(render(writeSarifReport, Run));
}

const Json &onlyRun(const Json &Log) { return Log.at("runs").at(0); }

Finding findingAt(const char *File, unsigned Line, const char *Rule) {
  Finding F;
  F.RuleId = Rule;
  F.Location = {File, Line, 1};
  F.Function = "f";
  F.Message = "m";
  F.FingerprintBasis = "x;";
  return F;
}

} // namespace

TEST(SarifReport, LogAndDriver) {
  Json Log = sarifOf(sampleRun());
  EXPECT_EQ(Log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(Log["version"], "2.1.0");
  ASSERT_EQ(Log["runs"].size(), 1u);
  const Json &Driver = onlyRun(Log)["tool"]["driver"];
  EXPECT_EQ(Driver["name"], "ctxlint");
  EXPECT_EQ(Driver["version"], "0.1.0");
  EXPECT_EQ(Driver["semanticVersion"], "0.1.0");
  EXPECT_EQ(Driver["informationUri"], "https://github.com/ctxlint/ctxlint");
}

TEST(SarifReport, RuleDescriptors) {
  RunReport Run = sampleRun();
  RuleInfo Oneshot;
  Oneshot.Id = "ctxlint-irqf-oneshot";
  Oneshot.DefaultLevel = Severity::Error;
  Oneshot.ShortDescription = "short";
  Oneshot.FullDescription = std::string(1000, 'a') + " " + std::string(100, 'b');
  Oneshot.Precision = "very-high";
  Run.Rules.push_back(Oneshot);
  Json Rules = onlyRun(sarifOf(Run))["tool"]["driver"]["rules"];
  ASSERT_EQ(Rules.size(), 2u);
  // Sorted by id, so ruleIndex does not depend on registration order.
  const Json &R = Rules[0];
  EXPECT_EQ(R["id"], "ctxlint-irqf-oneshot");
  EXPECT_EQ(R["name"], "IrqfOneshot");
  EXPECT_EQ(R["shortDescription"]["text"], "short");
  EXPECT_EQ(R["fullDescription"]["text"], std::string(1000, 'a') + "...");
  // No help page: help falls back on the (untruncated) full description.
  EXPECT_EQ(R["help"]["text"], Oneshot.FullDescription);
  EXPECT_EQ(R["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(R["properties"]["tags"], Json::array({"concurrency", "linux-kernel"}));
  EXPECT_EQ(R["properties"]["precision"], "very-high");

  const Json &S = Rules[1];
  EXPECT_EQ(S["name"], "SleepInAtomic");
  EXPECT_EQ(S["fullDescription"]["text"], "Sleeping in atomic context can deadlock.");
  EXPECT_EQ(S["help"]["markdown"], "# sleep-in-atomic\n\nUse `mdelay()`.\n");
  EXPECT_EQ(S["help"]["text"], S["help"]["markdown"]);
  EXPECT_EQ(S["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(S["properties"]["precision"], "high");
}

TEST(SarifReport, LongDescriptionWithoutSpacesIsCutOnACharacter) {
  RunReport Run = sampleRun();
  std::string Accents;
  for (int I = 0; I < 600; ++I)
    Accents += "\xC3\xA9"; // 'é', two bytes
  Run.Rules[0].FullDescription = Accents;
  std::string Text =
      onlyRun(sarifOf(Run))["tool"]["driver"]["rules"][0]["fullDescription"]["text"];
  EXPECT_LE(Text.size(), 1024u);
  ASSERT_GE(Text.size(), 3u);
  EXPECT_EQ(Text.substr(Text.size() - 3), "...");
  EXPECT_EQ(Text.substr(0, Text.size() - 3), Accents.substr(0, Text.size() - 3));
  EXPECT_EQ((Text.size() - 3) % 2, 0u) << "cut inside a UTF-8 sequence";
}

TEST(SarifReport, RuleIndexMatchesEvenForUndescribedRules) {
  RunReport Run = sampleRun();
  RuleInfo Balance;
  Balance.Id = "ctxlint-lock-balance";
  Run.Rules.push_back(Balance);
  Run.Findings.push_back(findingAt("/src/linux/a.c", 3, "ctxlint-zzz-unknown"));
  Run.Findings.push_back(findingAt("/src/linux/b.c", 3, "ctxlint-lock-balance"));
  Json R = onlyRun(sarifOf(Run));
  const Json &Rules = R["tool"]["driver"]["rules"];
  ASSERT_EQ(Rules.size(), 3u);
  EXPECT_EQ(Rules[2]["id"], "ctxlint-zzz-unknown");
  EXPECT_FALSE(Rules[2]["fullDescription"]["text"].get<std::string>().empty());
  EXPECT_FALSE(Rules[2]["help"]["text"].get<std::string>().empty());
  ASSERT_EQ(R["results"].size(), 3u);
  for (const Json &Result : R["results"])
    EXPECT_EQ(Rules.at(Result["ruleIndex"].get<size_t>())["id"], Result["ruleId"]);
}

TEST(SarifReport, LocationsRelativeToSourceRoot) {
  RunReport Run = sampleRun();
  Run.Findings.push_back(findingAt("/usr/include/linux/delay.h", 5, "ctxlint-sleep-in-atomic"));
  Run.Findings.push_back(findingAt("../linux/drivers/./gpio/../net/b c.c", 5,
                                   "ctxlint-sleep-in-atomic"));
  Json R = onlyRun(sarifOf(Run));
  EXPECT_EQ(R["originalUriBaseIds"]["SRCROOT"]["uri"], "file:///src/linux/");
  const Json &Results = R["results"];
  ASSERT_EQ(Results.size(), 3u);
  // Sorted by the file name as given: "../linux/..." < "/src/..." < "/usr/...".
  EXPECT_EQ(Results[0]["locations"][0]["physicalLocation"]["artifactLocation"],
            Json({{"uri", "drivers/net/b%20c.c"}, {"uriBaseId", "SRCROOT"}}));
  const Json &Phys = Results[1]["locations"][0]["physicalLocation"];
  EXPECT_EQ(Phys["artifactLocation"],
            Json({{"uri", "drivers/net/foo.c"}, {"uriBaseId", "SRCROOT"}}));
  EXPECT_EQ(Phys["region"], Json({{"startLine", 120}, {"startColumn", 5}}));
  // Outside the root: an absolute URI and no uriBaseId.
  EXPECT_EQ(Results[2]["locations"][0]["physicalLocation"]["artifactLocation"],
            Json({{"uri", "file:///usr/include/linux/delay.h"}}));
}

TEST(SarifReport, SymlinkedSourceRoot) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("ctxlint-sarif", Dir));
  std::string Real = std::string(Dir) + "/real", Link = std::string(Dir) + "/link";
  ASSERT_FALSE(llvm::sys::fs::create_directories(Real + "/drivers"));
  ASSERT_FALSE(llvm::sys::fs::create_link(Real, Link));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Real + "/drivers/a.c", EC);
    ASSERT_FALSE(EC);
  }
  RunReport Run = sampleRun();
  Run.SourceRoot = Link;
  Run.WorkingDirectory = Link;
  Run.Findings = {findingAt("drivers/a.c", 1, "ctxlint-sleep-in-atomic")};
  Run.Findings[0].Location.File = Real + "/drivers/a.c";
  Json R = onlyRun(sarifOf(Run));
  llvm::SmallString<128> RealRoot;
  ASSERT_FALSE(llvm::sys::fs::real_path(Real, RealRoot));
  EXPECT_EQ(R["originalUriBaseIds"]["SRCROOT"]["uri"],
            "file://" + std::string(RealRoot) + "/");
  EXPECT_EQ(R["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"],
            Json({{"uri", "drivers/a.c"}, {"uriBaseId", "SRCROOT"}}));
  llvm::sys::fs::remove_directories(Dir);
}

TEST(SarifReport, ResultFields) {
  Json Result = onlyRun(sarifOf(sampleRun()))["results"][0];
  EXPECT_EQ(Result["ruleId"], "ctxlint-sleep-in-atomic");
  EXPECT_EQ(Result["ruleIndex"], 0);
  EXPECT_EQ(Result["level"], "warning");
  EXPECT_EQ(Result["message"]["text"], "msleep() may sleep while 'foo->lock' is held");
  EXPECT_EQ(Result["locations"][0]["logicalLocations"],
            Json::parse(R"([{"name":"foo_irq","fullyQualifiedName":"foo_irq",
                             "kind":"function"}])"));
  EXPECT_EQ(Result["partialFingerprints"],
            Json({{"ctxlint/v1", stableFingerprint(sleepFinding())}}));
  EXPECT_EQ(Result["relatedLocations"], Json::parse(R"([{"id":1,
      "physicalLocation":{"artifactLocation":{"uri":"drivers/net/foo.c",
      "uriBaseId":"SRCROOT"},"region":{"startLine":112,"startColumn":3}},
      "message":{"text":"'foo->lock' acquired here"}}])"));
  EXPECT_EQ(Result["fixes"], Json::parse(R"([{"artifactChanges":[{
      "artifactLocation":{"uri":"drivers/net/foo.c","uriBaseId":"SRCROOT"},
      "replacements":[{"deletedRegion":{"startLine":120,"startColumn":5,
      "endLine":120,"endColumn":11},"insertedContent":{"text":"mdelay"}}]}]}])"));
}

TEST(SarifReport, LevelsAndOptionalParts) {
  RunReport Run = sampleRun();
  Finding Plain = findingAt("/src/linux/z.c", 9, "ctxlint-sleep-in-atomic");
  Plain.Level = Severity::Error;
  Plain.Function.clear();
  Run.Findings.push_back(Plain);
  Json Result = onlyRun(sarifOf(Run))["results"][1];
  EXPECT_EQ(Result["level"], "error");
  EXPECT_FALSE(Result["locations"][0].contains("logicalLocations"));
  EXPECT_FALSE(Result.contains("relatedLocations"));
  EXPECT_FALSE(Result.contains("codeFlows"));
  EXPECT_FALSE(Result.contains("fixes"));
}

TEST(SarifReport, FindingWithoutALocationStaysSchemaValid) {
  RunReport Run = sampleRun();
  Run.Findings[0].Location = {};
  Run.Findings[0].Function.clear();
  Run.Findings[0].CallChain[0].Where = {};
  Json Result = onlyRun(sarifOf(Run))["results"][0];
  EXPECT_EQ(Result["locations"], Json::array({Json::object()}));
  Json Root = Result["codeFlows"][0]["threadFlows"][0]["locations"][0]["location"];
  EXPECT_FALSE(Root.contains("physicalLocation"));
  EXPECT_EQ(Root["message"]["text"], "foo_irq() is an interrupt handler");
}

TEST(SarifReport, CodeFlowFollowsTheCallChain) {
  RunReport Run = sampleRun();
  Json Result = onlyRun(sarifOf(Run))["results"][0];
  ASSERT_EQ(Result["codeFlows"].size(), 1u);
  ASSERT_EQ(Result["codeFlows"][0]["threadFlows"].size(), 1u);
  const Json &Steps = Result["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_EQ(Steps.size(), 3u);
  const char *Messages[] = {"foo_irq() is an interrupt handler",
                            "acquires foo->lock", "calls foo_reset()"};
  const char *Kinds[] = {"enter", "acquire", "call"};
  const unsigned Lines[] = {100, 112, 118};
  for (size_t I = 0; I < 3; ++I) {
    SCOPED_TRACE(I);
    EXPECT_EQ(Steps[I]["location"]["message"]["text"], Messages[I]);
    EXPECT_EQ(Steps[I]["location"]["physicalLocation"]["region"]["startLine"],
              Lines[I]);
    EXPECT_EQ(Steps[I]["location"]["logicalLocations"][0]["name"], "foo_irq");
    EXPECT_EQ(Steps[I]["nestingLevel"], I);
    EXPECT_EQ(Steps[I]["executionOrder"], I + 1);
    EXPECT_EQ(Steps[I]["kinds"], Json::array({Kinds[I]}));
  }
}

TEST(SarifReport, AcquisitionWordingIsRecognized) {
  RunReport Run = sampleRun();
  Run.Findings[0].CallChain = {
      {{"/src/linux/a.c", 1, 1}, "f", "spin_lock(&d->lock) takes d->lock"},
      {{"/src/linux/a.c", 2, 1}, "f", "lock taken here"},
      {{"/src/linux/a.c", 3, 1}, "f", "calls g() which unlocks and takes nothing"},
      {{"/src/linux/a.c", 4, 1}, "g", "Acquired mutex m"}};
  Json Steps =
      onlyRun(sarifOf(Run))["results"][0]["codeFlows"][0]["threadFlows"][0]["locations"];
  EXPECT_EQ(Steps[0]["kinds"], Json::array({"acquire"}));
  EXPECT_EQ(Steps[1]["kinds"], Json::array({"acquire"}));
  EXPECT_EQ(Steps[2]["kinds"], Json::array({"call"}));
  EXPECT_EQ(Steps[3]["kinds"], Json::array({"acquire"}));
}

TEST(SarifReport, RepeatedFingerprintsAreNumbered) {
  RunReport Run = sampleRun();
  Run.Findings = {findingAt("/src/linux/a.c", 30, "ctxlint-sleep-in-atomic"),
                  findingAt("/src/linux/a.c", 10, "ctxlint-sleep-in-atomic")};
  Json Results = onlyRun(sarifOf(Run))["results"];
  std::string Print = stableFingerprint(Run.Findings[0]);
  EXPECT_EQ(Results[0]["partialFingerprints"]["ctxlint/v1"], Print);
  EXPECT_EQ(Results[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 10);
  EXPECT_EQ(Results[1]["partialFingerprints"]["ctxlint/v1"], Print + ":2");
}

TEST(SarifReport, InvocationWithoutFailures) {
  Json Inv = onlyRun(sarifOf(sampleRun()))["invocations"];
  ASSERT_EQ(Inv.size(), 1u);
  EXPECT_EQ(Inv[0]["executionSuccessful"], true);
  EXPECT_EQ(Inv[0]["workingDirectory"]["uri"], "file:///src/linux/");
  EXPECT_FALSE(Inv[0].contains("toolExecutionNotifications"));
}

TEST(SarifReport, FailedUnitsBecomeErrorNotifications) {
  RunReport Run = sampleRun();
  Run.FailedUnits = {{"/opt/x.c", "cannot read"},
                     {"drivers/broken.c", "error: unknown type name 'u33'"}};
  Json Inv = onlyRun(sarifOf(Run))["invocations"][0];
  EXPECT_EQ(Inv["executionSuccessful"], false);
  EXPECT_EQ(Inv["toolExecutionNotifications"], Json::parse(R"([
    {"level":"error","message":{"text":"cannot read"},
     "locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///opt/x.c"}}}]},
    {"level":"error","message":{"text":"error: unknown type name 'u33'"},
     "locations":[{"physicalLocation":{"artifactLocation":{
       "uri":"drivers/broken.c","uriBaseId":"SRCROOT"}}}]}])"));
}

TEST(SarifReport, EmptyRunStillHasResultsArray) {
  RunReport Run;
  Run.ToolVersion = "0.1.0";
  Json R = onlyRun(sarifOf(Run));
  EXPECT_TRUE(R["results"].is_array() && R["results"].empty());
  EXPECT_TRUE(R["tool"]["driver"]["rules"].is_array());
  EXPECT_FALSE(R.contains("originalUriBaseIds"));
}

TEST(SarifReport, ByteIdenticalWhateverTheInputOrder) {
  RunReport Run = sampleRun();
  RuleInfo Other;
  Other.Id = "ctxlint-double-lock";
  Run.Rules.push_back(Other);
  Run.Findings.push_back(findingAt("/src/linux/a.c", 3, "ctxlint-double-lock"));
  Run.Findings.push_back(findingAt("/src/linux/a.c", 3, "ctxlint-sleep-in-atomic"));
  Run.FailedUnits = {{"z.c", "1"}, {"a.c", "2"}};
  std::string First = render(writeSarifReport, Run);
  EXPECT_EQ(First, render(writeSarifReport, Run));
  std::reverse(Run.Rules.begin(), Run.Rules.end());
  std::reverse(Run.Findings.begin(), Run.Findings.end());
  std::reverse(Run.FailedUnits.begin(), Run.FailedUnits.end());
  EXPECT_EQ(First, render(writeSarifReport, Run));
}
