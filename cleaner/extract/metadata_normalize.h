// Metadata in one form, whatever the page wrote: dates in ISO 8601, the
// title without the site's name, the host name, an absolute canonical URL.
// Runs after extraction (pipeline.cc), on every document; each change is
// reported to --explain (stage "metadata").
#ifndef CLEANER_EXTRACT_METADATA_NORMALIZE_H_
#define CLEANER_EXTRACT_METADATA_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

#include "cleaner/block.h"

namespace cleaner {

// A date or date-time as ISO 8601: "2020-06-16", or "2020-06-16T02:31:00"
// with "Z" or "+02:00" when the zone is given (a time without a zone stays
// local time, as the page gave it). Reads ISO 8601 and its variants (a
// space for "T", "+0200", fractions of a second, dropped), "2020/06/16",
// "2020.06.16", "16.06.2020", "16/06/2020 09:21" (also with a leading
// weekday and " - " before the time), "2020年06月16日 02:31", RFC 2822 ("Tue, 16 Jun
// 2020 02:31:00 GMT"), English month names ("June 16, 2020", "16 Jun
// 2020"). Returns "" when `s` is none of these or not a real calendar date;
// "03/04/2020" and "03-04-2020" are ambiguous (day or month first) and
// give "" too.
std::string NormalizeDate(std::string_view s);

// The host of an absolute URL ("https://User@WWW.Example.org:8080/a" ->
// "www.example.org"), "" if `url` has none.
std::string HostOfUrl(std::string_view url);

// `href` made absolute against `base` ("/a" or "//host/a" or "a"); an
// absolute `href` (with a scheme) is returned as it is; "" if it cannot be.
std::string ResolveUrl(std::string_view href, std::string_view base);

// `title` without a leading or trailing part naming the site: the parts
// are split at " | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", and a
// part that equals `site_name` or the host's name (letters and digits
// compared, case folded: "Riverside Gazette" for riverside-gazette.com)
// goes. The title is returned unchanged when no part names the site or
// nothing else would remain.
std::string StripSiteFromTitle(std::string_view title, std::string_view site_name,
                               std::string_view host);

// An author as a name: a byline's "By ", "Written by ", "Author: " and the
// dashes or separators at its edges go; more than eight words (a
// biography, a date line) or 300 bytes give "".
std::string NormalizeAuthor(std::string_view author);

// A BCP 47 language tag from <html lang> (`lang`) and og:locale
// (`locale`): "en-US" from "en-us", "en_US" or "EN"+"en_US"; "zh-Hant-TW"
// keeps its script; other subtags (variants, extensions) go. The locale
// fills in the region when `lang` has none and names the same language, and
// stands in for a missing `lang`. Only `lang`'s language when only that is
// known ("en"); "" when neither is a tag.
std::string LanguageTag(std::string_view lang, std::string_view locale);

// Categories or tags as a clean list: white space collapsed, empty ones
// and repeats (ASCII case-insensitively) left out, at most 64 of at most
// 200 bytes each, in their first order.
std::vector<std::string> NormalizeTerms(const std::vector<std::string>& terms);

// Applies the above to *doc.metadata: title, author, date, date_modified, host
// (from the canonical URL, else the URL), canonical_url, categories, tags;
// the license link is made absolute. A date that cannot
// be read is kept as found, and --explain says so.
void NormalizeMetadata(const DocumentInfo& doc);

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_METADATA_NORMALIZE_H_
