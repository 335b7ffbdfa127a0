// ctxlint-double-lock: acquiring a non-recursive lock that is already held
// on the path, directly or in a callee, deadlocks the CPU (spinlocks) or the
// task (mutexes). rwlock readers may nest; a different lockdep subclass
// (spin_lock_nested) says the two are distinct locks of one class.
#include "analysis/FlowEngine.h"
#include "rules/FindingBuilder.h"
#include "rules/LockDescriptions.h"
#include "rules/Rule.h"

using namespace clang;

namespace ctxlint {
namespace {

constexpr const char *RuleId = "ctxlint-double-lock";

bool selfDeadlocks(const HeldLock &Held, LockClass Class, LockMode Mode,
                   int Subclass) {
  if (Held.Class != Class || !lockClassHasObject(Class))
    return false;
  if (Class == LockClass::Semaphore)
    return false; // counting: a second down() is legal when count > 1
  if ((Class == LockClass::Rwlock || Class == LockClass::Rwsem) &&
      Held.Mode == LockMode::Read && Mode == LockMode::Read)
    return Class == LockClass::Rwsem; // rwlock readers nest; rwsem may block
  return Held.Subclass == Subclass;
}

class DoubleLockRule : public Rule {
public:
  explicit DoubleLockRule(const RuleOptions &) {}

  void check(TranslationUnitAnalysis &TU, std::vector<Finding> &Out) override {
    FindingBuilder Builder(TU.sourceManager(), TU.astContext().getLangOpts());
    FlowEngine &Engine = TU.flowEngine();
    for (const FunctionDecl *F : TU.analyzedFunctions()) {
      const FunctionFlow &Flow = Engine.flow(*F);
      for (const LockOpEvent &E : Flow.LockOps) {
        if (!E.Op || E.Op->Op == LockOpKind::Release ||
            E.Op->Op == LockOpKind::AssertHeld || !E.Op->Class ||
            E.Op->Op == LockOpKind::TryAcquire ||
            E.Op->Op == LockOpKind::TryAcquireInverted)
          continue;
        int Subclass = 0;
        if (E.Op->SubclassArg >= 0)
          if (const Expr *A = E.Site->arg(E.Op->SubclassArg)) {
            Expr::EvalResult R;
            if (A->EvaluateAsInt(R, TU.astContext()))
              Subclass = static_cast<int>(R.Val.getInt().getExtValue());
          }
        report(E.Before, E.Key, *E.Op->Class, E.Op->Mode, Subclass, E.Loc, *F,
               E.Site->Name + "() acquires '" + E.Key.Display + "'", {}, Builder, Out);
      }
      for (const CalleeLockEvent &E : Flow.CalleeLocks)
        report(E.Before, E.Taken.Key, E.Taken.Class, E.Taken.Mode,
               E.Taken.Subclass, E.Loc, *F,
               E.Callee->getNameAsString() + "() acquires '" + E.Taken.Key.Display + "'",
               E.Steps, Builder, Out);
    }
  }

private:
  static void report(const std::vector<LockState> &Before, const LockKey &Key,
                     LockClass Class, LockMode Mode, int Subclass,
                     SourceLocation Loc, const FunctionDecl &F,
                     const std::string &What, const Chain &Steps,
                     const FindingBuilder &Builder, std::vector<Finding> &Out) {
    if (Key.Instance.empty())
      return;
    for (const LockState &S : Before)
      for (const HeldLock &H : S.Held) {
        if (!H.Key.sameInstance(Key) || !selfDeadlocks(H, Class, Mode, Subclass))
          continue;
        Finding Result = Builder.make(
            RuleId, Severity::Warning, Loc, &F,
            What + ", which is already held on this path: " +
                (lockClassSleeps(Class) ? "the task deadlocks on itself"
                                        : "the CPU spins forever"));
        if (Steps.empty()) {
          Builder.note(Result, H.AcquiredAt, acquisitionNote(H));
        } else {
          // Through a call: one chain from the first acquisition into the
          // callee's second one.
          Builder.step(Result, H.AcquiredAt, F.getNameAsString(), acquisitionNote(H));
          for (const ChainLink &L : Steps)
            Builder.step(Result, L.Loc, L.Function, L.Message);
        }
        Out.push_back(std::move(Result));
        return;
      }
  }
};

} // namespace

RuleDescriptor doubleLockRule() {
  RuleDescriptor D;
  D.Info.Id = RuleId;
  D.Info.DefaultLevel = Severity::Error;
  D.Info.ShortDescription = "A non-recursive lock is acquired while already held";
  D.Info.FullDescription =
      "Taking a spinlock, rwlock writer, mutex or rw_semaphore that the same "
      "path already holds, directly or in a called function, deadlocks: "
      "kernel locks are not recursive.";
  D.Create = [](const RuleOptions &O) -> std::unique_ptr<Rule> {
    return std::make_unique<DoubleLockRule>(O);
  };
  return D;
}

} // namespace ctxlint
