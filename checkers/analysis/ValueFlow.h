// The set of values an integer or function-pointer expression may have at one
// program point, found by walking the CFG backwards to the assignments that
// reach it. This is what lets a rule see IRQF_ONESHOT arrive through
// `flags |= IRQF_ONESHOT` on one branch, through `cfg.flags`, or through
// `?:`, instead of pattern-matching the argument text. Path-insensitive: the
// values of all reaching paths are unioned, and anything the function cannot
// show (parameters, globals, call results, escaped locals) is Unknown.
#pragma once

#include "analysis/FunctionCfg.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <cstdint>
#include <set>
#include <vector>

namespace ctxlint {

struct AbstractValue {
  enum Kind { Integer, Function, Unknown } K = Unknown;
  uint64_t Int = 0;
  const clang::FunctionDecl *Fn = nullptr;

  static AbstractValue integer(uint64_t V) { return {Integer, V, nullptr}; }
  static AbstractValue function(const clang::FunctionDecl *F) {
    return {Function, 0, F->getCanonicalDecl()};
  }
  static AbstractValue unknown() { return {}; }

  bool operator<(const AbstractValue &O) const {
    return std::tie(K, Int, Fn) < std::tie(O.K, O.Int, O.Fn);
  }
};

// A bounded set: past MaxValues distinct values it degrades to {Unknown}.
class ValueSet {
public:
  static constexpr size_t MaxValues = 32;

  void add(AbstractValue V);
  void addAll(const ValueSet &Other);
  bool hasUnknown() const;
  bool empty() const { return Values.empty(); }
  const std::set<AbstractValue> &values() const { return Values; }
  static ValueSet unknown() {
    ValueSet S;
    S.add(AbstractValue::unknown());
    return S;
  }

private:
  std::set<AbstractValue> Values;
};

class ValueFlow {
public:
  explicit ValueFlow(const FunctionCfg &Cfg, clang::ASTContext &Ctx)
      : Cfg(Cfg), Ctx(Ctx) {}

  // Values E may have when evaluated at statement At (a CFG element; the
  // values are those reaching the point just before At).
  ValueSet valuesAt(const clang::Expr *E, const clang::Stmt *At);

  // The point and the assignment that produced each value, for notes.
  struct Origin {
    const clang::Stmt *Assignment = nullptr;
  };

private:
  // A memory location the analysis tracks: a local or parameter, optionally
  // with a path of fields below it (cfg.flags, d->irq.flags).
  struct Location {
    const clang::VarDecl *Root = nullptr;
    std::vector<const clang::FieldDecl *> Fields;
    bool operator<(const Location &O) const {
      return std::tie(Root, Fields) < std::tie(O.Root, O.Fields);
    }
    bool operator==(const Location &O) const {
      return Root == O.Root && Fields == O.Fields;
    }
    bool isPrefixOf(const Location &O) const;
  };

  std::optional<Location> locationOf(const clang::Expr *E) const;
  ValueSet evaluate(const clang::Expr *E, ProgramPoint Before, unsigned Depth);
  ValueSet locationValue(const Location &L, ProgramPoint Before,
                         unsigned Depth);
  // Effect of one element on L: nullopt when it does not touch L.
  std::optional<ValueSet> elementEffect(const clang::Stmt *S,
                                        const Location &L, ProgramPoint At,
                                        unsigned Depth);

  const FunctionCfg &Cfg;
  clang::ASTContext &Ctx;
};

} // namespace ctxlint
