// HashIndex: a map from 64-bit hashes to values, for tables that are
// built once and then only read (the line filter's rule tables).
//
// Open addressing with linear probing in a power-of-two array, at most
// half full. The keys are hashes already, so a slot is a multiply and a
// shift away, with no division and no node to chase: the rule tables are
// asked about every line of every document, and std::unordered_map's
// prime modulus and scattered nodes made its look-ups a few percent of
// the whole text path.
//
// The interface is the part of std::unordered_map the tables use: find()
// returns a pointer to the entry (first, second) or end() (null), so call
// sites read alike. Unlike unordered_map's, an entry pointer is valid only
// until the next insertion (emplace, insert, operator[] may move every
// entry); there is no iteration.
#ifndef CLEANER_UTIL_HASH_INDEX_H_
#define CLEANER_UTIL_HASH_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace cleaner {

template <typename V>
class HashIndex {
 public:
  struct Entry {
    uint64_t first = 0;
    V second{};
    bool used = false;
  };

  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  const Entry* end() const { return nullptr; }
  Entry* end() { return nullptr; }

  // Room for `n` entries without growing.
  void reserve(size_t n) {
    if (n * 2 > slots_.size()) Rehash(n * 2);
  }

  const Entry* find(uint64_t key) const {
    if (size_ == 0) return nullptr;
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      const Entry& e = slots_[i];
      if (!e.used) return nullptr;
      if (e.first == key) return &e;
    }
  }
  Entry* find(uint64_t key) {
    return const_cast<Entry*>(static_cast<const HashIndex*>(this)->find(key));
  }
  size_t count(uint64_t key) const { return find(key) != nullptr ? 1 : 0; }

  // Inserts (key, value) unless the key is present; returns the entry and
  // whether it was inserted, as std::unordered_map::emplace does.
  std::pair<Entry*, bool> emplace(uint64_t key, V value) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.empty() ? 16 : slots_.size() * 2);
    size_t i = Slot(key);
    for (; slots_[i].used; i = (i + 1) & mask_) {
      if (slots_[i].first == key) return {&slots_[i], false};
    }
    Entry& e = slots_[i];
    e.first = key;
    e.second = std::move(value);
    e.used = true;
    ++size_;
    return {&e, true};
  }
  bool insert(uint64_t key) { return emplace(key, V{}).second; }
  V& operator[](uint64_t key) { return emplace(key, V{}).first->second; }

 private:
  // Fibonacci hashing: the top bits of key * 2^64/phi. Spreads keys that
  // are not well mixed (a constant such as the number token's hash sits
  // beside word hashes) as well as those that are.
  size_t Slot(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_) & mask_;
  }
  void Rehash(size_t want) {
    size_t cap = 16;
    int bits = 4;
    while (cap < want) {
      cap *= 2;
      ++bits;
    }
    std::vector<Entry> old;
    old.swap(slots_);
    slots_.resize(cap);
    mask_ = cap - 1;
    shift_ = 64 - bits;
    size_ = 0;
    for (Entry& e : old) {
      if (e.used) emplace(e.first, std::move(e.second));
    }
  }

  std::vector<Entry> slots_;
  size_t size_ = 0;
  size_t mask_ = 0;
  int shift_ = 64;
};

}  // namespace cleaner

#endif  // CLEANER_UTIL_HASH_INDEX_H_
