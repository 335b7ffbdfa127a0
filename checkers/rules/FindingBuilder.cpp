#include "rules/FindingBuilder.h"

#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace ctxlint {

SourcePoint FindingBuilder::point(SourceLocation Loc) const {
  SourcePoint P;
  if (Loc.isInvalid())
    return P;
  SourceLocation File = SM.getExpansionLoc(Loc);
  PresumedLoc PL = SM.getPresumedLoc(File, /*UseLineDirectives=*/false);
  if (PL.isInvalid())
    return P;
  P.File = PL.getFilename();
  P.Line = PL.getLine();
  P.Column = PL.getColumn();
  return P;
}

// The line's text with whitespace collapsed: survives re-indentation and
// line shifts, changes when the offending code itself changes.
static std::string normalizedLine(const SourceManager &SM, SourceLocation Loc) {
  SourceLocation File = SM.getExpansionLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(File), &Invalid);
  if (Invalid)
    return {};
  unsigned Offset = SM.getFileOffset(File);
  size_t Begin = Buffer.rfind('\n', Offset);
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  size_t End = Buffer.find('\n', Offset);
  llvm::StringRef Line = Buffer.slice(Begin, End);
  std::string Out;
  bool Space = false;
  for (char C : Line) {
    if (isWhitespace(C)) {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

Finding FindingBuilder::make(llvm::StringRef RuleId, Severity Level,
                             SourceLocation Loc, const FunctionDecl *Function,
                             std::string Message) const {
  Finding F;
  F.RuleId = RuleId.str();
  F.Level = Level;
  F.Location = point(Loc);
  if (Function)
    F.Function = Function->getNameAsString();
  F.Message = std::move(Message);
  F.FingerprintBasis = normalizedLine(SM, Loc);
  return F;
}

void FindingBuilder::note(Finding &F, SourceLocation Loc,
                          std::string Message) const {
  F.Notes.push_back(FindingNote{point(Loc), std::move(Message)});
}

void FindingBuilder::step(Finding &F, SourceLocation Loc,
                          llvm::StringRef Function, std::string Message) const {
  F.CallChain.push_back(CallChainStep{point(Loc), Function.str(), std::move(Message)});
}

void FindingBuilder::fix(Finding &F, SourceRange TokenRange,
                         std::string Replacement) const {
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(TokenRange), SM, LangOpts);
  if (R.isInvalid())
    return;
  F.FixIts.push_back(FixIt{point(R.getBegin()), point(R.getEnd()),
                           std::move(Replacement)});
}

void FindingBuilder::insertAfter(Finding &F, SourceRange TokenRange,
                                 std::string Text) const {
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(TokenRange), SM, LangOpts);
  if (R.isInvalid())
    return;
  F.FixIts.push_back(FixIt{point(R.getEnd()), point(R.getEnd()), std::move(Text)});
}

} // namespace ctxlint
