#include "CompileCommandFilter.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticDriver.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Driver/Compilation.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Job.h"
#include "clang/Driver/Options.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"

#include <algorithm>

namespace ctxlint {

namespace {

// Options clang knows but that must not reach an analysis run: gcc plugins
// would be dlopen'ed, -Werror would turn clang-only warnings on gcc-tuned
// code into parse failures, and profile/coverage outputs write files.
bool mustDropKnownOption(llvm::StringRef Arg) {
  return Arg.starts_with("-fplugin=") || Arg.starts_with("-fplugin-arg-") ||
         Arg == "-Werror" || Arg.starts_with("-Werror=") ||
         Arg.starts_with("-fprofile-") || Arg == "-pg" ||
         Arg.starts_with("-Wa,") || Arg.starts_with("-fdump-");
}

// Options clang's table knows but its driver rejects for this target or with
// this value (gcc's -mrecord-mcount on x86, -fsanitize=bounds-strict): only
// the driver itself can tell, so ask it, and collect what it rejects.
class RejectedOptionCollector : public clang::DiagnosticConsumer {
public:
  std::vector<std::pair<std::string, std::string>> Rejected; // option, value

  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    unsigned ID = Info.getID();
    bool WithValue = ID == clang::diag::err_drv_unsupported_option_argument ||
                     ID == clang::diag::err_drv_unsupported_option_argument_for_target;
    if (ID != clang::diag::err_drv_unsupported_opt &&
        ID != clang::diag::err_drv_unsupported_opt_for_target && !WithValue)
      return;
    auto Arg = [&](unsigned I) -> std::string {
      if (I >= Info.getNumArgs())
        return {};
      if (Info.getArgKind(I) == clang::DiagnosticsEngine::ak_std_string)
        return Info.getArgStdStr(I);
      if (Info.getArgKind(I) == clang::DiagnosticsEngine::ak_c_string)
        return Info.getArgCStr(I);
      return {};
    };
    Rejected.emplace_back(Arg(0), WithValue ? Arg(1) : std::string());
  }
};

std::vector<std::pair<std::string, std::string>>
optionsTheDriverRejects(const clang::tooling::CommandLineArguments &Args) {
  RejectedOptionCollector Collector;
  auto DiagOpts = llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
  clang::DiagnosticsEngine Diags(
      llvm::makeIntrusiveRefCnt<clang::DiagnosticIDs>(), DiagOpts.get(),
      &Collector, /*ShouldOwnClient=*/false);
  clang::driver::Driver Driver(Args.front(), llvm::sys::getDefaultTargetTriple(), Diags);
  std::vector<const char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());
  Argv.push_back("-fsyntax-only");
  std::unique_ptr<clang::driver::Compilation> C(Driver.BuildCompilation(Argv));
  // Some values are only checked when the front end reads its options
  // (-fsanitize=bounds-strict), so build the invocation too.
  if (C && !C->getJobs().empty()) {
    const clang::driver::Command &Job = *C->getJobs().begin();
    auto Invocation = std::make_shared<clang::CompilerInvocation>();
    clang::CompilerInvocation::CreateFromArgs(*Invocation, Job.getArguments(), Diags);
  }
  return Collector.Rejected;
}

} // namespace

clang::tooling::ArgumentsAdjuster CompileCommandFilter::adjuster() {
  return [this](const clang::tooling::CommandLineArguments &Args,
                llvm::StringRef /*File*/) {
    clang::tooling::CommandLineArguments Out;
    if (Args.empty())
      return Out;
    const llvm::opt::OptTable &Table = clang::driver::getDriverOptTable();
    std::vector<const char *> Argv;
    for (size_t I = 1; I < Args.size(); ++I)
      Argv.push_back(Args[I].c_str());
    unsigned MissingIndex = 0, MissingCount = 0;
    // Parse the whole line with the driver's own table, so an option's
    // separate value ("-include foo.h") stays attached to it.
    llvm::opt::InputArgList Parsed =
        Table.ParseArgs(Argv, MissingIndex, MissingCount);
    std::vector<std::pair<unsigned, const llvm::opt::Arg *>> Spans;
    for (const llvm::opt::Arg *A : Parsed)
      Spans.emplace_back(A->getIndex(), A);
    std::sort(Spans.begin(), Spans.end(),
              [](const auto &L, const auto &R) { return L.first < R.first; });
    Out.push_back(Args[0]);
    std::set<std::string> DroppedHere;
    for (size_t S = 0; S < Spans.size(); ++S) {
      unsigned Begin = Spans[S].first;
      unsigned End = S + 1 < Spans.size() ? Spans[S + 1].first
                                          : static_cast<unsigned>(Argv.size());
      const llvm::opt::Arg *A = Spans[S].second;
      llvm::StringRef Spelled = Argv[Begin];
      bool Unknown = A->getOption().getID() == clang::driver::options::OPT_UNKNOWN;
      if (Unknown || mustDropKnownOption(Spelled)) {
        DroppedHere.insert(Spelled.str());
        continue;
      }
      for (unsigned I = Begin; I < End; ++I)
        Out.push_back(Argv[I]);
    }
    for (const auto &[Option, Value] : optionsTheDriverRejects(Out)) {
      auto It = std::find_if(Out.begin() + 1, Out.end(), [&, Option = Option, Value = Value](const std::string &A) {
        return Value.empty() ? A == Option
                             : llvm::StringRef(A).starts_with(Option) &&
                                   llvm::StringRef(A).contains(Value);
      });
      if (It != Out.end()) {
        DroppedHere.insert(*It);
        Out.erase(It);
      }
    }
    // The command compiled cleanly with its own compiler; only the parse
    // matters here, and clang's warnings on gcc-tuned code are noise.
    Out.push_back("-w");
    if (!DroppedHere.empty()) {
      std::lock_guard<std::mutex> Lock(Mutex);
      Dropped.insert(DroppedHere.begin(), DroppedHere.end());
    }
    return Out;
  };
}

std::set<std::string> CompileCommandFilter::droppedFlags() const {
  std::lock_guard<std::mutex> Lock(Mutex);
  return Dropped;
}

} // namespace ctxlint
