// A minimal, strict JSON reader (RFC 8259) for the device catalog: objects, arrays, strings,
// numbers, true/false/null; no comments, no trailing commas, no duplicate keys, nothing after
// the value. Errors carry the line:column where the text stops making sense, so a hand-edited
// catalog (NPURT_ASCEND_CATALOG) says where it is wrong.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace npu::backends::ascend::json {

struct Value {
  enum class Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Value> array;
  std::vector<std::pair<std::string, Value>> object; // in document order
  int line = 1, column = 1;                          // where the value starts

  bool isObject() const { return kind == Kind::Object; }
  bool isArray() const { return kind == Kind::Array; }
  bool isString() const { return kind == Kind::String; }
  bool isNumber() const { return kind == Kind::Number; }
  // The member named `key` of an object, or nullptr.
  const Value *find(std::string_view key) const;
};

// "object", "array", ... for messages.
const char *kindName(Value::Kind kind);

// Parses `text`; on failure returns nullopt and sets `error` to "LINE:COLUMN: what".
std::optional<Value> parse(std::string_view text, std::string &error);

} // namespace npu::backends::ascend::json
