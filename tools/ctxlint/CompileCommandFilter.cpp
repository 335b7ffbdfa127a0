#include "CompileCommandFilter.h"

#include "clang/Driver/Options.h"
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
