// What "the same lock" means. Like lockdep, a lock has a class: a global by
// its name, a lock inside a struct by the struct type and field path
// ("struct foo_dev::lock"). Within one function it also has an instance: the
// path from a parameter, local or global ("$0->lock" for the first
// parameter), so that a->lock and b->lock are told apart, and so that a
// callee's summary can be mapped onto the caller's arguments.
#pragma once

#include "clang/AST/Expr.h"

#include <string>

namespace ctxlint {

struct LockKey {
  std::string Class;    // "struct foo_dev::lock", "my_global_lock", "irq"
  std::string Instance; // "$0->lock", "my_global_lock", "" when unknown
  std::string Display;  // as written: "dev->lock"

  bool sameInstance(const LockKey &O) const {
    return !Instance.empty() && Instance == O.Instance;
  }
  // The same instance, or, when either instance is opaque (a lock reached
  // through a call result), the same class: what a release can match.
  bool mayBeSameLock(const LockKey &O) const {
    return sameInstance(O) ||
           ((Instance.empty() || O.Instance.empty()) && !Class.empty() && Class == O.Class);
  }
  bool operator==(const LockKey &O) const {
    return Class == O.Class && Instance == O.Instance;
  }
  bool operator<(const LockKey &O) const {
    return std::tie(Class, Instance) < std::tie(O.Class, O.Instance);
  }
};

// The identity of the lock object an API argument designates (&dev->lock,
// dev->lock, my_lock), relative to Function's parameters.
LockKey lockKeyOf(const clang::Expr *LockArg, const clang::FunctionDecl &Function,
                  const clang::ASTContext &Ctx);

// A CPU state treated as a lock (irq, bh, preempt, rcu).
LockKey stateKey(const char *Name);

// Rewrites a callee-relative instance ("$1->lock") into the caller's terms
// using the call's argument expressions; "" when an argument is opaque.
std::string instanceAtCall(const std::string &CalleeInstance,
                           const clang::CallExpr &Call,
                           const clang::FunctionDecl &Caller,
                           const clang::ASTContext &Ctx);

} // namespace ctxlint
