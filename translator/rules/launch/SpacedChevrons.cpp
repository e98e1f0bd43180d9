#include "rules/launch/SpacedChevrons.h"

#include <cctype>

namespace cu2npu {
namespace {

bool isBlank(char C) { return C == ' ' || C == '\t' || C == '\n' || C == '\r'; }

// The end of the comment, string or character literal starting at I, or I when none starts there.
size_t skipLiteral(llvm::StringRef T, size_t I) {
  if (T.substr(I).starts_with("//")) {
    size_t E = T.find('\n', I);
    return E == llvm::StringRef::npos ? T.size() : E;
  }
  if (T.substr(I).starts_with("/*")) {
    size_t E = T.find("*/", I + 2);
    return E == llvm::StringRef::npos ? T.size() : E + 2;
  }
  if (T[I] == '"' || T[I] == '\'') {
    char Q = T[I];
    size_t J = I + 1;
    for (; J < T.size() && T[J] != Q && T[J] != '\n'; ++J)
      if (T[J] == '\\')
        ++J;
    return J < T.size() ? J + 1 : J;
  }
  return I;
}

// `A` blanks `B` at I (A and B are two- and one-character tokens): the offset after B, or 0.
size_t spacedPair(llvm::StringRef T, size_t I, char A, char B) {
  if (I + 2 >= T.size() || T[I] != A || T[I + 1] != A || !isBlank(T[I + 2]))
    return 0;
  size_t J = I + 2;
  while (J < T.size() && isBlank(T[J]))
    ++J;
  return J < T.size() && T[J] == B && (J + 1 >= T.size() || T[J + 1] != B) ? J + 1 : 0;
}

// Moves the blanks of a spaced triple [I, End) after its three brackets.
void join(std::string &Out, size_t I, size_t End, char Bracket) {
  std::string Blanks = Out.substr(I + 2, End - 1 - (I + 2));
  Out.replace(I, End - I, std::string(3, Bracket) + Blanks);
}

} // namespace

std::optional<std::string> joinSpacedChevrons(llvm::StringRef Text) {
  if (!Text.contains("<< ") && !Text.contains("<<\t") && !Text.contains("<<\n"))
    return std::nullopt;
  std::string Out = Text.str();
  bool Changed = false;
  llvm::StringRef Prev; // the identifier before the current position
  for (size_t I = 0; I < Out.size();) {
    llvm::StringRef T(Out);
    if (size_t E = skipLiteral(T, I); E != I) {
      I = E;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(T[I])) || T[I] == '_') {
      size_t J = I;
      while (J < T.size() && (std::isalnum(static_cast<unsigned char>(T[J])) || T[J] == '_'))
        ++J;
      Prev = T.slice(I, J);
      I = J;
      continue;
    }
    size_t Open = spacedPair(T, I, '<', '<');
    if (!Open || Prev == "operator") {
      if (!isBlank(T[I]))
        Prev = "";
      ++I;
      continue;
    }
    // The closing `>> >` (or `>>>`) at bracket depth 0 before the next ';'.
    size_t Close = 0, K = Open;
    for (int Depth = 0; K < T.size() && T[K] != ';' && T[K] != '{' && T[K] != '}'; ++K) {
      if (size_t E = skipLiteral(T, K); E != K) {
        K = E - 1;
        continue;
      }
      if (T[K] == '(' || T[K] == '[')
        ++Depth;
      else if (T[K] == ')' || T[K] == ']')
        --Depth;
      else if (Depth == 0 && T.substr(K).starts_with(">>>"))
        break;
      else if (Depth == 0 && (Close = spacedPair(T, K, '>', '>')))
        break;
    }
    if (K >= T.size() || T[K] == ';' || T[K] == '{' || T[K] == '}') {
      I = Open; // not a launch: leave the text as it is
      continue;
    }
    if (Close)
      join(Out, K, Close, '>');
    join(Out, I, Open, '<');
    Changed = true;
    I = Open;
  }
  if (!Changed)
    return std::nullopt;
  return Out;
}

} // namespace cu2npu
