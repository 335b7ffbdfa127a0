// The ctxlint JSON report, schema version 1 (docs/json-format.md). The
// dynamic runtime writes the same schema, so field names are frozen: add
// fields freely, but renaming or removing one means schemaVersion 2.
#include "report/Fingerprint.h"
#include "report/ReportOrder.h"
#include "report/ReportPaths.h"
#include "report/ReportWriters.h"

#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

namespace ctxlint {

namespace {

using Json = nlohmann::ordered_json;

constexpr int JsonSchemaVersion = 1;

class JsonReportBuilder {
public:
  explicit JsonReportBuilder(const RunReport &Run)
      : Run(Run), Paths(Run.WorkingDirectory, Run.SourceRoot) {}

  Json build() const {
    Json Doc;
    Doc["schemaVersion"] = JsonSchemaVersion;
    Doc["tool"] = "ctxlint";
    Doc["toolVersion"] = Run.ToolVersion;
    if (!Paths.rootDirectory().empty())
      Doc["sourceRoot"] = Paths.rootDirectory();
    Json Findings = Json::array();
    for (const Finding *F : findingsInReportOrder(Run))
      Findings.push_back(finding(*F));
    Doc["findings"] = std::move(Findings);
    Json Failed = Json::array();
    for (const FailedUnit *U : failedUnitsInReportOrder(Run))
      Failed.push_back({{"file", Paths.display(U->File)},
                        {"message", U->Message}});
    Doc["failedTranslationUnits"] = std::move(Failed);
    return Doc;
  }

private:
  void addPoint(Json &Obj, const SourcePoint &P) const {
    Obj["file"] = Paths.display(P.File);
    Obj["line"] = P.Line;
    Obj["column"] = P.Column;
  }

  Json finding(const Finding &F) const {
    Json J;
    J["ruleId"] = F.RuleId;
    J["severity"] = severityName(F.Level);
    addPoint(J, F.Location);
    J["function"] = F.Function;
    J["message"] = F.Message;
    Json Notes = Json::array();
    for (const FindingNote &N : F.Notes) {
      Json Note;
      addPoint(Note, N.Where);
      Note["message"] = N.Message;
      Notes.push_back(std::move(Note));
    }
    J["notes"] = std::move(Notes);
    Json Chain = Json::array();
    for (const CallChainStep &S : F.CallChain) {
      Json Step;
      addPoint(Step, S.Where);
      Step["function"] = S.Function;
      Step["message"] = S.Message;
      Chain.push_back(std::move(Step));
    }
    J["callChain"] = std::move(Chain);
    Json Fixes = Json::array();
    for (const FixIt &Fix : F.FixIts) {
      Json FixJ;
      addPoint(FixJ, Fix.Begin);
      FixJ["endLine"] = Fix.End.Line;
      FixJ["endColumn"] = Fix.End.Column;
      FixJ["replacement"] = Fix.Replacement;
      Fixes.push_back(std::move(FixJ));
    }
    J["fixIts"] = std::move(Fixes);
    J["fingerprint"] = stableFingerprint(F);
    return J;
  }

  const RunReport &Run;
  SourcePathMapper Paths;
};

} // namespace

void writeJsonReport(const RunReport &Run, llvm::raw_ostream &OS) {
  // Source text in messages may not be UTF-8 (Latin-1 comments in old
  // drivers); replace bad bytes with U+FFFD rather than throw mid-report.
  OS << JsonReportBuilder(Run).build().dump(
            2, ' ', /*ensure_ascii=*/false,
            nlohmann::ordered_json::error_handler_t::replace)
     << '\n';
}

} // namespace ctxlint
