// Maps a JSON path ("lockOperations", 3, "lockArgs") back to a line and column
// in the original text. nlohmann/json keeps no positions, and a model error
// that says only "bad key" is useless in a 500-line file.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>
#include <variant>
#include <vector>

namespace ctxlint {

using JsonPathElement = std::variant<std::string, size_t>;
using JsonPath = std::vector<JsonPathElement>;

struct TextPosition {
  unsigned Line = 1;
  unsigned Column = 1;
};

TextPosition positionOfOffset(llvm::StringRef Text, size_t Offset);

// Position of the value at Path; for a path ending in an object key, the
// position of the key itself. Falls back to the deepest prefix found.
TextPosition locateJsonPath(llvm::StringRef Text, const JsonPath &Path);

std::string formatJsonPath(const JsonPath &Path);

} // namespace ctxlint
