#include "report/ReportPaths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace ctxlint {

namespace {

std::string lexicallyNormalized(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true,
                               llvm::sys::path::Style::posix);
  return std::string(P);
}

std::string withTrailingSlash(std::string Dir) {
  if (Dir.empty() || Dir.back() != '/')
    Dir += '/';
  return Dir;
}

std::string makeAbsolute(llvm::StringRef File, llvm::StringRef Base) {
  llvm::SmallString<256> P;
  if (llvm::sys::path::is_absolute(File, llvm::sys::path::Style::posix) ||
      Base.empty())
    P = File;
  else
    llvm::sys::path::append(P, llvm::sys::path::Style::posix, Base, File);
  return std::string(P);
}

// Resolves symlinks when the path exists; keeps the lexical form otherwise.
std::string canonical(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real, /*expand_tilde=*/false))
    return std::string(Real);
  return lexicallyNormalized(Path);
}

// Unreserved characters (RFC 3986 section 2.3) and '/' pass through;
// everything else, including every byte of a non-ASCII character, is
// percent-encoded so that the validator accepts the URI.
std::string percentEncodePath(llvm::StringRef Path) {
  static const char Hex[] = "0123456789ABCDEF";
  std::string Out;
  for (unsigned char C : Path) {
    if ((C >= 'A' && C <= 'Z') || (C >= 'a' && C <= 'z') ||
        (C >= '0' && C <= '9') || C == '-' || C == '.' || C == '_' ||
        C == '~' || C == '/') {
      Out += static_cast<char>(C);
    } else {
      Out += '%';
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    }
  }
  return Out;
}

} // namespace

SourcePathMapper::SourcePathMapper(std::string WorkingDirectory,
                                   std::string SourceRoot)
    : WorkingDirectory(std::move(WorkingDirectory)) {
  if (SourceRoot.empty())
    return;
  std::string Abs = makeAbsolute(SourceRoot, this->WorkingDirectory);
  std::string Real = withTrailingSlash(canonical(Abs));
  std::string Lexical = withTrailingSlash(lexicallyNormalized(Abs));
  RootDisplay = Real;
  RootCandidates.push_back(Real);
  if (Lexical != Real)
    RootCandidates.push_back(Lexical);
}

std::string SourcePathMapper::absolute(const std::string &File) const {
  return canonical(makeAbsolute(File, WorkingDirectory));
}

std::optional<std::string>
SourcePathMapper::relativeToRoot(const std::string &File) const {
  if (File.empty() || RootCandidates.empty())
    return std::nullopt;
  std::string Abs = makeAbsolute(File, WorkingDirectory);
  // Try the resolved path first, then the lexical one, so that a root given
  // through a symlink still matches a file that has since been deleted.
  for (const std::string &Path : {canonical(Abs), lexicallyNormalized(Abs)})
    for (const std::string &Root : RootCandidates)
      // Root ends in '/', so a prefix match is a whole-component match:
      // /src/linux-next is not under /src/linux/.
      if (Path.size() > Root.size() && Path.compare(0, Root.size(), Root) == 0)
        return Path.substr(Root.size());
  return std::nullopt;
}

std::string SourcePathMapper::display(const std::string &File) const {
  if (File.empty())
    return File;
  if (auto Rel = relativeToRoot(File))
    return *Rel;
  return absolute(File);
}

std::string fileUriFromAbsolutePath(const std::string &Path) {
  // "file://" + an absolute path gives the three slashes of an empty
  // authority: file:///home/...
  return "file://" + percentEncodePath(Path);
}

std::string uriReferenceFromRelativePath(const std::string &Path) {
  return percentEncodePath(Path);
}

} // namespace ctxlint
