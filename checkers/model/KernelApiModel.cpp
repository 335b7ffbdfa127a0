#include "model/KernelApiModel.h"
#include "model/JsonLocator.h"

#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

#include <set>

using nlohmann::json;

namespace ctxlint {

extern const char BuiltinKernelApiModel[]; // generated from kernel-api.json

const char *contextName(ExecContext C) {
  switch (C) {
  case ExecContext::Process: return "process";
  case ExecContext::Softirq: return "softirq";
  case ExecContext::Hardirq: return "hardirq";
  }
  return "?";
}

const char *lockClassName(LockClass C) {
  switch (C) {
  case LockClass::Spinlock: return "spinlock";
  case LockClass::Rwlock: return "rwlock";
  case LockClass::Mutex: return "mutex";
  case LockClass::Semaphore: return "semaphore";
  case LockClass::Rwsem: return "rwsem";
  case LockClass::Rcu: return "rcu";
  case LockClass::Preempt: return "preempt";
  case LockClass::Irq: return "irq";
  case LockClass::Bh: return "bh";
  }
  return "?";
}

bool lockClassSleeps(LockClass C) {
  return C == LockClass::Mutex || C == LockClass::Semaphore ||
         C == LockClass::Rwsem;
}

bool lockClassHasObject(LockClass C) {
  return C == LockClass::Spinlock || C == LockClass::Rwlock ||
         C == LockClass::Mutex || C == LockClass::Semaphore ||
         C == LockClass::Rwsem;
}

const char *irqEffectSuffix(IrqEffect E) {
  switch (E) {
  case IrqEffect::None: return "";
  case IrqEffect::Disable: return "_irq";
  case IrqEffect::Save: return "_irqsave";
  case IrqEffect::Bh: return "_bh";
  }
  return "";
}

namespace {

struct ModelError {
  JsonPath Path;
  std::string Message;
};

// Reads one JSON object, rejecting keys it was not told about, so a typo in
// a user model ("lockArgs") is an error instead of a silently ignored entry.
class ObjectReader {
public:
  ObjectReader(const json &Object, JsonPath Path)
      : Object(Object), Path(std::move(Path)) {
    if (!Object.is_object())
      throw ModelError{this->Path, "expected an object"};
  }

  std::string requiredString(const char *Key) {
    Seen.insert(Key);
    auto It = Object.find(Key);
    if (It == Object.end())
      throw ModelError{Path, std::string("missing required key '") + Key + "'"};
    if (!It->is_string())
      throw ModelError{at(Key), std::string("'") + Key + "' must be a string"};
    return It->get<std::string>();
  }

  std::string optionalString(const char *Key, std::string Default = "") {
    Seen.insert(Key);
    auto It = Object.find(Key);
    if (It == Object.end())
      return Default;
    if (!It->is_string())
      throw ModelError{at(Key), std::string("'") + Key + "' must be a string"};
    return It->get<std::string>();
  }

  int optionalIndex(const char *Key) {
    Seen.insert(Key);
    auto It = Object.find(Key);
    if (It == Object.end())
      return -1;
    if (!It->is_number_unsigned() || It->get<uint64_t>() > 16)
      throw ModelError{at(Key), std::string("'") + Key +
                                    "' must be an argument index (0-16)"};
    return static_cast<int>(It->get<uint64_t>());
  }

  int requiredIndex(const char *Key) {
    if (Object.find(Key) == Object.end())
      throw ModelError{Path, std::string("missing required key '") + Key + "'"};
    return optionalIndex(Key);
  }

  bool optionalBool(const char *Key) {
    Seen.insert(Key);
    auto It = Object.find(Key);
    if (It == Object.end())
      return false;
    if (!It->is_boolean())
      throw ModelError{at(Key), std::string("'") + Key + "' must be true or false"};
    return It->get<bool>();
  }

  const json *optionalObject(const char *Key) {
    Seen.insert(Key);
    auto It = Object.find(Key);
    return It == Object.end() ? nullptr : &*It;
  }

  template <typename T>
  T enumValue(const char *Key, const std::map<std::string, T> &Values,
              std::optional<T> Default) {
    std::string S = Default ? optionalString(Key) : requiredString(Key);
    if (S.empty() && Default)
      return *Default;
    auto It = Values.find(S);
    if (It == Values.end()) {
      std::string Allowed;
      for (const auto &V : Values)
        Allowed += (Allowed.empty() ? "" : ", ") + V.first;
      throw ModelError{at(Key), "'" + S + "' is not a valid '" + Key +
                                    "' (expected one of: " + Allowed + ")"};
    }
    return It->second;
  }

  // Call last: every key must have been asked for.
  void rejectUnknownKeys() {
    for (auto It = Object.begin(); It != Object.end(); ++It)
      if (!Seen.count(It.key()))
        throw ModelError{at(It.key()), "unknown key '" + It.key() + "'"};
  }

  JsonPath at(const std::string &Key) const {
    JsonPath P = Path;
    P.push_back(Key);
    return P;
  }

private:
  const json &Object;
  JsonPath Path;
  std::set<std::string> Seen;
};

const std::map<std::string, ExecContext> ContextNames = {
    {"process", ExecContext::Process},
    {"softirq", ExecContext::Softirq},
    {"hardirq", ExecContext::Hardirq}};

const std::map<std::string, LockClass> LockClassNames = {
    {"spinlock", LockClass::Spinlock}, {"rwlock", LockClass::Rwlock},
    {"mutex", LockClass::Mutex},       {"semaphore", LockClass::Semaphore},
    {"rwsem", LockClass::Rwsem},       {"rcu", LockClass::Rcu},
    {"preempt", LockClass::Preempt},   {"irq", LockClass::Irq},
    {"bh", LockClass::Bh}};

const std::map<std::string, LockMode> LockModeNames = {
    {"exclusive", LockMode::Exclusive},
    {"read", LockMode::Read},
    {"write", LockMode::Write}};

const std::map<std::string, IrqEffect> IrqEffectNames = {
    {"none", IrqEffect::None},
    {"disable", IrqEffect::Disable},
    {"save", IrqEffect::Save},
    {"bh", IrqEffect::Bh}};

const std::map<std::string, LockOpKind> LockOpNames = {
    {"acquire", LockOpKind::Acquire},
    {"tryacquire", LockOpKind::TryAcquire},
    {"tryacquire-inverted", LockOpKind::TryAcquireInverted},
    {"acquire-interruptible", LockOpKind::AcquireInterruptible},
    {"release", LockOpKind::Release},
    {"assert-held", LockOpKind::AssertHeld}};

const json &arrayAt(const json &Root, const char *Key, JsonPath &Path) {
  static const json Empty = json::array();
  auto It = Root.find(Key);
  if (It == Root.end())
    return Empty;
  Path = {std::string(Key)};
  if (!It->is_array())
    throw ModelError{Path, std::string("'") + Key + "' must be an array"};
  return *It;
}

// Reads the array section Key of the model, one checked object per entry.
template <typename ReadEntry>
void forEachEntry(const json &Root, ObjectReader &Top, const char *Key,
                  ReadEntry Read) {
  Top.optionalObject(Key); // a known section, even when absent
  JsonPath Path;
  const json &Entries = arrayAt(Root, Key, Path);
  for (size_t I = 0; I < Entries.size(); ++I) {
    JsonPath EntryPath = Path;
    EntryPath.push_back(I);
    ObjectReader R(Entries[I], EntryPath);
    Read(R, EntryPath);
  }
}

} // namespace

llvm::Expected<KernelApiModel> KernelApiModel::loadBuiltin() {
  KernelApiModel M;
  if (llvm::Error E = M.mergeText(BuiltinKernelApiModel, "<builtin kernel-api.json>"))
    return std::move(E);
  return M;
}

llvm::Error KernelApiModel::mergeFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read model file '%s': %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  return mergeText((*Buffer)->getBuffer(), Path);
}

llvm::Error KernelApiModel::mergeText(llvm::StringRef Text,
                                      llvm::StringRef SourceName) {
  json Root;
  try {
    Root = json::parse(Text.begin(), Text.end());
  } catch (const json::parse_error &E) {
    TextPosition P = positionOfOffset(Text, E.byte ? E.byte - 1 : 0);
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "%s:%u:%u: error: malformed JSON: %s",
        SourceName.str().c_str(), P.Line, P.Column, E.what());
  }

  // Parse into a copy so that a bad file leaves the model untouched.
  KernelApiModel Next = *this;
  try {
    ObjectReader Top(Root, {});
    std::string Version = std::to_string(Root.value("schemaVersion", 0));
    Top.optionalIndex("schemaVersion");
    if (Root.value("schemaVersion", 0) != 1)
      throw ModelError{{std::string("schemaVersion")},
                       "unsupported schemaVersion " + Version +
                           " (this ctxlint reads version 1)"};
    Top.optionalString("description");

    if (const json *Consts = Top.optionalObject("constants")) {
      for (auto It = Consts->begin(); It != Consts->end(); ++It) {
        if (!It->is_number_unsigned())
          throw ModelError{{std::string("constants"), It.key()},
                           "constant '" + It.key() +
                               "' must be a non-negative integer"};
        Next.Constants[It.key()] = It->get<uint64_t>();
      }
    }

    forEachEntry(Root, Top, "irqRequests", [&](ObjectReader &R, const JsonPath &EP) {
      IrqRequestApi A;
      A.Name = R.requiredString("name");
      A.Irq = R.requiredIndex("irq");
      A.Handler = R.requiredIndex("handler");
      A.ThreadFn = R.optionalIndex("threadFn");
      A.Flags = R.optionalIndex("flags");
      A.DevName = R.optionalIndex("devName");
      A.DevId = R.optionalIndex("devId");
      R.rejectUnknownKeys();
      Next.IrqRequests[A.Name] = A;
    });

    Top.optionalObject("defaultPrimaryHandlers");
    if (auto It = Root.find("defaultPrimaryHandlers"); It != Root.end()) {
      if (!It->is_array())
        throw ModelError{{std::string("defaultPrimaryHandlers")},
                         "'defaultPrimaryHandlers' must be an array of names"};
      for (size_t I = 0; I < It->size(); ++I) {
        if (!(*It)[I].is_string())
          throw ModelError{{std::string("defaultPrimaryHandlers"), I},
                           "expected a function name"};
        Next.DefaultPrimaryHandlers[(*It)[I].get<std::string>()] = true;
      }
    }

    forEachEntry(Root, Top, "mustCheckResult", [&](ObjectReader &R, const JsonPath &EP) {
      MustCheckApi A;
      A.Name = R.requiredString("name");
      A.Why = R.optionalString("why");
      R.rejectUnknownKeys();
      Next.MustCheck[A.Name] = A;
    });

    forEachEntry(Root, Top, "lockOperations", [&](ObjectReader &R, const JsonPath &EP) {
      LockOperation Op;
      Op.Name = R.requiredString("name");
      Op.Op = R.enumValue<LockOpKind>("op", LockOpNames, std::nullopt);
      if (Op.Op == LockOpKind::AssertHeld)
        R.optionalString("lock");
      else
        Op.Class = R.enumValue<LockClass>("lock", LockClassNames, std::nullopt);
      Op.Mode = R.enumValue<LockMode>("mode", LockModeNames, LockMode::Exclusive);
      Op.Raw = R.optionalBool("raw");
      Op.Irq = R.enumValue<IrqEffect>("irq", IrqEffectNames, IrqEffect::None);
      Op.LockArg = R.optionalIndex("lockArg");
      Op.FlagsArg = R.optionalIndex("flagsArg");
      Op.SubclassArg = R.optionalIndex("subclassArg");
      if (Op.Class && lockClassHasObject(*Op.Class) && Op.LockArg < 0)
        throw ModelError{EP, "lock operation '" + Op.Name +
                                 "' on a lock object needs 'lockArg'"};
      if (Op.Irq == IrqEffect::Save && Op.FlagsArg < 0)
        throw ModelError{EP, "irqsave operation '" + Op.Name +
                                 "' needs 'flagsArg'"};
      R.rejectUnknownKeys();
      Next.LockOps[Op.Name] = Op;
    });

    forEachEntry(Root, Top, "guards", [&](ObjectReader &R, const JsonPath &EP) {
      GuardKind G;
      G.Name = R.requiredString("name");
      G.Class = R.enumValue<LockClass>("lock", LockClassNames, std::nullopt);
      G.Mode = R.enumValue<LockMode>("mode", LockModeNames, LockMode::Exclusive);
      G.Raw = R.optionalBool("raw");
      G.Irq = R.enumValue<IrqEffect>("irq", IrqEffectNames, IrqEffect::None);
      G.Conditional = R.optionalBool("try");
      R.rejectUnknownKeys();
      Next.Guards[G.Name] = G;
    });

    forEachEntry(Root, Top, "sleeping", [&](ObjectReader &R, const JsonPath &EP) {
      SleepingApi S;
      S.Name = R.requiredString("name");
      S.Why = R.optionalString("why");
      S.OnlyIfArgNonZero = R.optionalIndex("onlyIfArgNonZero");
      S.DropsLockArg = R.optionalIndex("dropsLockArg");
      R.rejectUnknownKeys();
      Next.Sleeping[S.Name] = S;
    });

    forEachEntry(Root, Top, "gfpAllocators", [&](ObjectReader &R, const JsonPath &EP) {
      GfpAllocator A;
      A.Name = R.requiredString("name");
      A.GfpArg = R.requiredIndex("gfpArg");
      R.rejectUnknownKeys();
      Next.Allocators[A.Name] = A;
    });

    std::set<std::string> Replaced;
    forEachEntry(Root, Top, "contextRegistrations", [&](ObjectReader &R, const JsonPath &EP) {
      ContextRegistration C;
      C.Name = R.requiredString("name");
      C.CallbackArg = R.requiredIndex("callbackArg");
      C.Context = R.enumValue<ExecContext>("context", ContextNames, std::nullopt);
      if (const json *Soft = R.optionalObject("softIfModeArgHas")) {
        // hrtimer modes: documented in the model; the engine treats both
        // hrtimer contexts as atomic, so only validate the shape here.
        ObjectReader S(*Soft, R.at("softIfModeArgHas"));
        S.requiredIndex("arg");
        S.requiredString("flag");
        S.rejectUnknownKeys();
      }
      R.rejectUnknownKeys();
      // A user entry for a known name replaces all built-in ones for it.
      if (Replaced.insert(C.Name).second)
        Next.Registrations.erase(C.Name);
      Next.Registrations.emplace(C.Name, C);
    });

    forEachEntry(Root, Top, "contextFields", [&](ObjectReader &R, const JsonPath &EP) {
      ContextField F;
      F.Field = R.requiredString("field");
      F.RecordType = R.requiredString("recordType");
      F.Context = R.enumValue<ExecContext>("context", ContextNames, std::nullopt);
      R.rejectUnknownKeys();
      Next.Fields.push_back(F);
    });

    Top.rejectUnknownKeys();
  } catch (const ModelError &E) {
    TextPosition Pos = locateJsonPath(Text, E.Path);
    std::string Where = formatJsonPath(E.Path);
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(), "%s:%u:%u: error: %s%s%s",
        SourceName.str().c_str(), Pos.Line, Pos.Column, E.Message.c_str(),
        Where.empty() ? "" : " (at ", Where.empty() ? "" : (Where + ")").c_str());
  } catch (const json::exception &E) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: error: invalid model: %s",
                                   SourceName.str().c_str(), E.what());
  }

  Next.rebuildKnownNames();
  *this = std::move(Next);
  return llvm::Error::success();
}

void KernelApiModel::rebuildKnownNames() {
  KnownNames.clear();
  for (const auto &E : LockOps) KnownNames[E.getKey()] = true;
  for (const auto &E : Sleeping) KnownNames[E.getKey()] = true;
  for (const auto &E : Allocators) KnownNames[E.getKey()] = true;
  for (const auto &E : IrqRequests) KnownNames[E.getKey()] = true;
  for (const auto &E : MustCheck) KnownNames[E.getKey()] = true;
  for (const auto &E : Registrations) KnownNames[E.first] = true;
}

template <typename T>
static const T *lookup(const llvm::StringMap<T> &Map, llvm::StringRef Name) {
  auto It = Map.find(Name);
  return It == Map.end() ? nullptr : &It->second;
}

const LockOperation *KernelApiModel::lockOperation(llvm::StringRef N) const { return lookup(LockOps, N); }
const GuardKind *KernelApiModel::guardKind(llvm::StringRef N) const { return lookup(Guards, N); }
const SleepingApi *KernelApiModel::sleepingApi(llvm::StringRef N) const { return lookup(Sleeping, N); }
const GfpAllocator *KernelApiModel::gfpAllocator(llvm::StringRef N) const { return lookup(Allocators, N); }
const IrqRequestApi *KernelApiModel::irqRequest(llvm::StringRef N) const { return lookup(IrqRequests, N); }
const MustCheckApi *KernelApiModel::mustCheck(llvm::StringRef N) const { return lookup(MustCheck, N); }

std::vector<const ContextRegistration *>
KernelApiModel::contextRegistrations(llvm::StringRef Name) const {
  std::vector<const ContextRegistration *> Out;
  auto Range = Registrations.equal_range(Name.str());
  for (auto It = Range.first; It != Range.second; ++It)
    Out.push_back(&It->second);
  return Out;
}

bool KernelApiModel::isDefaultPrimaryHandler(llvm::StringRef Name) const {
  return DefaultPrimaryHandlers.count(Name) != 0;
}

std::optional<uint64_t> KernelApiModel::constant(llvm::StringRef Name) const {
  auto It = Constants.find(Name);
  if (It == Constants.end())
    return std::nullopt;
  return It->second;
}

} // namespace ctxlint
