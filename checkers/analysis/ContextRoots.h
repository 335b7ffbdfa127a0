// Context roots: the functions the kernel calls in a known execution context
// because the driver registered them: request_irq()'s handler runs in
// hardirq context, a tasklet or timer callback in softirq context, a work
// item or threaded handler in process context. Which registration gives
// which context is read from the model (contextRegistrations and
// contextFields), so users add their own subsystems without code changes.
#pragma once

#include "model/KernelApiModel.h"

#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"

#include <string>

namespace ctxlint {

class TranslationUnitAnalysis;

struct ContextRoot {
  const clang::FunctionDecl *Callback = nullptr;
  ExecContext Context = ExecContext::Process;
  clang::SourceLocation RegisteredAt;
  std::string RegisteredBy; // "request_irq", "tasklet_setup", ".function ="
};

class ContextRoots {
public:
  void collect(TranslationUnitAnalysis &TU);
  // The most atomic registration of F, if it has one.
  const ContextRoot *rootOf(const clang::FunctionDecl &F) const;

private:
  llvm::DenseMap<const clang::FunctionDecl *, ContextRoot> Roots;
  void add(const clang::FunctionDecl *F, ExecContext C, clang::SourceLocation At,
           std::string By);
};

} // namespace ctxlint
