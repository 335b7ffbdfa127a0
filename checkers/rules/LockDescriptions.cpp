#include "rules/LockDescriptions.h"

#include "llvm/ADT/StringRef.h"

namespace ctxlint {

std::string describeHeld(const HeldLock &H) {
  switch (H.Class) {
  case LockClass::Irq: return "interrupts disabled";
  case LockClass::Bh: return "bottom halves disabled";
  case LockClass::Preempt: return "preemption disabled";
  case LockClass::Rcu: return "inside an RCU read-side critical section";
  default: break;
  }
  std::string Name = H.Key.Display.empty() ? H.Key.Class : H.Key.Display;
  return std::string(H.Raw ? "raw " : "") + lockClassName(H.Class) + " '" + Name + "'";
}

std::string whileHeld(const HeldLock &H) {
  switch (H.Class) {
  case LockClass::Irq: return "while interrupts are disabled";
  case LockClass::Bh: return "while bottom halves are disabled";
  case LockClass::Preempt: return "while preemption is disabled";
  case LockClass::Rcu: return "inside an RCU read-side critical section";
  default: return "while " + describeHeld(H) + " is held";
  }
}

std::string acquisitionNote(const HeldLock &H) {
  if (H.Assumed)
    return describeHeld(H) + " is held here by the caller's contract (" + H.AcquiredBy + ")";
  std::string By = H.AcquiredBy.empty() ? ""
                   : llvm::StringRef(H.AcquiredBy).ends_with(")")
                       ? " by " + H.AcquiredBy
                       : " by " + H.AcquiredBy + "()";
  if (!H.Via.empty())
    return describeHeld(H) + " acquired by this call";
  switch (H.Class) {
  case LockClass::Irq:
  case LockClass::Bh:
  case LockClass::Preempt:
  case LockClass::Rcu:
    return describeHeld(H) + " here" + By;
  default:
    return describeHeld(H) + " acquired here" + By;
  }
}

} // namespace ctxlint
