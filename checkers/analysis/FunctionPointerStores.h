// Which functions the analyzed files store into function-pointer fields, by
// assignment (timer->function = cb) or by initializer (ops tables). Context
// roots come from some of these fields; indirect calls resolve through all.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <functional>
#include <vector>

namespace ctxlint {

struct FunctionPointerStore {
  const clang::FieldDecl *Field = nullptr; // canonical
  const clang::FunctionDecl *Function = nullptr;
  clang::SourceLocation Loc;
};

// The function an expression names (fn, &fn, (cast)fn), or null.
const clang::FunctionDecl *functionNamedBy(const clang::Expr *E);

std::vector<FunctionPointerStore>
collectFunctionPointerStores(clang::ASTContext &Ctx,
                             const std::function<bool(const clang::Decl &)> &IsAnalyzed);

} // namespace ctxlint
