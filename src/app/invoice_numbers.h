// The invoice numbers an import has read, each with its sequence number (the order in which it
// first appeared): a flat open-addressing table, so that a million lookups stay in cache and
// freeing it is one call (internal to src/app).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace overdue::app {

class InvoiceNumbers {
 public:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  void reserve(size_t count) {
    numbers_.reserve(count);
    if (count * 2 > slots_.size()) rehash(count * 2);
  }

  // The sequence number of `number`, or kNone.
  size_t find(std::string_view number) const {
    if (slots_.empty()) return kNone;
    const uint64_t hash = std::hash<std::string_view>()(number);
    for (size_t i = hash & mask(); slots_[i] != 0; i = (i + 1) & mask()) {
      size_t seq = static_cast<uint32_t>(slots_[i]) - 1;
      if ((slots_[i] >> 32) == (hash >> 32) && numbers_[seq] == number) return seq;
    }
    return kNone;
  }

  // Adds a number not yet present; the view must outlive this table. Returns its sequence number.
  size_t add(std::string_view number) {
    if ((numbers_.size() + 1) * 2 > slots_.size())
      rehash(std::max<size_t>(1024, slots_.size() * 2));
    const size_t seq = numbers_.size();
    numbers_.push_back(number);
    place(std::hash<std::string_view>()(number), seq);
    return seq;
  }

  std::string_view operator[](size_t seq) const { return numbers_[seq]; }

 private:
  size_t mask() const { return slots_.size() - 1; }

  // Slots hold the hash's high half and seq + 1 (0: empty).
  void place(uint64_t hash, size_t seq) {
    size_t i = hash & mask();
    while (slots_[i] != 0) i = (i + 1) & mask();
    slots_[i] = (hash >> 32 << 32) | (seq + 1);
  }

  // Grows to at least `capacity` slots (a power of two) and re-places every number.
  void rehash(size_t capacity) {
    size_t size = 1;
    while (size < capacity) size *= 2;
    slots_.assign(size, 0);
    for (size_t seq = 0; seq < numbers_.size(); ++seq) {
      place(std::hash<std::string_view>()(numbers_[seq]), seq);
    }
  }

  std::vector<std::string_view> numbers_;  // by sequence number
  std::vector<uint64_t> slots_;
};

}  // namespace overdue::app
