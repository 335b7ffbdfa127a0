#include "analysis/FunctionCfg.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

using namespace clang;

namespace ctxlint {

FunctionCfg::FunctionCfg(const FunctionDecl &Function, ASTContext &Ctx)
    : Function(Function) {
  if (!Function.hasBody())
    return;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.PruneTriviallyFalseEdges = true;
  Options.AddImplicitDtors = true; // emits CFGCleanupFunction in C
  Options.AddScopes = false;
  Cfg = CFG::buildCFG(&Function, Function.getBody(), &Ctx, Options);
  if (!Cfg)
    return;
  for (const CFGBlock *Block : *Cfg) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      if (auto S = Element.getAs<CFGStmt>())
        Points.try_emplace(S->getStmt(), ProgramPoint{Block, Index});
      ++Index;
    }
  }
}

std::optional<ProgramPoint> FunctionCfg::pointOf(const Stmt *S) const {
  auto It = Points.find(S);
  if (It == Points.end())
    return std::nullopt;
  return It->second;
}

} // namespace ctxlint
