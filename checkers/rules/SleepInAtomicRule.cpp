// ctxlint-sleep-in-atomic: a call that may sleep (directly, through a
// sleeping lock, a GFP flag that allows direct reclaim, or a driver function
// that may sleep) made while the CPU cannot schedule: a spinlock or rwlock
// held, interrupts, bottom halves or preemption disabled, inside
// rcu_read_lock(), or in a hardirq/softirq handler. CONFIG_DEBUG_ATOMIC_SLEEP
// reports the same thing at run time, on the paths that happen to run.
#include "analysis/FlowEngine.h"
#include "rules/FindingBuilder.h"
#include "rules/LockDescriptions.h"
#include "rules/Rule.h"

using namespace clang;

namespace ctxlint {
namespace {

constexpr const char *RuleId = "ctxlint-sleep-in-atomic";

// "by request_irq()" for a registration call, "as .ndo_start_xmit of struct
// net_device_ops" for a field it is stored in.
std::string registration(const ContextRoot &Root) {
  if (!Root.RegisteredBy.empty() && Root.RegisteredBy[0] == '.')
    return "as " + Root.RegisteredBy + ",";
  return "by " + Root.RegisteredBy + "()";
}

class SleepInAtomicRule : public Rule {
public:
  explicit SleepInAtomicRule(const RuleOptions &) {}

  void check(TranslationUnitAnalysis &TU, std::vector<Finding> &Out) override {
    FindingBuilder Builder(TU.sourceManager(), TU.astContext().getLangOpts());
    FlowEngine &Engine = TU.flowEngine();
    for (const FunctionDecl *F : TU.analyzedFunctions()) {
      const FunctionFlow &Flow = Engine.flow(*F);
      const ContextRoot *Root = Engine.roots().rootOf(*F);
      bool AtomicRoot = Root && Root->Context != ExecContext::Process;
      for (const SleepEvent &E : Flow.Sleeps) {
        const HeldLock *Cause = nullptr;
        for (const LockState &S : E.Before)
          if ((Cause = S.atomicCause()))
            break;
        if (!AtomicRoot && !Cause)
          continue;
        std::string Message = E.Witness.Reason;
        if (AtomicRoot)
          Message += ", but " + F->getNameAsString() + "() runs in " +
                     contextName(Root->Context) + " context";
        else
          Message += ", but it is called " + whileHeld(*Cause);
        Finding Result = Builder.make(RuleId, Severity::Warning, E.Loc, F, Message);
        // The explanation is one chain, from what made the context atomic
        // to the sleeping call; text output prints it as notes, SARIF as a
        // codeFlow.
        if (AtomicRoot)
          Builder.step(Result, Root->RegisteredAt, "",
                       F->getNameAsString() + "() is registered here " +
                           registration(*Root) + " as a " +
                           contextName(Root->Context) + " callback");
        else
          Builder.step(Result, Cause->AcquiredAt, F->getNameAsString(),
                       acquisitionNote(*Cause));
        for (const ChainLink &L : E.Witness.Steps)
          Builder.step(Result, L.Loc, L.Function, L.Message);
        Out.push_back(std::move(Result));
      }
    }
  }
};

} // namespace

RuleDescriptor sleepInAtomicRule() {
  RuleDescriptor D;
  D.Info.Id = RuleId;
  D.Info.DefaultLevel = Severity::Warning;
  D.Info.ShortDescription = "A call that may sleep is made in atomic context";
  D.Info.FullDescription =
      "Sleeping while a spinlock or rwlock is held, with interrupts, bottom "
      "halves or preemption disabled, inside rcu_read_lock(), or in a hardirq "
      "or softirq handler can deadlock the CPU or corrupt scheduling. The call "
      "may sleep directly (msleep, mutex_lock, GFP_KERNEL allocations, "
      "copy_to_user...) or through a driver function that does.";
  D.Create = [](const RuleOptions &O) -> std::unique_ptr<Rule> {
    return std::make_unique<SleepInAtomicRule>(O);
  };
  return D;
}

} // namespace ctxlint
