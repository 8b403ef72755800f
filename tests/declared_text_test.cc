// Tests for the text a page declares rather than shows.
#include "cleaner/extract/declared_text.h"

#include <catch2/catch.hpp>

#include <string>

namespace cleaner {
namespace {

TEST_CASE("the product's own JSON-LD description is found", "[extract][declared]") {
  // The site's description comes first; the product's is the one wanted.
  std::string ld = R"([{"@type":"WebSite","description":"The best shop."},)"
                   R"({"@type":"Product","name":"Lamp","description":"<p>A brass lamp,</p>)"
                   R"(<p>hand  made.</p>","offers":{"@type":"Offer","price":"10"}}])";
  CHECK(ProductDescription(ld) == "A brass lamp, hand made.");
  CHECK(ProductDescription(R"({"@type":["Product","Thing"],"description":"x y"})") == "x y");
  CHECK(ProductDescription(R"({"@type":"Article","description":"not a product"})").empty());
  CHECK(ProductDescription("").empty());
}

TEST_CASE("a description the page shows is not added again", "[extract][declared]") {
  CHECK(AlreadyShown("A brass lamp,\n hand made.", "Lamp\nA brass lamp, hand made. Buy now"));
  CHECK_FALSE(AlreadyShown("A brass lamp, hand made.", "Lamp\nBuy now"));
  CHECK_FALSE(AlreadyShown("", "anything"));
}

}  // namespace
}  // namespace cleaner
