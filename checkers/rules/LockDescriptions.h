// Wording shared by the lock rules, so that every finding names a lock and
// its acquisition the same way.
#pragma once

#include "analysis/LockState.h"

#include <string>

namespace ctxlint {

// "spinlock 'dev->lock'", "interrupts disabled", "RCU read-side section"
std::string describeHeld(const HeldLock &H);
// "while spinlock 'dev->lock' is held", "inside an RCU read-side critical section"
std::string whileHeld(const HeldLock &H);
// "acquired here with spin_lock_irqsave()" and the like, for a note.
std::string acquisitionNote(const HeldLock &H);

} // namespace ctxlint
