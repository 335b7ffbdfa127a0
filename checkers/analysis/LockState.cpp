#include "analysis/LockState.h"

#include <algorithm>

namespace ctxlint {

const HeldLock *LockState::findInstance(const LockKey &K) const {
  for (auto It = Held.rbegin(); It != Held.rend(); ++It)
    if (It->Key.mayBeSameLock(K))
      return &*It;
  return nullptr;
}

HeldLock *LockState::findInstance(const LockKey &K) {
  return const_cast<HeldLock *>(std::as_const(*this).findInstance(K));
}

const HeldLock *LockState::atomicCause() const {
  for (const HeldLock &H : Held)
    if (H.makesAtomic())
      return &H;
  return nullptr;
}

const HeldLock *LockState::lastIrqsave() const {
  for (auto It = Held.rbegin(); It != Held.rend(); ++It)
    if (It->Irq == IrqEffect::Save && It->isCpuState())
      return &*It;
  return nullptr;
}

HeldLock *LockState::cpuStateFor(LockClass Class, const LockKey *Origin) {
  if (Origin)
    for (auto It = Held.rbegin(); It != Held.rend(); ++It)
      if (It->Class == Class && It->Origin == *Origin)
        return &*It;
  for (auto It = Held.rbegin(); It != Held.rend(); ++It)
    if (It->Class == Class)
      return &*It;
  return nullptr;
}

bool LockState::operator==(const LockState &O) const {
  return Held == O.Held && Facts == O.Facts && Released == O.Released &&
         FailedAcquire == O.FailedAcquire && Imprecise == O.Imprecise;
}

void StateSet::add(LockState S) {
  if (std::find(States.begin(), States.end(), S) == States.end())
    States.push_back(std::move(S));
}

void StateSet::enforceBound() {
  if (States.size() <= Bound)
    return;
  // First give up path facts: states that differ only in them merge.
  std::vector<LockState> Old = std::move(States);
  States.clear();
  for (LockState &S : Old) {
    // Without its facts a state no longer knows which correlated branches
    // it took: rules must not trust its imbalances.
    if (!S.Facts.empty())
      S.Imprecise = true;
    S.Facts.clear();
    add(std::move(S));
  }
  if (States.size() <= Bound)
    return;
  // Then keep only what every path agrees on.
  LockState Merged = States.front();
  for (const LockState &S : States) {
    std::vector<HeldLock> Common;
    for (const HeldLock &H : Merged.Held)
      if (std::find(S.Held.begin(), S.Held.end(), H) != S.Held.end())
        Common.push_back(H);
    Merged.Held = std::move(Common);
    std::set<std::string> Released;
    std::set_intersection(Merged.Released.begin(), Merged.Released.end(),
                          S.Released.begin(), S.Released.end(),
                          std::inserter(Released, Released.begin()));
    Merged.Released = std::move(Released);
    Merged.FailedAcquire.clear();
  }
  Merged.Imprecise = true;
  States.clear();
  States.push_back(std::move(Merged));
}

} // namespace ctxlint
