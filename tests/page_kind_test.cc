// Tests for deciding a page's kind from its own evidence.
#include "cleaner/extract/page_kind.h"

#include <catch2/catch.hpp>

#include <string>

namespace cleaner {
namespace {

PageKind Kind(std::string_view json_ld, std::string_view itemtypes, std::string_view og_type,
              std::string_view url, std::string* reason = nullptr) {
  PageEvidence e;
  e.json_ld = json_ld;
  e.itemtypes = itemtypes;
  e.og_type = og_type;
  e.url = url;
  std::string r;
  PageKind k = ClassifyPage(e, &r);
  if (reason != nullptr) *reason = r;
  return k;
}

TEST_CASE("schema.org types decide the kind - in JSON-LD and microdata", "[extract][kind]") {
  std::string reason;
  CHECK(Kind(R"({"@context":"https://schema.org","@type":"Product","name":"Lamp"})", "", "", "",
             &reason) == PageKind::kProduct);
  CHECK(reason == "schema.org type product");
  // An array of types, with a URL prefix on one of them.
  CHECK(Kind(R"({"@type": ["WebPage", "http://schema.org/QAPage"]})", "", "", "") ==
        PageKind::kForum);
  CHECK(Kind("", "https://schema.org/DiscussionForumPosting https://schema.org/Person ", "", "") ==
        PageKind::kForum);
  CHECK(Kind("", "http://schema.org/CollectionPage ", "", "") == PageKind::kCollection);
  CHECK(Kind(R"({"@type":"TechArticle"})", "", "", "") == PageKind::kDocumentation);
  // Declared types outrank the URL.
  CHECK(Kind(R"({"@type":"NewsArticle"})", "", "", "https://shop.example/products/x") ==
        PageKind::kArticle);
}

TEST_CASE("a thread's other declared types do not hide it", "[extract][kind]") {
  // Pages declare several types; the thread wins over its WebPage, its
  // Organization and the BreadcrumbList a product page also declares.
  CHECK(Kind(R"([{"@type":"Organization"},{"@type":"BreadcrumbList"},)"
             R"({"@type":"DiscussionForumPosting"}])",
             "", "", "") == PageKind::kForum);
  CHECK(Kind(R"([{"@type":"BreadcrumbList"},{"@type":"Product"}])", "", "", "") ==
        PageKind::kProduct);
  // A type name that only starts like a kind's type is not that type.
  CHECK(Kind(R"({"@type":"ProductCategory"})", "", "", "") == PageKind::kArticle);
}

TEST_CASE("og:type and the URL decide when no schema.org type does", "[extract][kind]") {
  std::string reason;
  CHECK(Kind("", "", "product", "") == PageKind::kProduct);
  CHECK(Kind("", "", "", "https://forum.example.org/some-question", &reason) == PageKind::kForum);
  CHECK(reason == "url host forum.");
  CHECK(Kind("", "", "", "https://example.com/t/how-to/123") == PageKind::kForum);
  CHECK(Kind("", "", "", "https://www.example.com/collections/lamps") == PageKind::kCollection);
  CHECK(Kind("", "", "", "https://docs.example.com/install") == PageKind::kDocumentation);
  CHECK(Kind("", "", "", "https://example.com/", &reason) == PageKind::kService);
  CHECK(Kind("", "", "", "", &reason) == PageKind::kArticle);
  CHECK(reason == "no evidence");
}

TEST_CASE("every kind has its metadata name", "[extract][kind]") {
  CHECK(std::string(PageKindName(PageKind::kForum)) == "forum");
  CHECK(std::string(PageKindName(PageKind::kDocumentation)) == "documentation");
  CHECK(std::string(PageKindName(PageKind::kListing)) == "listing");
}

}  // namespace
}  // namespace cleaner
