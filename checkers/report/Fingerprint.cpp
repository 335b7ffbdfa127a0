#include "report/Fingerprint.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"

namespace ctxlint {

std::string stableFingerprint(const Finding &F) {
  llvm::SHA1 Hash;
  auto Field = [&Hash](llvm::StringRef S) {
    Hash.update(S);
    Hash.update(llvm::StringRef("\0", 1));
  };
  Field(F.RuleId);
  Field(F.Function);
  Field(F.FingerprintBasis.empty() ? F.Message : F.FingerprintBasis);
  // Both separators: a report written on Windows names the same file.
  Field(llvm::sys::path::filename(F.Location.File,
                                  llvm::sys::path::Style::windows_slash));
  std::array<uint8_t, 20> Digest = Hash.final();
  return llvm::toHex(Digest, /*LowerCase=*/true);
}

} // namespace ctxlint
