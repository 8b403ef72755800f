// Tests for cleaner/util/language (CLD2).
#include "cleaner/util/language.h"

#include <catch2/catch.hpp>

namespace cleaner {
namespace {

TEST_CASE("the main language of a paragraph is recognized", "[language]") {
  struct Row {
    const char* text;
    const char* code;
  };
  const Row rows[] = {
      {"The volunteers met every Saturday and rebuilt the wheel from oak donated by a farm.", "en"},
      {"Die Freiwilligen trafen sich jeden Samstag und bauten das Rad aus Eichenholz wieder auf.", "de"},
      {"Les bénévoles se réunissaient chaque samedi et ont reconstruit la roue en chêne.", "fr"},
      {"Добровольцы встречались каждую субботу и восстановили колесо из дуба.", "ru"},
      {"Los voluntarios se reunían cada sábado y reconstruyeron la rueda de roble donado.", "es"},
  };
  for (const Row& r : rows) {
    INFO(r.text);
    CHECK(DetectLanguage(r.text).code == r.code);
  }
}

TEST_CASE("text without letters has no language", "[language]") {
  CHECK(DetectLanguage("12345 67 --- !!!").code.empty());
  CHECK(DetectLanguage("").code.empty());
}

}  // namespace
}  // namespace cleaner
