// Stage 2a, extract: the page's metadata (internal to cleaner/extract/):
// the candidates the walk reads from meta tags, <title>, <time>, rel links,
// microdata and JSON-LD scripts.
#ifndef CLEANER_EXTRACT_METADATA_H_
#define CLEANER_EXTRACT_METADATA_H_

#include <string>
#include <vector>

namespace cleaner::extract_internal {

// What the page declares about itself, each field as first found (white
// space collapsed, at most 2,000 bytes), or empty.
struct MetaCandidates {
  std::string title_tag, og_title, author, date, time_datetime, canonical, og_url, site_name,
      description, og_description, lang, itemprop_author, og_type,
      date_modified, og_locale, license;
  // article:section / article:tag metas and rel="category tag" / rel="tag"
  // links, in page order.
  std::vector<std::string> sections, tags;
  std::string itemtypes;  // microdata itemtype values, space-separated
  std::string json_ld;  // the text of the page's application/ld+json scripts
};

}  // namespace cleaner::extract_internal

#endif  // CLEANER_EXTRACT_METADATA_H_
