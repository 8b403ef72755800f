// Where -o DIR puts a WARC record's page: a path made from its URL.
#include <algorithm>
#include <catch2/catch.hpp>

#include "cleaner/source/source.h"

namespace cleaner {
namespace {

TEST_CASE("a WARC page's output path comes from its URL - safe under the folder", "[source]") {
  CHECK(UrlRelativePath("https://News.Example/2024/05/harbour.html") ==
        "news.example/2024/05/harbour");
  CHECK(UrlRelativePath("http://news.example/") == "news.example/index");
  CHECK(UrlRelativePath("http://news.example") == "news.example/index");
  CHECK(UrlRelativePath("http://news.example/sport/#top") == "news.example/sport/index");
  CHECK(UrlRelativePath("http://user:pw@news.example/a") == "news.example/a");
  // What is not a plain name carries a hash, so distinct URLs stay distinct.
  std::string q1 = UrlRelativePath("http://news.example/item?id=1");
  std::string q2 = UrlRelativePath("http://news.example/item?id=2");
  CHECK(q1.rfind("news.example/item_id_1-", 0) == 0);
  CHECK(q1 != q2);
  std::string port = UrlRelativePath("http://news.example:8080/a");
  CHECK(port.rfind("news.example_8080-", 0) == 0);
  // Nothing climbs out of the folder.
  for (const char* url :
       {"http://h/../../etc/passwd", "http://h/./.hidden", "http://h/%2e%2e/x", "http://../x"}) {
    INFO(url);
    std::string p = UrlRelativePath(url);
    CHECK(p.find("/..") == std::string::npos);
    CHECK(p.find("/.") == std::string::npos);
    CHECK(p.rfind("..", 0) != 0);
    CHECK(p.rfind(".", 0) != 0);
  }
  // A very deep path stops at 16 levels (host + 15 folders + name).
  std::string deep = "http://h";
  for (int i = 0; i < 100; ++i) deep += "/d";
  std::string p = UrlRelativePath(deep);
  CHECK(std::count(p.begin(), p.end(), '/') == 16);
  // Not a page URL: the caller falls back to the record id.
  CHECK(UrlRelativePath("urn:uuid:1234") == "");
  CHECK(UrlRelativePath("dns:news.example") == "");
  CHECK(UrlRelativePath("ftp://news.example/a") == "");
  CHECK(UrlRelativePath("https:///a") == "");
}

}  // namespace
}  // namespace cleaner
