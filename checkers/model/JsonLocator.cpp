#include "model/JsonLocator.h"

#include <cctype>
#include <cstring>

namespace ctxlint {

TextPosition positionOfOffset(llvm::StringRef Text, size_t Offset) {
  TextPosition P;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++P.Line;
      P.Column = 1;
    } else {
      ++P.Column;
    }
  }
  return P;
}

namespace {

// A minimal scanner over text already known to be valid JSON.
class PathScanner {
public:
  explicit PathScanner(llvm::StringRef Text) : Text(Text) {}

  // Returns the offset of the value at Path[Depth..] starting at Pos, or of
  // the last element found.
  size_t find(const JsonPath &Path) {
    size_t Found = 0;
    Pos = 0;
    skipSpace();
    findIn(Path, 0, Found);
    return Found;
  }

private:
  llvm::StringRef Text;
  size_t Pos = 0;

  void skipSpace() {
    while (Pos < Text.size() && std::isspace((unsigned char)Text[Pos]))
      ++Pos;
  }

  // Past the whitespace and the comma after a value.
  void skipSeparator() {
    skipSpace();
    if (Pos < Text.size() && Text[Pos] == ',')
      ++Pos;
    skipSpace();
  }

  std::string readString() {
    std::string S;
    ++Pos; // opening quote
    while (Pos < Text.size() && Text[Pos] != '"') {
      if (Text[Pos] == '\\')
        ++Pos;
      if (Pos < Text.size())
        S += Text[Pos++];
    }
    ++Pos; // closing quote
    return S;
  }

  void skipValue() {
    skipSpace();
    if (Pos >= Text.size())
      return;
    char C = Text[Pos];
    if (C == '"') {
      readString();
    } else if (C == '{' || C == '[') {
      char Close = C == '{' ? '}' : ']';
      ++Pos;
      skipSpace();
      while (Pos < Text.size() && Text[Pos] != Close) {
        if (C == '{') {
          readString();
          skipSpace();
          ++Pos; // ':'
        }
        skipValue();
        skipSeparator();
      }
      ++Pos;
    } else {
      while (Pos < Text.size() && !std::strchr(",]} \t\r\n", Text[Pos]))
        ++Pos;
    }
  }

  void findIn(const JsonPath &Path, size_t Depth, size_t &Found) {
    skipSpace();
    Found = Pos;
    if (Depth == Path.size() || Pos >= Text.size())
      return;
    const JsonPathElement &Want = Path[Depth];
    if (Text[Pos] == '{' && std::holds_alternative<std::string>(Want)) {
      ++Pos;
      skipSpace();
      while (Pos < Text.size() && Text[Pos] != '}') {
        size_t KeyPos = Pos;
        std::string Key = readString();
        skipSpace();
        ++Pos; // ':'
        if (Key == std::get<std::string>(Want)) {
          if (Depth + 1 == Path.size()) {
            Found = KeyPos;
            return;
          }
          findIn(Path, Depth + 1, Found);
          return;
        }
        skipValue();
        skipSeparator();
      }
    } else if (Text[Pos] == '[' && std::holds_alternative<size_t>(Want)) {
      ++Pos;
      size_t Index = 0;
      skipSpace();
      while (Pos < Text.size() && Text[Pos] != ']') {
        if (Index == std::get<size_t>(Want)) {
          findIn(Path, Depth + 1, Found);
          return;
        }
        skipValue();
        skipSeparator();
        ++Index;
      }
    }
  }
};

} // namespace

TextPosition locateJsonPath(llvm::StringRef Text, const JsonPath &Path) {
  PathScanner S(Text);
  return positionOfOffset(Text, S.find(Path));
}

std::string formatJsonPath(const JsonPath &Path) {
  std::string Out;
  for (const JsonPathElement &E : Path) {
    if (const auto *Key = std::get_if<std::string>(&E)) {
      if (!Out.empty())
        Out += '.';
      Out += *Key;
    } else {
      Out += '[' + std::to_string(std::get<size_t>(E)) + ']';
    }
  }
  return Out;
}

} // namespace ctxlint
