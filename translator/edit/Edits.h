// Text edits on one file, by byte offset into the original text. Insertions at the same offset
// keep a stable order (Order, then insertion sequence); identical edits (same offset, text and
// order) are merged; an edit that
// overlaps an earlier one is dropped and counted (never a corrupt output).
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

namespace cu2npu {

struct Edit {
  unsigned Offset = 0;
  unsigned Length = 0; // 0: insertion
  std::string Text;
  int Order = 0; // insertions at one offset: lower first
  unsigned Seq = 0;
  bool Counter = false; // an operation counter (rules/cost): not copied by applyRange
};

class FileEdits {
public:
  void replace(unsigned Offset, unsigned Length, std::string Text);
  void insert(unsigned Offset, std::string Text, int Order = 0, bool Counter = false);
  bool empty() const { return Edits.empty(); }
  // Other's edits after this list's (at one offset and order).
  void append(const FileEdits &Other);
  // Applies all edits to Original. Inserted "\n" become "\r\n" when the file uses CRLF.
  std::string apply(llvm::StringRef Original, unsigned *Conflicts = nullptr) const;
  // The text of Original[Begin, End) with the edits inside it (not insertions at its ends, not
  // counters) and Extra's (after them at one offset and order): a copy of a rewritten stretch of
  // the file that counts its operations itself.
  std::string applyRange(llvm::StringRef Original, unsigned Begin, unsigned End,
                         const FileEdits &Extra) const;
  // Distinct original lines touched by an edit.
  unsigned linesTouched(llvm::StringRef Original) const;

private:
  std::vector<Edit> Edits;
  unsigned NextSeq = 0;
};

} // namespace cu2npu
