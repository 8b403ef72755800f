// YAML front matter. See front_matter.h.
#include "cleaner/output/front_matter.h"

#include <nlohmann/json.hpp>

namespace cleaner {

std::string FormatFrontMatter(const Metadata& m) {
  using Json = nlohmann::json;
  const std::pair<const char*, Json> fields[] = {
      {"title", m.title},
      {"author", m.author},
      {"date", m.date},
      {"date_modified", m.date_modified},
      {"site_name", m.site_name},
      {"host", m.host},
      {"url", m.url},
      {"canonical_url", m.canonical_url},
      {"description", m.description},
      {"language", m.language},
      // Lists as YAML flow sequences: ["News", "Local"].
      {"categories", m.categories},
      {"tags", m.tags},
      {"license", m.license},
  };
  std::string out = "---\n";
  for (const auto& [key, value] : fields) {
    out += key;
    out += ": ";
    // Invalid UTF-8 can only come from a URL given as input: replaced.
    out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
    out += '\n';
  }
  out += "---\n";
  return out;
}

}  // namespace cleaner
