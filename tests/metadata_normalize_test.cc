// Tests for cleaner/extract/metadata_normalize.h.
#include <catch2/catch.hpp>

#include "cleaner/extract/metadata_normalize.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

TEST_CASE("dates become ISO 8601", "[metadata]") {
  const std::pair<const char*, const char*> cases[] = {
      {"2020-06-16", "2020-06-16"},
      {" 2020-06-16T02:31:00+02:00 ", "2020-06-16T02:31:00+02:00"},
      {"2020-06-16T02:31:00.000Z", "2020-06-16T02:31:00Z"},
      {"2020-06-16 02:31", "2020-06-16T02:31:00"},
      {"2020-06-16T02:31:00+0000", "2020-06-16T02:31:00Z"},
      {"2020/6/16", "2020-06-16"},
      {"2020年06月16日 02:31", "2020-06-16T02:31:00"},
      {"16.06.2020", "2020-06-16"},
      {"16/06/2020", "2020-06-16"},
      {"06/16/2020", "2020-06-16"},
      {"13/11/2025 09:21:40", "2025-11-13T09:21:40"},
      {"Thu, 09/25/2025 - 11:38", "2025-09-25T11:38:00"},
      {"25-09-2025", "2025-09-25"},
      {"Tue, 16 Jun 2020 02:31:00 GMT", "2020-06-16T02:31:00Z"},
      {"June 16, 2020", "2020-06-16"},
      {"16th June 2020 at 2:31 pm", "2020-06-16T14:31:00"},
      {"Sept 1, 2021", "2021-09-01"},
      // Not readable, or not a real date:
      {"03/04/2020", ""},
      {"02-12-2025", ""},
      {"Someday, 09/25/2025", ""},
      {"2021-02-29", ""},
      {"2020-13-01", ""},
      {"yesterday", ""},
      {"June 2020", ""},
      {"Posted by Ann on June 16, 2020", ""},
  };
  for (const auto& [in, want] : cases) {
    INFO(in);
    CHECK(NormalizeDate(in) == want);
  }
}

TEST_CASE("host names and absolute URLs", "[metadata]") {
  CHECK(HostOfUrl("https://User@WWW.Example.org:8080/a?b") == "www.example.org");
  CHECK(HostOfUrl("http://example.org") == "example.org");
  CHECK(HostOfUrl("/relative") == "");
  CHECK(ResolveUrl("/news/a", "https://x.example/b/c?d") == "https://x.example/news/a");
  CHECK(ResolveUrl("//cdn.example/a", "https://x.example/") == "https://cdn.example/a");
  CHECK(ResolveUrl("a.html", "https://x.example/b/c") == "https://x.example/b/a.html");
  CHECK(ResolveUrl("https://y.example/", "https://x.example/") == "https://y.example/");
  CHECK(ResolveUrl("/a", "") == "");
}

TEST_CASE("the site's name leaves the title", "[metadata]") {
  CHECK(StripSiteFromTitle("Floods close the bridge \u2013 Riverside Gazette", "Riverside Gazette",
                           "") == "Floods close the bridge");
  CHECK(StripSiteFromTitle("Floods close the bridge | BBC News", "", "www.bbc.com") ==
        "Floods close the bridge");
  CHECK(StripSiteFromTitle("Example.org - Floods close the bridge", "", "example.org") ==
        "Floods close the bridge");
  CHECK(StripSiteFromTitle("Riverside-Gazette: floods", "", "riverside-gazette.com") ==
        "Riverside-Gazette: floods");  // no separator: kept
  // A part that is a sentence starting with the site's name stays.
  CHECK(StripSiteFromTitle("Apple unveils a new phone today - Reviews", "", "apple.com") ==
        "Apple unveils a new phone today - Reviews");
  CHECK(StripSiteFromTitle("Gazette", "Gazette", "") == "Gazette");  // nothing would remain
  CHECK(StripSiteFromTitle("Bridge - Part 2", "", "") == "Bridge - Part 2");
}

TEST_CASE("an author is a name - not a byline or a biography", "[metadata]") {
  CHECK(NormalizeAuthor("By Ann Writer") == "Ann Writer");
  CHECK(NormalizeAuthor("Written by Camila Karalyte") == "Camila Karalyte");
  CHECK(NormalizeAuthor("\u2013  Joe") == "Joe");
  CHECK(NormalizeAuthor("Ann Writer |") == "Ann Writer");
  CHECK(NormalizeAuthor("Byron Fields") == "Byron Fields");  // "By" is a word, not a prefix here
  CHECK(NormalizeAuthor("Lisa Jennings is a veteran reporter who covers the fast-casual sector.") ==
        "");
}

TEST_CASE("NormalizeMetadata fills host - normalizes and explains", "[metadata]") {
  testing::TestDoc d;
  d.metadata.url = "https://www.riverside.example/2020/floods?utm=1";
  d.metadata.canonical_url = "/2020/floods";
  d.metadata.title = "Floods | Riverside";
  d.metadata.date = "16 Jun 2020";
  d.metadata.date_modified = "sometime";
  NormalizeMetadata(d.info());
  CHECK(d.metadata.canonical_url == "https://www.riverside.example/2020/floods");
  CHECK(d.metadata.host == "www.riverside.example");
  CHECK(d.metadata.title == "Floods");
  CHECK(d.metadata.date == "2020-06-16");
  CHECK(d.metadata.date_modified == "sometime");  // kept as found, and said
  bool unreadable = false;
  for (const ExplainEvent& e : d.reporter.events) {
    unreadable = unreadable || e.rule == "metadata:date-unreadable";
  }
  CHECK(unreadable);
}

TEST_CASE("language tags keep the region the page names", "[metadata]") {
  struct Row {
    const char* lang;
    const char* locale;
    const char* want;
  };
  const Row rows[] = {
      {"en-US", "", "en-US"},
      {"en-us", "", "en-US"},
      {"EN", "", "en"},
      {"en", "en_US", "en-US"},  // og:locale adds the region
      {"", "en_GB", "en-GB"},    // and stands in for a missing lang
      {"de", "en_US", "de"},     // another language's region is not taken
      {"en-GB", "en_US", "en-GB"},
      {"zh-hant-tw", "", "zh-Hant-TW"},
      {"es-419", "", "es-419"},
      {"en-US-x-private", "", "en-US"},
      {"", "", ""},
      {"english", "", ""},
      {"1234", "", ""},
  };
  for (const Row& r : rows) {
    INFO(r.lang << " + " << r.locale);
    CHECK(LanguageTag(r.lang, r.locale) == r.want);
  }
}

TEST_CASE("categories and tags are trimmed - deduplicated and bounded", "[metadata]") {
  CHECK(NormalizeTerms({" Local  News ", "", "local news", "Weather", "  "}) ==
        std::vector<std::string>{"Local News", "Weather"});
  std::vector<std::string> many;
  for (int i = 0; i < 100; ++i) many.push_back("tag " + std::to_string(i));
  many.push_back(std::string(300, 'x'));
  std::vector<std::string> out = NormalizeTerms(many);
  CHECK(out.size() == 64);
  CHECK(NormalizeTerms({std::string(300, 'x')})[0].size() == 200);
}

}  // namespace
}  // namespace cleaner
