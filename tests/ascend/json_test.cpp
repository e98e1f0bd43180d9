// The catalog's JSON reader: what it accepts, what it refuses, and where it says the error is.
#include <gtest/gtest.h>

#include "backends/ascend/Json.h"

namespace {

using npu::backends::ascend::json::parse;
using npu::backends::ascend::json::Value;

Value parseOk(std::string_view text) {
  std::string error;
  std::optional<Value> value = parse(text, error);
  EXPECT_TRUE(value.has_value()) << text << " -> " << error;
  return value ? *value : Value{};
}

std::string parseError(std::string_view text) {
  std::string error;
  std::optional<Value> value = parse(text, error);
  EXPECT_FALSE(value.has_value()) << text;
  return error;
}

TEST(Json, Scalars) {
  EXPECT_EQ(parseOk("true").kind, Value::Kind::Bool);
  EXPECT_TRUE(parseOk("true").boolean);
  EXPECT_FALSE(parseOk("false").boolean);
  EXPECT_EQ(parseOk("null").kind, Value::Kind::Null);
  EXPECT_EQ(parseOk(" 0 ").number, 0);
  EXPECT_EQ(parseOk("-12").number, -12);
  EXPECT_DOUBLE_EQ(parseOk("1.5e3").number, 1500);
  EXPECT_DOUBLE_EQ(parseOk("2E-2").number, 0.02);
  EXPECT_DOUBLE_EQ(parseOk("68719476736").number, 68719476736.0);
  EXPECT_EQ(parseOk("\"a\\\"b\\\\c\\/d\\n\\t\"").string, "a\"b\\c/d\n\t");
}

TEST(Json, UnicodeEscapesBecomeUtf8) {
  EXPECT_EQ(parseOk("\"\\u00e9\"").string, "\xC3\xA9");
  EXPECT_EQ(parseOk("\"\\u4e2d\"").string, "\xE4\xB8\xAD");
  EXPECT_EQ(parseOk("\"\\ud83d\\ude00\"").string, "\xF0\x9F\x98\x80");
  EXPECT_EQ(parseOk("\"\xE6\x98\x87\"").string, "\xE6\x98\x87"); // raw UTF-8 passes through
}

TEST(Json, ObjectsAndArraysKeepOrderAndPositions) {
  Value value = parseOk("{\n  \"b\": [1, 2, {}],\n  \"a\": {\"x\": null}\n}");
  ASSERT_TRUE(value.isObject());
  ASSERT_EQ(value.object.size(), 2u);
  EXPECT_EQ(value.object[0].first, "b");
  EXPECT_EQ(value.object[1].first, "a");
  const Value *b = value.find("b");
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(b->isArray());
  EXPECT_EQ(b->array.size(), 3u);
  EXPECT_EQ(b->line, 2);
  EXPECT_EQ(b->column, 8);
  EXPECT_EQ(b->array[2].kind, Value::Kind::Object);
  EXPECT_EQ(value.find("missing"), nullptr);
  EXPECT_TRUE(parseOk("[]").array.empty());
  EXPECT_TRUE(parseOk("{}").object.empty());
}

TEST(Json, ErrorsSayLineAndColumn) {
  EXPECT_EQ(parseError(""), "1:1: expected a value, found end of input");
  EXPECT_EQ(parseError("{\"a\": 1,}"), "1:9: trailing comma before '}'");
  EXPECT_EQ(parseError("[1, 2,]"), "1:7: trailing comma before ']'");
  EXPECT_EQ(parseError("{\n  \"a\": 1\n  \"b\": 2\n}"),
            "3:3: expected ',' or '}' in object, found '\"'");
  EXPECT_EQ(parseError("{\"a\" 1}"), "1:6: expected ':' after member name, found '1'");
  EXPECT_EQ(parseError("{a: 1}"), "1:2: expected a member name in double quotes, found 'a'");
  EXPECT_EQ(parseError("[1] x"), "1:5: unexpected 'x' after the JSON value");
  EXPECT_EQ(parseError("{\"a\": 1, \"a\": 2}"), "1:10: duplicate member \"a\"");
  EXPECT_EQ(parseError("\"abc"), "1:5: unterminated string");
  EXPECT_EQ(parseError("\"a\nb\""), "1:3: control character in string (escape it)");
  EXPECT_EQ(parseError("\"\\x\""), "1:3: invalid escape \\x");
  EXPECT_EQ(parseError("\"\\u12g4\""), "1:6: expected 4 hex digits after \\u, found 'g'");
  EXPECT_EQ(parseError("\"\\ud83d\""), "1:2: unpaired high surrogate in \\u escape");
  EXPECT_EQ(parseError("\"\\ude00\""), "1:2: unpaired low surrogate in \\u escape");
}

TEST(Json, NumbersFollowTheGrammar) {
  EXPECT_EQ(parseError("01"), "1:2: leading zero in number");
  EXPECT_EQ(parseError("-"), "1:2: expected a digit, found end of input");
  EXPECT_EQ(parseError("1."), "1:3: expected a digit after '.', found end of input");
  EXPECT_EQ(parseError("1e"), "1:3: expected a digit in the exponent, found end of input");
  EXPECT_EQ(parseError("+1"), "1:1: expected a value, found '+'");
  EXPECT_EQ(parseError(".5"), "1:1: expected a value, found '.'");
  EXPECT_EQ(parseError("1e999"), "1:1: number out of range");
  EXPECT_EQ(parseError("NaN"), "1:1: expected a value, found 'N'");
}

TEST(Json, RefusesWhatJsonDoesNotHave) {
  EXPECT_EQ(parseError("// comment\n1"), "1:1: expected a value, found '/'");
  EXPECT_EQ(parseError("'a'"), "1:1: expected a value, found '''");
  EXPECT_EQ(parseError("tru"), "1:1: expected a value, found 't'");
  EXPECT_EQ(parseError("[1 2]"), "1:4: expected ',' or ']' in array, found '2'");
}

TEST(Json, BoundsNesting) {
  std::string deep(200, '[');
  EXPECT_NE(parseError(deep).find("nesting deeper than"), std::string::npos);
  std::string fine = std::string(30, '[') + std::string(30, ']');
  EXPECT_TRUE(parseOk(fine).isArray());
}

} // namespace
