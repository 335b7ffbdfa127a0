#include "analysis/ApiCallSites.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <map>

using namespace clang;

namespace ctxlint {

llvm::StringRef calleeName(const CallExpr &Call) {
  if (const FunctionDecl *FD = Call.getDirectCallee())
    if (const IdentifierInfo *II = FD->getIdentifier())
      return II->getName();
  return {};
}

std::optional<ApiMacroExpansion>
outermostApiMacro(SourceLocation Loc, const SourceManager &SM,
                  const LangOptions &LangOpts, const KernelApiModel &Model) {
  std::optional<ApiMacroExpansion> Best;
  while (Loc.isMacroID()) {
    if (!SM.isMacroArgExpansion(Loc)) {
      llvm::StringRef Name = Lexer::getImmediateMacroName(Loc, SM, LangOpts);
      if (Model.isKnownName(Name))
        Best = ApiMacroExpansion{Name.str(),
                                 SM.getImmediateExpansionRange(Loc).getBegin()};
    }
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return Best;
}

namespace {

// Character ranges of the arguments of the macro invocation whose name token
// is at NameLoc, read from the spelled source text.
std::vector<std::pair<SourceLocation, SourceLocation>>
macroArgumentRanges(SourceLocation NameLoc, const SourceManager &SM,
                    const LangOptions &LangOpts) {
  std::vector<std::pair<SourceLocation, SourceLocation>> Ranges;
  SourceLocation Spelled = SM.getSpellingLoc(NameLoc);
  bool Invalid = false;
  const char *Begin = SM.getCharacterData(Spelled, &Invalid);
  if (Invalid)
    return Ranges;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Spelled), &Invalid);
  if (Invalid)
    return Ranges;
  const char *End = Buffer.end();
  const char *P = Begin;
  while (P < End && (isAsciiIdentifierContinue(*P)))
    ++P;
  while (P < End && isWhitespace(*P))
    ++P;
  if (P >= End || *P != '(')
    return Ranges;
  ++P;
  int Depth = 0;
  const char *ArgStart = P;
  auto LocOf = [&](const char *C) {
    return Spelled.getLocWithOffset(static_cast<int>(C - Begin));
  };
  for (; P < End; ++P) {
    char C = *P;
    if (C == '"' || C == '\'') {
      for (++P; P < End && *P != C; ++P)
        if (*P == '\\')
          ++P;
      continue;
    }
    if (C == '/' && P + 1 < End && P[1] == '*') {
      P = std::search(P + 2, End, "*/", "*/" + 2);
      if (P == End)
        break;
      ++P;
      continue;
    }
    if (C == '(' || C == '[' || C == '{') {
      ++Depth;
    } else if ((C == ')' || C == ']' || C == '}') && Depth > 0) {
      --Depth;
    } else if (Depth == 0 && (C == ',' || C == ')')) {
      Ranges.emplace_back(LocOf(ArgStart), LocOf(P));
      ArgStart = P + 1;
      if (C == ')')
        break;
    }
  }
  return Ranges;
}

// The largest expression among Roots whose spelled tokens all lie inside
// [Begin, End): the AST form of one macro argument.
class ArgumentFinder : public RecursiveASTVisitor<ArgumentFinder> {
public:
  ArgumentFinder(const SourceManager &SM, SourceLocation Begin,
                 SourceLocation End)
      : SM(SM), Begin(Begin), End(End) {}

  bool TraverseStmt(Stmt *S) {
    if (!S || Found)
      return true;
    if (auto *E = dyn_cast<Expr>(S)) {
      if (inside(E->getBeginLoc()) && inside(E->getEndLoc())) {
        Found = E;
        return true;
      }
    }
    return RecursiveASTVisitor::TraverseStmt(S);
  }

  const Expr *Found = nullptr;

private:
  const SourceManager &SM;
  SourceLocation Begin, End;

  bool inside(SourceLocation L) const {
    if (L.isInvalid())
      return false;
    SourceLocation S = SM.getSpellingLoc(L);
    if (SM.getFileID(S) != SM.getFileID(Begin))
      return false;
    unsigned Off = SM.getFileOffset(S);
    return Off >= SM.getFileOffset(Begin) && Off < SM.getFileOffset(End);
  }
};

struct MacroUse {
  ApiMacroExpansion Expansion;
  std::vector<Stmt *> Roots;
  const Stmt *FirstCall = nullptr;
  const Stmt *FirstExpr = nullptr;
};

class SiteCollector : public RecursiveASTVisitor<SiteCollector> {
public:
  SiteCollector(ASTContext &Ctx, const KernelApiModel &Model)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Model(Model) {}

  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseStmt(Stmt *S) {
    if (!S)
      return true;
    std::optional<ApiMacroExpansion> Owner;
    if (S->getBeginLoc().isMacroID())
      Owner = outermostApiMacro(S->getBeginLoc(), SM, Ctx.getLangOpts(), Model);
    if (Owner) {
      unsigned Key = Owner->InvocationLoc.getRawEncoding();
      auto [It, Inserted] = Macros.try_emplace(Key);
      MacroUse &Use = It->second;
      if (Inserted) {
        Use.Expansion = *Owner;
        Order.push_back(Key);
      }
      if (Current != Key)
        Use.Roots.push_back(S);
      Owned.push_back(S);
      if (!Use.FirstCall && isa<CallExpr>(S))
        Use.FirstCall = S;
      if (!Use.FirstExpr && isa<Expr>(S))
        Use.FirstExpr = S;
      unsigned Saved = Current;
      Current = Key;
      bool R = RecursiveASTVisitor::TraverseStmt(S);
      Current = Saved;
      return R;
    }
    if (auto *Call = dyn_cast<CallExpr>(S)) {
      llvm::StringRef Name = calleeName(*Call);
      if (!Name.empty() && Model.isKnownName(Name))
        Calls.push_back(Call);
    }
    unsigned Saved = Current;
    Current = 0;
    bool R = RecursiveASTVisitor::TraverseStmt(S);
    Current = Saved;
    return R;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const KernelApiModel &Model;
  std::map<unsigned, MacroUse> Macros;
  std::vector<unsigned> Order;
  std::vector<const CallExpr *> Calls;
  std::vector<const Stmt *> Owned;
  unsigned Current = 0;
};

} // namespace

FunctionApiSites::FunctionApiSites(const FunctionDecl &Function,
                                   ASTContext &Ctx,
                                   const KernelApiModel &Model) {
  if (!Function.hasBody())
    return;
  SiteCollector Collector(Ctx, Model);
  Collector.TraverseStmt(Function.getBody());
  const SourceManager &SM = Ctx.getSourceManager();

  for (const CallExpr *Call : Collector.Calls) {
    ApiCallSite Site;
    Site.Name = calleeName(*Call).str();
    Site.NameLoc = SM.getExpansionLoc(Call->getBeginLoc());
    Site.Call = Call;
    Site.Anchor = Call;
    Site.Value = Call;
    for (const Expr *A : Call->arguments())
      Site.Args.push_back(A);
    Sites.push_back(std::move(Site));
  }

  for (unsigned Key : Collector.Order) {
    MacroUse &Use = Collector.Macros[Key];
    ApiCallSite Site;
    Site.Name = Use.Expansion.Name;
    Site.IsMacro = true;
    Site.NameLoc = SM.getExpansionLoc(Use.Expansion.InvocationLoc);
    Site.Anchor = Use.FirstCall ? Use.FirstCall : Use.FirstExpr;
    if (Use.Roots.size() == 1)
      Site.Value = dyn_cast<Expr>(Use.Roots.front());
    if (Site.Value)
      Site.Call = dyn_cast<CallExpr>(Site.Value->IgnoreParenImpCasts());
    for (auto [Begin, End] :
         macroArgumentRanges(Use.Expansion.InvocationLoc, SM, Ctx.getLangOpts())) {
      const Expr *Found = nullptr;
      for (Stmt *Root : Use.Roots) {
        ArgumentFinder Finder(SM, Begin, End);
        Finder.TraverseStmt(Root);
        if ((Found = Finder.Found))
          break;
      }
      Site.Args.push_back(Found);
    }
    if (!Site.Anchor)
      continue;
    Sites.push_back(std::move(Site));
  }

  for (const Stmt *S : Collector.Owned)
    MacroOwned[S] = true;
  for (size_t I = 0; I < Sites.size(); ++I)
    AnchorIndex[Sites[I].Anchor] = I;
}

const ApiCallSite *FunctionApiSites::siteAnchoredAt(const Stmt *S) const {
  auto It = AnchorIndex.find(S);
  return It == AnchorIndex.end() ? nullptr : &Sites[It->second];
}

} // namespace ctxlint
