// Stage 2a, extract: what kind of page this is (article, forum thread,
// product, collection, listing, service, documentation), from the page's own
// evidence: schema.org types in JSON-LD and microdata, og:type and the URL's
// host and path. The kind decides what the main content is (on a forum the
// replies are the content) and goes into the metadata (page_type).
#ifndef CLEANER_EXTRACT_PAGE_KIND_H_
#define CLEANER_EXTRACT_PAGE_KIND_H_

#include <string>
#include <string_view>

namespace cleaner {

enum class PageKind {
  kArticle,  // also the answer when there is no evidence
  kForum,
  kProduct,
  kCollection,
  kListing,
  kService,
  kDocumentation,
};

// "article", "forum", "product", "collection", "listing", "service",
// "documentation".
const char* PageKindName(PageKind kind);

// Sets the six features of a model's vector `f` from index `first` on, one
// per kind but article in PageKind's order (forum, product, ...): 1 for
// `kind`, 0 for the others (an article has none set).
template <typename Vector>
void SetKindOneHot(PageKind kind, int first, Vector* f) {
  for (int k = 1; k < 7; ++k) (*f)[first + k - 1] = static_cast<int>(kind) == k ? 1.f : 0.f;
}

struct PageEvidence {
  std::string_view json_ld;    // the text of the page's ld+json scripts
  std::string_view itemtypes;  // microdata itemtype values, space-separated
  std::string_view og_type;    // <meta property="og:type">
  std::string_view url;        // the page's address (absolute, or a path)
};

// The page's kind; `reason` gets the evidence that decided it ("json-ld
// @type Product", "url path /threads/", "no evidence").
PageKind ClassifyPage(const PageEvidence& evidence, std::string* reason);

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_PAGE_KIND_H_
