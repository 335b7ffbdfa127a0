#include "analysis/LockIdentity.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

using namespace clang;

namespace ctxlint {

namespace {

struct LockPath {
  std::string Root;        // "$0", "local:x", "global_name", "" if opaque
  std::string Display;
  std::string RecordName;  // record holding the first field
  std::vector<std::string> Fields;
  bool Indexed = false;    // went through a[i] with an unknown index
};

std::string recordNameOf(QualType T) {
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  if (const RecordDecl *RD = T->getAsRecordDecl()) {
    if (const IdentifierInfo *II = RD->getIdentifier())
      return (RD->isUnion() ? "union " : "struct ") + II->getName().str();
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      return TD->getName().str();
    return "struct <anonymous>";
  }
  return T.getAsString();
}

bool describe(const Expr *E, const FunctionDecl &F, LockPath &P) {
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)
      return describe(UO->getSubExpr(), F, P);
    return false;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return false;
    P.Display = VD->getName().str();
    if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
      P.Root = "$" + std::to_string(PVD->getFunctionScopeIndex());
    } else if (VD->hasLocalStorage()) {
      P.Root = "local:" + VD->getName().str();
    } else {
      // File-scope statics of different files may share a name; the class
      // is still per-name, which is what a reader means by it.
      P.Root = VD->getName().str();
    }
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ME->getBase();
    bool Ok = describe(Base, F, P);
    if (P.Fields.empty())
      P.RecordName = recordNameOf(Base->getType());
    P.Fields.push_back(ME->getMemberDecl()->getName().str());
    P.Display += (ME->isArrow() ? "->" : ".") + P.Fields.back();
    return Ok;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    bool Ok = describe(ASE->getBase(), F, P);
    Expr::EvalResult R;
    if (ASE->getIdx()->EvaluateAsInt(R, F.getASTContext())) {
      std::string Index = "[" + std::to_string(R.Val.getInt().getExtValue()) + "]";
      P.Display += Index;
      if (!P.Fields.empty())
        P.Fields.back() += Index;
      else
        P.Root += Index;
    } else {
      P.Indexed = true;
      P.Display += "[]";
      if (!P.Fields.empty())
        P.Fields.back() += "[]";
    }
    return Ok;
  }
  // A call result or other computed pointer: the class may still follow
  // from the fields below it, but the instance is unknown.
  P.Display = "(...)";
  return false;
}

} // namespace

LockKey lockKeyOf(const Expr *LockArg, const FunctionDecl &F,
                  const ASTContext &) {
  LockKey K;
  if (!LockArg)
    return K;
  LockPath P;
  bool Known = describe(LockArg, F, P);
  std::string FieldPath;
  for (const std::string &Field : P.Fields)
    FieldPath += (FieldPath.empty() ? "" : ".") + Field;
  if (!P.Fields.empty())
    K.Class = P.RecordName + "::" + FieldPath;
  else if (Known && !P.Root.empty() && P.Root[0] != '$' &&
           P.Root.rfind("local:", 0) != 0)
    K.Class = P.Root;
  if (Known && !P.Indexed)
    K.Instance = P.Root + (FieldPath.empty() ? "" : "->" + FieldPath);
  K.Display = P.Display;
  return K;
}

LockKey stateKey(const char *Name) {
  return LockKey{Name, Name, Name};
}

std::string instanceAtCall(const std::string &CalleeInstance,
                           const CallExpr &Call, const FunctionDecl &Caller,
                           const ASTContext &Ctx) {
  // A lock reached through the callee's own local names no caller object.
  if (CalleeInstance.rfind("local:", 0) == 0)
    return {};
  if (CalleeInstance.empty() || CalleeInstance[0] != '$')
    return CalleeInstance; // globals and CPU states mean the same everywhere
  size_t End = 1;
  while (End < CalleeInstance.size() && isdigit(CalleeInstance[End]))
    ++End;
  unsigned Index = std::stoul(CalleeInstance.substr(1, End - 1));
  if (Index >= Call.getNumArgs())
    return {};
  LockKey ArgKey = lockKeyOf(Call.getArg(Index), Caller, Ctx);
  if (ArgKey.Instance.empty())
    return {};
  std::string Rest = CalleeInstance.substr(End);
  // "$0" + "->lock" where $0 was "&dev->priv": the pointer's path grows.
  if (Rest.rfind("->", 0) == 0 && ArgKey.Instance.find("->") != std::string::npos)
    return ArgKey.Instance + "." + Rest.substr(2);
  return ArgKey.Instance + Rest;
}

} // namespace ctxlint
