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

const FunctionDecl *functionOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<FunctionDecl>(DRE->getDecl());
  return nullptr;
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

// Function-pointer fields set by assignment or by an initializer.
class FieldAssignmentFinder : public RecursiveASTVisitor<FieldAssignmentFinder> {
public:
  FieldAssignmentFinder(const KernelApiModel &Model,
                        std::function<void(const FunctionDecl *, ExecContext,
                                           SourceLocation, std::string)> Add)
      : Model(Model), Add(std::move(Add)) {}

  // Designated initializers are resolved in the semantic form only.
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    if (!ME)
      return true;
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (FD)
      match(FD, BO->getRHS(), BO->getOperatorLoc());
    return true;
  }

  bool VisitInitListExpr(InitListExpr *ILE) {
    if (ILE->isSyntacticForm() && ILE->getSemanticForm())
      return true; // visit the semantic form only
    const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
    if (!RD || RD->isUnion())
      return true;
    unsigned Index = 0;
    for (const FieldDecl *FD : RD->fields()) {
      if (Index >= ILE->getNumInits())
        break;
      match(FD, ILE->getInit(Index), ILE->getInit(Index)->getBeginLoc());
      ++Index;
    }
    return true;
  }

private:
  const KernelApiModel &Model;
  std::function<void(const FunctionDecl *, ExecContext, SourceLocation, std::string)> Add;

  void match(const FieldDecl *FD, const Expr *Value, SourceLocation Loc) {
    const FunctionDecl *Fn = functionOf(Value);
    if (!Fn)
      return;
    std::string Record = recordName(FD->getParent());
    for (const ContextField &CF : Model.contextFields())
      if (CF.Field == FD->getName() && CF.RecordType == Record)
        Add(Fn, CF.Context, Loc, "." + CF.Field + " of struct " + Record);
  }
};

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
        if (const FunctionDecl *Fn = functionOf(Callback)) {
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

  FieldAssignmentFinder Fields(
      Model, [&](const FunctionDecl *Fn, ExecContext C, SourceLocation Loc,
                 std::string By) { add(Fn, C, Loc, std::move(By)); });
  for (const Decl *D : TU.astContext().getTranslationUnitDecl()->decls())
    if (TU.isAnalyzedLocation(D->getLocation()))
      Fields.TraverseDecl(const_cast<Decl *>(D));
}

const ContextRoot *ContextRoots::rootOf(const FunctionDecl &F) const {
  auto It = Roots.find(F.getCanonicalDecl());
  return It == Roots.end() ? nullptr : &It->second;
}

} // namespace ctxlint
