// The SARIF 2.1.0 report, shaped for GitHub code scanning (docs/sarif.md)
// and checked by `sarif-multitool validate` with the SARIF and GitHub rule
// sets (test/unit/report/validate-sarif.sh). Choices the validator or GitHub
// forced are noted where they are made.
#include "report/Fingerprint.h"
#include "report/ReportOrder.h"
#include "report/ReportPaths.h"
#include "report/ReportWriters.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace ctxlint {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char *SarifSchemaUri =
    "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char *ToolInformationUri = "https://github.com/ctxlint/ctxlint";
constexpr const char *SourceRootBaseId = "SRCROOT";
// GitHub rejects longer shortDescription / fullDescription texts.
constexpr size_t MaxDescriptionBytes = 1024;

// "ctxlint-irqf-oneshot" -> "IrqfOneshot": the Pascal-case friendly name
// SARIF2012 asks for, and the name of the rule's source file.
std::string ruleFriendlyName(llvm::StringRef Id) {
  Id.consume_front("ctxlint-");
  std::string Name;
  bool StartOfWord = true;
  for (char C : Id) {
    if (!llvm::isAlnum(C)) {
      StartOfWord = true;
      continue;
    }
    Name += StartOfWord ? llvm::toUpper(C) : C;
    StartOfWord = false;
  }
  if (Name.empty() || llvm::isDigit(Name.front()))
    Name = "Rule" + Name;
  return Name;
}

// Cuts at the last space that leaves room for "...", never inside a UTF-8
// sequence; counting bytes is safe because GitHub's limit is in characters.
std::string truncateDescription(const std::string &Text) {
  if (Text.size() <= MaxDescriptionBytes)
    return Text;
  const llvm::StringRef Ellipsis = "...";
  size_t Cut = MaxDescriptionBytes - Ellipsis.size();
  size_t Space = Text.rfind(' ', Cut);
  if (Space != std::string::npos && Space > Cut / 2)
    Cut = Space;
  else
    while (Cut > 0 && (static_cast<unsigned char>(Text[Cut]) & 0xC0) == 0x80)
      --Cut; // Text[Cut] is a continuation byte: back up to a lead byte
  std::string Out = llvm::StringRef(Text).take_front(Cut).rtrim().str();
  return Out + Ellipsis.str();
}

std::string orDefault(const std::string &S, const std::string &Fallback) {
  return S.empty() ? Fallback : S;
}

bool mentionsAcquisition(llvm::StringRef Message) {
  std::string Lower = Message.lower();
  llvm::StringRef L(Lower);
  if (L.contains("acquir"))
    return true;
  // "takes dev->lock", "lock taken here", "locks dev->lock"; not "unlocks".
  bool AboutLock = L.contains("lock") && !L.contains("unlock");
  return AboutLock && (L.contains("take") || L.contains("taken") ||
                       L.starts_with("locks ") || L.contains(" locks "));
}

// SARIF threadFlowLocation.kinds (spec 3.38.8): the root of the chain is
// where the context is entered, a lock acquisition is "acquire", and every
// later step is a call.
Json threadFlowKinds(size_t Index, llvm::StringRef Message) {
  Json Kinds = Json::array();
  if (mentionsAcquisition(Message))
    Kinds.push_back("acquire");
  else
    Kinds.push_back(Index == 0 ? "enter" : "call");
  return Kinds;
}

class SarifReportBuilder {
public:
  explicit SarifReportBuilder(const RunReport &Run)
      : Run(Run), Paths(Run.WorkingDirectory, Run.SourceRoot),
        Findings(findingsInReportOrder(Run)) {
    collectRules();
  }

  Json build() {
    Json Log;
    Log["$schema"] = SarifSchemaUri;
    Log["version"] = "2.1.0";
    Json RunJ;
    RunJ["tool"] = tool();
    RunJ["invocations"] = Json::array({invocation()});
    if (!Paths.rootDirectory().empty())
      RunJ["originalUriBaseIds"][SourceRootBaseId] = {
          {"uri", fileUriFromAbsolutePath(Paths.rootDirectory())}};
    // GitHub requires the array even when empty (GH1014).
    Json Results = Json::array();
    std::map<std::string, unsigned> FingerprintUses;
    for (const Finding *F : Findings)
      Results.push_back(result(*F, FingerprintUses));
    RunJ["results"] = std::move(Results);
    Log["runs"] = Json::array({std::move(RunJ)});
    return Log;
  }

private:
  // Enabled rules sorted by id, then any rule that produced a finding but
  // was not described (so every result has a valid ruleIndex, SARIF1009).
  void collectRules() {
    std::map<std::string, const RuleInfo *> ById;
    for (const RuleInfo &R : Run.Rules)
      ById.emplace(R.Id, &R);
    std::set<std::string> Undescribed;
    for (const Finding *F : Findings)
      if (!ById.count(F->RuleId))
        Undescribed.insert(F->RuleId);
    for (auto &[Id, Info] : ById) {
      RuleIndex[Id] = Rules.size();
      Rules.push_back(*Info);
    }
    for (const std::string &Id : Undescribed) {
      RuleIndex[Id] = Rules.size();
      RuleInfo R;
      R.Id = Id;
      Rules.push_back(R);
    }
  }

  Json tool() const {
    Json Driver;
    Driver["name"] = "ctxlint";
    // SARIF2005 wants a version that starts with a digit.
    std::string Version = orDefault(Run.ToolVersion, "0.0.0");
    Driver["version"] = Version;
    Driver["semanticVersion"] = Version;
    Driver["informationUri"] = ToolInformationUri;
    Json RulesJ = Json::array();
    for (const RuleInfo &R : Rules)
      RulesJ.push_back(rule(R));
    Driver["rules"] = std::move(RulesJ);
    return {{"driver", std::move(Driver)}};
  }

  // GitHub requires shortDescription, fullDescription and help.text
  // (GH2012); each falls back on the one before so none is ever empty.
  static Json rule(const RuleInfo &R) {
    std::string Short = orDefault(R.ShortDescription, "ctxlint rule " + R.Id);
    std::string Full = orDefault(R.FullDescription, Short);
    std::string Help = orDefault(R.HelpMarkdown, Full);
    Json J;
    J["id"] = R.Id;
    J["name"] = ruleFriendlyName(R.Id);
    J["shortDescription"] = {{"text", truncateDescription(Short)}};
    J["fullDescription"] = {{"text", truncateDescription(Full)}};
    // The markdown is readable as it is; GitHub shows help.markdown and
    // falls back on help.text.
    J["help"] = {{"text", Help}, {"markdown", Help}};
    J["defaultConfiguration"] = {{"level", severityName(R.DefaultLevel)}};
    J["properties"] = {{"tags", Json::array({"concurrency", "linux-kernel"})},
                       {"precision", orDefault(R.Precision, "high")}};
    return J;
  }

  Json invocation() const {
    Json Inv;
    Inv["executionSuccessful"] = Run.FailedUnits.empty();
    if (!Run.WorkingDirectory.empty()) {
      std::string Dir = Paths.absolute(Run.WorkingDirectory);
      if (Dir.back() != '/')
        Dir += '/';
      // GitHub relativizes absolute result URIs against this (GH1006).
      Inv["workingDirectory"] = {{"uri", fileUriFromAbsolutePath(Dir)}};
    }
    Json Notes = Json::array();
    for (const FailedUnit *U : failedUnitsInReportOrder(Run)) {
      Json N;
      N["level"] = "error";
      N["message"] = {{"text", orDefault(U->Message, "analysis failed")}};
      if (Json Loc = artifactLocation(U->File); !Loc.is_null())
        N["locations"] =
            Json::array({{{"physicalLocation", {{"artifactLocation", Loc}}}}});
      Notes.push_back(std::move(N));
    }
    if (!Notes.empty())
      Inv["toolExecutionNotifications"] = std::move(Notes);
    return Inv;
  }

  // Relative to %SRCROOT% when the file is under the source root; otherwise
  // an absolute file URI, which may not carry a uriBaseId (SARIF1004).
  Json artifactLocation(const std::string &File) const {
    if (File.empty())
      return nullptr;
    if (auto Rel = Paths.relativeToRoot(File))
      return {{"uri", uriReferenceFromRelativePath(*Rel)},
              {"uriBaseId", SourceRootBaseId}};
    return {{"uri", fileUriFromAbsolutePath(Paths.absolute(File))}};
  }

  Json physicalLocation(const SourcePoint &P) const {
    Json Loc = artifactLocation(P.File);
    if (Loc.is_null())
      return nullptr;
    Json Phys;
    Phys["artifactLocation"] = std::move(Loc);
    if (P.Line != 0) {
      Json Region;
      Region["startLine"] = P.Line;
      if (P.Column != 0)
        Region["startColumn"] = P.Column;
      Phys["region"] = std::move(Region);
    }
    return Phys;
  }

  static Json functionLocations(const std::string &Function) {
    return Json::array({{{"name", Function},
                         {"fullyQualifiedName", Function},
                         {"kind", "function"}}});
  }

  Json location(const SourcePoint &P, const std::string &Function,
                const std::string *Message) const {
    // An object even when nothing is known: the schema forbids null here.
    Json Loc = Json::object();
    if (Json Phys = physicalLocation(P); !Phys.is_null())
      Loc["physicalLocation"] = std::move(Phys);
    if (!Function.empty())
      Loc["logicalLocations"] = functionLocations(Function);
    if (Message)
      Loc["message"] = {{"text", *Message}};
    return Loc;
  }

  Json result(const Finding &F,
              std::map<std::string, unsigned> &FingerprintUses) const {
    Json J;
    J["ruleId"] = F.RuleId;
    J["ruleIndex"] = RuleIndex.at(F.RuleId);
    J["level"] = severityName(F.Level);
    const RuleInfo &R = Rules[RuleIndex.at(F.RuleId)];
    J["message"] = {{"text", orDefault(F.Message, orDefault(R.ShortDescription,
                                                            F.RuleId))}};
    J["locations"] = Json::array({location(F.Location, F.Function, nullptr)});

    // Two identical findings in one function (the same bad line twice)
    // would share a fingerprint and be merged into one alert; later
    // occurrences get ":2", ":3", as GitHub's own line hashes do.
    std::string Print = stableFingerprint(F);
    unsigned Occurrence = ++FingerprintUses[Print];
    if (Occurrence > 1)
      Print += ":" + std::to_string(Occurrence);
    J["partialFingerprints"] = {{FingerprintKey, Print}};

    Json Related = Json::array();
    for (const FindingNote &N : F.Notes) {
      Json Loc = location(N.Where, "", &N.Message);
      if (!Loc.contains("physicalLocation"))
        continue;
      Json Entry;
      Entry["id"] = Related.size() + 1;
      for (auto &[Key, Value] : Loc.items())
        Entry[Key] = Value;
      Related.push_back(std::move(Entry));
    }
    if (!Related.empty())
      J["relatedLocations"] = std::move(Related);

    if (!F.CallChain.empty())
      J["codeFlows"] = codeFlows(F.CallChain);
    if (Json Fixes = fixes(F.FixIts); !Fixes.empty())
      J["fixes"] = std::move(Fixes);
    return J;
  }

  // One codeFlow, one threadFlow, its locations inline (GitHub cannot
  // follow threadFlowLocation.index references, GH1002).
  Json codeFlows(const std::vector<CallChainStep> &Chain) const {
    Json Steps = Json::array();
    for (size_t I = 0; I < Chain.size(); ++I) {
      const CallChainStep &S = Chain[I];
      std::string Message = S.Message.empty()
                                ? (S.Function.empty() ? std::string("step")
                                                      : "in '" + S.Function + "'")
                                : S.Message;
      Json Step;
      Step["location"] = location(S.Where, S.Function, &Message);
      Step["nestingLevel"] = I;
      Step["executionOrder"] = I + 1;
      Step["kinds"] = threadFlowKinds(I, Message);
      Steps.push_back(std::move(Step));
    }
    Json Flow = {{"threadFlows", Json::array({{{"locations", Steps}}})}};
    return Json::array({std::move(Flow)});
  }

  // All fix-its of a finding form one fix (they repair it together), with
  // one artifactChange per file. A fix-it without columns is dropped: a
  // region with only lines would delete whole lines.
  Json fixes(const std::vector<FixIt> &FixIts) const {
    std::vector<std::string> FileOrder;
    std::map<std::string, Json> ReplacementsByFile;
    for (const FixIt &Fix : FixIts) {
      if (!Fix.Begin.valid() || Fix.Begin.Column == 0)
        continue;
      SourcePoint End = Fix.End;
      if (!End.valid() || End.Column == 0)
        End = Fix.Begin; // an insertion
      Json Replacement;
      Replacement["deletedRegion"] = {{"startLine", Fix.Begin.Line},
                                      {"startColumn", Fix.Begin.Column},
                                      {"endLine", End.Line},
                                      {"endColumn", End.Column}};
      if (!Fix.Replacement.empty())
        Replacement["insertedContent"] = {{"text", Fix.Replacement}};
      auto [It, New] = ReplacementsByFile.try_emplace(Fix.Begin.File,
                                                      Json::array());
      if (New)
        FileOrder.push_back(Fix.Begin.File);
      It->second.push_back(std::move(Replacement));
    }
    if (FileOrder.empty())
      return Json::array();
    Json Changes = Json::array();
    for (const std::string &File : FileOrder)
      Changes.push_back({{"artifactLocation", artifactLocation(File)},
                         {"replacements", ReplacementsByFile[File]}});
    return Json::array({{{"artifactChanges", std::move(Changes)}}});
  }

  const RunReport &Run;
  SourcePathMapper Paths;
  std::vector<const Finding *> Findings;
  std::vector<RuleInfo> Rules;
  std::map<std::string, size_t> RuleIndex;
};

} // namespace

void writeSarifReport(const RunReport &Run, llvm::raw_ostream &OS) {
  OS << SarifReportBuilder(Run).build().dump(
            2, ' ', /*ensure_ascii=*/false,
            nlohmann::ordered_json::error_handler_t::replace)
     << '\n';
}

} // namespace ctxlint
