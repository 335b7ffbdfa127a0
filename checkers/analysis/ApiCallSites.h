// Finds the kernel API uses in one function body, whether the kernel spells
// the API as a function (spin_lock) or as a macro (spin_lock_irqsave,
// wait_event_interruptible). A macro is recognized by its expansion: the
// outermost model-known macro whose *body* produced a statement owns it, so
// that one driver-written macro call is one API use however deep the kernel's
// own expansion goes, and calls written inside its arguments stay separate.
#pragma once

#include "model/KernelApiModel.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class SourceManager;
} // namespace clang

namespace ctxlint {

struct ApiCallSite {
  std::string Name;              // the API name as the model knows it
  bool IsMacro = false;
  clang::SourceLocation NameLoc; // file location of the name the driver wrote
  const clang::CallExpr *Call = nullptr; // the call, for function APIs
  // The first statement of the use in evaluation order: where its effect on
  // lock and context state applies in the CFG.
  const clang::Stmt *Anchor = nullptr;
  // The expression that carries the API's result (the call, or the
  // statement expression of a macro); null for statement-like macros.
  const clang::Expr *Value = nullptr;
  // Argument expressions as the driver wrote them; null where the macro's
  // argument could not be mapped back to an expression.
  std::vector<const clang::Expr *> Args;

  const clang::Expr *arg(int I) const {
    return I >= 0 && static_cast<size_t>(I) < Args.size() ? Args[I] : nullptr;
  }
};

class FunctionApiSites {
public:
  FunctionApiSites(const clang::FunctionDecl &Function, clang::ASTContext &Ctx,
                   const KernelApiModel &Model);

  const std::vector<ApiCallSite> &sites() const { return Sites; }
  const ApiCallSite *siteAnchoredAt(const clang::Stmt *S) const;
  // True for statements produced by the body of a model macro: they are the
  // kernel's implementation, not calls the driver made.
  bool isInsideApiMacro(const clang::Stmt *S) const {
    return MacroOwned.count(S) != 0;
  }

private:
  std::vector<ApiCallSite> Sites;
  llvm::DenseMap<const clang::Stmt *, size_t> AnchorIndex;
  llvm::DenseMap<const clang::Stmt *, bool> MacroOwned;
};

// The outermost model-known macro whose body (not an argument) produced the
// token at Loc. Returns the macro name and the location of its invocation.
struct ApiMacroExpansion {
  std::string Name;
  clang::SourceLocation InvocationLoc; // the macro name token, caller side
};
std::optional<ApiMacroExpansion>
outermostApiMacro(clang::SourceLocation Loc, const clang::SourceManager &SM,
                  const clang::LangOptions &LangOpts,
                  const KernelApiModel &Model);

// The name of a call's direct callee, or "" for indirect calls.
llvm::StringRef calleeName(const clang::CallExpr &Call);

} // namespace ctxlint
