// ctxlint-irqf-oneshot: a threaded IRQ whose primary handler is NULL (or the
// kernel's default primary handler) must be requested with IRQF_ONESHOT;
// __setup_irq() rejects it with -EINVAL otherwise, because the line would be
// unmasked while the thread still has the device's interrupt pending.
#include "rules/FindingBuilder.h"
#include "rules/Rule.h"

#include "clang/Lex/Lexer.h"
#include "llvm/Support/Format.h"

using namespace clang;

namespace ctxlint {
namespace {

constexpr const char *RuleId = "ctxlint-irqf-oneshot";

std::string hex(uint64_t V) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << llvm::format_hex(V, 0);
  return S;
}

class IrqfOneshotRule : public Rule {
public:
  explicit IrqfOneshotRule(const RuleOptions &Options)
      : ReportUnknown(Options.getBool(RuleId, "ReportUnknownFlags", false)) {}

  void check(TranslationUnitAnalysis &TU, std::vector<Finding> &Out) override {
    const KernelApiModel &Model = TU.model();
    std::optional<uint64_t> Oneshot = Model.constant("IRQF_ONESHOT");
    if (!Oneshot)
      return;
    FindingBuilder Builder(TU.sourceManager(), TU.astContext().getLangOpts());
    for (const FunctionDecl *F : TU.analyzedFunctions()) {
      for (const ApiCallSite &Site : TU.apiSites(*F).sites()) {
        const IrqRequestApi *Api = Model.irqRequest(Site.Name);
        if (!Api || Api->ThreadFn < 0 || Api->Flags < 0)
          continue;
        checkRequest(TU, *F, Site, *Api, *Oneshot, Builder, Out);
      }
    }
  }

private:
  bool ReportUnknown;

  // The primary handler is NULL, or the kernel's default one, on every path.
  static bool handlerIsDefault(const ValueSet &Handler,
                               const KernelApiModel &Model) {
    if (Handler.empty())
      return false;
    for (const AbstractValue &V : Handler.values()) {
      if (V.K == AbstractValue::Integer && V.Int == 0)
        continue;
      if (V.K == AbstractValue::Function &&
          Model.isDefaultPrimaryHandler(V.Fn->getName()))
        continue;
      return false;
    }
    return true;
  }

  void checkRequest(TranslationUnitAnalysis &TU, const FunctionDecl &F,
                    const ApiCallSite &Site, const IrqRequestApi &Api,
                    uint64_t Oneshot, const FindingBuilder &Builder,
                    std::vector<Finding> &Out) {
    const Expr *HandlerArg = Site.arg(Api.Handler);
    const Expr *FlagsArg = Site.arg(Api.Flags);
    if (!HandlerArg || !FlagsArg)
      return;
    ValueFlow &Values = TU.valueFlow(F);
    if (!handlerIsDefault(Values.valuesAt(HandlerArg, Site.Anchor), TU.model()))
      return;
    // With neither handler the request fails for another reason.
    if (const Expr *ThreadArg = Site.arg(Api.ThreadFn)) {
      ValueSet Thread = Values.valuesAt(ThreadArg, Site.Anchor);
      if (!Thread.hasUnknown() && Thread.values().size() == 1 &&
          Thread.values().begin()->K == AbstractValue::Integer)
        return;
    }

    ValueSet Flags = Values.valuesAt(FlagsArg, Site.Anchor);
    std::vector<uint64_t> Missing;
    bool AnyKnown = false;
    for (const AbstractValue &V : Flags.values()) {
      if (V.K != AbstractValue::Integer)
        continue;
      AnyKnown = true;
      if (!(V.Int & Oneshot))
        Missing.push_back(V.Int);
    }

    std::string Message;
    if (!Missing.empty()) {
      bool Always = Missing.size() == Flags.values().size();
      Message = Site.Name + "() with a NULL primary handler requires "
                "IRQF_ONESHOT, but the flags " +
                (Always ? std::string("lack it")
                        : std::string("lack it on some paths")) +
                " (";
      for (size_t I = 0; I < Missing.size() && I < 4; ++I)
        Message += (I ? ", " : "") + hex(Missing[I]);
      Message += "); the request fails with -EINVAL";
    } else if (Flags.hasUnknown() && !AnyKnown && ReportUnknown) {
      Message = Site.Name + "() with a NULL primary handler: cannot tell "
                "whether the flags include IRQF_ONESHOT";
    } else {
      return;
    }

    Finding Result = Builder.make(RuleId, Severity::Warning, Site.NameLoc, &F,
                                  std::move(Message));
    Builder.note(Result, HandlerArg->getBeginLoc(),
                 "the primary handler is NULL: the kernel installs "
                 "irq_default_primary_handler, which only wakes the thread, "
                 "so the line must stay masked until the thread has run");
    Builder.note(Result, FlagsArg->getBeginLoc(), "flags passed here");
    if (!Missing.empty())
      addFix(Result, FlagsArg, TU, Builder);
    Out.push_back(std::move(Result));
  }

  static void addFix(Finding &Result, const Expr *FlagsArg,
                     TranslationUnitAnalysis &TU,
                     const FindingBuilder &Builder) {
    const Expr *Plain = FlagsArg->IgnoreParenImpCasts();
    if (const auto *Lit = dyn_cast<IntegerLiteral>(Plain);
        Lit && Lit->getValue() == 0) {
      Builder.fix(Result, FlagsArg->getSourceRange(), "IRQF_ONESHOT");
      return;
    }
    // `a | b` and primary expressions take "| IRQF_ONESHOT" as they are;
    // anything binding looser (?:, =, ,) needs parentheses.
    bool NeedsParens = false;
    if (const auto *BO = dyn_cast<BinaryOperator>(Plain))
      NeedsParens = BO->getOpcode() > BO_Or;
    else if (isa<AbstractConditionalOperator>(Plain))
      NeedsParens = true;
    if (!NeedsParens) {
      Builder.insertAfter(Result, FlagsArg->getSourceRange(), " | IRQF_ONESHOT");
      return;
    }
    CharSourceRange R = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(FlagsArg->getSourceRange()),
        TU.sourceManager(), TU.astContext().getLangOpts());
    if (R.isInvalid())
      return;
    llvm::StringRef Text = Lexer::getSourceText(
        R, TU.sourceManager(), TU.astContext().getLangOpts());
    Builder.fix(Result, FlagsArg->getSourceRange(),
                "(" + Text.str() + ") | IRQF_ONESHOT");
  }
};

} // namespace

RuleDescriptor irqfOneshotRule() {
  RuleDescriptor D;
  D.Info.Id = RuleId;
  D.Info.DefaultLevel = Severity::Warning;
  D.Info.ShortDescription =
      "Threaded IRQ with a NULL primary handler requested without IRQF_ONESHOT";
  D.Info.FullDescription =
      "request_threaded_irq() and devm_request_threaded_irq() with a NULL (or "
      "default) primary handler must pass IRQF_ONESHOT, or the kernel rejects "
      "the request with -EINVAL. The flags value is resolved through macros, "
      "enums, local variables, struct fields and branches.";
  D.Create = [](const RuleOptions &O) -> std::unique_ptr<Rule> {
    return std::make_unique<IrqfOneshotRule>(O);
  };
  D.OptionNames = {"ReportUnknownFlags"};
  return D;
}

} // namespace ctxlint
