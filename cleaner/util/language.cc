// Language identification with CLD2. See language.h.
#include "cleaner/util/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which is not meant for
// inclusion on its own; the symbol is exported by libcld2.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace cleaner {

LanguageGuess DetectLanguage(std::string_view utf8, size_t max_bytes) {
  LanguageGuess g;
  // (The default, 64 KiB, is plenty for a verdict and bounds the cost on
  // huge documents.)
  int len = static_cast<int>(std::min<size_t>({utf8.size(), max_bytes, size_t{1} << 30}));
  // Do not cut a multi-byte character in half.
  while (len > 0 && len < static_cast<int>(utf8.size()) &&
         (static_cast<unsigned char>(utf8[len]) & 0xC0) == 0x80)
    --len;
  CLD2::Language langs[3];
  int percents[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguageSummary(utf8.data(), len, /*is_plain_text=*/true,
                                                    langs, percents, &text_bytes, &reliable);
  // Without letters CLD2 still answers (its default, English); text_bytes
  // tells that it saw nothing to judge.
  if (text_bytes == 0 || lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE)
    return g;
  const char* code = CLD2::LanguageCode(lang);
  g.code = code ? code : "";
  // CLD2 names a few languages with longer tags ("zh-Hant"); keep the
  // primary subtag, as HTML lang attributes are usually compared that way.
  size_t dash = g.code.find('-');
  if (dash != std::string::npos) g.code.resize(dash);
  g.reliable = reliable;
  g.percent = percents[0];
  return g;
}

}  // namespace cleaner
