// ctxlint-unchecked-wait-return: the result of an interruptible or killable
// wait (wait_event_interruptible, down_interruptible, mutex_lock_killable,
// wait_for_completion_interruptible...) is the only way to know that a signal
// ended the wait early: the condition may be false, the lock not held. The
// result must be tested or propagated, not dropped.
#include "rules/FindingBuilder.h"
#include "rules/Rule.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/Analysis/Analyses/LiveVariables.h"
#include "clang/Analysis/AnalysisDeclContext.h"

using namespace clang;

namespace ctxlint {
namespace {

constexpr const char *RuleId = "ctxlint-unchecked-wait-return";

// How the value of an expression is consumed.
struct ValueUse {
  enum Kind { Discarded, ExplicitlyVoided, StoredInLocal, Used } K = Used;
  const VarDecl *Var = nullptr;
  const Stmt *Store = nullptr; // the assignment or declaration
};

ValueUse classifyUse(const Expr *Value, ASTContext &Ctx) {
  const Stmt *Child = Value;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Child);
    if (Parents.empty())
      return {ValueUse::Discarded};
    const Stmt *Parent = Parents[0].get<Stmt>();
    if (!Parent) {
      if (const auto *VD = Parents[0].get<VarDecl>()) {
        if (VD->hasLocalStorage() && !VD->getType()->isReferenceType()) {
          const Stmt *Store = nullptr;
          DynTypedNodeList DeclParents = Ctx.getParents(*VD);
          if (!DeclParents.empty())
            Store = DeclParents[0].get<DeclStmt>();
          return {ValueUse::StoredInLocal, VD, Store};
        }
      }
      return {ValueUse::Used};
    }
    if (isa<ParenExpr>(Parent) || isa<ImplicitCastExpr>(Parent) ||
        isa<FullExpr>(Parent)) {
      Child = Parent;
      continue;
    }
    if (const auto *Cast = dyn_cast<CStyleCastExpr>(Parent)) {
      if (Cast->getType()->isVoidType())
        return {ValueUse::ExplicitlyVoided};
      Child = Parent;
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(Parent)) {
      if (BO->getOpcode() == BO_Comma && BO->getLHS() == Child)
        return {ValueUse::Discarded};
      if (BO->getOpcode() == BO_Assign && BO->getRHS() == Child) {
        const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
        if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            if (VD->hasLocalStorage())
              return {ValueUse::StoredInLocal, VD, BO};
        return {ValueUse::Used}; // stored into a field or global: propagated
      }
      return {ValueUse::Used};
    }
    // A statement in statement position: its value goes nowhere. The last
    // statement of a ({ }) is its value and is handled by the StmtExpr.
    if (const auto *CS = dyn_cast<CompoundStmt>(Parent)) {
      DynTypedNodeList Up = Ctx.getParents(*CS);
      if (!Up.empty())
        if (const auto *SE = Up[0].get<StmtExpr>())
          if (!CS->body_empty() && CS->body_back() == Child) {
            Child = SE;
            continue;
          }
      return {ValueUse::Discarded};
    }
    if (isa<LabelStmt>(Parent) || isa<CaseStmt>(Parent) ||
        isa<DefaultStmt>(Parent))
      return {ValueUse::Discarded};
    if (const auto *If = dyn_cast<IfStmt>(Parent))
      return If->getCond() == Child ? ValueUse{ValueUse::Used}
                                    : ValueUse{ValueUse::Discarded};
    if (const auto *W = dyn_cast<WhileStmt>(Parent))
      return W->getCond() == Child ? ValueUse{ValueUse::Used}
                                   : ValueUse{ValueUse::Discarded};
    if (const auto *D = dyn_cast<DoStmt>(Parent))
      return D->getCond() == Child ? ValueUse{ValueUse::Used}
                                   : ValueUse{ValueUse::Discarded};
    if (const auto *For = dyn_cast<ForStmt>(Parent))
      return For->getCond() == Child ? ValueUse{ValueUse::Used}
                                     : ValueUse{ValueUse::Discarded};
    return {ValueUse::Used};
  }
}

// Records, for the stores we care about, whether the variable is live right
// after the store: the observer sees liveness before the backward transfer
// of a statement, which is liveness after it in program order.
class LiveAfterStore : public LiveVariables::Observer {
public:
  llvm::DenseMap<const Stmt *, const VarDecl *> Stores;
  llvm::DenseMap<const Stmt *, bool> LiveAfter;

  void observeStmt(const Stmt *S, const CFGBlock *,
                   const LiveVariables::LivenessValues &V) override {
    auto It = Stores.find(S);
    if (It != Stores.end())
      LiveAfter[S] = LiveAfter.lookup(S) || V.isLive(It->second);
  }
};

class UncheckedWaitReturnRule : public Rule {
public:
  explicit UncheckedWaitReturnRule(const RuleOptions &) {}

private:
  // Liveness after every store of a must-check result in F.
  static std::unique_ptr<LiveAfterStore>
  computeLiveness(const FunctionDecl &F, ASTContext &Ctx,
                  std::unique_ptr<AnalysisDeclContextManager> &Manager) {
    auto Result = std::make_unique<LiveAfterStore>();
    Manager = std::make_unique<AnalysisDeclContextManager>(Ctx);
    // Liveness sees only reads that are CFG elements of their own.
    Manager->getCFGBuildOptions().setAllAlwaysAdd();
    AnalysisDeclContext *ADC = Manager->getContext(&F);
    if (!ADC)
      return nullptr;
    LiveVariables *Live = ADC->getAnalysis<LiveVariables>();
    if (!Live)
      return nullptr;
    // Every local store in the function is a candidate; the rule asks only
    // about the ones holding a wait result.
    for (const CFGBlock *B : *ADC->getCFG())
      for (const CFGElement &E : *B)
        if (auto CS = E.getAs<CFGStmt>()) {
          const Stmt *S = CS->getStmt();
          if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
            if (BO->getOpcode() == BO_Assign)
              if (const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
                if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
                  Result->Stores[S] = VD;
          } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
            if (DS->isSingleDecl())
              if (const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl()))
                Result->Stores[S] = VD;
          }
        }
    Live->runOnAllBlocks(*Result);
    return Result;
  }

public:

  void check(TranslationUnitAnalysis &TU, std::vector<Finding> &Out) override {
    ASTContext &Ctx = TU.astContext();
    FindingBuilder Builder(TU.sourceManager(), Ctx.getLangOpts());
    for (const FunctionDecl *F : TU.analyzedFunctions()) {
      std::unique_ptr<AnalysisDeclContextManager> Manager;
      std::unique_ptr<LiveAfterStore> Liveness;
      for (const ApiCallSite &Site : TU.apiSites(*F).sites()) {
        const MustCheckApi *Api = TU.model().mustCheck(Site.Name);
        if (!Api || !Site.Value)
          continue;
        ValueUse Use = classifyUse(Site.Value, Ctx);
        std::string Message;
        if (Use.K == ValueUse::Discarded) {
          Message = "the result of " + Site.Name + "() is ignored";
        } else if (Use.K == ValueUse::StoredInLocal && Use.Store) {
          if (!Liveness)
            Liveness = computeLiveness(*F, Ctx, Manager);
          if (!Liveness || !Liveness->LiveAfter.count(Use.Store) ||
              Liveness->LiveAfter.lookup(Use.Store))
            continue;
          Message = "the result of " + Site.Name + "() is stored in '" +
                    Use.Var->getNameAsString() + "' but never checked";
        } else {
          continue;
        }
        Message += ": " + Api->Why;
        Finding Result = Builder.make(RuleId, Severity::Warning, Site.NameLoc,
                                      F, std::move(Message));
        if (Use.K == ValueUse::StoredInLocal)
          Builder.note(Result, Use.Store->getBeginLoc(),
                       "value stored here is overwritten or goes out of "
                       "scope before any test");
        Out.push_back(std::move(Result));
      }
    }
  }
};

} // namespace

RuleDescriptor uncheckedWaitReturnRule() {
  RuleDescriptor D;
  D.Info.Id = RuleId;
  D.Info.DefaultLevel = Severity::Warning;
  D.Info.ShortDescription =
      "Result of an interruptible or killable wait is not checked";
  D.Info.FullDescription =
      "wait_event_interruptible(), down_interruptible(), "
      "mutex_lock_interruptible(), wait_for_completion_interruptible() and "
      "their killable and timeout forms return early when a signal arrives. "
      "Their result must be tested or returned: ignoring it proceeds as if "
      "the condition held or the lock was taken.";
  D.Create = [](const RuleOptions &O) -> std::unique_ptr<Rule> {
    return std::make_unique<UncheckedWaitReturnRule>(O);
  };
  return D;
}

} // namespace ctxlint
