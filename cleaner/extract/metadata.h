// Stage 2a, extract: the page's metadata (internal to cleaner/extract/):
// the candidates the walk reads from meta tags, <title>, <time>, rel links,
// microdata and JSON-LD scripts (the Walker's ReadMeta(), ReadRelLink() and
// ReadJsonLd() are defined in metadata.cc), and how they become the
// document's Metadata once the text is chosen.
#ifndef CLEANER_EXTRACT_METADATA_H_
#define CLEANER_EXTRACT_METADATA_H_

#include <string>
#include <vector>

#include "cleaner/block.h"
#include "cleaner/extract/html_model.h"

namespace cleaner::extract_internal {

// What the page declares about itself, each field as first found (white
// space collapsed, at most 2,000 bytes), or empty.
struct MetaCandidates {
  std::string title_tag, og_title, author, date, time_datetime, canonical, og_url, site_name,
      description, og_description, lang, itemprop_author, og_type, date_modified, og_locale,
      license;
  // article:section / article:tag metas and rel="category tag" / rel="tag"
  // links, in page order.
  std::vector<std::string> sections, tags;
  std::string itemtypes;  // microdata itemtype values, space-separated
  std::string json_ld;    // the text of the page's application/ld+json scripts
};

// The author the page's metadata declares: a meta tag's, else the text of
// its itemprop="author" element, else its JSON-LD "author"; or "".
std::string DeclaredAuthor(const MetaCandidates& m);

// The publication date the page's metadata declares: a meta tag's, else
// its JSON-LD "datePublished", else its first <time datetime>; or "".
std::string DeclaredDate(const MetaCandidates& m);

// Fills *doc.metadata from what the page declares (meta tags, JSON-LD,
// microdata, rel links), else from what it shows: the author from `byline`
// (a dropped byline's text), the language detected in the kept `blocks`.
// `title` is the title as chosen. Every field set is explained as a
// metadata event.
// REQUIRES: doc.metadata is not null; `keep` has an entry for every block.
void FillMetadata(const MetaCandidates& m, const std::string& title, const std::string& byline,
                  const std::vector<RawBlock>& blocks, const std::vector<char>& keep,
                  const DocumentInfo& doc);

}  // namespace cleaner::extract_internal

#endif  // CLEANER_EXTRACT_METADATA_H_
