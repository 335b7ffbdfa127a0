// The little behaviour the vocabulary types of Finding.h carry.
#include "report/Finding.h"

namespace ctxlint {

const char *severityName(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "warning";
}

} // namespace ctxlint
