#include "edit/Edits.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace cu2npu {

void FileEdits::replace(unsigned Offset, unsigned Length, std::string Text) {
  Edits.push_back({Offset, Length, std::move(Text), 0, NextSeq++});
}

void FileEdits::insert(unsigned Offset, std::string Text, int Order, bool Counter) {
  Edits.push_back({Offset, 0, std::move(Text), Order, NextSeq++, Counter});
}

void FileEdits::append(const FileEdits &Other) {
  for (const Edit &E : Other.Edits)
    Edits.push_back({E.Offset, E.Length, E.Text, E.Order, NextSeq++, E.Counter});
}

static std::vector<Edit> sorted(const std::vector<Edit> &In) {
  std::vector<Edit> E = In;
  std::stable_sort(E.begin(), E.end(), [](const Edit &A, const Edit &B) {
    // At one offset: insertions (Length 0) first, by Order then Seq; then replacements.
    return std::make_tuple(A.Offset, A.Length != 0, A.Order, A.Seq) <
           std::make_tuple(B.Offset, B.Length != 0, B.Order, B.Seq);
  });
  std::vector<Edit> Out;
  for (Edit &X : E) {
    bool Dup = false;
    for (auto It = Out.rbegin(); It != Out.rend() && It->Offset == X.Offset; ++It)
      if (It->Length == X.Length && It->Text == X.Text && It->Order == X.Order)
        Dup = true;
    if (!Dup)
      Out.push_back(std::move(X));
  }
  return Out;
}

std::string FileEdits::apply(llvm::StringRef Original, unsigned *Conflicts) const {
  bool Crlf = false;
  size_t Nl = Original.find('\n');
  if (Nl != llvm::StringRef::npos && Nl > 0 && Original[Nl - 1] == '\r')
    Crlf = true;
  auto Conv = [&](const std::string &T) {
    if (!Crlf)
      return T;
    std::string R;
    for (size_t I = 0; I < T.size(); ++I) {
      if (T[I] == '\n' && (I == 0 || T[I - 1] != '\r'))
        R += '\r';
      R += T[I];
    }
    return R;
  };
  std::string Out;
  Out.reserve(Original.size() + 256);
  unsigned Cursor = 0;
  unsigned Bad = 0;
  for (const Edit &E : sorted(Edits)) {
    if (E.Offset < Cursor || E.Offset + E.Length > Original.size()) {
      ++Bad;
      continue;
    }
    Out.append(Original.data() + Cursor, E.Offset - Cursor);
    Out += Conv(E.Text);
    Cursor = E.Offset + E.Length;
  }
  Out.append(Original.data() + Cursor, Original.size() - Cursor);
  if (Conflicts)
    *Conflicts = Bad;
  return Out;
}

std::string FileEdits::applyRange(llvm::StringRef Original, unsigned Begin, unsigned End,
                                  const FileEdits &Extra) const {
  FileEdits Inside;
  for (const FileEdits *From : {this, &Extra})
    for (const Edit &E : From->Edits)
      if (E.Offset >= Begin && E.Offset + E.Length <= End && (From == &Extra || !E.Counter) &&
          (E.Length != 0 || (E.Offset != Begin && E.Offset != End)))
        Inside.Edits.push_back({E.Offset - Begin, E.Length, E.Text, E.Order, Inside.NextSeq++});
  return Inside.apply(Original.slice(Begin, End));
}

unsigned FileEdits::linesTouched(llvm::StringRef Original) const {
  std::vector<unsigned> LineStarts{0};
  for (unsigned I = 0; I < Original.size(); ++I)
    if (Original[I] == '\n')
      LineStarts.push_back(I + 1);
  std::set<unsigned> Lines;
  auto LineOf = [&](unsigned Off) {
    return unsigned(std::upper_bound(LineStarts.begin(), LineStarts.end(), Off) -
                    LineStarts.begin());
  };
  for (const Edit &E : Edits) {
    unsigned A = LineOf(E.Offset), B = LineOf(E.Offset + (E.Length ? E.Length - 1 : 0));
    for (unsigned L = A; L <= B; ++L)
      Lines.insert(L);
  }
  return Lines.size();
}

} // namespace cu2npu
