#include "UnitResults.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace ctxlint {

namespace {

json point(const SourcePoint &P) { return {P.File, P.Line, P.Column}; }

SourcePoint point(const json &J) {
  return SourcePoint{J.at(0).get<std::string>(), J.at(1).get<unsigned>(),
                     J.at(2).get<unsigned>()};
}

json toJson(const Finding &F) {
  json Notes = json::array(), Chain = json::array(), Fixes = json::array();
  for (const FindingNote &N : F.Notes)
    Notes.push_back({point(N.Where), N.Message});
  for (const CallChainStep &S : F.CallChain)
    Chain.push_back({point(S.Where), S.Function, S.Message});
  for (const FixIt &X : F.FixIts)
    Fixes.push_back({point(X.Begin), point(X.End), X.Replacement});
  return {{"rule", F.RuleId},       {"level", static_cast<int>(F.Level)},
          {"at", point(F.Location)}, {"function", F.Function},
          {"message", F.Message},   {"notes", Notes},
          {"chain", Chain},         {"fixes", Fixes},
          {"basis", F.FingerprintBasis}};
}

Finding fromJson(const json &J) {
  Finding F;
  F.RuleId = J.at("rule").get<std::string>();
  F.Level = static_cast<Severity>(J.at("level").get<int>());
  F.Location = point(J.at("at"));
  F.Function = J.at("function").get<std::string>();
  F.Message = J.at("message").get<std::string>();
  for (const json &N : J.at("notes"))
    F.Notes.push_back({point(N.at(0)), N.at(1).get<std::string>()});
  for (const json &S : J.at("chain"))
    F.CallChain.push_back({point(S.at(0)), S.at(1).get<std::string>(),
                           S.at(2).get<std::string>()});
  for (const json &X : J.at("fixes"))
    F.FixIts.push_back({point(X.at(0)), point(X.at(1)), X.at(2).get<std::string>()});
  F.FingerprintBasis = J.at("basis").get<std::string>();
  return F;
}

} // namespace

llvm::Error writeUnitResults(const std::vector<UnitResult> &Results,
                             llvm::StringRef Path) {
  json Units = json::array();
  for (const UnitResult &R : Results) {
    json Findings = json::array();
    for (const Finding &F : R.Findings)
      Findings.push_back(toJson(F));
    Units.push_back({{"file", R.File},
                     {"failed", R.Failed},
                     {"crashed", R.Crashed},
                     {"diagnostics", R.Diagnostics},
                     {"findings", Findings}});
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return llvm::createStringError(EC, "cannot write '%s': %s", Path.str().c_str(),
                                   EC.message().c_str());
  OS << Units.dump();
  return llvm::Error::success();
}

llvm::Expected<std::vector<UnitResult>> readUnitResults(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read '%s'",
                                   Path.str().c_str());
  std::vector<UnitResult> Results;
  try {
    json Units = json::parse((*Buffer)->getBuffer().begin(), (*Buffer)->getBuffer().end());
    for (const json &U : Units) {
      UnitResult R;
      R.File = U.at("file").get<std::string>();
      R.Failed = U.at("failed").get<bool>();
      R.Crashed = U.at("crashed").get<bool>();
      R.Diagnostics = U.at("diagnostics").get<std::string>();
      for (const json &F : U.at("findings"))
        R.Findings.push_back(fromJson(F));
      Results.push_back(std::move(R));
    }
  } catch (const json::exception &E) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "malformed unit results '%s': %s",
                                   Path.str().c_str(), E.what());
  }
  return Results;
}

} // namespace ctxlint
