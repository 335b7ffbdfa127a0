// Turns Clang source locations into a Finding's plain coordinates. Every
// location is mapped to where the driver wrote it (the expansion site of a
// macro), which is what both front ends print and what fingerprints key on.
#pragma once

#include "report/Finding.h"

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"

namespace ctxlint {

class FindingBuilder {
public:
  FindingBuilder(const clang::SourceManager &SM, const clang::LangOptions &LO)
      : SM(SM), LangOpts(LO) {}

  SourcePoint point(clang::SourceLocation Loc) const;
  Finding make(llvm::StringRef RuleId, Severity Level, clang::SourceLocation Loc,
               const clang::FunctionDecl *Function, std::string Message) const;
  void note(Finding &F, clang::SourceLocation Loc, std::string Message) const;
  void step(Finding &F, clang::SourceLocation Loc, llvm::StringRef Function,
            std::string Message) const;
  // A fix-it replacing the token range [Begin, End] (file locations); does
  // nothing when the range cannot be mapped to one file.
  void fix(Finding &F, clang::SourceRange TokenRange,
           std::string Replacement) const;
  void insertAfter(Finding &F, clang::SourceRange TokenRange,
                   std::string Text) const;

private:
  const clang::SourceManager &SM;
  const clang::LangOptions &LangOpts;
};

} // namespace ctxlint
