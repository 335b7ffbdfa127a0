// Path handling shared by the JSON and SARIF writers: making a finding's file
// name absolute, canonical and, when it lies under the source root, relative
// to it. Separate from the writers because both must agree on the same
// spelling of a file, and because it is the only part that touches the disk.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ctxlint {

class SourcePathMapper {
public:
  // WorkingDirectory resolves relative file names (the compiler's view of a
  // build-dir relative path is the best we have); SourceRoot is where
  // relative output paths start. Both are absolute; either may be empty.
  SourcePathMapper(std::string WorkingDirectory, std::string SourceRoot);

  // Absolute, with "." and ".." removed and symlinks resolved when the file
  // exists (lexically normalized otherwise), '/' separated.
  std::string absolute(const std::string &File) const;

  // The path relative to the source root ("drivers/foo.c"), or nothing when
  // the file is outside it or no source root was given.
  std::optional<std::string> relativeToRoot(const std::string &File) const;

  // relativeToRoot() if possible, else absolute(): the spelling the JSON
  // report uses.
  std::string display(const std::string &File) const;

  // The canonical source root, '/'-terminated, or "" when none was given.
  const std::string &rootDirectory() const { return RootDisplay; }

private:
  std::string WorkingDirectory;
  std::string RootDisplay;
  // The root as resolved on disk and as spelled lexically: a file that no
  // longer exists can only be matched against the lexical spelling.
  std::vector<std::string> RootCandidates;
};

// "file:///abs/path" with RFC 3986 percent-encoding; Path must be absolute.
// A trailing '/' is kept (directories in SARIF must end with one).
std::string fileUriFromAbsolutePath(const std::string &Path);

// Percent-encodes a relative path for use as a URI reference.
std::string uriReferenceFromRelativePath(const std::string &Path);

} // namespace ctxlint
