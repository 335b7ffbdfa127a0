#include "analysis/ValueFlow.h"

#include "clang/AST/ASTContext.h"

#include <set>

using namespace clang;

namespace ctxlint {

void ValueSet::add(AbstractValue V) {
  Values.insert(V);
  if (Values.size() > MaxValues) {
    Values.clear();
    Values.insert(AbstractValue::unknown());
  }
}

void ValueSet::addAll(const ValueSet &Other) {
  for (const AbstractValue &V : Other.Values)
    add(V);
}

bool ValueSet::hasUnknown() const {
  return Values.count(AbstractValue::unknown()) != 0;
}

bool ValueFlow::Location::isPrefixOf(const Location &O) const {
  if (Root != O.Root || Fields.size() > O.Fields.size())
    return false;
  return std::equal(Fields.begin(), Fields.end(), O.Fields.begin());
}

std::optional<ValueFlow::Location>
ValueFlow::locationOf(const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasLocalStorage())
        return Location{VD, {}};
    return std::nullopt;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD)
      return std::nullopt;
    std::optional<Location> Base = locationOf(ME->getBase());
    if (!Base)
      return std::nullopt;
    Base->Fields.push_back(FD);
    return Base;
  }
  return std::nullopt;
}

namespace {

std::optional<uint64_t> applyBinary(BinaryOperatorKind Op, uint64_t L,
                                    uint64_t R) {
  switch (Op) {
  case BO_Or: case BO_OrAssign: return L | R;
  case BO_And: case BO_AndAssign: return L & R;
  case BO_Xor: case BO_XorAssign: return L ^ R;
  case BO_Add: case BO_AddAssign: return L + R;
  case BO_Sub: case BO_SubAssign: return L - R;
  case BO_Mul: case BO_MulAssign: return L * R;
  case BO_Shl: case BO_ShlAssign: return R < 64 ? L << R : 0;
  case BO_Shr: case BO_ShrAssign: return R < 64 ? L >> R : 0;
  case BO_EQ: return L == R;
  case BO_NE: return L != R;
  case BO_LOr: return (L || R) ? 1 : 0;
  case BO_LAnd: return (L && R) ? 1 : 0;
  default: return std::nullopt;
  }
}

ValueSet combine(BinaryOperatorKind Op, const ValueSet &L, const ValueSet &R) {
  ValueSet Out;
  for (const AbstractValue &A : L.values())
    for (const AbstractValue &B : R.values()) {
      if (A.K != AbstractValue::Integer || B.K != AbstractValue::Integer) {
        Out.add(AbstractValue::unknown());
        continue;
      }
      if (auto V = applyBinary(Op, A.Int, B.Int))
        Out.add(AbstractValue::integer(*V));
      else
        Out.add(AbstractValue::unknown());
    }
  return Out;
}

constexpr unsigned MaxDepth = 12;

} // namespace

ValueSet ValueFlow::valuesAt(const Expr *E, const Stmt *At) {
  std::optional<ProgramPoint> P = Cfg.pointOf(At);
  if (!P)
    return ValueSet::unknown();
  return evaluate(E, *P, 0);
}

ValueSet ValueFlow::evaluate(const Expr *E, ProgramPoint Before,
                             unsigned Depth) {
  if (!E || Depth > MaxDepth)
    return ValueSet::unknown();
  E = E->IgnoreParens();
  ValueSet Out;

  if (!E->isValueDependent()) {
    Expr::EvalResult R;
    if (E->getType()->isIntegralOrEnumerationType() &&
        E->EvaluateAsInt(R, Ctx)) {
      Out.add(AbstractValue::integer(R.Val.getInt().getZExtValue()));
      return Out;
    }
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull)) {
      Out.add(AbstractValue::integer(0));
      return Out;
    }
  }

  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    switch (Cast->getCastKind()) {
    case CK_LValueToRValue: case CK_NoOp: case CK_IntegralCast:
    case CK_BitCast: case CK_FunctionToPointerDecay: case CK_NullToPointer:
    case CK_IntegralToBoolean: case CK_PointerToBoolean:
    case CK_IntegralToPointer: case CK_PointerToIntegral:
      break;
    default:
      return ValueSet::unknown();
    }
    if (Cast->getCastKind() == CK_LValueToRValue) {
      if (std::optional<Location> L = locationOf(Cast->getSubExpr()))
        return locationValue(*L, Before, Depth + 1);
    }
    ValueSet Inner = evaluate(Cast->getSubExpr(), Before, Depth + 1);
    if (Cast->getCastKind() == CK_IntegralToBoolean) {
      ValueSet B;
      for (const AbstractValue &V : Inner.values())
        B.add(V.K == AbstractValue::Integer ? AbstractValue::integer(V.Int != 0)
                                            : V);
      return B;
    }
    return Inner;
  }

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      Out.add(AbstractValue::function(FD));
      return Out;
    }
    if (std::optional<Location> L = locationOf(E))
      return locationValue(*L, Before, Depth + 1);
    return ValueSet::unknown();
  }

  if (isa<MemberExpr>(E)) {
    if (std::optional<Location> L = locationOf(E))
      return locationValue(*L, Before, Depth + 1);
    return ValueSet::unknown();
  }

  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Assign)
      return evaluate(BO->getRHS(), Before, Depth + 1);
    if (BO->getOpcode() == BO_Comma)
      return evaluate(BO->getRHS(), Before, Depth + 1);
    return combine(BO->getOpcode(), evaluate(BO->getLHS(), Before, Depth + 1),
                   evaluate(BO->getRHS(), Before, Depth + 1));
  }

  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    ValueSet Inner = evaluate(UO->getSubExpr(), Before, Depth + 1);
    for (const AbstractValue &V : Inner.values()) {
      if (V.K != AbstractValue::Integer) {
        Out.add(AbstractValue::unknown());
        continue;
      }
      switch (UO->getOpcode()) {
      case UO_Not: Out.add(AbstractValue::integer(~V.Int)); break;
      case UO_LNot: Out.add(AbstractValue::integer(V.Int == 0)); break;
      case UO_Minus: Out.add(AbstractValue::integer(-V.Int)); break;
      case UO_Plus: Out.add(V); break;
      default: Out.add(AbstractValue::unknown()); break;
      }
    }
    return Out;
  }

  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    ValueSet Cond = evaluate(CO->getCond(), Before, Depth + 1);
    bool MayBeTrue = false, MayBeFalse = false;
    for (const AbstractValue &V : Cond.values()) {
      if (V.K == AbstractValue::Integer) {
        (V.Int ? MayBeTrue : MayBeFalse) = true;
      } else if (V.K == AbstractValue::Function) {
        MayBeTrue = true;
      } else {
        MayBeTrue = MayBeFalse = true;
      }
    }
    if (MayBeTrue)
      Out.addAll(evaluate(CO->getTrueExpr(), Before, Depth + 1));
    if (MayBeFalse)
      Out.addAll(evaluate(CO->getFalseExpr(), Before, Depth + 1));
    return Out;
  }

  if (const auto *BCO = dyn_cast<BinaryConditionalOperator>(E)) {
    // GNU a ?: b yields a when a is nonzero.
    ValueSet Common = evaluate(BCO->getCommon(), Before, Depth + 1);
    bool MayBeFalse = false;
    for (const AbstractValue &V : Common.values()) {
      if (V.K == AbstractValue::Integer && V.Int == 0) {
        MayBeFalse = true;
        continue;
      }
      if (V.K == AbstractValue::Unknown)
        MayBeFalse = true;
      Out.add(V);
    }
    if (MayBeFalse)
      Out.addAll(evaluate(BCO->getFalseExpr(), Before, Depth + 1));
    return Out;
  }

  if (const auto *OVE = dyn_cast<OpaqueValueExpr>(E))
    return evaluate(OVE->getSourceExpr(), Before, Depth + 1);

  return ValueSet::unknown();
}

std::optional<ValueSet> ValueFlow::elementEffect(const Stmt *S,
                                                 const Location &L,
                                                 ProgramPoint At,
                                                 unsigned Depth) {
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || VD != L.Root)
        continue;
      const Expr *Init = VD->getInit();
      if (!Init)
        return ValueSet::unknown();
      if (L.Fields.empty())
        return evaluate(Init, At, Depth + 1);
      // struct cfg c = { .flags = X }: follow the designated field.
      const Expr *Cur = Init->IgnoreParenImpCasts();
      for (const FieldDecl *F : L.Fields) {
        const auto *ILE = dyn_cast<InitListExpr>(Cur);
        if (!ILE)
          return ValueSet::unknown();
        if (ILE->isSyntacticForm() && ILE->getSemanticForm())
          ILE = ILE->getSemanticForm();
        unsigned Index = F->getFieldIndex();
        if (Index >= ILE->getNumInits()) {
          ValueSet Zero;
          Zero.add(AbstractValue::integer(0));
          return Zero;
        }
        Cur = ILE->getInit(Index)->IgnoreParenImpCasts();
      }
      if (isa<ImplicitValueInitExpr>(Cur)) {
        ValueSet Zero;
        Zero.add(AbstractValue::integer(0));
        return Zero;
      }
      return evaluate(Cur, At, Depth + 1);
    }
    return std::nullopt;
  }

  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (!BO->isAssignmentOp())
      return std::nullopt;
    std::optional<Location> Target = locationOf(BO->getLHS());
    if (!Target)
      return std::nullopt;
    if (*Target == L) {
      if (BO->getOpcode() == BO_Assign)
        return evaluate(BO->getRHS(), At, Depth + 1);
      return combine(BO->getOpcode(), locationValue(L, At, Depth + 1),
                     evaluate(BO->getRHS(), At, Depth + 1));
    }
    // Assigning a whole enclosing struct replaces the field.
    if (Target->isPrefixOf(L))
      return ValueSet::unknown();
    return std::nullopt;
  }

  if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    std::optional<Location> Target = locationOf(UO->getSubExpr());
    if (!Target)
      return std::nullopt;
    if (UO->isIncrementDecrementOp() && *Target == L)
      return ValueSet::unknown();
    // Once its address escapes, any later call may write it.
    if (UO->getOpcode() == UO_AddrOf && Target->isPrefixOf(L))
      return ValueSet::unknown();
    return std::nullopt;
  }

  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (L.Fields.empty())
      return std::nullopt;
    for (const Expr *Arg : Call->arguments()) {
      std::optional<Location> A = locationOf(Arg);
      if (A && A->isPrefixOf(L) && Arg->getType()->isPointerType())
        return ValueSet::unknown();
    }
  }
  return std::nullopt;
}

ValueSet ValueFlow::locationValue(const Location &L, ProgramPoint Before,
                                  unsigned Depth) {
  if (Depth > MaxDepth)
    return ValueSet::unknown();
  ValueSet Out;
  std::set<const CFGBlock *> VisitedEnds;
  std::vector<ProgramPoint> Work{Before};
  while (!Work.empty()) {
    ProgramPoint P = Work.back();
    Work.pop_back();
    bool Defined = false;
    for (unsigned I = P.Index; I-- > 0;) {
      auto Element = (*P.Block)[I].getAs<CFGStmt>();
      if (!Element)
        continue;
      if (std::optional<ValueSet> V =
              elementEffect(Element->getStmt(), L, ProgramPoint{P.Block, I},
                            Depth)) {
        Out.addAll(*V);
        Defined = true;
        break;
      }
    }
    if (Defined)
      continue;
    if (P.Block == &Cfg.cfg().getEntry() || P.Block->pred_empty()) {
      // Reached function entry without an assignment: a parameter's or an
      // uninitialized local's value, unknown either way.
      Out.add(AbstractValue::unknown());
      continue;
    }
    for (const CFGBlock *Pred : P.Block->preds()) {
      if (!Pred || !VisitedEnds.insert(Pred).second)
        continue;
      Work.push_back(ProgramPoint{Pred, static_cast<unsigned>(Pred->size())});
    }
  }
  if (Out.empty())
    Out.add(AbstractValue::unknown());
  return Out;
}

} // namespace ctxlint
