// ctxlint-irqsave-pairing: spin_lock_irqsave() and its relatives save the
// interrupt state into a flags variable that must be restored by the
// matching restore in the same function, on every path. The flags must be a
// local unsigned long (the saved state belongs to this stack frame and CPU),
// a nested irqsave must not overwrite flags still in use, a restore must use
// the flags its lock saved, and spin_unlock_irq()/local_irq_enable() inside
// an irqsave section turns interrupts on behind the caller's back.
#include "analysis/FlowEngine.h"
#include "rules/FindingBuilder.h"
#include "rules/LockDescriptions.h"
#include "rules/Rule.h"

#include <set>

using namespace clang;

namespace ctxlint {
namespace {

constexpr const char *RuleId = "ctxlint-irqsave-pairing";

// Why an expression is not an acceptable flags variable, or "" if it is.
std::string flagsProblem(const Expr *Flags, const ASTContext &Ctx) {
  if (!Flags)
    return {};
  const Expr *E = Flags->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return {};
    if (isa<ParmVarDecl>(VD))
      return "'" + VD->getNameAsString() + "' is a parameter";
    if (!VD->hasLocalStorage())
      return "'" + VD->getNameAsString() + "' is a global or static variable";
    QualType T = VD->getType().getCanonicalType().getUnqualifiedType();
    if (T != Ctx.UnsignedLongTy)
      return "'" + VD->getNameAsString() + "' has type '" +
             VD->getType().getAsString() + "', not unsigned long";
    return {};
  }
  if (isa<MemberExpr>(E))
    return "the flags live in a struct field, shared by every context that "
           "reaches the struct";
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref)
    return "the flags are written through a pointer, into another frame";
  if (isa<ArraySubscriptExpr>(E))
    return "the flags live in an array element";
  return {};
}

const VarDecl *flagsVariable(const Expr *Flags) {
  const auto *DRE = Flags ? dyn_cast<DeclRefExpr>(Flags->IgnoreParenImpCasts()) : nullptr;
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

bool fromAnotherFrame(const Expr *Flags) {
  if (!Flags)
    return false;
  const Expr *E = Flags->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return isa<ParmVarDecl>(DRE->getDecl());
  const auto *UO = dyn_cast<UnaryOperator>(E);
  return UO && UO->getOpcode() == UO_Deref;
}

class IrqsavePairingRule : public Rule {
public:
  explicit IrqsavePairingRule(const RuleOptions &) {}

  void check(TranslationUnitAnalysis &TU, std::vector<Finding> &Out) override {
    FindingBuilder Builder(TU.sourceManager(), TU.astContext().getLangOpts());
    FlowEngine &Engine = TU.flowEngine();
    for (const FunctionDecl *F : TU.analyzedFunctions()) {
      const FunctionFlow &Flow = Engine.flow(*F);
      for (const LockOpEvent &E : Flow.LockOps) {
        if (!E.Op)
          continue;
        bool Acquires = E.Op->Op == LockOpKind::Acquire || E.Op->Op == LockOpKind::TryAcquire;
        if (Acquires && E.Op->Irq == IrqEffect::Save) {
          std::string Problem = flagsProblem(E.FlagsExpr, TU.astContext());
          if (!Problem.empty())
            Out.push_back(Builder.make(
                RuleId, Severity::Warning, E.Loc, F,
                E.Site->Name + "() must save the interrupt state into a local "
                               "unsigned long: " + Problem));
          checkNestedReuse(E, *F, Builder, Out);
        }
        if (E.Op->Op == LockOpKind::Release && E.Op->Irq == IrqEffect::Disable)
          checkEarlyEnable(E, *F, Builder, Out);
        if (E.Op->Op == LockOpKind::Release && E.Op->Irq == IrqEffect::Save) {
          // Globals and fields are reported at their save; a restore is
          // wrong on its own when its flags come from another frame.
          std::string Problem = fromAnotherFrame(E.FlagsExpr)
                                    ? flagsProblem(E.FlagsExpr, TU.astContext())
                                    : std::string();
          if (!Problem.empty())
            Out.push_back(Builder.make(
                RuleId, Severity::Warning, E.Loc, F,
                E.Site->Name + "() must restore the interrupt state saved into "
                               "a local unsigned long of this function: " + Problem));
          checkRestoreFlags(E, *F, Builder, Out);
        }
      }
      // A save still held at a return: report once per save, at the save.
      std::set<unsigned> Reported;
      for (const ReturnEvent &R : Flow.Returns)
        for (const LockState &S : R.States)
          for (const HeldLock &H : S.Held) {
            if (S.Imprecise)
              break;
            if (H.Irq != IrqEffect::Save || !H.isCpuState() || H.Assumed ||
                !H.Via.empty() ||
                H.AcquiredBy.rfind("guard(", 0) == 0)
              continue;
            if (!Reported.insert(H.AcquiredAt.getRawEncoding()).second)
              continue;
            Finding Result = Builder.make(
                RuleId, Severity::Warning, H.AcquiredAt, F,
                H.AcquiredBy + "() is not matched by a restore on every path: "
                "the function can return with interrupts disabled");
            Builder.note(Result, R.Loc,
                         "returns here without restoring the saved interrupt state");
            Out.push_back(std::move(Result));
          }
    }
  }

private:
  static void checkNestedReuse(const LockOpEvent &E, const FunctionDecl &F,
                               const FindingBuilder &Builder,
                               std::vector<Finding> &Out) {
    const VarDecl *Flags = flagsVariable(E.FlagsExpr);
    if (!Flags)
      return;
    for (const LockState &S : E.Before)
      for (const HeldLock &H : S.Held)
        if (H.Irq == IrqEffect::Save && H.FlagsVar == Flags && !H.Assumed) {
          Finding Result = Builder.make(
              RuleId, Severity::Warning, E.Loc, &F,
              E.Site->Name + "() saves into '" + Flags->getNameAsString() +
                  "', which still holds the state saved by the enclosing " +
                  H.AcquiredBy + "(): the outer restore will re-enable "
                  "interrupts too early");
          Builder.note(Result, H.AcquiredAt, "the enclosing save into '" +
                                                 Flags->getNameAsString() + "' is here");
          Out.push_back(std::move(Result));
          return;
        }
  }

  static void checkEarlyEnable(const LockOpEvent &E, const FunctionDecl &F,
                               const FindingBuilder &Builder,
                               std::vector<Finding> &Out) {
    for (const LockState &S : E.Before) {
      const HeldLock *Save = S.lastIrqsave();
      if (!Save || Save->Assumed)
        continue;
      Finding Result = Builder.make(
          RuleId, Severity::Warning, E.Loc, &F,
          E.Site->Name + "() re-enables interrupts inside a section opened by " +
              Save->AcquiredBy + "(), which must restore the caller's state instead");
      Builder.note(Result, Save->AcquiredAt, "interrupt state saved here");
      Out.push_back(std::move(Result));
      return;
    }
  }

  static void checkRestoreFlags(const LockOpEvent &E, const FunctionDecl &F,
                                const FindingBuilder &Builder,
                                std::vector<Finding> &Out) {
    const VarDecl *Flags = flagsVariable(E.FlagsExpr);
    if (!Flags)
      return;
    for (const LockState &S : E.Before) {
      const HeldLock *H = S.findInstance(E.Key);
      if (!H || H->Irq != IrqEffect::Save || !H->FlagsVar || H->FlagsVar == Flags)
        continue;
      Finding Result = Builder.make(
          RuleId, Severity::Warning, E.Loc, &F,
          E.Site->Name + "() restores '" + Flags->getNameAsString() + "', but " +
              describeHeld(*H) + " saved the interrupt state into '" +
              H->FlagsVar->getNameAsString() + "'");
      Builder.note(Result, H->AcquiredAt, "saved into '" + H->FlagsVar->getNameAsString() + "' here");
      Out.push_back(std::move(Result));
      return;
    }
  }
};

} // namespace

RuleDescriptor irqsavePairingRule() {
  RuleDescriptor D;
  D.Info.Id = RuleId;
  D.Info.DefaultLevel = Severity::Warning;
  D.Info.ShortDescription =
      "irqsave and irqrestore are not paired in the same function frame";
  D.Info.FullDescription =
      "Every spin_lock_irqsave(), read/write_lock_irqsave() and "
      "local_irq_save() must be matched, on every path of the same function, "
      "by the restore of the same lock with the same local unsigned long "
      "flags. Flags in globals, struct fields or other frames, nested saves "
      "that reuse live flags, and spin_unlock_irq()/local_irq_enable() inside "
      "an irqsave section break the saved interrupt state.";
  D.Create = [](const RuleOptions &O) -> std::unique_ptr<Rule> {
    return std::make_unique<IrqsavePairingRule>(O);
  };
  return D;
}

} // namespace ctxlint
