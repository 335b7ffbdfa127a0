// Per-translation-unit state shared by every rule: which functions are
// analyzed (those defined in the files the user asked about, not the
// thousands of inline functions the kernel headers bring in) and lazily built
// per-function analyses, so that two rules asking about one function pay once.
#pragma once

#include "analysis/ApiCallSites.h"
#include "analysis/FunctionCfg.h"
#include "analysis/FunctionPointerStores.h"
#include "analysis/ValueFlow.h"
#include "model/KernelApiModel.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace ctxlint {

class FlowEngine;

class TranslationUnitAnalysis {
public:
  // IsAnalyzedFile decides, by file name, whether findings may be reported
  // in a file; by default only the main file is analyzed.
  TranslationUnitAnalysis(clang::ASTContext &Ctx, const KernelApiModel &Model,
                          std::function<bool(clang::SourceLocation)> IsAnalyzed);
  ~TranslationUnitAnalysis();

  clang::ASTContext &astContext() const { return Ctx; }
  const clang::SourceManager &sourceManager() const {
    return Ctx.getSourceManager();
  }
  const KernelApiModel &model() const { return Model; }

  // Function definitions located in analyzed files, in source order.
  const std::vector<const clang::FunctionDecl *> &analyzedFunctions();
  bool isAnalyzedLocation(clang::SourceLocation Loc) const;

  const FunctionApiSites &apiSites(const clang::FunctionDecl &F);
  const FunctionCfg &cfg(const clang::FunctionDecl &F);
  ValueFlow &valueFlow(const clang::FunctionDecl &F);
  // Function pointers the analyzed files store into struct fields.
  const std::vector<FunctionPointerStore> &functionPointerStores();
  // The lock and context flow engine, built on first use.
  FlowEngine &flowEngine();

private:
  clang::ASTContext &Ctx;
  const KernelApiModel &Model;
  std::function<bool(clang::SourceLocation)> IsAnalyzed;
  std::vector<const clang::FunctionDecl *> Functions;
  bool FunctionsCollected = false;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionApiSites>>
      Sites;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionCfg>>
      Cfgs;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<ValueFlow>>
      Flows;
  std::unique_ptr<FlowEngine> Engine;
  std::optional<std::vector<FunctionPointerStore>> Stores;
};

} // namespace ctxlint
