#include "rules/RuleRegistry.h"

#include "llvm/Support/Regex.h"

namespace ctxlint {

// Generated from docs/rules/*.md by cmake/EmbedText.cmake.
struct EmbeddedFile {
  const char *Name;
  const char *Text;
};
extern const EmbeddedFile EmbeddedRuleDocs[];
extern const unsigned EmbeddedRuleDocsCount;

RuleDescriptor irqfOneshotRule();
RuleDescriptor uncheckedWaitReturnRule();
RuleDescriptor sleepInAtomicRule();
RuleDescriptor irqsavePairingRule();
RuleDescriptor lockBalanceRule();
RuleDescriptor doubleLockRule();

const std::vector<RuleDescriptor> &allRules() {
  static const std::vector<RuleDescriptor> Rules = [] {
    std::vector<RuleDescriptor> R;
    R.push_back(irqfOneshotRule());
    R.push_back(uncheckedWaitReturnRule());
    R.push_back(sleepInAtomicRule());
    R.push_back(irqsavePairingRule());
    R.push_back(lockBalanceRule());
    R.push_back(doubleLockRule());
    for (RuleDescriptor &D : R)
      D.Info.HelpMarkdown = ruleDocumentation(D.Info.Id).str();
    return R;
  }();
  return Rules;
}

const RuleDescriptor *findRule(llvm::StringRef Id) {
  for (const RuleDescriptor &D : allRules())
    if (D.Info.Id == Id)
      return &D;
  return nullptr;
}

llvm::StringRef ruleDocumentation(llvm::StringRef Id) {
  llvm::StringRef Name = Id;
  Name.consume_front("ctxlint-");
  for (unsigned I = 0; I < EmbeddedRuleDocsCount; ++I)
    if (llvm::StringRef(EmbeddedRuleDocs[I].Name) == (Name + ".md").str())
      return EmbeddedRuleDocs[I].Text;
  return {};
}

static std::string globToRegex(llvm::StringRef Glob) {
  std::string R = "^";
  for (char C : Glob) {
    if (C == '*')
      R += ".*";
    else
      R += llvm::Regex::escape(std::string(1, C));
  }
  return R + "$";
}

llvm::Expected<std::vector<std::string>> selectRules(llvm::StringRef Globs) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  std::vector<bool> Enabled(allRules().size(), false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    bool Negative = Part.consume_front("-");
    llvm::Regex Pattern(globToRegex(Part));
    bool Matched = false;
    for (size_t I = 0; I < allRules().size(); ++I)
      if (Pattern.match(allRules()[I].Info.Id)) {
        Enabled[I] = !Negative;
        Matched = true;
      }
    // "-*" and "clang-analyzer-*" style patterns for other tools are fine;
    // a positive pattern that names no ctxlint rule is a typo.
    if (!Matched && !Negative && Part.starts_with("ctxlint-"))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "unknown check '%s' in --checks (see --list-checks)",
          Part.str().c_str());
  }
  std::vector<std::string> Ids;
  for (size_t I = 0; I < allRules().size(); ++I)
    if (Enabled[I])
      Ids.push_back(allRules()[I].Info.Id);
  return Ids;
}

bool RuleOptions::getBool(llvm::StringRef RuleId, llvm::StringRef Key,
                          bool Default) const {
  auto It = Values.find((RuleId + "." + Key).str());
  if (It == Values.end())
    return Default;
  llvm::StringRef V = It->second;
  return V.equals_insensitive("true") || V == "1" || V.equals_insensitive("yes");
}

llvm::Error validateRuleOptions(const RuleOptions &Options) {
  for (const auto &Entry : Options.all()) {
    llvm::StringRef Name = Entry.getKey();
    auto [RuleId, Key] = Name.rsplit('.');
    const RuleDescriptor *D = findRule(RuleId);
    if (!D)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "option '%s' names an unknown check",
                                     Name.str().c_str());
    if (std::find(D->OptionNames.begin(), D->OptionNames.end(), Key.str()) ==
        D->OptionNames.end())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "check '%s' has no option '%s'",
                                     RuleId.str().c_str(), Key.str().c_str());
  }
  return llvm::Error::success();
}

} // namespace ctxlint
