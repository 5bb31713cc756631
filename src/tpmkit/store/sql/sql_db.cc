#include "tpmkit/store/sql/sql_db.h"

#include <fmt/format.h>

namespace tpmkit::store::sql {

Error Corrupt(std::string what) {
  return Error::Storage("the workspace holds data this version cannot read: " + what);
}

Date SqlRow::Day(int c) const {
  std::string t = Text(c);
  auto d = Date::Parse(t);
  if (!d) {
    Fail(fmt::format("'{}' is not a date", t));
    return Date{};
  }
  return *d;
}

size_t SqlRow::Index(int c, size_t size) const {
  int64_t v = Int(c);
  if (v < 0 || static_cast<uint64_t>(v) >= size) {
    Fail(fmt::format("position {} out of range", v));
    return 0;
  }
  return static_cast<size_t>(v);
}

}  // namespace tpmkit::store::sql
