// Tests for the HTML nesting bound (cleaner/stages/depth_guard).
#include "cleaner/stages/depth_guard.h"

#include <catch2/catch.hpp>

namespace cleaner {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST_CASE("nesting within the limit is left alone", "[extract][limits]") {
  std::string out;
  size_t removed = 0;
  CHECK_FALSE(LimitNesting(Repeat("<div>", 10) + "x" + Repeat("</div>", 10), 10, &out, &removed));
  // Optional-end-tag and void elements do not count, however many.
  CHECK_FALSE(LimitNesting(Repeat("<p>para<li>item<br><img src=x>", 5000), 10, &out, &removed));
  // Tags inside comments and scripts do not count.
  CHECK_FALSE(LimitNesting("<!--" + Repeat("<div>", 50) + "--><script>" + Repeat("<div>", 50) +
                               "</script>",
                           10, &out, &removed));
}

TEST_CASE("tags beyond the limit are removed and the text is kept", "[extract][limits]") {
  std::string out;
  size_t removed = 0;
  REQUIRE(LimitNesting("<div><div><div><span class='a>b'>deep</span></div></div></div><p>after",
                       2, &out, &removed));
  CHECK(out == "<div><div>deep</div></div><p>after");
  CHECK(removed == 4);
}

TEST_CASE("200,000 nested elements are flattened in linear time", "[extract][limits]") {
  std::string html = Repeat("<div>", 200000) + "text" + Repeat("</div>", 200000);
  std::string out;
  size_t removed = 0;
  REQUIRE(LimitNesting(html, 512, &out, &removed));
  CHECK(out == Repeat("<div>", 512) + "text" + Repeat("</div>", 512));
  CHECK(removed == 2 * (200000 - 512));
}

}  // namespace
}  // namespace cleaner
