#include "analysis/FlowEngine.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Regex.h"

#include <deque>
#include <map>

using namespace clang;

namespace ctxlint {

namespace {

// Class of the lock an expression points to, from its type, for
// lockdep_assert_held() which works on any lock.
LockClass classFromType(const Expr *E) {
  if (!E)
    return LockClass::Mutex;
  QualType T = E->IgnoreParenImpCasts()->getType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  std::string Name = T.getUnqualifiedType().getAsString();
  if (Name.find("spinlock") != std::string::npos)
    return LockClass::Spinlock;
  if (Name.find("rwlock") != std::string::npos)
    return LockClass::Rwlock;
  if (Name.find("rw_semaphore") != std::string::npos)
    return LockClass::Rwsem;
  if (Name.find("semaphore") != std::string::npos)
    return LockClass::Semaphore;
  // Unknown: assume a sleeping lock, which can never cause an atomic report.
  return LockClass::Mutex;
}

std::string functionName(const FunctionDecl &F) { return F.getNameAsString(); }

// "dev->lock", "&dev->lock", "(dev)->a.b" -> "$0->a.b" given F's params.
std::string instanceFromAnnotation(llvm::StringRef Text, const FunctionDecl &F) {
  std::string Clean;
  for (char C : Text)
    if (!isspace(static_cast<unsigned char>(C)) && C != '&' && C != '(' && C != ')')
      Clean += C;
  size_t RootEnd = 0;
  while (RootEnd < Clean.size() &&
         (isalnum(static_cast<unsigned char>(Clean[RootEnd])) || Clean[RootEnd] == '_'))
    ++RootEnd;
  std::string Root = Clean.substr(0, RootEnd), Rest = Clean.substr(RootEnd);
  if (Rest.rfind("->", 0) == 0)
    Rest = Rest.substr(2);
  else if (Rest.rfind(".", 0) == 0)
    Rest = Rest.substr(1);
  for (const ParmVarDecl *P : F.parameters())
    if (P->getName() == Root)
      Root = "$" + std::to_string(P->getFunctionScopeIndex());
  return Rest.empty() ? Root : Root + "->" + Rest;
}

} // namespace

struct FlowEngine::Impl {
  FlowEngine &Engine;
  TranslationUnitAnalysis &TU;
  const FunctionDecl &F;
  const FunctionCfg &G;
  const FunctionApiSites &Sites;
  ValueFlow &Values;
  const KernelApiModel &Model;
  const SourceManager &SM;
  FunctionFlow &Flow;
  // Releases of locks this function did not take: its caller's.
  std::vector<LockKey> CallerReleases;
  llvm::DenseMap<const Expr *, const ApiCallSite *> ConditionAtoms;
  llvm::DenseMap<const VarDecl *, std::pair<const GuardKind *, LockKey>> Guards;
  bool Recording = false;

  Impl(FlowEngine &E, TranslationUnitAnalysis &TU, const FunctionDecl &F,
       FunctionFlow &Flow)
      : Engine(E), TU(TU), F(F), G(TU.cfg(F)), Sites(TU.apiSites(F)),
        Values(TU.valueFlow(F)), Model(TU.model()), SM(TU.sourceManager()),
        Flow(Flow) {
    for (const ApiCallSite &S : Sites.sites())
      if (const LockOperation *Op = Model.lockOperation(S.Name))
        if (S.Value && (Op->Op == LockOpKind::TryAcquire ||
                        Op->Op == LockOpKind::TryAcquireInverted ||
                        Op->Op == LockOpKind::AcquireInterruptible))
          ConditionAtoms[S.Value->IgnoreParenImpCasts()] = &S;
  }

  SourceLocation fileLoc(SourceLocation L) const { return SM.getExpansionLoc(L); }

  // ---- annotations -------------------------------------------------------

  void readAnnotations(LockState &Entry) {
    static llvm::Regex Pattern(
        "(__acquires|__releases|__must_hold)[ \t]*\\(([^()]*(\\([^()]*\\))?[^()]*)\\)");
    for (const FunctionDecl *D : F.redecls()) {
      SourceLocation Begin = fileLoc(D->getBeginLoc());
      SourceLocation End = D->hasBody() && D->getBody()
                               ? fileLoc(D->getBody()->getBeginLoc())
                               : fileLoc(D->getEndLoc());
      if (Begin.isInvalid() || End.isInvalid() ||
          SM.getFileID(Begin) != SM.getFileID(End))
        continue;
      llvm::StringRef Text = Lexer::getSourceText(
          CharSourceRange::getCharRange(Begin, End), SM,
          TU.astContext().getLangOpts());
      while (!Text.empty()) {
        llvm::SmallVector<llvm::StringRef, 4> M;
        if (!Pattern.match(Text, &M))
          break;
        std::string Instance = instanceFromAnnotation(M[2], F);
        if (M[1] == "__acquires")
          Flow.AnnotatedAcquires.push_back(Instance);
        else
          Flow.AnnotatedReleases.push_back(Instance);
        if (M[1] != "__acquires") {
          HeldLock H;
          H.Key = LockKey{"", Instance, M[2].trim().str()};
          H.Class = LockClass::Mutex; // unknown class: never "atomic"
          H.Assumed = true;
          H.AcquiredAt = F.getLocation();
          Entry.Held.push_back(H);
        }
        Text = Text.substr(M[0].end() - Text.begin());
      }
    }
  }

  // ---- transfer ----------------------------------------------------------

  LockKey keyFor(const ApiCallSite &Site, const LockOperation &Op) {
    if (!Op.Class || lockClassHasObject(*Op.Class))
      return lockKeyOf(Site.arg(Op.LockArg), F, TU.astContext());
    return stateKey(lockClassName(*Op.Class));
  }

  const VarDecl *localVar(const Expr *E) {
    if (!E)
      return nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasLocalStorage())
          return VD;
    return nullptr;
  }

  // A lock this function released as its caller's and now takes back is
  // still the caller's: dropping it around a sleep is not a leak.
  bool isCallersLock(const LockKey &Key) const {
    return !Key.Instance.empty() &&
           std::any_of(CallerReleases.begin(), CallerReleases.end(),
                       [&](const LockKey &K) { return K.Instance == Key.Instance; });
  }

  HeldLock makeHeld(const ApiCallSite &Site, const LockOperation &Op,
                    const LockKey &Key) {
    HeldLock H;
    H.Key = Key;
    H.Assumed = isCallersLock(Key);
    H.Class = Op.Class.value_or(LockClass::Mutex);
    H.Mode = Op.Mode;
    H.Irq = Op.Irq;
    H.Raw = Op.Raw;
    H.AcquiredBy = Site.Name;
    H.AcquiredAt = Site.NameLoc;
    if (Op.FlagsArg >= 0) {
      H.FlagsExpr = Site.arg(Op.FlagsArg);
      H.FlagsVar = localVar(H.FlagsExpr);
    }
    if (Op.SubclassArg >= 0) {
      ValueSet V = Values.valuesAt(Site.arg(Op.SubclassArg), Site.Anchor);
      if (V.values().size() == 1 && V.values().begin()->K == AbstractValue::Integer)
        H.Subclass = static_cast<int>(V.values().begin()->Int);
    }
    return H;
  }

  static void acquire(LockState &S, HeldLock H, bool WithCpuState = true) {
    // A loop re-entering the same acquisition must not grow the state, and
    // a second hold of a lock already held (a self-deadlock, reported by
    // ctxlint-double-lock) must not make every later release look unmatched.
    for (const HeldLock &Existing : S.Held) {
      if (Existing == H)
        return;
      if (!Existing.isCpuState() && Existing.Key.sameInstance(H.Key) &&
          Existing.Class == H.Class &&
          !(Existing.Mode == LockMode::Read && H.Mode == LockMode::Read))
        return;
    }
    // spin_lock_irqsave() is two things: the lock, and the CPU's interrupt
    // state, which can outlive the lock (spin_lock_irq(a); spin_lock(b);
    // spin_unlock(a); spin_unlock_irq(b)). Track them apart.
    bool BhOnly = H.Irq == IrqEffect::Bh;
    bool NeedsCpuState = WithCpuState && H.Irq != IrqEffect::None &&
                         (!H.isCpuState() || (H.Class == LockClass::Rcu && BhOnly));
    HeldLock Cpu;
    if (NeedsCpuState) {
      Cpu = H;
      Cpu.Key = stateKey(BhOnly ? "bh" : "irq");
      Cpu.Class = BhOnly ? LockClass::Bh : LockClass::Irq;
      Cpu.Raw = false;
      Cpu.Origin = H.Key;
    }
    S.Held.push_back(std::move(H));
    if (NeedsCpuState)
      S.Held.push_back(std::move(Cpu));
  }


  static void eraseCpuStateOf(LockState &S, const LockKey &Origin) {
    for (auto It = S.Held.rbegin(); It != S.Held.rend(); ++It)
      if (It->isCpuState() && !It->Origin.Class.empty() && It->Origin == Origin) {
        S.Held.erase(std::next(It).base());
        return;
      }
  }

  // Applies a release; false when nothing matching was held. Op is null for
  // releases that undo a whole acquisition (guards, callee summaries).
  bool release(LockState &S, const LockKey &Key, const LockOperation *Op,
               SourceLocation Loc = {}) {
    if (Op && Op->Class && (*Op->Class == LockClass::Irq || *Op->Class == LockClass::Bh)) {
      HeldLock *Cpu = S.cpuStateFor(*Op->Class, nullptr);
      if (!Cpu)
        return false;
      S.Held.erase(S.Held.begin() + (Cpu - S.Held.data()));
      S.Released.insert(Key.Instance);
      return true;
    }
    for (auto It = S.Held.rbegin(); It != S.Held.rend(); ++It) {
      if (!It->Key.mayBeSameLock(Key) || (It->isCpuState() && !It->Origin.Class.empty()))
        continue;
      HeldLock Removed = *It;
      S.Held.erase(std::next(It).base());
      S.Released.insert(Key.Instance.empty() ? Key.Class : Key.Instance);
      if (!Op) {
        eraseCpuStateOf(S, Removed.Key);
      } else if (Op->Irq != IrqEffect::None) {
        LockClass Cpu = Op->Irq == IrqEffect::Bh ? LockClass::Bh : LockClass::Irq;
        if (HeldLock *State = S.cpuStateFor(Cpu, &Removed.Key))
          S.Held.erase(S.Held.begin() + (State - S.Held.data()));
      } else if (Removed.Irq != IrqEffect::None) {
        for (HeldLock &H : S.Held)
          if (H.isCpuState() && H.Origin == Removed.Key && H.PlainReleaseAt.isInvalid())
            H.PlainReleaseAt = Loc;
      }
      return true;
    }
    // Not held here: the caller's lock. Remember that this path released
    // it (a second release is a double unlock; a sleep after it happens
    // without it), and the CPU state an _irq/_bh unlock gives back.
    if (!Key.Instance.empty())
      S.Released.insert(Key.Instance);
    if (Op && Op->Irq != IrqEffect::None) {
      LockClass Cpu = Op->Irq == IrqEffect::Bh ? LockClass::Bh : LockClass::Irq;
      if (HeldLock *State = S.cpuStateFor(Cpu, &Key))
        S.Held.erase(S.Held.begin() + (State - S.Held.data()));
    }
    return false;
  }

  static std::vector<LockState> withoutLock(std::vector<LockState> States,
                                            const LockKey &Key) {
    for (LockState &S : States) {
      for (auto It = S.Held.begin(); It != S.Held.end();) {
        bool Drop = (!It->isCpuState() && It->Key.mayBeSameLock(Key)) ||
                    (It->isCpuState() && !It->Origin.Class.empty() &&
                     It->Origin.mayBeSameLock(Key));
        It = Drop ? S.Held.erase(It) : std::next(It);
      }
    }
    return States;
  }

  void applyLockOp(const ApiCallSite &Site, const LockOperation &Op,
                   std::vector<LockState> &States) {
    LockKey Key = keyFor(Site, Op);
    if (Recording) {
      LockOpEvent E;
      E.Site = &Site;
      E.Op = &Op;
      E.Loc = Site.NameLoc;
      E.Key = Key;
      if (Op.FlagsArg >= 0)
        E.FlagsExpr = Site.arg(Op.FlagsArg);
      E.Before = States;
      Flow.LockOps.push_back(std::move(E));
    }
    std::vector<LockState> Out;
    for (LockState &S : States) {
      switch (Op.Op) {
      case LockOpKind::Acquire:
        acquire(S, makeHeld(Site, Op, Key));
        Out.push_back(std::move(S));
        break;
      case LockOpKind::TryAcquire:
      case LockOpKind::TryAcquireInverted:
      case LockOpKind::AcquireInterruptible: {
        if (!Site.Value) { // result not observable: assume success
          acquire(S, makeHeld(Site, Op, Key));
          Out.push_back(std::move(S));
          break;
        }
        const Expr *Atom = Site.Value->IgnoreParenImpCasts();
        bool TakenWhenNonzero = Op.Op == LockOpKind::TryAcquire;
        LockState Taken = S, Failed = std::move(S);
        acquire(Taken, makeHeld(Site, Op, Key));
        Taken.Facts[Atom] = TakenWhenNonzero;
        Failed.Facts[Atom] = !TakenWhenNonzero;
        Failed.FailedAcquire.insert(Key.Instance.empty() ? Key.Class : Key.Instance);
        Out.push_back(std::move(Taken));
        Out.push_back(std::move(Failed));
        break;
      }
      case LockOpKind::Release: {
        bool KnownBefore = S.Released.count(Key.Instance) || S.FailedAcquire.count(Key.Instance);
        if (!release(S, Key, &Op, Site.NameLoc) && !S.Imprecise && !KnownBefore &&
            std::find(CallerReleases.begin(), CallerReleases.end(), Key) ==
                CallerReleases.end() &&
            lockClassHasObject(Op.Class.value_or(LockClass::Mutex)))
          CallerReleases.push_back(Key);
        Out.push_back(std::move(S));
        break;
      }
      case LockOpKind::AssertHeld: {
        if (!S.findInstance(Key)) {
          HeldLock H;
          H.Key = Key;
          H.Class = classFromType(Site.arg(Op.LockArg));
          H.AcquiredBy = Site.Name;
          H.AcquiredAt = Site.NameLoc;
          H.Assumed = true;
          S.Held.push_back(H);
        }
        Out.push_back(std::move(S));
        break;
      }
      }
    }
    States = std::move(Out);
  }

  std::optional<SleepWitness> apiSleeps(const ApiCallSite &Site) {
    if (const SleepingApi *Api = Model.sleepingApi(Site.Name)) {
      if (Api->OnlyIfArgNonZero >= 0) {
        ValueSet V = Values.valuesAt(Site.arg(Api->OnlyIfArgNonZero), Site.Anchor);
        if (V.empty() || V.hasUnknown())
          return std::nullopt;
        for (const AbstractValue &X : V.values())
          if (X.K == AbstractValue::Integer && X.Int == 0)
            return std::nullopt;
      }
      SleepWitness W;
      W.Api = Site.Name;
      W.Reason = Api->Why.empty() ? Site.Name + "() may sleep" : Site.Name + "() may sleep: " + Api->Why;
      W.Steps.push_back({Site.NameLoc, functionName(F), "calls " + Site.Name + "(), which may sleep"});
      return W;
    }
    if (const LockOperation *Op = Model.lockOperation(Site.Name)) {
      if (Op->Class && lockClassSleeps(*Op->Class) &&
          (Op->Op == LockOpKind::Acquire || Op->Op == LockOpKind::AcquireInterruptible)) {
        SleepWitness W;
        W.Api = Site.Name;
        W.Reason = Site.Name + "() may sleep: it takes a sleeping lock (" +
                   lockClassName(*Op->Class) + ")";
        W.Steps.push_back({Site.NameLoc, functionName(F), "calls " + Site.Name + "(), which may sleep"});
        return W;
      }
    }
    if (const GfpAllocator *Alloc = Model.gfpAllocator(Site.Name)) {
      std::optional<uint64_t> Reclaim = Model.constant("__GFP_DIRECT_RECLAIM");
      const Expr *Gfp = Site.arg(Alloc->GfpArg);
      if (!Reclaim || !Gfp)
        return std::nullopt;
      ValueSet V = Values.valuesAt(Gfp, Site.Anchor);
      if (V.empty() || V.hasUnknown())
        return std::nullopt;
      for (const AbstractValue &X : V.values())
        if (X.K != AbstractValue::Integer || !(X.Int & *Reclaim))
          return std::nullopt;
      SleepWitness W;
      W.Api = Site.Name;
      W.Reason = Site.Name + "() may sleep: its GFP flags allow direct reclaim "
                 "(use GFP_ATOMIC or GFP_NOWAIT in atomic context)";
      W.Steps.push_back({Site.NameLoc, functionName(F),
                         "calls " + Site.Name + "() with GFP flags that allow direct reclaim"});
      return W;
    }
    return std::nullopt;
  }

  // An indirect call (ops->poll(dev), a callback parameter) may sleep when
  // every function the translation unit shows it can reach may sleep: the
  // functions stored in that struct field, or the values of that local.
  void applyIndirectCall(const CallExpr &Call, std::vector<LockState> &States) {
    if (!Recording)
      return;
    const Expr *Callee = Call.getCallee()->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Callee); UO && UO->getOpcode() == UO_Deref)
      Callee = UO->getSubExpr()->IgnoreParenImpCasts();
    std::vector<const FunctionDecl *> Targets;
    if (const auto *ME = dyn_cast<MemberExpr>(Callee)) {
      if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        Targets = Engine.fieldTargets(*Field);
    } else {
      ValueSet V = Values.valuesAt(Callee, &Call);
      if (V.hasUnknown())
        return;
      for (const AbstractValue &X : V.values())
        if (X.K == AbstractValue::Function)
          Targets.push_back(X.Fn);
    }
    if (Targets.empty())
      return;
    std::optional<SleepWitness> First;
    for (const FunctionDecl *T : Targets) {
      const FunctionDecl *Def = T->getDefinition();
      if (!Def || !Def->hasBody())
        return;
      const FunctionSummary &Sum = Engine.summary(*Def);
      if (!Sum.MaySleep || !Sum.SleepsOnlyIf.empty())
        return;
      if (!First) {
        First = *Sum.MaySleep;
        First->Reason = "the indirect call may sleep: its target " +
                        Def->getNameAsString() + "() reaches " + Sum.MaySleep->Api + "()";
        First->Steps.insert(First->Steps.begin(),
                            {fileLoc(Call.getBeginLoc()), functionName(F),
                             "calls " + Def->getNameAsString() + "() through a function pointer"});
      }
    }
    SleepEvent E;
    E.Loc = fileLoc(Call.getBeginLoc());
    E.Witness = std::move(*First);
    E.Before = States;
    Flow.Sleeps.push_back(std::move(E));
  }

  void applyCall(const CallExpr &Call, std::vector<LockState> &States) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee) {
      applyIndirectCall(Call, States);
      return;
    }
    const FunctionDecl *Def = Callee->getDefinition();
    if (!Def || !Def->hasBody() || Model.isKnownName(Callee->getName()) ||
        isGuardHelper(Callee->getName()))
      return;
    const FunctionSummary &Sum = Engine.summary(*Def);
    SourceLocation CallLoc = fileLoc(Call.getBeginLoc());
    ChainLink Link{CallLoc, functionName(F), "calls " + Def->getNameAsString() + "()"};
    if (Recording && Sum.MaySleep && sleepConditionHolds(Sum, Call)) {
      SleepEvent E;
      E.Loc = CallLoc;
      E.Witness = *Sum.MaySleep;
      E.Witness.Reason = Def->getNameAsString() + "() may sleep (it reaches " +
                         Sum.MaySleep->Api + "())";
      E.Witness.Steps.insert(E.Witness.Steps.begin(), Link);
      E.Before = States;
      // Locks the callee drops before it sleeps are not held while it does.
      std::vector<std::string> Released;
      for (const std::string &Instance : Sum.MaySleep->ReleasedBefore) {
        std::string Mine = instanceAtCall(Instance, Call, F, TU.astContext());
        if (Mine.empty())
          continue;
        Released.push_back(Mine);
        E.Before = withoutLock(std::move(E.Before), LockKey{"", Mine, ""});
      }
      E.Witness.ReleasedBefore = Released;
      Flow.Sleeps.push_back(std::move(E));
    }
    auto Mapped = [&](const HeldLock &H) {
      HeldLock M = H;
      M.Key.Instance = instanceAtCall(H.Key.Instance, Call, F, TU.astContext());
      if (!M.Origin.Class.empty())
        M.Origin.Instance = instanceAtCall(H.Origin.Instance, Call, F, TU.astContext());
      return M;
    };
    if (Recording) {
      for (const auto &[Taken, Steps] : Sum.Takes) {
        CalleeLockEvent E;
        E.Loc = CallLoc;
        E.Callee = Def;
        E.Taken = Mapped(Taken);
        E.Steps = Steps;
        E.Steps.insert(E.Steps.begin(), Link);
        E.Before = States;
        Flow.CalleeLocks.push_back(std::move(E));
      }
    }
    for (LockState &S : States) {
      for (const LockKey &K : Sum.ReleasesCallers) {
        LockKey M = K;
        M.Instance = instanceAtCall(K.Instance, Call, F, TU.astContext());
        bool KnownBefore = S.Released.count(M.Instance) || S.FailedAcquire.count(M.Instance);
        // Releasing through a helper what this function never took: it is
        // this function's caller's lock too.
        if (!release(S, M, nullptr) && !S.Imprecise && !KnownBefore &&
            !M.Instance.empty() &&
            std::find(CallerReleases.begin(), CallerReleases.end(), M) == CallerReleases.end())
          CallerReleases.push_back(M);
      }
      for (const HeldLock &H : Sum.AcquiresOnReturn) {
        HeldLock M = Mapped(H);
        M.Via.insert(M.Via.begin(), Link);
        M.AcquiredAt = CallLoc;
        M.Assumed = M.Assumed ||
                    isCallersLock(M.isCpuState() && !M.Origin.Class.empty() ? M.Origin : M.Key);
        // The summary lists the CPU state it leaves disabled on its own.
        acquire(S, std::move(M), /*WithCpuState=*/false);
      }
    }
  }

  // Whether the caller can show a conditional sleep's condition: each
  // tested parameter's argument must have known values that satisfy it.
  // Conditions on fields the caller cannot see stay unproven: such a sleep
  // is not reported (ctxlint reports what it can show may happen).
  bool sleepConditionHolds(const FunctionSummary &Sum, const CallExpr &Call) {
    for (const SleepCondition &C : Sum.SleepsOnlyIf) {
      if (C.Param < 0 || static_cast<unsigned>(C.Param) >= Call.getNumArgs())
        return false;
      const Expr *Arg = Call.getArg(C.Param);
      ValueSet V = Values.valuesAt(Arg, &Call);
      if (V.empty() || V.hasUnknown())
        return false;
      for (const AbstractValue &X : V.values()) {
        bool NonZero = X.K == AbstractValue::Function || (X.K == AbstractValue::Integer && X.Int);
        if (NonZero != C.MustBeNonZero)
          return false;
      }
    }
    return true;
  }

  // class_<guard>_constructor/_destructor: the guard variable models them.
  bool isGuardHelper(llvm::StringRef Name) const {
    if (!Name.consume_front("class_"))
      return false;
    return (Name.consume_back("_constructor") || Name.consume_back("_destructor")) &&
           Model.guardKind(Name);
  }

  // An assignment to a local: its old facts die; a constant, or the result
  // of a tracked call, gives it a new one (`locked = true;` then
  // `if (locked) unlock()`).
  void killFacts(const VarDecl *VD, std::vector<LockState> &States,
                 const Expr *NewValue) {
    const Expr *Atom = NewValue ? NewValue->IgnoreParenImpCasts() : nullptr;
    std::optional<bool> Constant;
    Expr::EvalResult R;
    if (Atom && !Atom->isValueDependent() &&
        Atom->getType()->isIntegralOrEnumerationType() &&
        Atom->EvaluateAsInt(R, TU.astContext()))
      Constant = R.Val.getInt() != 0;
    for (LockState &S : States) {
      auto It = Atom ? S.Facts.find(Atom) : S.Facts.end();
      if (It != S.Facts.end())
        S.Facts[VD] = It->second;
      else if (Constant)
        S.Facts[VD] = *Constant;
      else
        S.Facts.erase(VD);
    }
  }

  void transferStmt(const Stmt *S, std::vector<LockState> &States) {
    if (const ApiCallSite *Site = Sites.siteAnchoredAt(S)) {
      if (Recording)
        if (std::optional<SleepWitness> W = apiSleeps(*Site)) {
          SleepEvent E;
          E.Loc = Site->NameLoc;
          E.Witness = std::move(*W);
          E.Before = States;
          // wait_event_lock_irq() sleeps with its lock dropped.
          if (const SleepingApi *Api = Model.sleepingApi(Site->Name))
            if (Api->DropsLockArg >= 0)
              E.Before = withoutLock(States, lockKeyOf(Site->arg(Api->DropsLockArg),
                                                       F, TU.astContext()));
          Flow.Sleeps.push_back(std::move(E));
        }
      if (const LockOperation *Op = Model.lockOperation(Site->Name))
        applyLockOp(*Site, *Op, States);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (!Sites.isInsideApiMacro(S))
        applyCall(*Call, States);
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isAssignmentOp())
        if (const VarDecl *VD = localVar(BO->getLHS()))
          killFacts(VD, States, BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr);
      return;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
        if (const VarDecl *VD = localVar(UO->getSubExpr()))
          killFacts(VD, States, nullptr);
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D)) {
          killFacts(VD, States, VD->getInit());
          applyGuardConstruction(*VD, States);
        }
      return;
    }
    if (const auto *Ret = dyn_cast<ReturnStmt>(S); Ret && Recording)
      Flow.Returns.push_back(ReturnEvent{fileLoc(S->getBeginLoc()), States, Ret->getRetValue()});
  }

  // guard(name)(args) and scoped_guard(name, args): a variable with a
  // cleanup function class_<name>_destructor, initialized by
  // class_<name>_constructor(args).
  void applyGuardConstruction(const VarDecl &VD, std::vector<LockState> &States) {
    const auto *Cleanup = VD.getAttr<CleanupAttr>();
    if (!Cleanup || !Cleanup->getFunctionDecl())
      return;
    llvm::StringRef Dtor = Cleanup->getFunctionDecl()->getName();
    if (!Dtor.consume_front("class_") || !Dtor.consume_back("_destructor"))
      return;
    const GuardKind *Kind = Model.guardKind(Dtor);
    if (!Kind)
      return;
    const Expr *LockArg = nullptr;
    if (const auto *Init = dyn_cast_or_null<CallExpr>(VD.getInit() ? VD.getInit()->IgnoreParenImpCasts() : nullptr))
      if (Init->getNumArgs() > 0)
        LockArg = Init->getArg(0);
    LockKey Key = lockClassHasObject(Kind->Class)
                      ? lockKeyOf(LockArg, F, TU.astContext())
                      : stateKey(lockClassName(Kind->Class));
    Guards[&VD] = {Kind, Key};
    LockOperation Op;
    Op.Name = "guard(" + Kind->Name + ")";
    Op.Class = Kind->Class;
    Op.Mode = Kind->Mode;
    Op.Raw = Kind->Raw;
    Op.Irq = Kind->Irq;
    SourceLocation Loc = fileLoc(VD.getBeginLoc());
    if (Recording) {
      LockOpEvent E;
      E.Guard = Kind;
      E.Loc = Loc;
      E.Key = Key;
      E.Before = States;
      Flow.LockOps.push_back(std::move(E));
      if (lockClassSleeps(Kind->Class)) {
        SleepEvent S;
        S.Loc = Loc;
        S.Witness.Api = Op.Name;
        S.Witness.Reason = Op.Name + " may sleep: it takes a sleeping lock";
        S.Witness.Steps.push_back({Loc, functionName(F), "takes " + Op.Name + ", which may sleep"});
        S.Before = States;
        Flow.Sleeps.push_back(std::move(S));
      }
    }
    for (LockState &S : States) {
      HeldLock H;
      H.Key = Key;
      H.Class = Kind->Class;
      H.Mode = Kind->Mode;
      H.Irq = Kind->Irq;
      H.Raw = Kind->Raw;
      H.AcquiredBy = Op.Name;
      H.AcquiredAt = Loc;
      // The guard owns its flags: never a pairing problem.
      acquire(S, std::move(H));
    }
  }

  void transferElement(const CFGElement &E, std::vector<LockState> &States) {
    if (auto CS = E.getAs<CFGStmt>()) {
      transferStmt(CS->getStmt(), States);
      return;
    }
    if (auto C = E.getAs<CFGCleanupFunction>()) {
      auto It = Guards.find(C->getVarDecl());
      if (It != Guards.end())
        for (LockState &S : States)
          release(S, It->second.second, nullptr);
    }
  }

  // ---- branches ----------------------------------------------------------

  // The truth of Cond in S: nullopt when unknown. Atom receives the tracked
  // variable or call the condition tests, and Polarity the value of Atom
  // that makes Cond true.
  // Conditions other than locals and lock results, keyed by their source
  // text: `if (static_branch_unlikely(&key)) spin_lock(l); ...
  // if (static_branch_unlikely(&key)) spin_unlock(l);` and `flags & LOCKED`
  // tested twice are assumed to have one value within one function. Loop
  // conditions are excluded: their value is what changes.
  std::deque<std::string> TextAtoms;
  std::map<std::string, const std::string *> TextAtomIndex;
  llvm::DenseMap<const void *, int> ParamRootedAtoms; // atom -> parameter index
  bool IsLoopCondition = false;

  static bool hasWrites(const Stmt *S) {
    // ({ ... }) in a condition is a macro's scratch space
    // (static_branch_unlikely), not a write the condition depends on.
    if (!S || isa<StmtExpr>(S))
      return false;
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
      return true;
    if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->isIncrementDecrementOp())
      return true;
    for (const Stmt *Child : S->children())
      if (hasWrites(Child))
        return true;
    return false;
  }

  static const ParmVarDecl *rootParam(const Expr *E) {
    while (E) {
      E = E->IgnoreParenCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
        return dyn_cast<ParmVarDecl>(DRE->getDecl());
      if (const auto *ME = dyn_cast<MemberExpr>(E))
        E = ME->getBase();
      else if (const auto *UO = dyn_cast<UnaryOperator>(E))
        E = UO->getSubExpr();
      else if (const auto *BO = dyn_cast<BinaryOperator>(E))
        E = BO->getLHS();
      else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
        E = ASE->getBase();
      else
        return nullptr;
    }
    return nullptr;
  }

  const void *textAtom(const Expr *E) {
    if (hasWrites(E))
      return nullptr;
    CharSourceRange Range = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(E->getSourceRange()), SM,
        TU.astContext().getLangOpts());
    if (Range.isInvalid())
      return nullptr;
    std::string Text = Lexer::getSourceText(Range, SM, TU.astContext().getLangOpts()).str();
    if (Text.empty())
      return nullptr;
    auto It = TextAtomIndex.find(Text);
    if (It != TextAtomIndex.end())
      return It->second;
    TextAtoms.push_back(Text);
    const std::string *Atom = &TextAtoms.back();
    TextAtomIndex[Text] = Atom;
    if (const ParmVarDecl *P = rootParam(E))
      ParamRootedAtoms[Atom] = P->getFunctionScopeIndex();
    return Atom;
  }

  std::optional<bool> evaluateCondition(const Expr *Cond, const LockState &S,
                                        const void *&Atom, bool &Polarity) {
    Atom = nullptr;
    Polarity = true;
    const Expr *E = Cond;
    while (true) {
      E = E->IgnoreParenImpCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_LNot) {
        Polarity = !Polarity;
        E = UO->getSubExpr();
        continue;
      }
      if (const auto *BO = dyn_cast<BinaryOperator>(E);
          BO && (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE)) {
        const Expr *Other = nullptr;
        Expr::EvalResult R;
        if (BO->getRHS()->EvaluateAsInt(R, TU.astContext()) && R.Val.getInt() == 0)
          Other = BO->getLHS();
        else if (BO->getLHS()->EvaluateAsInt(R, TU.astContext()) && R.Val.getInt() == 0)
          Other = BO->getRHS();
        if (!Other)
          return std::nullopt;
        if (BO->getOpcode() == BO_EQ)
          Polarity = !Polarity;
        E = Other;
        continue;
      }
      break;
    }
    if (const VarDecl *VD = localVar(E))
      Atom = VD;
    else if (ConditionAtoms.count(E))
      Atom = E;
    else if (!IsLoopCondition)
      Atom = textAtom(E);
    if (!Atom)
      return std::nullopt;
    auto It = S.Facts.find(Atom);
    if (It == S.Facts.end())
      return std::nullopt;
    return It->second == Polarity;
  }

  // ---- driver ------------------------------------------------------------

  llvm::DenseMap<const CFGBlock *, StateSet> In;

  std::vector<LockState> runBlock(const CFGBlock &B, std::vector<LockState> States) {
    for (const CFGElement &E : B)
      transferElement(E, States);
    return States;
  }

  // The states of Out that can take successor edge Index of B: a branch on
  // a tracked condition drops the states that contradict it and records the
  // outcome in the others.
  StateSet statesAlongEdge(const CFGBlock &B, const std::vector<LockState> &Out,
                           unsigned Index) {
    const Stmt *Term = B.getTerminatorStmt();
    const Expr *Cond = nullptr;
    if (Term && B.succ_size() == 2 && !isa<SwitchStmt>(Term))
      Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition(/*StripParens=*/false));
    IsLoopCondition = Term && (isa<WhileStmt>(Term) || isa<ForStmt>(Term) ||
                               isa<DoStmt>(Term));
    StateSet Incoming;
    for (const LockState &S : Out) {
      if (!Cond) {
        Incoming.add(S);
        continue;
      }
      bool WantTrue = Index == 0;
      const void *Atom;
      bool Polarity;
      std::optional<bool> Truth = evaluateCondition(Cond, S, Atom, Polarity);
      if (Truth) {
        if (*Truth == WantTrue)
          Incoming.add(S);
        continue;
      }
      LockState Refined = S;
      if (Atom)
        Refined.Facts[Atom] = WantTrue ? Polarity : !Polarity;
      Incoming.add(std::move(Refined));
    }
    return Incoming;
  }

  void propagate(const CFGBlock &B, const std::vector<LockState> &Out,
                 std::deque<const CFGBlock *> &Work) {
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B.succs()) {
      const CFGBlock *Target = Succ.getReachableBlock();
      unsigned ThisIndex = Index++;
      if (!Target)
        continue;
      StateSet Incoming = statesAlongEdge(B, Out, ThisIndex);
      StateSet &Existing = In[Target];
      StateSet Merged = Existing;
      Merged.addAll(Incoming);
      Merged.enforceBound();
      if (!(Merged == Existing) || !Seen.count(Target)) {
        Existing = std::move(Merged);
        Seen.insert(Target);
        Work.push_back(Target);
      }
    }
  }

  std::set<const CFGBlock *> Seen;

  void run() {
    if (!G.valid())
      return;
    const CFG &Cfg = G.cfg();
    LockState Entry;
    readAnnotations(Entry);
    In[&Cfg.getEntry()].add(Entry);
    std::deque<const CFGBlock *> Work{&Cfg.getEntry()};
    Seen.insert(&Cfg.getEntry());
    llvm::DenseMap<const CFGBlock *, unsigned> Visits;
    while (!Work.empty()) {
      const CFGBlock *B = Work.front();
      Work.pop_front();
      // Termination guard for pathological loops: force the merge.
      if (++Visits[B] > 40)
        In[B].States.resize(std::min<size_t>(In[B].States.size(), 1));
      std::vector<LockState> Out = runBlock(*B, In[B].States);
      propagate(*B, Out, Work);
    }

    // Replay once over the fixpoint to record what rules need.
    Recording = true;
    const Stmt *Body = F.getBody();
    for (const CFGBlock *B : Cfg) {
      auto It = In.find(B);
      if (It == In.end() || It->second.States.empty())
        continue;
      std::vector<LockState> Out = runBlock(*B, It->second.States);
      bool EndsInReturn = false;
      if (!B->empty())
        if (auto Last = B->back().getAs<CFGStmt>())
          EndsInReturn = isa<ReturnStmt>(Last->getStmt());
      // A block ending in a noreturn call (BUG(), panic()) also leads to the
      // exit in the CFG, but control never returns from it.
      if (EndsInReturn || B == &Cfg.getEntry() || B->hasNoReturnElement())
        continue;
      // Control falls off the end of the body along this edge.
      unsigned Index = 0;
      for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
        unsigned ThisIndex = Index++;
        if (Succ.getReachableBlock() != &Cfg.getExit())
          continue;
        StateSet Leaving = statesAlongEdge(*B, Out, ThisIndex);
        if (!Leaving.States.empty())
          if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Body))
            Flow.Returns.push_back(ReturnEvent{fileLoc(CS->getRBracLoc()), Leaving.States});
      }
    }
    std::stable_sort(Flow.Sleeps.begin(), Flow.Sleeps.end(),
                     [&](const SleepEvent &A, const SleepEvent &B) {
                       return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
                     });
  }

  // The branch facts of S that are about the function's inputs.
  std::vector<SleepCondition> inputConditions(const LockState &S) {
    std::vector<SleepCondition> Out;
    for (const auto &[Atom, Value] : S.Facts) {
      SleepCondition C;
      C.MustBeNonZero = Value;
      bool IsParam = false;
      for (const ParmVarDecl *P : F.parameters())
        if (Atom == P) {
          C.Param = P->getFunctionScopeIndex();
          IsParam = true;
        }
      if (!IsParam) {
        if (!ParamRootedAtoms.count(Atom))
          continue;
        C.Condition = *static_cast<const std::string *>(Atom);
      }
      Out.push_back(C);
    }
    return Out;
  }

  static std::vector<std::string> releasedOnEveryPath(const std::vector<LockState> &States) {
    std::vector<std::string> Out;
    if (States.empty())
      return Out;
    for (const std::string &R : States.front().Released) {
      bool Everywhere = true;
      for (const LockState &S : States)
        Everywhere = Everywhere && S.Released.count(R) && !S.findInstance(LockKey{"", R, ""});
      if (Everywhere && !R.empty())
        Out.push_back(R);
    }
    return Out;
  }

  FunctionSummary summarize() {
    FunctionSummary Sum;
    Sum.Computed = true;
    // Prefer a sleep that happens whatever the inputs; otherwise keep the
    // first one with the input condition it needs.
    for (const SleepEvent &E : Flow.Sleeps) {
      for (const LockState &S : E.Before) {
        std::vector<SleepCondition> Conditions = inputConditions(S);
        if (!Sum.MaySleep || (!Sum.SleepsOnlyIf.empty() && Conditions.empty())) {
          Sum.MaySleep = E.Witness;
          Sum.MaySleep->ReleasedBefore = releasedOnEveryPath(E.Before);
          Sum.SleepsOnlyIf = Conditions;
        }
        if (Sum.SleepsOnlyIf.empty())
          break;
      }
      if (Sum.MaySleep && Sum.SleepsOnlyIf.empty())
        break;
    }
    // Held (and not assumed) at every return: the function hands it over.
    bool First = true;
    std::vector<HeldLock> Common;
    for (const ReturnEvent &R : Flow.Returns)
      for (const LockState &S : R.States) {
        std::vector<HeldLock> Mine;
        for (const HeldLock &H : S.Held)
          if (!H.Assumed)
            Mine.push_back(H);
        if (First) {
          Common = Mine;
          First = false;
          continue;
        }
        std::vector<HeldLock> Next;
        for (const HeldLock &H : Common)
          for (const HeldLock &M : Mine)
            if (M.Key == H.Key) {
              Next.push_back(H);
              break;
            }
        Common = std::move(Next);
      }
    Sum.AcquiresOnReturn = Common;
    // A caller's lock dropped and taken back on every path (request_complete()
    // around a completion callback) has no net effect for the caller.
    for (const LockKey &K : CallerReleases) {
      bool HeldAtEveryReturn = !Flow.Returns.empty();
      for (const ReturnEvent &R : Flow.Returns)
        for (const LockState &S : R.States)
          HeldAtEveryReturn = HeldAtEveryReturn && S.findInstance(K) != nullptr;
      if (!HeldAtEveryReturn)
        Sum.ReleasesCallers.push_back(K);
    }
    for (const std::string &Released : Flow.AnnotatedReleases) {
      LockKey K{"", Released, Released};
      if (std::find(Sum.ReleasesCallers.begin(), Sum.ReleasesCallers.end(), K) ==
          Sum.ReleasesCallers.end())
        Sum.ReleasesCallers.push_back(K);
    }
    for (const LockOpEvent &E : Flow.LockOps) {
      if (E.Guard || !E.Op || E.Op->Op == LockOpKind::Release ||
          E.Op->Op == LockOpKind::AssertHeld || !E.Op->Class ||
          !lockClassHasObject(*E.Op->Class))
        continue;
      HeldLock H;
      H.Key = E.Key;
      H.Class = *E.Op->Class;
      H.Mode = E.Op->Mode;
      H.Irq = E.Op->Irq;
      H.AcquiredBy = E.Site->Name;
      H.AcquiredAt = E.Loc;
      bool Try = E.Op->Op != LockOpKind::Acquire;
      if (Try)
        continue; // a trylock cannot self-deadlock
      // Taking back a lock released earlier on every path (the caller's,
      // dropped around a sleep) is not a second acquisition.
      std::vector<std::string> Back = releasedOnEveryPath(E.Before);
      if (std::find(Back.begin(), Back.end(), E.Key.Instance) != Back.end())
        continue;
      Sum.Takes.push_back({H, Chain{{E.Loc, functionName(F), "acquires " + E.Key.Display + " with " + E.Site->Name + "()"}}});
    }
    for (const CalleeLockEvent &E : Flow.CalleeLocks) {
      std::vector<std::string> Back = releasedOnEveryPath(E.Before);
      if (Sum.Takes.size() < 32 &&
          std::find(Back.begin(), Back.end(), E.Taken.Key.Instance) == Back.end())
        Sum.Takes.push_back({E.Taken, E.Steps});
    }
    return Sum;
  }
};

FlowEngine::FlowEngine(TranslationUnitAnalysis &TU) : TU(TU) { Roots.collect(TU); }

const std::vector<const FunctionDecl *> &FlowEngine::fieldTargets(const FieldDecl &Field) {
  if (!FieldTargetsCollected) {
    FieldTargetsCollected = true;
    for (const FunctionPointerStore &Store : TU.functionPointerStores()) {
      auto &List = FieldTargets[Store.Field];
      if (std::find(List.begin(), List.end(), Store.Function) == List.end())
        List.push_back(Store.Function);
    }
  }
  static const std::vector<const FunctionDecl *> None;
  auto It = FieldTargets.find(Field.getCanonicalDecl());
  return It == FieldTargets.end() ? None : It->second;
}

FlowEngine::~FlowEngine() = default;

void FlowEngine::analyze(const FunctionDecl &F) {
  InProgress[&F] = true;
  auto Flow = std::make_unique<FunctionFlow>();
  Impl Run(*this, TU, F, *Flow);
  Run.run();
  Summaries[&F] = Run.summarize();
  Flows[&F] = std::move(Flow);
  InProgress.erase(&F);
}

const FunctionFlow &FlowEngine::flow(const FunctionDecl &F) {
  if (!Flows.count(&F))
    analyze(F);
  return *Flows[&F];
}

const FunctionSummary &FlowEngine::summary(const FunctionDecl &F) {
  auto It = Summaries.find(&F);
  if (It != Summaries.end() && It->second.Computed)
    return It->second;
  // A recursive call sees the summary as far as it is known: none yet.
  if (InProgress.count(&F))
    return Summaries[&F];
  analyze(F);
  return Summaries[&F];
}

} // namespace ctxlint
