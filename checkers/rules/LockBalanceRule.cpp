// ctxlint-lock-balance: a lock acquired in a function is released in it on
// every path, unless the function is a lock wrapper (held at every return,
// or annotated __acquires); a release must find the lock held; and the
// release variant must match the acquisition (_bh with _bh, _irq with _irq,
// read with read), or bottom halves or interrupts stay in the wrong state.
#include "analysis/FlowEngine.h"
#include "rules/FindingBuilder.h"
#include "rules/LockDescriptions.h"
#include "rules/Rule.h"

#include <set>

using namespace clang;

namespace ctxlint {
namespace {

constexpr const char *RuleId = "ctxlint-lock-balance";

std::string keyName(const LockKey &K) {
  return K.Instance.empty() ? K.Class : K.Instance;
}

std::string leakMessage(const HeldLock &H) {
  switch (H.Class) {
  case LockClass::Rcu:
    return "the RCU read-side critical section is still open at this return, "
           "but other paths close it";
  case LockClass::Preempt:
    return "preemption is still disabled at this return, but other paths "
           "re-enable it";
  case LockClass::Bh:
    return "bottom halves are still disabled at this return, but other paths "
           "re-enable them";
  case LockClass::Irq:
    return "interrupts are still disabled at this return, but other paths "
           "re-enable them";
  default:
    return describeHeld(H) + " is still held at this return, but other paths "
                             "release it";
  }
}

class LockBalanceRule : public Rule {
public:
  explicit LockBalanceRule(const RuleOptions &) {}

  void check(TranslationUnitAnalysis &TU, std::vector<Finding> &Out) override {
    FindingBuilder Builder(TU.sourceManager(), TU.astContext().getLangOpts());
    FlowEngine &Engine = TU.flowEngine();
    for (const FunctionDecl *F : TU.analyzedFunctions()) {
      const FunctionFlow &Flow = Engine.flow(*F);
      const FunctionSummary &Sum = Engine.summary(*F);
      checkReleases(Flow, *F, Builder, Out);
      checkReturns(Flow, Sum, *F, TU.astContext(), Builder, Out);
    }
  }

private:
  static void checkReleases(const FunctionFlow &Flow, const FunctionDecl &F,
                            const FindingBuilder &Builder,
                            std::vector<Finding> &Out) {
    for (const LockOpEvent &E : Flow.LockOps) {
      if (!E.Op || E.Op->Op != LockOpKind::Release || !E.Op->Class ||
          !lockClassHasObject(*E.Op->Class))
        continue;
      std::string Name = keyName(E.Key);
      for (const LockState &S : E.Before) {
        if (S.Imprecise)
          continue;
        const HeldLock *H = S.findInstance(E.Key);
        if (!H) {
          bool Released = S.Released.count(Name), Failed = S.FailedAcquire.count(Name);
          if (!Released && !Failed)
            continue;
          Out.push_back(Builder.make(
              RuleId, Severity::Warning, E.Loc, &F,
              E.Site->Name + "() releases '" + E.Key.Display +
                  "', which is not held on this path: " +
                  (Failed ? "the attempt to take it failed"
                          : "it was already released")));
          break;
        }
        std::string Problem = mismatch(*H, *E.Op, S);
        if (Problem.empty())
          continue;
        Finding Result = Builder.make(
            RuleId, Severity::Warning, E.Loc, &F,
            E.Site->Name + "() does not match " + H->AcquiredBy + "(): " + Problem);
        Builder.note(Result, H->AcquiredAt, acquisitionNote(*H));
        Out.push_back(std::move(Result));
        break;
      }
    }
  }

  // Differences between how a lock was taken and how it is released that
  // leave the CPU in the wrong state. A plain unlock of a lock taken with
  // _irq, _irqsave or _bh leaves that state to a later release (the
  // split-release idiom); whether it comes is checked at the returns.
  static std::string mismatch(const HeldLock &H, const LockOperation &Op,
                              LockState S) {
    if (H.Assumed)
      return {};
    if (H.Mode != Op.Mode && H.Mode != LockMode::Exclusive &&
        Op.Mode != LockMode::Exclusive)
      return std::string("the lock was taken for ") +
             (H.Mode == LockMode::Read ? "reading" : "writing") +
             " and is released as a " +
             (Op.Mode == LockMode::Read ? "reader" : "writer");
    if (Op.Irq == IrqEffect::Bh && H.Irq != IrqEffect::Bh &&
        !S.cpuStateFor(LockClass::Bh, nullptr))
      return "it enables bottom halves that were not disabled here";
    if (Op.Irq == IrqEffect::Disable && H.Irq == IrqEffect::None &&
        !S.cpuStateFor(LockClass::Irq, nullptr))
      return "it enables interrupts that were not disabled here";
    if (Op.Irq == IrqEffect::Save && H.Irq == IrqEffect::Disable)
      return "it restores flags that the lock never saved";
    if (Op.Irq == IrqEffect::Save && H.Irq == IrqEffect::None &&
        !S.lastIrqsave())
      return "it restores an interrupt state that was never saved";
    return {};
  }

  // Whether the value returned at R is nonzero on the paths of S, when the
  // state shows it: a constant, or a local the path has tested.
  static std::optional<bool> returnTruth(const ReturnEvent &R, const LockState &S,
                                         const ASTContext &Ctx) {
    if (!R.Value)
      return std::nullopt;
    const Expr *E = R.Value->IgnoreParenImpCasts();
    Expr::EvalResult Result;
    if (!E->isValueDependent() && E->getType()->isIntegralOrEnumerationType() &&
        E->EvaluateAsInt(Result, Ctx))
      return Result.Val.getInt() != 0;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      auto It = S.Facts.find(DRE->getDecl());
      if (It != S.Facts.end())
        return It->second;
    }
    return std::nullopt;
  }

  static void checkReturns(const FunctionFlow &Flow, const FunctionSummary &Sum,
                           const FunctionDecl &F, const ASTContext &Ctx,
                           const FindingBuilder &Builder, std::vector<Finding> &Out) {
    auto HandedOver = [&](const HeldLock &H) {
      for (const HeldLock &A : Sum.AcquiresOnReturn)
        if (A.Key == H.Key)
          return true;
      for (const std::string &A : Flow.AnnotatedAcquires)
        if (A == H.Key.Instance)
          return true;
      return false;
    };
    // A lock this function releases somewhere: holding it at one return
    // and not another is a leak, not a conditional-acquire API.
    auto ReleasedSomewhere = [&](const HeldLock &H) {
      std::string Name = keyName(H.Key);
      for (const ReturnEvent &R : Flow.Returns)
        for (const LockState &S : R.States)
          if (S.Released.count(Name) && !S.findInstance(H.Key))
            return true;
      return false;
    };
    // A function that returns 0 with the lock and an error without it is a
    // conditional-acquire API (e1000_get_hw_semaphore_82574()): the result
    // tells the caller, so holding it at the success return is its contract.
    auto ResultTellsCaller = [&](const ReturnEvent &R, const LockState &S,
                                 const HeldLock &H) {
      std::optional<bool> Held = returnTruth(R, S, Ctx);
      // Kernel convention: 0 is success. An int function that returns an
      // error code with the lock held is the classic leak; a bool one that
      // returns true with it is reporting success.
      if (!Held || (*Held && !F.getReturnType()->isBooleanType()))
        return false;
      std::string Name = keyName(H.Key);
      bool AnyRelease = false;
      for (const ReturnEvent &Other : Flow.Returns)
        for (const LockState &O : Other.States) {
          if (!O.Released.count(Name) || O.findInstance(H.Key))
            continue;
          std::optional<bool> Released = returnTruth(Other, O, Ctx);
          if (!Released || *Released == *Held)
            return false;
          AnyRelease = true;
        }
      return AnyRelease;
    };
    std::set<std::pair<unsigned, std::string>> Reported;
    for (const ReturnEvent &R : Flow.Returns)
      for (const LockState &S : R.States) {
        if (S.Imprecise)
          continue;
        for (const HeldLock &H : S.Held) {
          if (H.isCpuState() && !H.Origin.Class.empty()) {
            // The state a lock disabled, left disabled by a plain unlock.
            if (H.PlainReleaseAt.isValid() && H.Irq != IrqEffect::Save &&
                Reported.insert({H.PlainReleaseAt.getRawEncoding(), "cpu"}).second) {
              Finding Result = Builder.make(
                  RuleId, Severity::Warning, H.PlainReleaseAt, &F,
                  "this unlock does not match " + H.AcquiredBy + "(): " +
                      (H.Class == LockClass::Bh ? "bottom halves" : "interrupts") +
                      " stay disabled after it, up to the return");
              Builder.note(Result, H.AcquiredAt, "disabled here by " + H.AcquiredBy + "()");
              Builder.note(Result, R.Loc, "still disabled at this return");
              Out.push_back(std::move(Result));
            }
            continue;
          }
          // Irqsave state is ctxlint-irqsave-pairing's; guards release
          // themselves at scope exit.
          if (H.Assumed || H.Irq == IrqEffect::Save || !H.Via.empty() ||
              H.AcquiredBy.rfind("guard(", 0) == 0 || HandedOver(H) ||
              !ReleasedSomewhere(H) || ResultTellsCaller(R, S, H))
            continue;
          if (!Reported.insert({R.Loc.getRawEncoding(), keyName(H.Key)}).second)
            continue;
          Finding Result = Builder.make(RuleId, Severity::Warning, R.Loc, &F,
                                        leakMessage(H));
          Builder.note(Result, H.AcquiredAt, acquisitionNote(H));
          Out.push_back(std::move(Result));
        }
      }
  }
};

} // namespace

RuleDescriptor lockBalanceRule() {
  RuleDescriptor D;
  D.Info.Id = RuleId;
  D.Info.DefaultLevel = Severity::Warning;
  D.Info.ShortDescription =
      "Lock held at a return, released when not held, or released with the wrong variant";
  D.Info.FullDescription =
      "A lock acquired in a function must be released on every path unless "
      "the function hands it to its caller; a release must find the lock "
      "held on that path; and the release variant must match the "
      "acquisition (_bh, _irq, read/write), or bottom halves and interrupts "
      "are left in the wrong state.";
  D.Create = [](const RuleOptions &O) -> std::unique_ptr<Rule> {
    return std::make_unique<LockBalanceRule>(O);
  };
  return D;
}

} // namespace ctxlint
