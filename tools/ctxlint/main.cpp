// ctxlint: the command-line front end. It reads a compilation database (or
// compiler arguments after --), parses each translation unit with Clang, runs
// the enabled rules through the shared checkers library, and writes text,
// JSON or SARIF. Exit codes: 0 clean, 1 findings, 2 usage or configuration
// error, 3 a translation unit failed to parse (the others are still reported).
#include "CompileCommandFilter.h"
#include "UnitResults.h"

#include "model/KernelApiModel.h"
#include "report/ReportWriters.h"
#include "rules/RuleRegistry.h"
#include "rules/RuleRunner.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace clang;
using namespace clang::tooling;
using namespace ctxlint;
namespace cl = llvm::cl;

#ifndef CTXLINT_VERSION
#define CTXLINT_VERSION "0.0.0"
#endif

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitUsage = 2, ExitParseFailure = 3 };

static cl::OptionCategory Category("ctxlint options");
static cl::list<std::string> SourcePaths(cl::Positional, cl::desc("<source files>"),
                                         cl::cat(Category));
static cl::opt<std::string> BuildPath("p", cl::desc("Build directory containing compile_commands.json"),
                                      cl::value_desc("build-dir"), cl::cat(Category));
static cl::opt<std::string> Checks("checks",
                                   cl::desc("Comma-separated globs of checks to run, clang-tidy style "
                                            "(\"-*,ctxlint-irqf-*\"). Default: ctxlint-*"),
                                   cl::init("ctxlint-*"), cl::cat(Category));
static cl::list<std::string> CheckOptions("check-option",
                                          cl::desc("Set a check option: <check>.<Key>=<value>"),
                                          cl::value_desc("option"), cl::cat(Category));
static cl::opt<std::string> Format("format", cl::desc("Output format: text, json or sarif"),
                                   cl::init("text"), cl::cat(Category));
static cl::opt<std::string> OutputFile("output", cl::desc("Write the report to this file"),
                                       cl::value_desc("file"), cl::cat(Category));
static cl::list<std::string> ModelFiles("model", cl::desc("Extra kernel API model file (JSON)"),
                                        cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool> ListChecks("list-checks", cl::desc("List the available checks and exit"),
                                cl::cat(Category));
static cl::opt<std::string> Explain("explain", cl::desc("Print the documentation of a check and exit"),
                                    cl::value_desc("check"), cl::cat(Category));
static cl::opt<unsigned> Jobs("j", cl::desc("Translation units to analyze in parallel"),
                              cl::init(1), cl::Prefix, cl::cat(Category));
static cl::opt<bool> Quiet("quiet", cl::desc("Print nothing but the findings"), cl::cat(Category));
static cl::opt<bool> Verbose("verbose", cl::desc("Explain what is done, including dropped compiler flags"),
                             cl::cat(Category));
// Internal: set by a ctxlint running -j N on the worker processes it starts.
static cl::opt<std::string> UnitResultsFile("unit-results", cl::Hidden,
                                            cl::desc("Write per-unit results for the parent process"));
static cl::opt<std::string> SourceRoot("source-root",
                                       cl::desc("Root for repository-relative paths in SARIF "
                                                "(default: the current directory)"),
                                       cl::value_desc("dir"), cl::cat(Category));

namespace {

// Runs the rules at the end of the parse, unless the parse had errors: a
// partial AST would produce findings nobody should trust.
class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const RuleRunner &Runner, CompilerInstance &CI, UnitResult &Result)
      : Runner(Runner), CI(CI), Result(Result) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (CI.getDiagnostics().hasErrorOccurred())
      return;
    std::vector<Finding> Found = Runner.run(Ctx);
    Result.Findings.insert(Result.Findings.end(), Found.begin(), Found.end());
  }

private:
  const RuleRunner &Runner;
  CompilerInstance &CI;
  UnitResult &Result;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const RuleRunner &Runner, UnitResult &Result)
      : Runner(Runner), Result(Result) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    return std::make_unique<AnalysisConsumer>(Runner, CI, Result);
  }

private:
  const RuleRunner &Runner;
  UnitResult &Result;
};

// Like FrontendActionFactory::runInvocation, but with the compiler's own
// "N errors generated." sent nowhere: the CLI reports failed units itself.
class AnalysisToolAction : public ToolAction {
public:
  AnalysisToolAction(const RuleRunner &Runner, UnitResult &Result)
      : Runner(Runner), Result(Result) {}

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    CompilerInstance Compiler(std::move(PCHContainerOps));
    Compiler.setInvocation(std::move(Invocation));
    Compiler.setFileManager(Files);
    Compiler.createDiagnostics(DiagConsumer, /*ShouldOwnClient=*/false);
    if (!Compiler.hasDiagnostics())
      return false;
    Compiler.createSourceManager(*Files);
    Compiler.setVerboseOutputStream(std::make_unique<llvm::raw_null_ostream>());
    AnalysisAction Action(Runner, Result);
    bool Success = Compiler.ExecuteAction(Action);
    Files->clearStatCache();
    return Success;
  }

private:
  const RuleRunner &Runner;
  UnitResult &Result;
};

UnitResult analyzeUnit(const CompilationDatabase &DB, const std::string &File,
                       const RuleRunner &Runner, CompileCommandFilter &Filter) {
  UnitResult Result;
  Result.File = File;
  if (!llvm::sys::fs::exists(File)) {
    Result.Failed = true;
    Result.Diagnostics = "error: no such file: " + File + "\n";
    return Result;
  }
  ClangTool Tool(DB, {File});
  Tool.clearArgumentsAdjusters();
  Tool.appendArgumentsAdjuster(getClangStripOutputAdjuster());
  Tool.appendArgumentsAdjuster(getClangStripDependencyFileAdjuster());
  Tool.appendArgumentsAdjuster(Filter.adjuster());
  Tool.appendArgumentsAdjuster(getClangSyntaxOnlyAdjuster());
  llvm::raw_string_ostream DiagStream(Result.Diagnostics);
  auto DiagOpts = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
  TextDiagnosticPrinter Printer(DiagStream, DiagOpts.get());
  Tool.setDiagnosticConsumer(&Printer);
  Tool.setPrintErrorMessage(false);
  AnalysisToolAction Action(Runner, Result);
  int Status = Tool.run(&Action);
  if (Status != 0 || Printer.getNumErrors() != 0)
    Result.Failed = true;
  return Result;
}

bool writeReport(const RunReport &Run) {
  std::error_code EC;
  std::unique_ptr<llvm::raw_fd_ostream> File;
  llvm::raw_ostream *OS = &llvm::outs();
  if (!OutputFile.empty()) {
    File = std::make_unique<llvm::raw_fd_ostream>(OutputFile, EC, llvm::sys::fs::OF_Text);
    if (EC) {
      llvm::errs() << "ctxlint: error: cannot write '" << OutputFile << "': " << EC.message() << "\n";
      return false;
    }
    OS = File.get();
  }
  if (Format == "json")
    writeJsonReport(Run, *OS);
  else if (Format == "sarif")
    writeSarifReport(Run, *OS);
  else
    writeTextReport(Run, *OS);
  OS->flush();
  return true;
}

// -j N: one worker process per translation unit, N at a time. Each worker
// is this program, analyzing one file and writing its UnitResult.
void runWorkers(const std::vector<std::string> &Files, std::vector<UnitResult> &Results,
                const std::vector<std::string> &WorkerArgs,
                const std::function<void(size_t)> &Finished) {
  std::string Self = llvm::sys::fs::getMainExecutable(nullptr, (void *)&runWorkers);
  llvm::SmallString<128> TempDir;
  llvm::sys::fs::createUniqueDirectory("ctxlint-j", TempDir);
  struct Running {
    llvm::sys::ProcessInfo Process;
    size_t Index;
    std::string ResultPath;
  };
  std::vector<Running> Active;
  size_t Next = 0;
  auto Collect = [&](Running &R, int ReturnCode) {
    auto Read = readUnitResults(R.ResultPath);
    if (ReturnCode < 0 || !Read || Read->empty()) {
      if (!Read)
        llvm::consumeError(Read.takeError());
      UnitResult &U = Results[R.Index];
      U.File = Files[R.Index];
      U.Failed = U.Crashed = true;
      U.Diagnostics = "ctxlint: internal error: the worker analyzing " + Files[R.Index] +
                      " crashed (please report it with this file)\n";
    } else {
      Results[R.Index] = std::move(Read->front());
    }
    llvm::sys::fs::remove(R.ResultPath);
    Finished(R.Index);
  };
  while (Next < Files.size() || !Active.empty()) {
    while (Next < Files.size() && Active.size() < Jobs) {
      Running R;
      R.Index = Next++;
      R.ResultPath = (TempDir + "/" + std::to_string(R.Index) + ".json").str();
      std::vector<std::string> Args{Self};
      Args.insert(Args.end(), WorkerArgs.begin(), WorkerArgs.end());
      // The options and the file go before the compiler arguments, which
      // follow "--".
      auto DashDash = std::find(Args.begin(), Args.end(), "--");
      DashDash = Args.insert(DashDash, "--unit-results=" + R.ResultPath) + 1;
      Args.insert(DashDash, Files[R.Index]);
      std::vector<llvm::StringRef> Argv(Args.begin(), Args.end());
      std::string Error;
      R.Process = llvm::sys::ExecuteNoWait(Self, Argv, std::nullopt, {}, 0, &Error);
      if (R.Process.Pid == llvm::sys::ProcessInfo::InvalidPid) {
        Collect(R, -1);
        continue;
      }
      Active.push_back(std::move(R));
    }
    bool Reaped = false;
    for (size_t A = 0; A < Active.size(); ++A) {
      llvm::sys::ProcessInfo Done = llvm::sys::Wait(Active[A].Process, 0);
      if (Done.Pid == 0)
        continue; // still running
      Collect(Active[A], Done.ReturnCode);
      Active.erase(Active.begin() + A);
      Reaped = true;
      break;
    }
    if (!Reaped && !Active.empty())
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  llvm::sys::fs::remove(TempDir);
}

std::string currentDirectory() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

void printVersion(llvm::raw_ostream &OS) {
  OS << "ctxlint " << CTXLINT_VERSION << " (LLVM " << LLVM_VERSION_STRING << ")\n";
}

} // namespace

int main(int argc, const char **argv) {
  // Compiler arguments after "--" form a fixed compilation database.
  std::string FixedDBError;
  int ArgcBeforeDashDash = argc;
  std::unique_ptr<CompilationDatabase> FixedDB =
      FixedCompilationDatabase::loadFromCommandLine(ArgcBeforeDashDash, argv, FixedDBError);
  bool HadDashDash = ArgcBeforeDashDash != argc;

  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  std::string ParseErrors;
  llvm::raw_string_ostream ParseErrorStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(ArgcBeforeDashDash, argv,
                                   "ctxlint: locking and execution-context checks for Linux kernel drivers\n",
                                   &ParseErrorStream)) {
    llvm::errs() << ParseErrorStream.str();
    return ExitUsage;
  }

  if (ListChecks) {
    for (const RuleDescriptor &D : allRules())
      llvm::outs() << D.Info.Id << "\n    " << D.Info.ShortDescription << "\n";
    return ExitClean;
  }
  if (!Explain.empty()) {
    const RuleDescriptor *D = findRule(Explain);
    if (!D) {
      llvm::errs() << "ctxlint: error: unknown check '" << Explain << "' (see --list-checks)\n";
      return ExitUsage;
    }
    llvm::outs() << D->Info.HelpMarkdown;
    return ExitClean;
  }
  if (Format != "text" && Format != "json" && Format != "sarif") {
    llvm::errs() << "ctxlint: error: unknown --format '" << Format << "' (expected text, json or sarif)\n";
    return ExitUsage;
  }
  if (Jobs == 0) {
    llvm::errs() << "ctxlint: error: -j needs a positive number\n";
    return ExitUsage;
  }

  auto Selected = selectRules(Checks);
  if (!Selected) {
    llvm::errs() << "ctxlint: error: " << llvm::toString(Selected.takeError()) << "\n";
    return ExitUsage;
  }
  RuleOptions Options;
  for (const std::string &Opt : CheckOptions) {
    auto [Key, Value] = llvm::StringRef(Opt).split('=');
    if (Key.empty() || !llvm::StringRef(Opt).contains('=')) {
      llvm::errs() << "ctxlint: error: --check-option expects <check>.<Key>=<value>, got '" << Opt << "'\n";
      return ExitUsage;
    }
    Options.set(Key, Value);
  }
  if (llvm::Error E = validateRuleOptions(Options)) {
    llvm::errs() << "ctxlint: error: " << llvm::toString(std::move(E)) << "\n";
    return ExitUsage;
  }

  auto Model = KernelApiModel::loadBuiltin();
  if (!Model) {
    llvm::errs() << "ctxlint: internal error: " << llvm::toString(Model.takeError()) << "\n";
    return ExitUsage;
  }
  for (const std::string &Path : ModelFiles) {
    if (llvm::Error E = Model->mergeFile(Path)) {
      llvm::errs() << llvm::toString(std::move(E)) << "\n";
      return ExitUsage;
    }
  }

  // Find the compilation database.
  std::unique_ptr<CompilationDatabase> DB;
  std::string DBError;
  if (HadDashDash) {
    if (!FixedDB) {
      llvm::errs() << "ctxlint: error: " << FixedDBError << "\n";
      return ExitUsage;
    }
    DB = std::move(FixedDB);
  } else if (!BuildPath.empty()) {
    // -p names the directory itself; searching its parents would silently
    // pick up an unrelated database.
    DB = CompilationDatabase::loadFromDirectory(BuildPath, DBError);
    if (!DB) {
      llvm::errs() << "ctxlint: error: no compilation database in '" << BuildPath << "': " << DBError << "\n";
      return ExitUsage;
    }
  } else if (!SourcePaths.empty()) {
    DB = CompilationDatabase::autoDetectFromSource(SourcePaths.front(), DBError);
    if (!DB) {
      llvm::errs() << "ctxlint: error: no compilation database found for '" << SourcePaths.front()
                   << "'; pass -p <build-dir> or compiler arguments after --\n";
      return ExitUsage;
    }
  } else {
    llvm::errs() << "ctxlint: error: no input files; pass source files, -p <build-dir>, or see --help\n";
    return ExitUsage;
  }

  std::vector<std::string> Files(SourcePaths.begin(), SourcePaths.end());
  if (Files.empty())
    Files = DB->getAllFiles();
  if (Files.empty()) {
    llvm::errs() << "ctxlint: error: the compilation database lists no files\n";
    return ExitUsage;
  }
  for (std::string &F : Files) {
    llvm::SmallString<256> Abs(F);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    if (!DB->getCompileCommands(Abs).empty() || HadDashDash)
      F = std::string(Abs);
  }

  // What a worker process needs to analyze one file the same way.
  std::vector<std::string> WorkerArgs{"--checks=" + Checks, "--quiet"};
  for (const std::string &Opt : CheckOptions)
    WorkerArgs.push_back("--check-option=" + Opt);
  for (const std::string &Path : ModelFiles)
    WorkerArgs.push_back("--model=" + Path);
  if (!BuildPath.empty())
    WorkerArgs.push_back("-p=" + BuildPath);
  if (HadDashDash) {
    WorkerArgs.push_back("--");
    for (int I = ArgcBeforeDashDash + 1; I < argc; ++I)
      WorkerArgs.push_back(argv[I]);
  }

  RuleRunner Runner(*Model, *Selected, Options);
  CompileCommandFilter Filter;
  std::vector<UnitResult> Results(Files.size());
  std::mutex OutputMutex;
  std::atomic<unsigned> Done{0};
  bool ShowProgress = !Quiet && Files.size() > 1 && llvm::sys::Process::StandardErrIsDisplayed();

  // A crash in one translation unit (in clang or in ctxlint) becomes a
  // failed unit: the findings of every other unit are still reported.
  llvm::CrashRecoveryContext::Enable();
  auto Work = [&](size_t I) {
    if (Verbose && !ShowProgress) {
      std::lock_guard<std::mutex> Lock(OutputMutex);
      llvm::errs() << "ctxlint: analyzing " << Files[I] << "\n";
    }
    llvm::CrashRecoveryContext Recovery;
    if (!Recovery.RunSafely([&] { Results[I] = analyzeUnit(*DB, Files[I], Runner, Filter); })) {
      Results[I] = UnitResult();
      Results[I].File = Files[I];
      Results[I].Failed = true;
      Results[I].Crashed = true;
      Results[I].Diagnostics = "ctxlint: internal error: crashed while analyzing " + Files[I] +
                               " (please report it with this file)\n";
    }
    unsigned N = ++Done;
    std::lock_guard<std::mutex> Lock(OutputMutex);
    if (Results[I].Failed && !Quiet) {
      if (ShowProgress)
        llvm::errs() << "\r\033[K";
      llvm::errs() << Results[I].Diagnostics;
      if (!Results[I].Crashed)
        llvm::errs() << "ctxlint: error: failed to parse " << Files[I] << "; its findings are not reported\n";
    }
    if (ShowProgress)
      llvm::errs() << "\r\033[K[" << N << "/" << Files.size() << "] " << llvm::sys::path::filename(Files[I]);
  };
  if (Jobs == 1 || Files.size() == 1) {
    for (size_t I = 0; I < Files.size(); ++I)
      Work(I);
  } else {
    runWorkers(Files, Results, WorkerArgs, [&](size_t I) {
      unsigned N = ++Done;
      std::lock_guard<std::mutex> Lock(OutputMutex);
      if (Results[I].Failed && !Quiet) {
        if (ShowProgress)
          llvm::errs() << "\r\033[K";
        llvm::errs() << Results[I].Diagnostics;
        if (!Results[I].Crashed)
          llvm::errs() << "ctxlint: error: failed to parse " << Files[I]
                       << "; its findings are not reported\n";
      }
      if (ShowProgress)
        llvm::errs() << "\r\033[K[" << N << "/" << Files.size() << "] "
                     << llvm::sys::path::filename(Files[I]);
    });
  }
  if (!UnitResultsFile.empty()) {
    if (llvm::Error E = writeUnitResults(Results, UnitResultsFile)) {
      llvm::errs() << "ctxlint: error: " << llvm::toString(std::move(E)) << "\n";
      return ExitUsage;
    }
    return ExitClean;
  }
  if (ShowProgress)
    llvm::errs() << "\r\033[K";

  RunReport Run;
  for (const RuleDescriptor &D : allRules())
    if (std::find(Selected->begin(), Selected->end(), D.Info.Id) != Selected->end())
      Run.Rules.push_back(D.Info);
  bool AnyFailed = false;
  for (UnitResult &R : Results) {
    Run.Findings.insert(Run.Findings.end(), R.Findings.begin(), R.Findings.end());
    if (R.Failed) {
      AnyFailed = true;
      Run.FailedUnits.push_back(FailedUnit{
          R.File, R.Crashed ? "ctxlint crashed while analyzing this translation unit"
                            : "the translation unit failed to parse"});
    }
  }
  sortFindings(Run.Findings);
  Run.WorkingDirectory = currentDirectory();
  llvm::SmallString<256> Root(SourceRoot.empty() ? Run.WorkingDirectory : SourceRoot);
  llvm::sys::fs::make_absolute(Root);
  Run.SourceRoot = std::string(Root);
  Run.ToolVersion = CTXLINT_VERSION;

  if (Verbose) {
    std::set<std::string> Dropped = Filter.droppedFlags();
    if (!Dropped.empty()) {
      llvm::errs() << "ctxlint: dropped compiler flags clang does not accept:";
      for (const std::string &Flag : Dropped)
        llvm::errs() << " " << Flag;
      llvm::errs() << "\n";
    }
    llvm::errs() << "ctxlint: analyzed " << Files.size() << " translation unit(s) with "
                 << Run.Rules.size() << " check(s): " << Run.Findings.size() << " finding(s)\n";
  }

  if (!writeReport(Run))
    return ExitUsage;
  if (AnyFailed)
    return ExitParseFailure;
  return Run.Findings.empty() ? ExitClean : ExitFindings;
}
