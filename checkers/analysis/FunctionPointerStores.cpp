#include "analysis/FunctionPointerStores.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace ctxlint {

const FunctionDecl *functionNamedBy(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
}

namespace {

class StoreCollector : public RecursiveASTVisitor<StoreCollector> {
public:
  std::vector<FunctionPointerStore> Stores;

  // Designated initializers are resolved in the semantic form only.
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
          note(Field, BO->getRHS(), BO->getOperatorLoc());
    return true;
  }

  bool VisitInitListExpr(InitListExpr *ILE) {
    if (ILE->isSyntacticForm() && ILE->getSemanticForm())
      return true;
    const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
    if (!RD || RD->isUnion())
      return true;
    unsigned Index = 0;
    for (const FieldDecl *Field : RD->fields()) {
      if (Index >= ILE->getNumInits())
        break;
      const Expr *Init = ILE->getInit(Index++);
      note(Field, Init, Init->getBeginLoc());
    }
    return true;
  }

private:
  void note(const FieldDecl *Field, const Expr *Value, SourceLocation Loc) {
    if (const FunctionDecl *Fn = functionNamedBy(Value))
      Stores.push_back({Field->getCanonicalDecl(), Fn, Loc});
  }
};

} // namespace

std::vector<FunctionPointerStore>
collectFunctionPointerStores(ASTContext &Ctx,
                             const std::function<bool(const Decl &)> &IsAnalyzed) {
  StoreCollector Collector;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (IsAnalyzed(*D))
      Collector.TraverseDecl(D);
  return std::move(Collector.Stores);
}

} // namespace ctxlint
