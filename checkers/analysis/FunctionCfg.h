// A function's CFG built the way every ctxlint analysis wants it: every
// expression is its own element (so a call inside a condition has a program
// point), trivially false edges pruned (do { } while (0) in every macro), and
// cleanup-attribute calls present (guard()/scoped_guard()).
#pragma once

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"

#include <memory>

namespace clang {
class FunctionDecl;
class ASTContext;
} // namespace clang

namespace ctxlint {

struct ProgramPoint {
  const clang::CFGBlock *Block = nullptr;
  unsigned Index = 0; // element index within Block
};

class FunctionCfg {
public:
  FunctionCfg(const clang::FunctionDecl &Function, clang::ASTContext &Ctx);

  bool valid() const { return Cfg != nullptr; }
  const clang::CFG &cfg() const { return *Cfg; }
  const clang::FunctionDecl &function() const { return Function; }
  // Where a statement is evaluated, if it is a CFG element.
  std::optional<ProgramPoint> pointOf(const clang::Stmt *S) const;

private:
  const clang::FunctionDecl &Function;
  std::unique_ptr<clang::CFG> Cfg;
  llvm::DenseMap<const clang::Stmt *, ProgramPoint> Points;
};

} // namespace ctxlint
