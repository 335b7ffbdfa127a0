// The lock and context state at one program point on one class of paths:
// which locks are held (with where and how they were taken), which CPU states
// are disabled (IRQs, bottom halves, preemption, RCU read side), and the
// branch facts that make the state path-sensitive (the result of a trylock,
// a local flag tested before). A program point has a small set of these.
#pragma once

#include "analysis/LockIdentity.h"
#include "model/KernelApiModel.h"

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceLocation.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ctxlint {

// One step of an explanation chain: "calls foo()", "acquires dev->lock".
struct ChainLink {
  clang::SourceLocation Loc;
  std::string Function; // function the step is in
  std::string Message;
};
using Chain = std::vector<ChainLink>;

struct HeldLock {
  LockKey Key;
  LockClass Class = LockClass::Spinlock;
  LockMode Mode = LockMode::Exclusive;
  IrqEffect Irq = IrqEffect::None;
  bool Raw = false;
  int Subclass = 0;
  std::string AcquiredBy;               // API name ("spin_lock_irqsave")
  clang::SourceLocation AcquiredAt;     // in the analyzed function
  const clang::VarDecl *FlagsVar = nullptr;
  const clang::Expr *FlagsExpr = nullptr;
  // Held on entry by the caller's contract (lockdep_assert_held,
  // __must_hold), not acquired here.
  bool Assumed = false;
  // Taken inside a callee whose summary returns with it held.
  Chain Via;
  // For the interrupt or bottom-half state a lock operation disabled: the
  // lock it came with, and where that lock was released by a plain unlock
  // that left the state disabled (the split-release idiom, or a bug).
  LockKey Origin;
  clang::SourceLocation PlainReleaseAt;

  bool isCpuState() const {
    return Class == LockClass::Irq || Class == LockClass::Bh ||
           Class == LockClass::Preempt || Class == LockClass::Rcu;
  }

  bool makesAtomic() const { return !lockClassSleeps(Class); }
  bool operator==(const HeldLock &O) const {
    return Key == O.Key && Class == O.Class && Mode == O.Mode &&
           Irq == O.Irq && AcquiredAt == O.AcquiredAt &&
           FlagsVar == O.FlagsVar && Assumed == O.Assumed;
  }
};

class LockState {
public:
  std::vector<HeldLock> Held;
  // Truth of a tracked condition atom (a local variable or a trylock-like
  // call's result) on this path: true = nonzero.
  std::map<const void *, bool> Facts;
  // Locks released earlier on this path, and trylocks that failed: a
  // release of one of these is a real imbalance, not a caller's lock.
  std::set<std::string> Released;
  std::set<std::string> FailedAcquire;
  // Set when the state comes from merging past the state bound; rules stay
  // quiet about imbalances they could only see in such a state.
  bool Imprecise = false;

  const HeldLock *findInstance(const LockKey &K) const;
  HeldLock *findInstance(const LockKey &K);
  // The held lock or CPU state that makes this point atomic, if any.
  const HeldLock *atomicCause() const;
  const HeldLock *lastIrqsave() const;
  // The most recent interrupt (or bottom-half) state entry, preferring the
  // one that lock Origin created.
  HeldLock *cpuStateFor(LockClass Class, const LockKey *Origin);
  bool operator==(const LockState &O) const;
};

// The states reaching a program point, bounded: past Bound, facts are
// dropped; past it again, the states are merged into one (the intersection
// of their held locks) and marked imprecise.
class StateSet {
public:
  static constexpr size_t Bound = 16;

  void add(LockState S);
  void addAll(const StateSet &O) {
    for (const LockState &S : O.States)
      add(S);
  }
  void enforceBound();
  bool operator==(const StateSet &O) const { return States == O.States; }
  std::vector<LockState> States;
};

} // namespace ctxlint
