// YAML front matter. See front_matter.h.
#include "cleaner/output/front_matter.h"

#include <nlohmann/json.hpp>

namespace cleaner {

std::string FormatFrontMatter(const Metadata& m) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"title", &m.title},
      {"author", &m.author},
      {"date", &m.date},
      {"date_modified", &m.date_modified},
      {"site_name", &m.site_name},
      {"host", &m.host},
      {"url", &m.url},
      {"canonical_url", &m.canonical_url},
      {"description", &m.description},
      {"language", &m.language},
  };
  std::string out = "---\n";
  for (const auto& [key, value] : fields) {
    out += key;
    out += ": ";
    // Invalid UTF-8 can only come from a URL given as input: replaced.
    out += nlohmann::json(*value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  out += "---\n";
  return out;
}

}  // namespace cleaner
