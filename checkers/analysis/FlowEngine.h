// The lock and context flow engine. For every analyzed function it runs a
// path-sensitive dataflow over the CFG (LockState sets, bounded), using
// bottom-up summaries of the functions it calls, and records what rules need:
// the states at each lock operation, at each call that may sleep, at each
// return. It also finds the context roots (handlers, bottom halves) and how
// each function is reached from them. It knows nothing of rules or output.
#pragma once

#include "analysis/ContextRoots.h"
#include "analysis/LockState.h"
#include "analysis/TranslationUnitAnalysis.h"

#include "llvm/ADT/DenseMap.h"

#include <memory>
#include <optional>
#include <vector>

namespace ctxlint {

// Why a call may sleep: the chain from the call to the sleeping API.
struct SleepWitness {
  std::string Api;          // the sleeping API at the end of the chain
  std::string Reason;       // "may sleep", "allocates with GFP_KERNEL-like flags"
  Chain Steps;              // call sites from the analyzed call inward
  // Lock instances (in the sleeping function's terms) released before the
  // sleep on every path to it: ps2_do_sendbyte() drops its caller's lock,
  // waits, and takes it again.
  std::vector<std::string> ReleasedBefore;
};

// A sleep that happens only when a condition on the function's inputs holds
// (a parameter is nonzero; a field reached from a parameter is NULL). A
// caller sees the sleep only when it can show the condition holds.
struct SleepCondition {
  int Param = -1;         // the parameter tested directly, or -1
  std::string Condition;  // the tested expression otherwise ("$0->absinfo")
  bool MustBeNonZero = true;
};

// A lock a function leaves held or releases for its caller, in the callee's
// parameter terms.
struct LockEffect {
  HeldLock Lock;
};

struct FunctionSummary {
  std::optional<SleepWitness> MaySleep;
  // Empty when MaySleep holds on some path whatever the inputs.
  std::vector<SleepCondition> SleepsOnlyIf;
  std::vector<HeldLock> AcquiresOnReturn; // held at every return
  std::vector<LockKey> ReleasesCallers;   // released although not taken here
  // Every lock the function takes inside (directly or in callees), with
  // where: for double-lock through calls.
  std::vector<std::pair<HeldLock, Chain>> Takes;
  bool Computed = false;
};

// What the engine saw at one point, with the states reaching it.
struct LockOpEvent {
  const ApiCallSite *Site = nullptr;
  const LockOperation *Op = nullptr;
  const GuardKind *Guard = nullptr; // for guard()/scoped_guard
  clang::SourceLocation Loc;
  LockKey Key;
  const clang::Expr *FlagsExpr = nullptr;
  std::vector<LockState> Before;
};

struct SleepEvent {
  clang::SourceLocation Loc;   // the call in this function
  SleepWitness Witness;
  std::vector<LockState> Before;
};

struct CalleeLockEvent {
  clang::SourceLocation Loc;   // the call in this function
  const clang::FunctionDecl *Callee = nullptr;
  HeldLock Taken;              // in the caller's terms
  Chain Steps;                 // from the call to the acquisition
  std::vector<LockState> Before;
};

struct ReturnEvent {
  clang::SourceLocation Loc;   // the return, or the closing brace
  std::vector<LockState> States;
  const clang::Expr *Value = nullptr; // the returned expression, if any
};

struct FunctionFlow {
  std::vector<LockOpEvent> LockOps;
  std::vector<SleepEvent> Sleeps;
  std::vector<CalleeLockEvent> CalleeLocks;
  std::vector<ReturnEvent> Returns;
  // Locks named by __acquires / __releases / __must_hold on the definition.
  std::vector<std::string> AnnotatedAcquires, AnnotatedReleases;
};

class FlowEngine {
public:
  explicit FlowEngine(TranslationUnitAnalysis &TU);
  ~FlowEngine();

  const FunctionFlow &flow(const clang::FunctionDecl &F);
  const FunctionSummary &summary(const clang::FunctionDecl &F);
  const ContextRoots &roots() { return Roots; }
  // The functions the analyzed files store into this function-pointer
  // field (ops tables, callbacks set by assignment).
  const std::vector<const clang::FunctionDecl *> &fieldTargets(const clang::FieldDecl &Field);

private:
  struct Impl;
  TranslationUnitAnalysis &TU;
  ContextRoots Roots;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionFlow>> Flows;
  llvm::DenseMap<const clang::FunctionDecl *, FunctionSummary> Summaries;
  llvm::DenseMap<const clang::FunctionDecl *, bool> InProgress;
  llvm::DenseMap<const clang::FieldDecl *, std::vector<const clang::FunctionDecl *>> FieldTargets;
  bool FieldTargetsCollected = false;

  void analyze(const clang::FunctionDecl &F);
};

} // namespace ctxlint
