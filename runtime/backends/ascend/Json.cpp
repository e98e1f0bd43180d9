#include "backends/ascend/Json.h"

#include <cmath>
#include <cstdlib>

namespace npu::backends::ascend::json {
namespace {

// Deeper nesting than any catalog needs; bounds the recursion on hostile input.
constexpr int kMaxDepth = 64;

class Parser {
public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::optional<Value> document(std::string &error) {
    skipSpace();
    std::optional<Value> value = parseValue(0);
    if (value) {
      skipSpace();
      if (pos_ < text_.size())
        fail("unexpected " + describeHere() + " after the JSON value");
    }
    if (!error_.empty()) {
      error = std::to_string(errorLine_) + ":" + std::to_string(errorColumn_) + ": " + error_;
      return std::nullopt;
    }
    return value;
  }

private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1, column_ = 1;
  std::string error_;
  int errorLine_ = 0, errorColumn_ = 0;

  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[pos_]; }
  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }
  // Records the first error only, at the current position.
  std::nullopt_t fail(const std::string &message) {
    if (error_.empty()) {
      error_ = message;
      errorLine_ = line_;
      errorColumn_ = column_;
    }
    return std::nullopt;
  }
  bool badAt(int line, int column, const std::string &message) {
    if (error_.empty()) {
      error_ = message;
      errorLine_ = line;
      errorColumn_ = column;
    }
    return false;
  }
  bool bad(const std::string &message) {
    fail(message);
    return false;
  }
  std::string describeHere() const {
    if (atEnd())
      return "end of input";
    char c = peek();
    if (static_cast<unsigned char>(c) < 0x20)
      return "control character";
    // Appended piecewise: GCC 12 reports a false -Wrestrict on "'" + std::string(1, c) + "'".
    std::string quoted(1, '\'');
    quoted += c;
    quoted += '\'';
    return quoted;
  }
  void skipSpace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      advance();
  }

  std::optional<Value> parseValue(int depth) {
    if (depth > kMaxDepth)
      return fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    Value value;
    value.line = line_;
    value.column = column_;
    switch (peek()) {
    case '{':
      if (!parseObject(value, depth))
        return std::nullopt;
      return value;
    case '[':
      if (!parseArray(value, depth))
        return std::nullopt;
      return value;
    case '"':
      value.kind = Value::Kind::String;
      if (!parseString(value.string))
        return std::nullopt;
      return value;
    case 't':
    case 'f':
    case 'n':
      if (!parseLiteral(value))
        return std::nullopt;
      return value;
    default:
      if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
        value.kind = Value::Kind::Number;
        if (!parseNumber(value.number))
          return std::nullopt;
        return value;
      }
      return fail("expected a value, found " + describeHere());
    }
  }

  bool parseObject(Value &value, int depth) {
    value.kind = Value::Kind::Object;
    advance(); // '{'
    skipSpace();
    if (peek() == '}') {
      advance();
      return true;
    }
    for (;;) {
      skipSpace();
      if (peek() != '"')
        return bad("expected a member name in double quotes, found " + describeHere());
      int keyLine = line_, keyColumn = column_;
      std::string key;
      if (!parseString(key))
        return false;
      if (value.find(key)) {
        error_ = "duplicate member \"" + key + "\"";
        errorLine_ = keyLine;
        errorColumn_ = keyColumn;
        return false;
      }
      skipSpace();
      if (peek() != ':')
        return bad("expected ':' after member name, found " + describeHere());
      advance();
      skipSpace();
      std::optional<Value> member = parseValue(depth + 1);
      if (!member)
        return false;
      value.object.emplace_back(std::move(key), std::move(*member));
      skipSpace();
      if (peek() == ',') {
        advance();
        skipSpace();
        if (peek() == '}')
          return bad("trailing comma before '}'");
        continue;
      }
      if (peek() == '}') {
        advance();
        return true;
      }
      return bad("expected ',' or '}' in object, found " + describeHere());
    }
  }

  bool parseArray(Value &value, int depth) {
    value.kind = Value::Kind::Array;
    advance(); // '['
    skipSpace();
    if (peek() == ']') {
      advance();
      return true;
    }
    for (;;) {
      skipSpace();
      std::optional<Value> element = parseValue(depth + 1);
      if (!element)
        return false;
      value.array.push_back(std::move(*element));
      skipSpace();
      if (peek() == ',') {
        advance();
        skipSpace();
        if (peek() == ']')
          return bad("trailing comma before ']'");
        continue;
      }
      if (peek() == ']') {
        advance();
        return true;
      }
      return bad("expected ',' or ']' in array, found " + describeHere());
    }
  }

  bool parseLiteral(Value &value) {
    for (std::string_view word : {"true", "false", "null"}) {
      if (text_.substr(pos_, word.size()) != word)
        continue;
      for (std::size_t i = 0; i < word.size(); ++i)
        advance();
      value.kind = word == "null" ? Value::Kind::Null : Value::Kind::Bool;
      value.boolean = word == "true";
      return true;
    }
    return bad("expected a value, found " + describeHere());
  }

  static int hexDigit(char c) {
    if (c >= '0' && c <= '9')
      return c - '0';
    if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
    return -1;
  }

  // Four hex digits after "\u"; -1 on error (reported).
  long parseHex4() {
    long code = 0;
    for (int i = 0; i < 4; ++i) {
      int digit = hexDigit(peek());
      if (digit < 0) {
        fail("expected 4 hex digits after \\u, found " + describeHere());
        return -1;
      }
      code = code * 16 + digit;
      advance();
    }
    return code;
  }

  static void appendUtf8(std::string &out, long code) {
    if (code < 0x80) {
      out += char(code);
    } else if (code < 0x800) {
      out += char(0xC0 | (code >> 6));
      out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += char(0xE0 | (code >> 12));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
    } else {
      out += char(0xF0 | (code >> 18));
      out += char(0x80 | ((code >> 12) & 0x3F));
      out += char(0x80 | ((code >> 6) & 0x3F));
      out += char(0x80 | (code & 0x3F));
    }
  }

  bool parseString(std::string &out) {
    advance(); // opening quote
    for (;;) {
      if (atEnd())
        return bad("unterminated string");
      char c = peek();
      if (c == '"') {
        advance();
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return bad("control character in string (escape it)");
      if (c != '\\') {
        out += c; // UTF-8 passes through byte by byte
        advance();
        continue;
      }
      const int escapeLine = line_, escapeColumn = column_; // surrogate errors point here
      advance();
      char escape = peek();
      switch (escape) {
      case '"':
      case '\\':
      case '/':
        out += escape;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        advance();
        long code = parseHex4();
        if (code < 0)
          return false;
        if (code >= 0xDC00 && code <= 0xDFFF)
          return badAt(escapeLine, escapeColumn, "unpaired low surrogate in \\u escape");
        if (code >= 0xD800 && code <= 0xDBFF) { // a high surrogate must be followed by a low one
          if (peek() != '\\' || text_.substr(pos_, 2) != "\\u")
            return badAt(escapeLine, escapeColumn, "unpaired high surrogate in \\u escape");
          advance();
          advance();
          long low = parseHex4();
          if (low < 0)
            return false;
          if (low < 0xDC00 || low > 0xDFFF)
            return badAt(escapeLine, escapeColumn, "unpaired high surrogate in \\u escape");
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(out, code);
        continue; // parseHex4 already moved past the digits
      }
      default:
        return bad("invalid escape \\" + std::string(1, escape));
      }
      advance();
    }
  }

  bool parseNumber(double &out) {
    std::size_t start = pos_;
    int startColumn = column_;
    if (peek() == '-')
      advance();
    if (peek() == '0') {
      advance();
      if (peek() >= '0' && peek() <= '9')
        return bad("leading zero in number");
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9')
        advance();
    } else {
      return bad("expected a digit, found " + describeHere());
    }
    if (peek() == '.') {
      advance();
      if (!(peek() >= '0' && peek() <= '9'))
        return bad("expected a digit after '.', found " + describeHere());
      while (peek() >= '0' && peek() <= '9')
        advance();
    }
    if (peek() == 'e' || peek() == 'E') {
      advance();
      if (peek() == '+' || peek() == '-')
        advance();
      if (!(peek() >= '0' && peek() <= '9'))
        return bad("expected a digit in the exponent, found " + describeHere());
      while (peek() >= '0' && peek() <= '9')
        advance();
    }
    // The grammar above was checked; strtod converts it (the C locale's '.' is assumed, as
    // everywhere in npurt).
    std::string digits(text_.substr(start, pos_ - start));
    out = std::strtod(digits.c_str(), nullptr);
    if (!std::isfinite(out)) {
      error_ = "number out of range";
      errorLine_ = line_;
      errorColumn_ = startColumn;
      return false;
    }
    return true;
  }
};

} // namespace

const Value *Value::find(std::string_view key) const {
  for (const auto &[name, value] : object)
    if (name == key)
      return &value;
  return nullptr;
}

const char *kindName(Value::Kind kind) {
  switch (kind) {
  case Value::Kind::Null:
    return "null";
  case Value::Kind::Bool:
    return "boolean";
  case Value::Kind::Number:
    return "number";
  case Value::Kind::String:
    return "string";
  case Value::Kind::Array:
    return "array";
  case Value::Kind::Object:
    return "object";
  }
  return "value";
}

std::optional<Value> parse(std::string_view text, std::string &error) {
  return Parser(text).document(error);
}

} // namespace npu::backends::ascend::json
