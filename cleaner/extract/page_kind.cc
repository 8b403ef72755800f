// Stage 2a, extract: the page's kind. See page_kind.h.
//
// Evidence, strongest first: schema.org types the page declares (JSON-LD
// "@type", microdata itemtype), og:type product, then the URL (a forum's
// host or thread path, a product or documentation path), then og:type
// article (sites put it on every page). Kinds are tried in a fixed order
// (forum, product, documentation, article, collection, listing, service)
// because pages declare several types: a thread page also declares a
// WebPage and an Organization, a product page its BreadcrumbList.
#include "cleaner/extract/page_kind.h"

#include <array>
#include <vector>

#include "cleaner/util/ascii.h"

namespace cleaner {

namespace {

struct KindTypes {
  PageKind kind;
  std::vector<std::string_view> types;  // schema.org type names, lower case
  std::vector<std::string_view> paths;  // URL path parts, lower case
  std::vector<std::string_view> hosts;  // host name prefixes
};

// FAQPage's Question entities are not a thread: only the thread types count.
const std::array<KindTypes, 7>& Kinds() {
  static const std::array<KindTypes, 7> kinds{{
      {PageKind::kForum,
       {"discussionforumposting", "qapage"},
       {"/threads/", "/thread/", "/topic/", "/showthread", "/viewtopic", "/forum/", "/forums/",
        "/discussion/", "/t/"},
       {"forum.", "forums.", "community.", "discuss.", "discussion.", "answers.", "boards."}},
      {PageKind::kProduct,
       {"product", "productgroup", "individualproduct", "productmodel"},
       {"/product/", "/products/", "/dp/", "/p/", "/item/"},
       {}},
      {PageKind::kDocumentation,
       {"techarticle", "apireference"},
       {"/docs/", "/doc/", "/documentation/", "/reference/", "/api/", "/manual/"},
       {"docs.", "developer.", "developers."}},
      {PageKind::kArticle,
       {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "scholarlyarticle", "report", "recipe", "review", "howto",
        "liveblogposting"},
       {},
       {}},
      {PageKind::kCollection,
       {"collectionpage", "offercatalog"},
       {"/collections/", "/collection/", "/category/", "/categories/", "/shop/"},
       {}},
      {PageKind::kListing,
       {"searchresultspage", "itemlist", "blog"},
       {"/tag/", "/tags/", "/search", "/page/"},
       {}},
      {PageKind::kService,
       {"service", "professionalservice", "aboutpage", "contactpage"},
       {"/services/", "/service/", "/pricing", "/about", "/solutions/", "/features/"},
       {}},
  }};
  return kinds;
}

// Appends to `types` (lower case, space-separated, each followed by a space)
// the string values of every "@type" key in `json`, single or in an array.
void JsonLdTypes(std::string_view json, std::string* types) {
  size_t at = 0;
  while ((at = json.find("\"@type\"", at)) != std::string_view::npos) {
    at += 7;
    while (at < json.size() && (json[at] == ' ' || json[at] == ':' || json[at] == '\n' ||
                                json[at] == '\t' || json[at] == '\r')) {
      ++at;
    }
    bool array = at < json.size() && json[at] == '[';
    size_t end = array ? json.find(']', at) : json.find_first_of(",}", at);
    if (end == std::string_view::npos) end = json.size();
    std::string_view value = json.substr(at, end - at);
    size_t q = 0;
    while ((q = value.find('"', q)) != std::string_view::npos) {
      size_t close = value.find('"', q + 1);
      if (close == std::string_view::npos) break;
      std::string_view name = value.substr(q + 1, close - q - 1);
      size_t slash = name.rfind('/');  // "http://schema.org/Product"
      if (slash != std::string_view::npos) name = name.substr(slash + 1);
      types->append(AsciiLower(name)).append(" ");
      q = close + 1;
    }
    at = end;
  }
}

bool HasType(const std::string& types, std::string_view name) {
  std::string key(name);
  key += ' ';
  size_t at = 0;
  while ((at = types.find(key, at)) != std::string::npos) {
    if (at == 0 || types[at - 1] == ' ') return true;
    ++at;
  }
  return false;
}

}  // namespace

const char* PageKindName(PageKind kind) {
  switch (kind) {
    case PageKind::kArticle: return "article";
    case PageKind::kForum: return "forum";
    case PageKind::kProduct: return "product";
    case PageKind::kCollection: return "collection";
    case PageKind::kListing: return "listing";
    case PageKind::kService: return "service";
    case PageKind::kDocumentation: return "documentation";
  }
  return "article";
}

PageKind ClassifyPage(const PageEvidence& evidence, std::string* reason) {
  std::string types;
  JsonLdTypes(evidence.json_ld, &types);
  {
    // Microdata: "https://schema.org/Product https://schema.org/Thing".
    std::string_view s = evidence.itemtypes;
    size_t i = 0;
    while (i < s.size()) {
      size_t j = s.find(' ', i);
      if (j == std::string_view::npos) j = s.size();
      std::string_view name = s.substr(i, j - i);
      size_t slash = name.rfind('/');
      if (slash != std::string_view::npos) name = name.substr(slash + 1);
      if (!name.empty()) types.append(AsciiLower(name)).append(" ");
      i = j + 1;
    }
  }
  const std::string og = AsciiLower(evidence.og_type);
  std::string url = AsciiLower(evidence.url);
  std::string host, path = url;
  size_t scheme = url.find("://");
  if (scheme != std::string::npos) {
    size_t slash = url.find('/', scheme + 3);
    host = url.substr(scheme + 3, slash == std::string::npos ? std::string::npos : slash - scheme - 3);
    path = slash == std::string::npos ? "/" : url.substr(slash);
  }
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  // Declared types first, over every kind: a news article under /products/
  // is an article. Then og:type, then the URL.
  for (const KindTypes& k : Kinds()) {
    for (std::string_view t : k.types) {
      if (HasType(types, t)) {
        *reason = "schema.org type " + std::string(t);
        return k.kind;
      }
    }
  }
  if (og == "product" || og == "og:product" || og == "product.item") {
    *reason = "og:type " + og;
    return PageKind::kProduct;
  }
  for (const KindTypes& k : Kinds()) {
    for (std::string_view p : k.paths) {
      if (path.find(p) != std::string::npos) {
        *reason = "url path " + std::string(p);
        return k.kind;
      }
    }
    for (std::string_view h : k.hosts) {
      if (host.rfind(h, 0) == 0) {
        *reason = "url host " + std::string(h);
        return k.kind;
      }
    }
  }
  if (og == "article") {
    *reason = "og:type article";
    return PageKind::kArticle;
  }
  if (path == "/" && !host.empty()) {
    *reason = "url is a site's home page";
    return PageKind::kService;
  }
  *reason = "no evidence";
  return PageKind::kArticle;
}

}  // namespace cleaner
