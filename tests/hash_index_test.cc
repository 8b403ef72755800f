// HashIndex (cleaner/util/hash_index.h): the rule tables' map from hashes
// to values answers as std::unordered_map would, through growth, for keys
// that are not mixed (0, small integers, multiples of the table size).
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <unordered_map>
#include <vector>

#include "cleaner/util/hash_index.h"

namespace cleaner {
namespace {

TEST_CASE("HashIndex: empty, insert, find, duplicate", "[hash_index]") {
  HashIndex<int> h;
  CHECK(h.empty());
  CHECK(h.find(0) == h.end());
  CHECK(h.count(42) == 0);
  auto [e, inserted] = h.emplace(0, 7);
  CHECK(inserted);
  CHECK(e->first == 0);
  CHECK(e->second == 7);
  auto [e2, again] = h.emplace(0, 9);
  CHECK_FALSE(again);
  CHECK(e2->second == 7);  // the first value stays, as in unordered_map
  CHECK(h.size() == 1);
  h[5] = 3;
  CHECK(h.find(5)->second == 3);
  CHECK(h.count(6) == 0);
}

TEST_CASE("HashIndex: agrees with unordered_map through growth", "[hash_index]") {
  std::mt19937_64 rng(12345);
  HashIndex<int> h;
  std::unordered_map<uint64_t, int> ref;
  std::vector<uint64_t> keys;
  for (int i = 0; i < 5000; ++i) {
    // Mixed keys, small keys and keys that share their low bits.
    const uint64_t k = i % 3 == 0 ? rng() : i % 3 == 1 ? uint64_t(i) : uint64_t(i) << 32;
    keys.push_back(k);
    const bool a = h.emplace(k, i).second;
    const bool b = ref.emplace(k, i).second;
    REQUIRE(a == b);
  }
  REQUIRE(h.size() == ref.size());
  for (uint64_t k : keys) {
    auto it = h.find(k);
    REQUIRE(it != h.end());
    CHECK(it->second == ref.at(k));
  }
  for (int i = 0; i < 1000; ++i) {
    const uint64_t k = rng();
    CHECK(h.count(k) == ref.count(k));
  }
}

TEST_CASE("HashIndex: reserve keeps the entries", "[hash_index]") {
  HashIndex<std::vector<int>> h;
  h[1].push_back(10);
  h[2].push_back(20);
  h.reserve(1000);
  h[1].push_back(11);
  REQUIRE(h.find(1) != h.end());
  CHECK(h.find(1)->second == std::vector<int>{10, 11});
  CHECK(h.find(2)->second == std::vector<int>{20});
  HashIndex<bool> set;
  CHECK(set.insert(3));
  CHECK_FALSE(set.insert(3));
  CHECK(set.count(3) == 1);
}

}  // namespace
}  // namespace cleaner
