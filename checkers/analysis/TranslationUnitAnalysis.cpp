#include "analysis/TranslationUnitAnalysis.h"
#include "analysis/FlowEngine.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace ctxlint {

TranslationUnitAnalysis::TranslationUnitAnalysis(
    ASTContext &Ctx, const KernelApiModel &Model,
    std::function<bool(SourceLocation)> IsAnalyzed)
    : Ctx(Ctx), Model(Model), IsAnalyzed(std::move(IsAnalyzed)) {
  if (!this->IsAnalyzed) {
    const SourceManager &SM = Ctx.getSourceManager();
    this->IsAnalyzed = [&SM](SourceLocation Loc) {
      return SM.isWrittenInMainFile(SM.getExpansionLoc(Loc));
    };
  }
}

TranslationUnitAnalysis::~TranslationUnitAnalysis() = default;

bool TranslationUnitAnalysis::isAnalyzedLocation(SourceLocation Loc) const {
  return Loc.isValid() && IsAnalyzed(Loc);
}

const std::vector<const FunctionDecl *> &
TranslationUnitAnalysis::analyzedFunctions() {
  if (FunctionsCollected)
    return Functions;
  FunctionsCollected = true;
  // Only top-level declarations: C has no nested functions worth finding,
  // and this keeps the walk away from header bodies entirely.
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      continue;
    if (!isAnalyzedLocation(FD->getLocation()))
      continue;
    Functions.push_back(FD);
  }
  return Functions;
}

const FunctionApiSites &
TranslationUnitAnalysis::apiSites(const FunctionDecl &F) {
  auto &Slot = Sites[&F];
  if (!Slot)
    Slot = std::make_unique<FunctionApiSites>(F, Ctx, Model);
  return *Slot;
}

const FunctionCfg &TranslationUnitAnalysis::cfg(const FunctionDecl &F) {
  auto &Slot = Cfgs[&F];
  if (!Slot)
    Slot = std::make_unique<FunctionCfg>(F, Ctx);
  return *Slot;
}

ValueFlow &TranslationUnitAnalysis::valueFlow(const FunctionDecl &F) {
  auto &Slot = Flows[&F];
  if (!Slot)
    Slot = std::make_unique<ValueFlow>(cfg(F), Ctx);
  return *Slot;
}

const std::vector<FunctionPointerStore> &
TranslationUnitAnalysis::functionPointerStores() {
  if (!Stores)
    Stores = collectFunctionPointerStores(
        Ctx, [this](const Decl &D) { return isAnalyzedLocation(D.getLocation()); });
  return *Stores;
}

FlowEngine &TranslationUnitAnalysis::flowEngine() {
  if (!Engine)
    Engine = std::make_unique<FlowEngine>(*this);
  return *Engine;
}

} // namespace ctxlint
