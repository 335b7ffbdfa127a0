// The kernel API model: everything ctxlint knows about what kernel functions
// and macros do to locks and execution context. The knowledge itself lives in
// kernel-api.json (embedded at build time) and in user files given with
// --model; this is the typed, validated view of it that rules and the engine
// query by name.
#pragma once

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ctxlint {

enum class ExecContext { Process, Softirq, Hardirq };
const char *contextName(ExecContext C);

// What kind of lock or critical section an operation manipulates.
enum class LockClass { Spinlock, Rwlock, Mutex, Semaphore, Rwsem, Rcu, Preempt, Irq, Bh };
const char *lockClassName(LockClass C);
// Sleeping locks may not be taken in atomic context; the others make it atomic.
bool lockClassSleeps(LockClass C);
// Locks that are objects (have an argument) as opposed to CPU states.
bool lockClassHasObject(LockClass C);

enum class LockMode { Exclusive, Read, Write };

enum class LockOpKind {
  Acquire,
  TryAcquire,          // returns nonzero when the lock was taken
  TryAcquireInverted,  // returns 0 when the lock was taken (down_trylock)
  AcquireInterruptible,// returns 0 when taken, -EINTR otherwise
  Release,
  AssertHeld,          // lockdep_assert_held(): a fact, not an action
};

// The interrupt side effect that comes with a lock operation.
enum class IrqEffect { None, Disable, Save, Bh };
const char *irqEffectSuffix(IrqEffect E); // "", "_irq", "_irqsave", "_bh"

struct LockOperation {
  std::string Name;
  LockOpKind Op = LockOpKind::Acquire;
  std::optional<LockClass> Class; // absent for assert-held (any class)
  LockMode Mode = LockMode::Exclusive;
  bool Raw = false;
  IrqEffect Irq = IrqEffect::None;
  int LockArg = -1;
  int FlagsArg = -1;
  int SubclassArg = -1;
};

// guard(<name>)(...) / scoped_guard(<name>, ...) from <linux/cleanup.h>.
struct GuardKind {
  std::string Name;
  LockClass Class = LockClass::Spinlock;
  LockMode Mode = LockMode::Exclusive;
  bool Raw = false;
  IrqEffect Irq = IrqEffect::None;
  bool Conditional = false; // the _try / _intr forms
};

struct SleepingApi {
  std::string Name;
  std::string Why;           // optional explanation shown in notes
  int OnlyIfArgNonZero = -1; // might_sleep_if(cond)
  // The sleep happens with this lock argument released (and its interrupt
  // state restored): wait_event_lock_irq(wq, cond, lock).
  int DropsLockArg = -1;
};

struct GfpAllocator {
  std::string Name;
  int GfpArg = -1;
};

struct ContextRegistration {
  std::string Name;
  int CallbackArg = -1;
  ExecContext Context = ExecContext::Process;
};

// Assigning a function to this field of this record gives it a context
// (hrtimer.function = cb).
struct ContextField {
  std::string Field;
  std::string RecordType;
  ExecContext Context = ExecContext::Process;
};

struct IrqRequestApi {
  std::string Name;
  int Irq = -1, Handler = -1, ThreadFn = -1, Flags = -1, DevName = -1,
      DevId = -1;
};

struct MustCheckApi {
  std::string Name;
  std::string Why;
};

class KernelApiModel {
public:
  // The model built into ctxlint (checkers/model/kernel-api.json).
  static llvm::Expected<KernelApiModel> loadBuiltin();

  // Adds (or replaces, by name) the entries of a user model file. Errors name
  // the file, the line and column, and the offending key.
  llvm::Error mergeFile(llvm::StringRef Path);
  llvm::Error mergeText(llvm::StringRef Text, llvm::StringRef SourceName);

  const LockOperation *lockOperation(llvm::StringRef Name) const;
  const GuardKind *guardKind(llvm::StringRef Name) const;
  const SleepingApi *sleepingApi(llvm::StringRef Name) const;
  const GfpAllocator *gfpAllocator(llvm::StringRef Name) const;
  const IrqRequestApi *irqRequest(llvm::StringRef Name) const;
  const MustCheckApi *mustCheck(llvm::StringRef Name) const;
  std::vector<const ContextRegistration *>
  contextRegistrations(llvm::StringRef Name) const;
  const std::vector<ContextField> &contextFields() const { return Fields; }
  bool isDefaultPrimaryHandler(llvm::StringRef Name) const;

  // True when the name appears anywhere in the model. Used to decide which
  // macro expansions are API calls.
  bool isKnownName(llvm::StringRef Name) const {
    return KnownNames.count(Name) != 0;
  }

  std::optional<uint64_t> constant(llvm::StringRef Name) const;

private:
  llvm::StringMap<LockOperation> LockOps;
  llvm::StringMap<GuardKind> Guards;
  llvm::StringMap<SleepingApi> Sleeping;
  llvm::StringMap<GfpAllocator> Allocators;
  llvm::StringMap<IrqRequestApi> IrqRequests;
  llvm::StringMap<MustCheckApi> MustCheck;
  std::multimap<std::string, ContextRegistration> Registrations;
  std::vector<ContextField> Fields;
  llvm::StringMap<bool> DefaultPrimaryHandlers;
  llvm::StringMap<uint64_t> Constants;
  llvm::StringMap<bool> KnownNames;

  void rebuildKnownNames();
};

} // namespace ctxlint
