// The clang-tidy front end: every ctxlint rule as a clang-tidy check with the
// same id, for `clang-tidy --load=libctxlint-tidy.so --checks='-*,ctxlint-*'`.
// It runs the same RuleRunner as the CLI and turns Findings back into clang
// diagnostics, so both front ends report the same lines with the same text.
#include "model/KernelApiModel.h"
#include "rules/RuleRegistry.h"
#include "rules/RuleRunner.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/FileManager.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace ctxlint {
namespace {

// Diagnostic text is a format string: a literal '%' must be doubled.
std::string escapeForDiag(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '%')
      Out += '%';
    Out += C;
  }
  return Out;
}

class CtxlintCheck : public tidy::ClangTidyCheck {
public:
  CtxlintCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context), Descriptor(findRule(Name)) {
    for (const std::string &Key : Descriptor->OptionNames)
      if (std::optional<llvm::StringRef> V = Options.get(Key))
        RuleOpts.set((Name + "." + Key).str(), *V);
    ModelFiles = Options.getLocalOrGlobal("CtxlintModelFiles", "").str();
  }

  void storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) override {
    for (const std::string &Key : Descriptor->OptionNames) {
      auto It = RuleOpts.all().find((Descriptor->Info.Id + "." + Key));
      if (It != RuleOpts.all().end())
        Options.store(Opts, Key, It->second);
    }
  }

  void registerMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
  }

  void check(const MatchFinder::MatchResult &Result) override {
    auto Model = KernelApiModel::loadBuiltin();
    if (!Model) {
      configurationDiag("ctxlint: %0") << llvm::toString(Model.takeError());
      return;
    }
    llvm::SmallVector<llvm::StringRef, 4> Paths;
    llvm::StringRef(ModelFiles).split(Paths, ';', -1, false);
    for (llvm::StringRef Path : Paths)
      if (llvm::Error E = Model->mergeFile(Path)) {
        configurationDiag("%0") << llvm::toString(std::move(E));
        return;
      }
    RuleRunner Runner(*Model, {Descriptor->Info.Id}, RuleOpts);
    ASTContext &Ctx = *Result.Context;
    for (const Finding &F : Runner.run(Ctx))
      emit(F, Ctx.getSourceManager());
  }

private:
  const RuleDescriptor *Descriptor;
  RuleOptions RuleOpts;
  std::string ModelFiles;

  SourceLocation toLocation(const SourcePoint &P, SourceManager &SM) {
    if (!P.valid())
      return {};
    auto File = SM.getFileManager().getOptionalFileRef(P.File);
    if (!File)
      return {};
    return SM.translateFileLineCol(*File, P.Line, P.Column);
  }

  void emit(const Finding &F, SourceManager &SM) {
    {
      auto Diag = diag(toLocation(F.Location, SM), escapeForDiag(F.Message));
      for (const FixIt &Fix : F.FixIts) {
        SourceLocation B = toLocation(Fix.Begin, SM), E = toLocation(Fix.End, SM);
        if (B.isValid() && E.isValid())
          Diag << FixItHint::CreateReplacement(CharSourceRange::getCharRange(B, E),
                                               Fix.Replacement);
      }
    }
    for (const FindingNote &N : F.Notes)
      diag(toLocation(N.Where, SM), escapeForDiag(N.Message), DiagnosticIDs::Note);
    for (const CallChainStep &S : F.CallChain)
      diag(toLocation(S.Where, SM), escapeForDiag(S.Message), DiagnosticIDs::Note);
  }
};

class CtxlintModule : public tidy::ClangTidyModule {
public:
  void addCheckFactories(tidy::ClangTidyCheckFactories &Factories) override {
    for (const RuleDescriptor &D : allRules())
      Factories.registerCheckFactory(
          D.Info.Id, [](llvm::StringRef Name, tidy::ClangTidyContext *Context) {
            return std::make_unique<CtxlintCheck>(Name, Context);
          });
  }
};

} // namespace
} // namespace ctxlint

static clang::tidy::ClangTidyModuleRegistry::Add<ctxlint::CtxlintModule>
    CtxlintModuleRegistration("ctxlint-module",
                              "Locking and execution-context checks for Linux kernel drivers.");
