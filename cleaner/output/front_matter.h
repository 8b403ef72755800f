// YAML front matter: the document's metadata before its text (text and
// Markdown output with --with-metadata), the way static site generators
// and Markdown tools read it:
//
//   ---
//   title: "The headline"
//   author: "Ann Writer"
//   ...
//   ---
//
// Every key is always present ("" or [] when unknown), in this order:
// title, author, date, date_modified, site_name, host, url, canonical_url,
// description, language, categories, tags, license. Values are YAML
// double-quoted scalars and, for categories and tags, flow sequences of
// them (written as JSON, which YAML 1.2 reads as it is).
#ifndef CLEANER_OUTPUT_FRONT_MATTER_H_
#define CLEANER_OUTPUT_FRONT_MATTER_H_

#include <string>

#include "cleaner/block.h"

namespace cleaner {

// The front matter block, from "---\n" to "---\n" inclusive.
std::string FormatFrontMatter(const Metadata& m);

}  // namespace cleaner

#endif  // CLEANER_OUTPUT_FRONT_MATTER_H_
