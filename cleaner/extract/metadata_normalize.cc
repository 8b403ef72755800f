// Metadata normalization. See metadata_normalize.h.
#include "cleaner/extract/metadata_normalize.h"

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <regex>
#include <vector>

#include "cleaner/util/ascii.h"

namespace cleaner {

namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }

char Lower(char c) { return AsciiLower(c); }

std::string Fold(std::string_view s) { return FoldAlnum(s); }

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

struct DateParts {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;
  std::string zone;  // "", "Z" or "+02:00"
};

std::string Format(const DateParts& d) {
  if (d.year < 1000 || d.year > 2999 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > DaysIn(d.year, d.month) || d.hour > 23 || d.minute > 59 || d.second > 60) {
    return "";
  }
  char buf[96];
  if (d.hour < 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day,
                  d.hour, d.minute, d.second);
  }
  return std::string(buf) + (d.hour < 0 ? "" : d.zone);
}

int ToInt(const std::string& s) { return s.empty() ? 0 : std::atoi(s.c_str()); }

// "Z", "UTC", "GMT", "+0200", "+02:00", "-5" -> "Z" or "+02:00"; "" if none.
std::string Zone(const std::string& z) {
  if (z.empty()) return "";
  if (z == "Z" || z == "z" || z == "UTC" || z == "GMT") return "Z";
  std::string digits;
  for (char c : z) {
    if (Digit(c)) digits += c;
  }
  if (digits.size() == 1 || digits.size() == 3) digits.insert(0, "0");
  if (digits.size() == 2) digits += "00";
  if (digits.size() != 4) return "";
  if (digits == "0000") return "Z";
  return z.substr(0, 1) + digits.substr(0, 2) + ":" + digits.substr(2);
}

// The month of an English month name or its abbreviation; 0 if none.
int MonthNamed(std::string_view word) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  std::string w;
  for (char c : word) w += Lower(c);
  static const char* kFull[] = {"january", "february", "march",     "april",   "may",      "june",
                                "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (w == kFull[m] || w == kMonths[m] || (w == "sept" && m == 8)) return m + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  std::string w;
  for (char c : word) w += Lower(c);
  static const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday",
                                "tuesday", "wednesday", "thursday", "friday", "saturday",
                                "sunday", "tues", "thur", "thurs"};
  for (const char* d : kDays) {
    if (w == d) return true;
  }
  return false;
}

// "June 16, 2020 2:31 PM", "16 Jun 2020 02:31:00 GMT", "Tue, 16 Jun 2020".
std::string FromWords(std::string_view s) {
  static const std::regex kToken(R"(([A-Za-z]+)|(\d{1,2}):(\d{2})(?::(\d{2}))?|([+-]\d{4})|(\d+)(?:st|nd|rd|th)?|[,.\s]+)");
  DateParts d;
  std::string text(s);
  bool pm = false, am = false;
  std::vector<int> numbers;
  auto it = std::sregex_iterator(text.begin(), text.end(), kToken);
  size_t pos = 0;
  for (; it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    if (static_cast<size_t>(m.position(0)) != pos) return "";  // something unknown
    pos += m.length(0);
    if (m[1].matched) {
      std::string w = m[1].str();
      if (int month = MonthNamed(w)) {
        if (d.month != 0) return "";
        d.month = month;
      } else if (w == "PM" || w == "pm") {
        pm = true;
      } else if (w == "AM" || w == "am") {
        am = true;
      } else if (w == "GMT" || w == "UTC" || w == "Z") {
        d.zone = "Z";
      } else if (!IsWeekday(w) && w != "at" && w != "on" && w != "of") {
        return "";
      }
    } else if (m[2].matched) {
      d.hour = ToInt(m[2].str());
      d.minute = ToInt(m[3].str());
      d.second = ToInt(m[4].str());
    } else if (m[5].matched) {
      d.zone = Zone(m[5].str());
    } else if (m[6].matched) {
      numbers.push_back(ToInt(m[6].str()));
      if (m[6].length() == 4) d.year = numbers.back();
      else if (m[6].length() <= 2 && d.day == 0) d.day = numbers.back();
      else return "";
    }
  }
  if (pos != text.size() || d.month == 0 || d.year == 0 || d.day == 0) return "";
  if (pm && d.hour >= 1 && d.hour < 12) d.hour += 12;
  if (am && d.hour == 12) d.hour = 0;
  return Format(d);
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n')) --e;
  return std::string(s.substr(b, e - b));
}

void Report(const DocumentInfo& doc, const char* field, const std::string& before,
            const std::string& after, const char* rule) {
  if (doc.reporter == nullptr) return;
  ExplainEvent e;
  e.stage = "metadata";
  e.action = ExplainEvent::Action::kMetadata;
  e.rule = rule;
  e.category = field;
  e.before = before;
  e.after = after;
  doc.reporter->Report(e);
}

}  // namespace

std::string NormalizeAuthor(std::string_view in) {
  // 300 bytes: longer than any list of names; the loop below is quadratic.
  if (in.size() > 300) return "";
  std::string s = Trim(in);
  // Dashes, bullets and separators left at the edges by a byline's layout.
  auto edge = [](std::string_view t, bool front) {
    for (std::string_view p : {"\u2013", "\u2014", "\u00b7", "\u2022", "|", "-", ",", ":"}) {
      if (front ? t.substr(0, p.size()) == p : EndsWith(t, p)) return p.size();
    }
    return size_t{0};
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view prefix : {"by ", "written by ", "posted by ", "author: ", "author "}) {
      if (s.size() > prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix)) {
        s = Trim(std::string_view(s).substr(prefix.size()));
        changed = true;
      }
    }
    if (size_t n = edge(s, true)) {
      s = Trim(std::string_view(s).substr(n));
      changed = true;
    }
    if (size_t n = edge(s, false)) {
      s = Trim(std::string_view(s).substr(0, s.size() - n));
      changed = true;
    }
  }
  // A sentence (an author's biography) or a date line is not a name.
  size_t words = s.empty() ? 0 : 1;
  for (char c : s) words += c == ' ';
  return words > 8 ? "" : s;
}

std::string NormalizeDate(std::string_view in) {
  std::string s = Trim(in);
  if (s.size() > 80) return "";
  // ISO 8601 and its variants: 2020-06-16, 2020/6/16, 2020.06.16, with a
  // time after T or a space, fractions, a zone.
  static const std::regex kIso(
      R"((\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{1,2})?)?)");
  static const std::regex kCjk(
      R"((\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:(\d{1,2}):(\d{2})(?::(\d{2}))?)?)");
  static const std::regex kNumeric(
      R"((?:([A-Za-z]{3,9}),?\s+)?(\d{1,2})([./-])(\d{1,2})[./-](\d{4})(?:(?:\s+-)?[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?)");
  std::smatch m;
  DateParts d;
  if (std::regex_match(s, m, kIso) || std::regex_match(s, m, kCjk)) {
    d.year = ToInt(m[1].str());
    d.month = ToInt(m[2].str());
    d.day = ToInt(m[3].str());
    if (m[4].matched) {
      d.hour = ToInt(m[4].str());
      d.minute = ToInt(m[5].str());
      d.second = ToInt(m[6].str());
    }
    if (m.size() > 7 && m[7].matched) d.zone = Zone(m[7].str());
    return Format(d);
  }
  if (std::regex_match(s, m, kNumeric)) {
    // "Thu, 09/25/2025 - 11:38": a weekday may lead.
    if (m[1].matched && !IsWeekday(m[1].str())) return "";
    int a = ToInt(m[2].str()), b = ToInt(m[4].str());
    d.year = ToInt(m[5].str());
    if (m[3].str() == "." || a > 12) {  // 16.06.2020: day first, the European way
      d.day = a;
      d.month = b;
    } else if (b > 12) {
      d.month = a;
      d.day = b;
    } else {
      return "";  // 03/04/2020: either way
    }
    if (m[6].matched) {
      d.hour = ToInt(m[6].str());
      d.minute = ToInt(m[7].str());
      d.second = ToInt(m[8].str());
    }
    return Format(d);
  }
  return FromWords(s);
}

std::string HostOfUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest[0] == '[') {
    size_t close = rest.find(']');
    rest = rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1);
  } else {
    rest = rest.substr(0, rest.find(':'));
  }
  std::string host;
  for (char c : rest) host += Lower(c);
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::string ResolveUrl(std::string_view href, std::string_view base) {
  std::string h = Trim(href);
  if (h.empty()) return "";
  size_t colon = h.find(':');
  size_t slash = h.find('/');
  if (colon != std::string::npos && colon > 0 && (slash == std::string::npos || colon < slash)) {
    return h;  // has a scheme
  }
  size_t scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return "";
  if (h.rfind("//", 0) == 0) return std::string(base.substr(0, scheme_end + 1)) + h;
  size_t path_start = base.find('/', scheme_end + 3);
  std::string origin(base.substr(0, path_start));
  if (h[0] == '/') return origin + h;
  // Relative to the base's folder.
  std::string_view path = path_start == std::string_view::npos ? std::string_view("/")
                                                                : base.substr(path_start);
  path = path.substr(0, path.find_first_of("?#"));
  return origin + std::string(path.substr(0, path.rfind('/') + 1)) + h;
}

std::string StripSiteFromTitle(std::string_view title, std::string_view site_name,
                               std::string_view host) {
  static const char* kSeparators[] = {" | ", " - ", " \u2013 ", " \u2014 ", " \u00b7 ",
                                      " :: ", " \u00bb ", " / ", " \u2022 "};
  std::string site = Fold(site_name);
  // The host's name: "www.riverside-gazette.co.uk" -> "riversidegazette".
  std::string_view h = host;
  for (std::string_view prefix : {"www.", "m.", "amp."}) {
    if (h.substr(0, prefix.size()) == prefix) h.remove_prefix(prefix.size());
  }
  std::string host_name = Fold(h.substr(0, h.find('.')));
  std::string host_full = Fold(h);
  auto names_site = [&](std::string_view part) {
    std::string f = Fold(part);
    if (f.empty()) return false;
    if (f == site || f == host_full) return true;
    // "BBC News" on bbc.com; at most three words, so that a sentence that
    // starts with the site's name ("Apple unveils ...") stays.
    size_t words = 1;
    for (char c : part) words += c == ' ';
    return host_name.size() >= 3 && words <= 3 && f.compare(0, host_name.size(), host_name) == 0;
  };
  for (const char* sep : kSeparators) {
    size_t last = title.rfind(sep);
    if (last != std::string_view::npos && last > 0 &&
        names_site(title.substr(last + std::string_view(sep).size()))) {
      return Trim(title.substr(0, last));
    }
  }
  for (const char* sep : kSeparators) {
    size_t first = title.find(sep);
    size_t n = std::string_view(sep).size();
    if (first != std::string_view::npos && first + n < title.size() &&
        names_site(title.substr(0, first))) {
      return Trim(title.substr(first + n));
    }
  }
  return std::string(title);
}

namespace {

// The subtags of a language tag ("en-US", "en_US" alike).
struct LanguageParts {
  std::string language, script, region;
};

LanguageParts ParseLanguageTag(std::string_view tag) {
  LanguageParts p;
  std::vector<std::string> subtags;
  std::string t(tag);
  for (char& c : t) c = c == '_' ? '-' : c;
  subtags = SplitNonEmpty(t, '-');
  auto letters = [](const std::string& s) {
    for (char c : s) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    return true;
  };
  auto digits = [](const std::string& s) {
    return s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (subtags.empty() || subtags[0].size() < 2 || subtags[0].size() > 3 || !letters(subtags[0])) {
    return p;
  }
  p.language = AsciiLower(subtags[0]);
  size_t i = 1;
  if (i < subtags.size() && subtags[i].size() == 4 && letters(subtags[i])) {
    p.script = AsciiLower(subtags[i++]);
    p.script[0] = static_cast<char>(p.script[0] - 'a' + 'A');
  }
  if (i < subtags.size() && ((subtags[i].size() == 2 && letters(subtags[i])) ||
                             (subtags[i].size() == 3 && digits(subtags[i])))) {
    for (char c : subtags[i]) p.region += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  }
  return p;
}

}  // namespace

std::string LanguageTag(std::string_view lang, std::string_view locale) {
  LanguageParts p = ParseLanguageTag(lang);
  const LanguageParts l = ParseLanguageTag(locale);
  if (p.language.empty()) p = l;
  if (p.region.empty() && l.language == p.language) p.region = l.region;
  if (p.language.empty()) return "";
  std::string out = p.language;
  if (!p.script.empty()) out += "-" + p.script;
  if (!p.region.empty()) out += "-" + p.region;
  return out;
}

std::vector<std::string> NormalizeTerms(const std::vector<std::string>& terms) {
  std::vector<std::string> out;
  std::vector<std::string> seen;
  for (const std::string& term : terms) {
    if (out.size() >= 64) break;
    std::string t;
    for (char c : term) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (space) {
        if (!t.empty() && t.back() != ' ') t += ' ';
      } else {
        t += c;
      }
    }
    if (!t.empty() && t.back() == ' ') t.pop_back();
    if (t.size() > 200) {
      size_t n = 200;
      while (n > 0 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80) --n;
      t.resize(n);
    }
    std::string key = AsciiLower(t);
    if (t.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(std::move(key));
    out.push_back(std::move(t));
  }
  return out;
}

void NormalizeMetadata(const DocumentInfo& doc) {
  Metadata& m = *doc.metadata;
  m.categories = NormalizeTerms(m.categories);
  m.tags = NormalizeTerms(m.tags);
  if (!m.canonical_url.empty() && !m.url.empty()) {
    std::string abs = ResolveUrl(m.canonical_url, m.url);
    if (!abs.empty() && abs != m.canonical_url) {
      Report(doc, "canonical_url", m.canonical_url, abs, "metadata:resolve-url");
      m.canonical_url = abs;
    }
  }
  m.host = HostOfUrl(!m.canonical_url.empty() ? m.canonical_url : m.url);
  if (m.host.empty()) m.host = HostOfUrl(m.url);
  if (!m.license.empty()) {
    const std::string& base = !m.canonical_url.empty() ? m.canonical_url : m.url;
    std::string abs = base.empty() ? "" : ResolveUrl(m.license, base);
    if (!abs.empty()) m.license = abs;
  }
  for (std::string* date : {&m.date, &m.date_modified}) {
    if (date->empty()) continue;
    std::string iso = NormalizeDate(*date);
    const char* field = date == &m.date ? "date" : "date_modified";
    if (iso.empty()) {
      Report(doc, field, *date, *date, "metadata:date-unreadable");
    } else if (iso != *date) {
      Report(doc, field, *date, iso, "metadata:iso-8601");
      *date = std::move(iso);
    }
  }
  if (!m.author.empty()) {
    std::string a = NormalizeAuthor(m.author);
    if (a != m.author) {
      Report(doc, "author", m.author, a, "metadata:author-byline");
      m.author = std::move(a);
    }
  }
  if (!m.title.empty()) {
    std::string t = StripSiteFromTitle(m.title, m.site_name, m.host);
    if (t != m.title) {
      Report(doc, "title", m.title, t, "metadata:title-site-suffix");
      m.title = std::move(t);
    }
  }
}

}  // namespace cleaner
