// Stage 2a, extract: the page's metadata, read on the walk and filled in
// once the text is chosen. See metadata.h.
#include "cleaner/extract/metadata.h"

#include <utility>

#include "cleaner/extract/extract_text.h"
#include "cleaner/extract/html_text.h"
#include "cleaner/extract/math_text.h"
#include "cleaner/extract/metadata_normalize.h"
#include "cleaner/extract/walk.h"
#include "cleaner/util/ascii.h"
#include "cleaner/util/language.h"

namespace cleaner::extract_internal {
namespace {

// Whether the space-separated token list `list` (a rel value) holds
// `token`, ASCII case-insensitively.
bool HasToken(std::string_view list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && IsSpace(static_cast<unsigned char>(list[i]))) ++i;
    size_t j = i;
    while (j < list.size() && !IsSpace(static_cast<unsigned char>(list[j]))) ++j;
    if (j > i && EqualsIgnoreCase(list.substr(i, j - i), token)) return true;
    i = j;
  }
  return false;
}

// Sets `*slot` to `value`, explained as the metadata field `field`; nothing
// when `value` is empty.
void SetMetadata(const DocumentInfo& doc, const char* field, std::string* slot,
                 const std::string& value) {
  if (value.empty()) return;
  *slot = value;
  ExplainEvent e;
  e.stage = "extract";
  e.action = ExplainEvent::Action::kMetadata;
  e.category = field;
  e.after = value;
  Explain(doc, e);
}

// Sets `*slot` to `values`, explained as one comma-separated value;
// nothing when they are all empty.
void SetMetadataList(const DocumentInfo& doc, const char* field, std::vector<std::string>* slot,
                     std::vector<std::string> values) {
  std::string joined;
  for (const std::string& v : values) joined += (joined.empty() ? "" : ", ") + v;
  if (joined.empty()) return;
  *slot = std::move(values);
  SetMetadata(doc, field, &joined, joined);
}

}  // namespace

void Walker::ReadMeta(const GumboElement& e) {
  std::string_view name, property, content, itemprop, rel, href, datetime;
  const GumboVector& attrs = e.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    std::string_view n = a->name;
    if (n == "name")
      name = a->value;
    else if (n == "property")
      property = a->value;
    else if (n == "content")
      content = a->value;
    else if (n == "itemprop")
      itemprop = a->value;
    else if (n == "rel")
      rel = a->value;
    else if (n == "href")
      href = a->value;
    else if (n == "datetime")
      datetime = a->value;
  }
  auto set = [](std::string* field, std::string_view v) {
    if (field->empty() && !v.empty()) *field = Collapse(v.substr(0, 2000));
  };
  if (e.tag == GUMBO_TAG_LINK) {
    if (EqualsIgnoreCase(rel, "canonical")) set(&meta.canonical, href);
    if (HasToken(rel, "license")) set(&meta.license, href);
    return;
  }
  if (e.tag == GUMBO_TAG_TIME) {
    set(&meta.time_datetime, datetime);
    return;
  }
  std::string_view key = !property.empty() ? property : !name.empty() ? name : itemprop;
  if (key.empty()) return;
  std::string k;
  AsciiLowerInto(key, &k);
  if (k == "og:title" || k == "twitter:title") {
    set(&meta.og_title, content);
  } else if (k == "og:site_name" || k == "application-name") {
    set(&meta.site_name, content);
  } else if (k == "og:url") {
    set(&meta.og_url, content);
  } else if (k == "og:type") {
    set(&meta.og_type, content);
  } else if (k == "og:locale") {
    set(&meta.og_locale, content);
  } else if ((k == "article:section" || k == "article:tag") && !content.empty() &&
             meta.sections.size() + meta.tags.size() < 256) {
    (k == "article:section" ? meta.sections : meta.tags)
        .push_back(Collapse(content.substr(0, 200)));
  } else if (k == "description") {
    set(&meta.description, content);
  } else if (k == "og:description" || k == "twitter:description") {
    set(&meta.og_description, content);
  } else if (k == "author" || k == "article:author" || k == "dc.creator" || k == "byl" ||
             k == "parsely-author" || k == "sailthru.author") {
    // article:author is often a profile URL; a name is what is wanted.
    if (content.rfind("http", 0) != 0) set(&meta.author, content);
  } else if (k == "article:published_time" || k == "datepublished" || k == "date" ||
             k == "pubdate" || k == "publishdate" || k == "dc.date" || k == "dc.date.issued" ||
             k == "dcterms.date" || k == "dcterms.created" || k == "og:published_time" ||
             k == "parsely-pub-date" || k == "sailthru.date") {
    set(&meta.date, !content.empty() ? content : datetime);
  } else if (k == "article:modified_time" || k == "og:updated_time" || k == "datemodified" ||
             k == "dcterms.modified" || k == "last-modified") {
    set(&meta.date_modified, !content.empty() ? content : datetime);
  }
}

void Walker::ReadRelLink(const GumboElement& a) {
  const GumboAttribute* rel = gumbo_get_attribute(&a.attributes, "rel");
  if (rel == nullptr) return;
  if (HasToken(rel->value, "license")) {
    const GumboAttribute* href = gumbo_get_attribute(&a.attributes, "href");
    if (href != nullptr && meta.license.empty()) meta.license = Collapse(href->value);
    return;
  }
  const bool category = HasToken(rel->value, "category");
  if (!category && !HasToken(rel->value, "tag")) return;
  if (meta.sections.size() + meta.tags.size() >= 256) return;
  std::string text = TokenText(a, 200);
  if (!text.empty()) (category ? meta.sections : meta.tags).push_back(std::move(text));
}

void Walker::ReadJsonLd(const GumboElement& script) {
  const GumboAttribute* type = gumbo_get_attribute(&script.attributes, "type");
  if (type == nullptr || !EqualsIgnoreCase(type->value, "application/ld+json")) return;
  for (unsigned i = 0; i < script.children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(script.children.data[i]);
    // 4 MiB: more JSON-LD than any page carries; the rest is not read.
    if (c->type == GUMBO_NODE_TEXT && meta.json_ld.size() < (4u << 20)) {
      meta.json_ld.append(c->v.text.text).append("\n");
    }
  }
}

std::string DeclaredAuthor(const MetaCandidates& m) {
  std::string author = !m.author.empty() ? m.author : m.itemprop_author;
  if (author.empty()) author = JsonStringValue(m.json_ld, "author");
  return author;
}

std::string DeclaredDate(const MetaCandidates& m) {
  std::string date = !m.date.empty() ? m.date : JsonStringValue(m.json_ld, "datePublished");
  return !date.empty() ? date : m.time_datetime;
}

void FillMetadata(const MetaCandidates& m, const std::string& title, const std::string& byline,
                  const std::vector<RawBlock>& blocks, const std::vector<char>& keep,
                  const DocumentInfo& doc) {
  Metadata& md = *doc.metadata;
  SetMetadata(doc, "title", &md.title, title);
  // The author: meta tags, then microdata, then the byline the page shows
  // (dropped from the text, so kept here: "By Ann Writer, 3 May").
  std::string author = DeclaredAuthor(m);
  if (author.empty()) author = byline;
  SetMetadata(doc, "author", &md.author, author);
  SetMetadata(doc, "date", &md.date, DeclaredDate(m));
  SetMetadata(
      doc, "date_modified", &md.date_modified,
      !m.date_modified.empty() ? m.date_modified : JsonStringValue(m.json_ld, "dateModified"));
  SetMetadata(doc, "canonical_url", &md.canonical_url,
              !m.canonical.empty() ? m.canonical : m.og_url);
  SetMetadata(doc, "site_name", &md.site_name, m.site_name);
  SetMetadata(doc, "description", &md.description,
              !m.description.empty() ? m.description : m.og_description);
  // <html lang>, refined by og:locale's region ("en" + "en_US": "en-US").
  std::string lang = LanguageTag(m.lang, m.og_locale);
  if (lang.empty()) {
    std::string sample;
    for (size_t i = 0; i < blocks.size() && sample.size() < 4096; ++i) {
      if (keep[i]) sample.append(blocks[i].text).append("\n");
    }
    LanguageGuess g = DetectLanguage(sample);
    if (g.reliable) lang = g.code;
  }
  SetMetadata(doc, "language", &md.language, lang);

  std::vector<std::string> categories = m.sections, tags = m.tags;
  for (std::string& s : JsonStringList(m.json_ld, "articleSection")) {
    categories.push_back(std::move(s));
  }
  // keywords: an array, or one string of comma-separated keywords.
  for (const std::string& k : JsonStringList(m.json_ld, "keywords")) {
    for (std::string& t : SplitNonEmpty(k, ',')) tags.push_back(Collapse(t));
  }
  SetMetadataList(doc, "categories", &md.categories, std::move(categories));
  SetMetadataList(doc, "tags", &md.tags, std::move(tags));
  SetMetadata(doc, "license", &md.license,
              !m.license.empty() ? m.license : Collapse(JsonStringValue(m.json_ld, "license")));
}

}  // namespace cleaner::extract_internal
