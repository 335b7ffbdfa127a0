#include "analysis/ContextRoots.h"
#include "analysis/TranslationUnitAnalysis.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace ctxlint {

namespace {

int atomicity(ExecContext C) {
  switch (C) {
  case ExecContext::Process: return 0;
  case ExecContext::Softirq: return 1;
  case ExecContext::Hardirq: return 2;
  }
  return 0;
}

std::string recordName(const RecordDecl *RD) {
  if (!RD)
    return {};
  if (const IdentifierInfo *II = RD->getIdentifier())
    return II->getName().str();
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getName().str();
  return {};
}

} // namespace

void ContextRoots::add(const FunctionDecl *F, ExecContext C, SourceLocation At,
                       std::string By) {
  if (!F)
    return;
  F = F->getCanonicalDecl();
  auto It = Roots.find(F);
  if (It != Roots.end() && atomicity(It->second.Context) >= atomicity(C))
    return;
  Roots[F] = ContextRoot{F, C, At, std::move(By)};
}

void ContextRoots::collect(TranslationUnitAnalysis &TU) {
  const KernelApiModel &Model = TU.model();
  const SourceManager &SM = TU.sourceManager();
  for (const FunctionDecl *F : TU.analyzedFunctions()) {
    for (const ApiCallSite &Site : TU.apiSites(*F).sites()) {
      for (const ContextRegistration *Reg : Model.contextRegistrations(Site.Name)) {
        const Expr *Callback = Site.arg(Reg->CallbackArg);
        if (!Callback)
          continue;
        if (const FunctionDecl *Fn = functionNamedBy(Callback)) {
          add(Fn, Reg->Context, Site.NameLoc, Site.Name);
          continue;
        }
        // Through a local: every function the value may be.
        ValueSet Values = TU.valueFlow(*F).valuesAt(Callback, Site.Anchor);
        for (const AbstractValue &V : Values.values())
          if (V.K == AbstractValue::Function)
            add(V.Fn, Reg->Context, Site.NameLoc, Site.Name);
      }
    }
  }

  // File-scope registrations: DECLARE_TASKLET(t, fn), DEFINE_TIMER(t, fn),
  // DECLARE_WORK(w, fn) define a variable whose initializer names fn.
  for (const Decl *D : TU.astContext().getTranslationUnitDecl()->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || !VD->getInit() || !TU.isAnalyzedLocation(VD->getLocation()))
      continue;
    std::optional<ApiMacroExpansion> Macro = outermostApiMacro(
        VD->getLocation(), SM, TU.astContext().getLangOpts(), Model);
    if (!Macro)
      continue;
    std::vector<const ContextRegistration *> Regs =
        Model.contextRegistrations(Macro->Name);
    if (Regs.empty())
      continue;
    struct Finder : RecursiveASTVisitor<Finder> {
      std::vector<const FunctionDecl *> Found;
      bool VisitDeclRefExpr(DeclRefExpr *E) {
        if (const auto *Fn = dyn_cast<FunctionDecl>(E->getDecl()))
          if (std::find(Found.begin(), Found.end(), Fn) == Found.end())
            Found.push_back(Fn);
        return true;
      }
    } Finder;
    Finder.TraverseStmt(const_cast<Expr *>(VD->getInit()));
    if (Finder.Found.size() == 1)
      add(Finder.Found.front(), Regs.front()->Context,
          SM.getExpansionLoc(Macro->InvocationLoc), Macro->Name);
  }

  for (const FunctionPointerStore &Store : TU.functionPointerStores()) {
    std::string Record = recordName(Store.Field->getParent());
    for (const ContextField &CF : Model.contextFields())
      if (CF.Field == Store.Field->getName() && CF.RecordType == Record)
        add(Store.Function, CF.Context, Store.Loc, "." + CF.Field + " of struct " + Record);
  }
}

const ContextRoot *ContextRoots::rootOf(const FunctionDecl &F) const {
  auto It = Roots.find(F.getCanonicalDecl());
  return It == Roots.end() ? nullptr : &It->second;
}

} // namespace ctxlint
