// Quote pairing and consistency. See repair_quotes.h for the model.
#include "cleaner/repair/repair_quotes.h"

#include <algorithm>

#include "cleaner/repair/repair_mojibake.h"
#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

// What is next to a mark.
enum class Cls { kEdge, kSpace, kWord, kOpenP, kCloseP, kDash, kOther };

bool IsOpenGlyph(char32_t c) {
  switch (c) {
    case U'\u201C': case U'\u201E': case U'\u201F': case U'\u2018': case U'\u201A':
    case U'\u201B': case U'\u00AB': case U'\u2039':
      return true;
    default:
      return false;
  }
}

bool IsCloseGlyph(char32_t c) {
  return c == U'\u201D' || c == U'\u2019' || c == U'\u00BB' || c == U'\u203A';
}

bool IsHangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F);
}

Cls Classify(char32_t c) {
  if (c == 0) return Cls::kEdge;
  if (IsHSpace(c)) return Cls::kSpace;
  // In CJK and Korean a quote is glued to the particle after it (`”고`,
  // `’이나`): no space is missing there, so such letters count as "other".
  if (IsWord(c)) return IsNoSpaceScript(c) || IsHangul(c) ? Cls::kOther : Cls::kWord;
  switch (c) {
    case '(': case '[': case '{': case U'\u00BF': case U'\u00A1':
      return Cls::kOpenP;
    case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']':
    case '}': case '%': case U'\u2026':
      return Cls::kCloseP;
    default:
      break;
  }
  if (IsOpenGlyph(c)) return Cls::kOpenP;
  if (IsCloseGlyph(c)) return Cls::kCloseP;
  if (IsDash(c)) return Cls::kDash;
  return Cls::kOther;
}

enum class Family { kDouble, kSingle };
enum class Glyph { kOpen, kClose, kNeutral, kLow };  // kLow: „ ‚, openers only
enum Role { kNeither = 0, kOpener = 1, kCloser = 2 };

bool InFamily(char32_t c, Family f) {
  if (f == Family::kDouble) {
    return c == '"' || c == U'\u201C' || c == U'\u201D' || c == U'\u201E' || c == U'\u201F';
  }
  return c == '\'' || c == U'\u2018' || c == U'\u2019' || c == U'\u201A' || c == U'\u201B';
}

struct Mark {
  long i = 0;  // index into the code points
  Glyph glyph = Glyph::kNeutral;
  Cls left = Cls::kEdge, right = Cls::kEdge;    // the neighbours
  Cls left2 = Cls::kEdge, right2 = Cls::kEdge;  // first non-space neighbours
  long space_from = 0;  // first index of the spaces before the mark (== i if none)
  long space_to = 0;    // one past the spaces after it (== i + 1 if none)
  bool in_word = false;
  bool elision = false;  // ’ after a space, before a letter or digit
  long len = 1;          // 2: a double mark typed as two singles (`’’`)
  bool glued_letter_after = false;  // a CJK or Korean letter right after
};

// Costs. The unit is "one piece of evidence against": a wrong glyph or a
// misplaced space costs 0.5; impossible shapes (an opener before the end of
// the text) cost 4, so that any real alternative wins. Pinned by the table
// in tests/repair_quotes_test.cc and the seeds.
constexpr double kWrongGlyph = 0.5;
// ’ before a word in an undamaged paragraph is an elision (`’n’`, `’em`,
// `’tis`, `’90s`) far more often than a mistyped opener.
constexpr double kWrongGlyphElision = 1.5;
constexpr double kElision = 0.5;
constexpr double kMisplacedSpace = 0.5;
constexpr double kGlued = 0.25;       // `.“Next`, `”(`: unusual but fine
constexpr double kImpossible = 4;
constexpr double kNever = 1000;
constexpr double kInsideWord = 5;     // `it’s` is never a quote
// An opener whose closer is not in the paragraph: English quotes running
// over several paragraphs leave one open at each paragraph's end.
constexpr double kUnclosed = 1.5;
constexpr double kUnpaired = 2;       // a well-formed mark left alone
constexpr double kApostrophe = 0.5;   // `students’`, `po’`
constexpr double kWordFinal = 2;      // `word’` after another letter: unusual
constexpr double kYear = 0;           // `’90s`, `'90s`
constexpr double kInch = 0.5;         // `6"`
constexpr double kGluedParticle = 2;
constexpr double kStrayApostrophe = 2.4;  // just under an unclosed opener's 2.5
// A mirrored pair (`the’ Nagorno-Karabakh ‘ region`) in a paragraph that
// shows machine-translation damage costs this much less than its two marks.
constexpr double kMirrorBonus = 2;

bool ContentAfter(Cls c) { return c == Cls::kWord || c == Cls::kOpenP || c == Cls::kOther; }
bool ContentBefore(Cls c) { return c == Cls::kWord || c == Cls::kCloseP || c == Cls::kOther; }

double CostOpener(const Mark& m, bool damaged) {
  double c = 0;
  if (m.glyph == Glyph::kClose) {
    c = !damaged && m.elision ? kWrongGlyphElision : kWrongGlyph;
    // `”고`: a closing mark glued to a Korean or CJK particle is a closer.
    if (m.glued_letter_after) c += kGluedParticle;
  }
  switch (m.right) {
    case Cls::kWord: case Cls::kOpenP: case Cls::kOther: case Cls::kDash: break;
    case Cls::kSpace: c += ContentAfter(m.right2) ? kMisplacedSpace : kImpossible; break;
    default: c += kImpossible;
  }
  switch (m.left) {
    case Cls::kEdge: case Cls::kSpace: case Cls::kOpenP: case Cls::kDash: break;
    case Cls::kWord: c += kMisplacedSpace; break;
    default: c += kGlued;
  }
  return m.in_word ? c + kInsideWord : c;
}

double CostCloser(const Mark& m) {
  if (m.glyph == Glyph::kLow) return kNever;
  double c = m.glyph == Glyph::kOpen ? kWrongGlyph : 0;
  switch (m.left) {
    case Cls::kWord: case Cls::kCloseP: case Cls::kOther: break;
    case Cls::kSpace: c += ContentBefore(m.left2) ? kMisplacedSpace : kImpossible; break;
    default: c += kImpossible;
  }
  switch (m.right) {
    case Cls::kEdge: case Cls::kSpace: case Cls::kCloseP: case Cls::kDash: break;
    case Cls::kWord: c += kMisplacedSpace; break;
    default: c += kGlued;
  }
  return m.in_word ? c + kInsideWord : c;
}

bool WellFormedOpener(const Mark& m) {
  return m.glyph != Glyph::kClose &&
         (m.left == Cls::kEdge || m.left == Cls::kSpace || m.left == Cls::kOpenP ||
          m.left == Cls::kDash) &&
         ContentAfter(m.right);
}

bool WellFormedCloser(const Mark& m) {
  return (m.glyph == Glyph::kClose || m.glyph == Glyph::kNeutral) && ContentBefore(m.left) &&
         (m.right == Cls::kEdge || m.right == Cls::kSpace || m.right == Cls::kCloseP ||
          m.right == Cls::kDash || m.glued_letter_after);
}

// Letters of the word that ends just before index `i`.
int WordLengthBefore(const CodePoints& d, long i, char32_t* last) {
  int n = 0;
  *last = d.at(i - 1);
  while (IsLetter(d.at(i - 1 - n))) ++n;
  return n;
}

bool IsApostropheGlyph(char32_t c) { return c == '\'' || c == U'\u2019'; }

// `Browns ’ Week`: a plural possessive with a stray space before it.
bool SpacedPossessive(const Mark& m, const CodePoints& d) {
  if (!IsApostropheGlyph(d.cp[m.i]) || m.left != Cls::kSpace || m.right != Cls::kSpace ||
      m.left2 != Cls::kWord) {
    return false;
  }
  char32_t last;
  int n = WordLengthBefore(d, m.space_from, &last);
  return n >= 2 && (last | 0x20) == 's';
}

double CostNeither(const Mark& m, const CodePoints& d, Family f) {
  char32_t c = d.cp[m.i];
  if (f == Family::kSingle) {
    if (m.in_word) return 0;
    if (IsApostropheGlyph(c) && m.left == Cls::kWord && m.right != Cls::kWord) {
      char32_t last;
      int n = WordLengthBefore(d, m.i, &last);
      char32_t l = last | 0x20;  // ASCII lowercase; other letters never match
      // Plural possessive (`students’`, `Hans’`), an elided short word
      // (Italian `po’`, `de’`; English `o’`) or a dropped g (`Takin’`).
      bool in_g = l == 'n' && n >= 3 && (d.at(m.i - 2) | 0x20) == 'i';
      if (l == 's' || l == 'x' || l == 'z' || (n > 0 && n <= 2) || in_g) return kApostrophe;
      return kWordFinal;
    }
    if (IsApostropheGlyph(c) &&
        (m.left == Cls::kEdge || m.left == Cls::kSpace || m.left == Cls::kOpenP) &&
        IsDigit(d.at(m.i + 1))) {
      return kYear;
    }
    if (m.elision) return kElision;
    if (SpacedPossessive(m, d)) return kApostrophe;
  } else if (IsDigit(d.at(m.i - 1)) && m.right != Cls::kWord) {
    return kInch;
  }
  if (WellFormedOpener(m) || WellFormedCloser(m)) return kUnpaired;
  // A lone ’ between spaces is a stray apostrophe as often as a quote:
  // turning it needs a partner, not just an open end of paragraph.
  if (f == Family::kSingle && c == U'\u2019') return kStrayApostrophe;
  return kImpossible;
}

// The mirrored shapes: a closing glyph with the space after it used as an
// opener, an opening glyph with the space before it used as a closer.
bool MirroredOpener(const Mark& m) { return m.glyph == Glyph::kClose && m.right == Cls::kSpace; }
bool MirroredCloser(const Mark& m) { return m.glyph == Glyph::kOpen && m.left == Cls::kSpace; }

// Chooses the roles of `marks` (one family of one paragraph).
std::vector<Role> ChooseRoles(const std::vector<Mark>& marks, const CodePoints& d, Family f) {
  bool damaged = false;  // a mark between spaces: machine-translation damage
  for (const Mark& m : marks) {
    bool lsp = m.left == Cls::kSpace || m.left == Cls::kEdge;
    bool rsp = m.right == Cls::kSpace || m.right == Cls::kEdge;
    if (lsp && rsp) damaged = true;
  }
  // States: 0 outside a quote, 1 inside, 2 inside after a mirrored opener.
  const size_t n = marks.size();
  std::vector<double> cost(3 * (n + 1), kNever * 10);
  std::vector<signed char> from(3 * (n + 1), -1), role(3 * (n + 1), 0);
  cost[0] = 0;
  for (size_t k = 0; k < n; ++k) {
    const Mark& m = marks[k];
    double c_n = CostNeither(m, d, f), c_o = CostOpener(m, damaged), c_c = CostCloser(m);
    for (int s = 0; s < 3; ++s) {
      double base = cost[3 * k + s];
      if (base >= kNever * 10) continue;
      auto relax = [&](int to, double c, Role r) {
        size_t at = 3 * (k + 1) + to;
        if (base + c < cost[at]) {
          cost[at] = base + c;
          from[at] = static_cast<signed char>(s);
          role[at] = static_cast<signed char>(r);
        }
      };
      relax(s, c_n, kNeither);
      if (s == 0) relax(damaged && MirroredOpener(m) ? 2 : 1, c_o, kOpener);
      if (s != 0) {
        double bonus = s == 2 && MirroredCloser(m) ? kMirrorBonus : 0;
        relax(0, c_c - bonus, kCloser);
      }
    }
  }
  int best = 0;
  double best_cost = kNever * 100;
  for (int s = 0; s < 3; ++s) {
    double c = cost[3 * n + s] + (s == 0 ? 0 : kUnclosed);
    if (c < best_cost) {
      best_cost = c;
      best = s;
    }
  }
  std::vector<Role> roles(n, kNeither);
  for (size_t k = n; k > 0; --k) {
    size_t at = 3 * k + best;
    roles[k - 1] = static_cast<Role>(role[at]);
    best = from[at];
  }
  return roles;
}

bool IsSentencePunct(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

const char* Stronger(const char* a, const char* b) {
  // The rule reported for an edit that does several things: the most
  // telling one.
  static const char* const kOrder[] = {"quote-pairing", "quote-spacing", "apostrophe",
                                       "quote-consistency", "quote-ascii", ""};
  for (const char* r : kOrder) {
    if (std::string_view(a) == r) return a;
    if (std::string_view(b) == r) return b;
  }
  return a;
}

// `quotes` holds the indices of the paragraph's ' " and U+2018..U+201F, in
// order: the only places a mark of either family can stand.
void RepairFamily(const CodePoints& d, const std::vector<size_t>& quotes, Family f,
                  const QuoteContext& ctx, std::vector<Edit>* edits) {
  std::vector<Mark> marks;
  bool low = false;
  for (size_t q = 0; q < quotes.size(); ++q) {
    const size_t i = quotes[q];
    Mark m;
    m.i = static_cast<long>(i);
    if (f == Family::kDouble && InFamily(d.cp[i], Family::kSingle) &&
        InFamily(d.at(m.i + 1), Family::kSingle) && !InFamily(d.at(m.i + 2), Family::kSingle) &&
        !InFamily(d.at(m.i - 1), Family::kSingle)) {
      // `‘‘…’’`, `''…''`: a double mark typed as two singles. It takes part
      // in the pairing of double marks and is left as typed.
      m.len = 2;
      marks.push_back(m);
      if (q + 1 < quotes.size() && quotes[q + 1] == i + 1) ++q;  // its second half
      continue;
    }
    if (!InFamily(d.cp[i], f)) continue;
    if (d.cp[i] == U'\u201E' || d.cp[i] == U'\u201A') low = true;
    marks.push_back(m);
  }
  if (marks.empty()) return;
  const bool dbl = f == Family::kDouble;
  for (Mark& m : marks) {
    char32_t c = d.cp[m.i];
    if (c == '"' || c == '\'' || m.len == 2) {
      m.glyph = Glyph::kNeutral;
    } else if (c == U'\u201E' || c == U'\u201A') {
      m.glyph = Glyph::kLow;
    } else if (ctx.same_mark_closes && (c == U'\u201D' || c == U'\u2019')) {
      m.glyph = Glyph::kNeutral;
    } else if (low && (c == U'\u201C' || c == U'\u2018')) {
      // “ closes „…“ and opens “…” (a paragraph may quote both ways): its
      // role comes from its place only, and it is never turned.
      m.glyph = Glyph::kNeutral;
    } else {
      m.glyph = IsOpenGlyph(c) ? Glyph::kOpen : Glyph::kClose;
    }
    m.left = Classify(d.at(m.i - 1));
    m.right = Classify(d.at(m.i + m.len));
    m.glued_letter_after = m.right == Cls::kOther && IsLetter(d.at(m.i + m.len));
    long a = m.i;
    while (IsHSpace(d.at(a - 1))) --a;
    m.space_from = a;
    m.left2 = Classify(d.at(a - 1));
    long b = m.i + m.len;
    while (IsHSpace(d.at(b))) ++b;
    m.space_to = b;
    m.right2 = Classify(d.at(b));
    // `it’s` is an apostrophe; `‘‘` `''` are a double mark typed as two
    // singles, and `“”` `”“` an empty pair or two pairs touching: none of
    // them is paired or changed here.
    // ’90s, ’n’, ’tis; Dutch 's avonds (a straight mark and a lone s).
    bool lone_s = c == '\'' && (d.at(m.i + 1) | 0x20) == 's' && IsHSpace(d.at(m.i + 2));
    m.elision = (c == U'\u2019' || lone_s) &&
                (m.left == Cls::kSpace || m.left == Cls::kEdge) && IsWord(d.at(m.i + 1));
    // `U.K.’s`: an abbreviation's period, then a possessive.
    bool after_abbrev = d.at(m.i - 1) == '.' && IsLetter(d.at(m.i - 2)) && !dbl;
    m.in_word = ((m.left == Cls::kWord || after_abbrev) && m.right == Cls::kWord) ||
                InFamily(d.at(m.i - 1), f) || InFamily(d.at(m.i + m.len), f);
  }
  // `link=”http://…” type=”big”`: attribute values of leftover markup are
  // code, and the family's marks in such a paragraph are left as written.
  for (const Mark& m : marks) {
    if (d.at(m.i - 1) == '=' && !ctx.ascii) return;
  }
  std::vector<Role> roles = ChooseRoles(marks, d, f);
  for (size_t k = 0; k < marks.size(); ++k) {
    const Mark& m = marks[k];
    if (m.len != 1) continue;  // left as typed
    char32_t c = d.cp[m.i];
    char32_t want = c;
    const char* rule = "";
    bool insert_before = false, insert_after = false, cut_before = false, cut_after = false;
    switch (roles[k]) {
      case kOpener:
        if (m.glyph == Glyph::kClose && !ctx.same_mark_closes) {
          want = dbl ? (low ? U'\u201E' : U'\u201C') : (low ? U'\u201A' : U'\u2018');
          rule = "quote-pairing";
        } else if (m.glyph == Glyph::kNeutral && ctx.typographic && (c == '"' || c == '\'')) {
          want = dbl ? ctx.double_open : ctx.single_open;
          rule = "quote-consistency";
        }
        cut_after = m.right == Cls::kSpace && ContentAfter(m.right2);
        {
          // A word, a sentence mark or a bracket glued to an opener: the
          // space before it is missing (not in scripts without spaces).
          char32_t prev = d.at(m.i - 1);
          insert_before = (IsWord(prev) || IsSentencePunct(prev) || prev == ')' || prev == ']') &&
                          !IsNoSpaceScript(prev);
        }
        break;
      case kCloser:
        if (m.glyph == Glyph::kOpen && !ctx.same_mark_closes) {
          want = dbl ? U'\u201D' : U'\u2019';
          rule = "quote-pairing";
        } else if (m.glyph == Glyph::kNeutral && ctx.typographic && (c == '"' || c == '\'')) {
          want = dbl ? ctx.double_close : ctx.single_close;
          rule = "quote-consistency";
        }
        cut_before = m.left == Cls::kSpace && ContentBefore(m.left2);
        insert_after = m.right == Cls::kWord;
        break;
      case kNeither:
        if (!dbl && SpacedPossessive(m, d)) {
          cut_before = true;
          rule = "apostrophe";
        }
        if (!dbl && CostNeither(m, d, f) <= kWordFinal) {
          // An apostrophe: in a typographic document it is ’.
          bool inside_word = m.left == Cls::kWord && m.right == Cls::kWord;
          bool doubled = m.in_word && !inside_word;  // `''`: leave as typed
          if ((c == '\'' && ctx.typographic && !doubled) || (c == U'\u2018' && inside_word)) {
            want = U'\u2019';
            rule = c == '\'' ? "quote-consistency" : "apostrophe";
          }
        }
        break;
    }
    if (ctx.ascii) {
      char32_t a = dbl ? U'"' : U'\'';
      if (want != a) {
        want = a;
        rule = Stronger(rule, "quote-ascii");
      }
    }
    if (cut_before || cut_after || insert_before || insert_after) {
      rule = Stronger(rule, "quote-spacing");
    }
    if (*rule == '\0') continue;
    // See: MayBeGarbledPair() (`вЂ“ Broadcast` stays, not `вЂ “Broadcast`).
    if (SplitsGarbledPair(d, cut_before ? m.space_from : m.i, cut_after ? m.space_to : m.i + 1)) {
      continue;
    }
    Edit e;
    e.begin = d.offset[cut_before ? m.space_from : m.i];
    e.end = d.offset[cut_after ? m.space_to : m.i + 1];
    if (insert_before) e.text.push_back(' ');
    AppendUtf8(want, &e.text);
    if (insert_after) e.text.push_back(' ');
    e.rule = rule;
    edits->push_back(std::move(e));
  }
}

// Guillemets: not paired (their direction is in the glyph), but outside
// French the spaces just inside a pair go, and --quotes ascii converts them.
void RepairGuillemets(const CodePoints& d, const QuoteContext& ctx, std::vector<Edit>* edits) {
  long open_at = -1;
  // »…« (German, Danish) when the paragraph's first guillemet is »: then
  // the glyphs do not say which side a space belongs to, and none is added.
  bool reversed = false;
  for (size_t i = 0; i < d.size(); ++i) {
    if (d.cp[i] == U'\u00AB' || d.cp[i] == U'\u00BB') {
      reversed = d.cp[i] == U'\u00BB';
      break;
    }
  }
  for (size_t i = 0; i < d.size(); ++i) {
    char32_t c = d.cp[i];
    bool dbl = c == U'\u00AB' || c == U'\u00BB';
    if (!dbl && c != U'\u2039' && c != U'\u203A') continue;
    long a = static_cast<long>(i), b = a + 1;
    bool cut_before = false, cut_after = false;
    if (!ctx.french && c == U'\u00AB' && IsHSpace(d.at(b))) {
      while (IsHSpace(d.at(b))) ++b;
      // Only when the pair closes later in the paragraph.
      bool closes = false;
      for (size_t j = b; j < d.size() && !closes; ++j) closes = d.cp[j] == U'\u00BB';
      cut_after = closes && ContentAfter(Classify(d.at(b)));
      if (!cut_after) b = a + 1;
    }
    if (!ctx.french && c == U'\u00BB' && open_at >= 0 && IsHSpace(d.at(a - 1))) {
      while (IsHSpace(d.at(a - 1))) --a;
      cut_before = ContentBefore(Classify(d.at(a - 1)));
      if (!cut_before) a = static_cast<long>(i);
    }
    // `сказал:«Да»сказал` -> `сказал: «Да» сказал`.
    bool insert_before = false, insert_after = false;
    if (!reversed && c == U'\u00AB' && a == static_cast<long>(i)) {
      char32_t prev = d.at(a - 1);
      insert_before = (Classify(prev) == Cls::kWord || IsSentencePunct(prev)) &&
                      !IsNoSpaceScript(prev);
    }
    if (!reversed && c == U'\u00BB' && b == a + 1 && open_at >= 0) {
      insert_after = Classify(d.at(b)) == Cls::kWord;
    }
    if (c == U'\u00AB') open_at = static_cast<long>(i);
    if (c == U'\u00BB') open_at = -1;
    char32_t want = ctx.ascii ? (dbl ? U'"' : U'\'') : c;
    bool spacing = cut_before || cut_after || insert_before || insert_after;
    if (!spacing && want == c) continue;
    if (SplitsGarbledPair(d, a, b)) continue;  // `RÄ«ga` stays
    Edit e;
    e.begin = d.offset[a];
    e.end = d.offset[b];
    if (insert_before) e.text.push_back(' ');
    AppendUtf8(want, &e.text);
    if (insert_after) e.text.push_back(' ');
    e.rule = spacing ? "quote-spacing" : "quote-ascii";
    edits->push_back(std::move(e));
  }
}

// What one mark of a paragraph is in RepairQuotesUnchanged()'s proof.
// kNeither, kOpener and kCloser name a role that costs strictly less than
// the mark's other two roles in RepairFamily() (when the paragraph is not
// `damaged`), and in which the mark is not edited. kLone marks are not
// edited as "neither" either, but are cheaper as closers ("excess" below
// is a role's cost minus the cost of "neither").
enum class Part { kUnknown, kNeither, kLoneStrong, kLoneWeak, kOpener, kCloser };

// The part mark `c` plays in RepairQuotesUnchanged()'s proof; kUnknown if
// it is none of them. `prev` and `next` are its neighbouring code points
// (0 at an end), neither of them a mark of its family. Under --quotes ascii
// every typographic mark changes: only straight ones in words are kept.
Part PartOf(char32_t c, char32_t prev, char32_t next, const QuoteContext& ctx) {
  const bool straight = c == '"' || c == '\'';
  const Cls left = Classify(prev), right = Classify(next);
  // `it's`, `it’s` (single family): in_word, so CostNeither() is 0 and the
  // other roles cost at least kInsideWord, whatever the glyph; as "neither"
  // it is rewritten only if it is ' in a typographic document, or ’ under
  // --quotes ascii.
  if ((c == '\'' || c == U'\u2019') && left == Cls::kWord && right == Cls::kWord &&
      !(c == '\'' && ctx.typographic) && !(c == U'\u2019' && ctx.ascii)) {
    return Part::kNeither;
  }
  // The other parts: their glyphs must keep their meaning (no ” ’ made
  // neutral by same_mark_closes; `low` is false since „ ‚ are kUnknown),
  // straight marks must stay straight, and nothing may become ASCII.
  if (ctx.ascii || ctx.same_mark_closes || (straight && ctx.typographic)) return Part::kUnknown;
  // `’90s` (Glyph::kClose after an edge, a space or an opening bracket,
  // before a digit): CostNeither() is kYear (0); CostOpener() at least
  // kWrongGlyph, CostCloser() at least kMisplacedSpace (left) +
  // kMisplacedSpace (right: a word). As "neither" ’ is not rewritten.
  if (c == U'\u2019' && (left == Cls::kEdge || left == Cls::kSpace || left == Cls::kOpenP) &&
      IsDigit(next)) {
    return Part::kNeither;
  }
  // `students’ ` (Glyph::kClose after a word ending in s, x or z, before a
  // space, an edge or a closing mark): CostNeither() is kApostrophe (0.5),
  // CostCloser() 0 (excess -0.5), and CostOpener() at least kWrongGlyph +
  // kMisplacedSpace (left) + kMisplacedSpace (right: a space, else
  // kImpossible) = 1.5 (excess >= 1). As "neither" it is not rewritten (not
  // inside a word; SpacedPossessive() needs a space on the left).
  if (c == U'\u2019' && left == Cls::kWord &&
      ((prev | 0x20) == 's' || (prev | 0x20) == 'x' || (prev | 0x20) == 'z') &&
      (right == Cls::kSpace || right == Cls::kEdge || right == Cls::kCloseP)) {
    return Part::kLoneStrong;
  }
  // The same with a straight ' (kNeutral: CostOpener() at least 1.0, excess
  // >= 0.5), and `34" ` (" after a digit, before a space or an edge):
  // CostNeither() is kInch (0.5), CostCloser() 0, CostOpener() at least
  // kMisplacedSpace (left: a digit is a word) + kMisplacedSpace (right).
  // Neither is rewritten as "neither" (straight marks only change in a
  // typographic document).
  if (c == '\'' && left == Cls::kWord &&
      ((prev | 0x20) == 's' || (prev | 0x20) == 'x' || (prev | 0x20) == 'z') &&
      (right == Cls::kSpace || right == Cls::kEdge || right == Cls::kCloseP)) {
    return Part::kLoneWeak;
  }
  if (c == '"' && IsDigit(prev) && (right == Cls::kSpace || right == Cls::kEdge)) {
    return Part::kLoneWeak;
  }
  // An opener: “ ‘ (Glyph::kOpen) or a straight mark (kNeutral) after an
  // edge, a space, an opening bracket or a dash and before content.
  // CostOpener() is 0: the glyph does not close, the right side is content,
  // the left side one of these, and in_word is false (the left side is not
  // a word, nor `.`, and no mark of its family is adjacent). Other roles
  // cost more: CostCloser() has kWrongGlyph (“ ‘) or an impossible or
  // misplaced left side (straight); CostNeither() is kUnpaired
  // (WellFormedOpener), the left side being no digit (no inch), ‘ and " no
  // apostrophe glyph, and a straight ' before a digit (kYear, 0) is
  // excluded below; ' may be an elision (`'s avonds`), which costs kElision
  // > 0. As an opener the mark keeps its glyph (not kClose; kNeutral
  // changes only in a typographic document), no space follows it
  // (cut_after) and no word, sentence mark or ) ] precedes it
  // (insert_before).
  if ((c == U'\u201C' || c == U'\u2018' || straight) &&
      (left == Cls::kEdge || left == Cls::kSpace || left == Cls::kOpenP || left == Cls::kDash) &&
      ContentAfter(right) && !(c == '\'' && IsDigit(next))) {
    return Part::kOpener;
  }
  // A closer: ” ’ (Glyph::kClose) or a straight mark after content and
  // before an edge, a space, a closing mark or a dash. CostCloser() is 0.
  // CostOpener() has kWrongGlyph (” ’) or, straight, a left side that
  // costs kMisplacedSpace or kGlued. CostNeither() is kInch, kApostrophe,
  // kWordFinal or kUnpaired (WellFormedCloser): in_word is false (the right
  // side is no word, no mark of its family is adjacent), and the year,
  // elision and spaced-possessive cases need a space or an edge on the
  // left. As a closer the mark keeps its glyph, no space precedes it
  // (cut_before) and no word follows it (insert_after).
  // ” ’ glued to a Korean or CJK letter (`폭력’이`, `”고`: Cls::kOther, so
  // glued_letter_after) cost kGlued (0.25) as closers, and more otherwise:
  // CostOpener() adds kGluedParticle, CostNeither() is kInch, kApostrophe,
  // kWordFinal or kUnpaired as above.
  if ((c == U'\u201D' || c == U'\u2019' || straight) && ContentBefore(left) &&
      (right == Cls::kEdge || right == Cls::kSpace || right == Cls::kCloseP ||
       right == Cls::kDash || (!straight && right == Cls::kOther && IsLetter(next)))) {
    return Part::kCloser;
  }
  return Part::kUnknown;
}

// True iff RepairGuillemets() leaves guillemet `c` (« » ‹ ›) as it is,
// whatever the rest of the paragraph: not under --quotes ascii; « with no
// space after it (no cut_after) and no word or sentence mark before it (no
// insert_before); » with no space before it (no cut_before) and no word
// after it (no insert_after); ‹ › are only ever made ASCII.
bool GuillemetUnchanged(char32_t c, char32_t prev, char32_t next, const QuoteContext& ctx) {
  if (ctx.ascii) return false;
  if (c == U'\u00AB') {
    return !IsHSpace(next) && Classify(prev) != Cls::kWord && !IsSentencePunct(prev);
  }
  if (c == U'\u00BB') return !IsHSpace(prev) && Classify(next) != Cls::kWord;
  return true;
}

// The code point that ends just before s[b] as Decode(s) reads it (0 at the
// start). False if it is not a well-formed sequence (ill-formed bytes are
// left to the full decoding). A lead byte always starts a code point of
// Decode() (a maximal subpart never holds one but first), so a well-formed
// sequence from the last lead byte to `b` is one code point there.
bool CodePointBefore(std::string_view s, size_t b, char32_t* c) {
  if (b == 0) {
    *c = 0;
    return true;
  }
  if (static_cast<unsigned char>(s[b - 1]) < 0x80) {
    *c = static_cast<unsigned char>(s[b - 1]);
    return true;
  }
  *c = PrevCodePoint(s, &b);
  return *c != 0xFFFD;
}

// The code point that starts at s[b] as Decode(s) reads it (0 at the end).
// REQUIRES: s[b] starts a code point of Decode(s) (it follows one).
char32_t CodePointAt(std::string_view s, size_t b) {
  if (b >= s.size()) return 0;
  return NextCodePoint(s, &b);
}

// True only if RepairQuotes(s, ctx) returns `s` unchanged. A proof at the
// byte level, without decoding the paragraph or choosing roles, for what
// most clean paragraphs hold: apostrophes, well-formed pairs. Every mark
// (' " U+2018..U+201F) must be one of PartOf()'s parts, and no mark may
// touch another of its family (`''` `‘‘` are read as one mark, and in_word
// counts neighbours of the family). Then no mark stands between spaces or
// edges, so `damaged` is false in ChooseRoles() (no mirror bonus, only
// states 0 and 1: each closer closes an earlier opener). In each family:
// - without kLone marks, the openers and closers must alternate, starting
//   with an opener and ending with a closer. Every mark then has a role
//   that costs strictly less than its other two, and these roles form a
//   valid path ending outside a quote (no kUnclosed): any other path
//   costs more, so the DP's minimum is unique and is this one, in which
//   RepairFamily() edits no mark;
// - with kLone marks, all marks must be "neither" (no openers or closers
//   of PartOf()). Another path has k > 0 openers and at most k closers;
//   only closers on kLone marks have a negative excess, -0.5. If every
//   kLone mark is kLoneStrong, each opener has an excess of at least 1.0
//   (kLoneStrong) or more (kNeither), so the path costs at least 0.5 k
//   more; if there is one kLone mark, either it opens (excess >= 0.5, the
//   closers are on kNeither marks, > 0) or the path opens on a kNeither
//   mark (excess >= 1.5) and closes at most once on it. Either way the
//   minimum is unique and is "neither" everywhere.
// Guillemets must be GuillemetUnchanged(). Any other paragraph gets false.
bool RepairQuotesUnchanged(std::string_view s, const QuoteContext& ctx) {
  const size_t n = s.size();
  bool open[2] = {false, false};    // double, single
  bool paired[2] = {false, false};  // has an opener or a closer
  int lone[2] = {0, 0};             // kLone marks
  bool weak[2] = {false, false};    // has a kLoneWeak mark
  for (size_t i = FindAnyOf4(s, 0, '"', '\'', 0xE2, 0xC2); i < n;
       i = FindAnyOf4(s, i + 1, '"', '\'', 0xE2, 0xC2)) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c;
    size_t len;
    if (b == '"' || b == '\'') {
      c = b;
      len = 1;
    } else {
      // A lead byte, so a code point of Decode(s) starts here.
      const unsigned char t1 = i + 1 < n ? static_cast<unsigned char>(s[i + 1]) : 0;
      const unsigned char t2 = i + 2 < n ? static_cast<unsigned char>(s[i + 2]) : 0;
      if (b == 0xC2 && (t1 == 0xAB || t1 == 0xBB)) {
        c = t1;  // « »
        len = 2;
      } else if (b == 0xE2 && t1 == 0x80 &&
                 ((t2 >= 0x98 && t2 <= 0x9F) || t2 == 0xB9 || t2 == 0xBA)) {
        c = 0x2000 + (t2 & 0x3F);  // E2 80 98..9F, B9, BA: U+2018..U+201F, ‹ ›
        len = 3;
      } else {
        continue;  // no quote mark
      }
    }
    char32_t prev;
    if (!CodePointBefore(s, i, &prev)) return false;
    const char32_t next = CodePointAt(s, i + len);
    i += len - 1;
    if (c == U'\u00AB' || c == U'\u00BB' || c == U'\u2039' || c == U'\u203A') {
      if (!GuillemetUnchanged(c, prev, next, ctx)) return false;
      continue;
    }
    const Family f = InFamily(c, Family::kDouble) ? Family::kDouble : Family::kSingle;
    if (InFamily(prev, f) || InFamily(next, f)) return false;
    const int k = f == Family::kDouble ? 0 : 1;
    switch (PartOf(c, prev, next, ctx)) {
      case Part::kNeither:
        break;
      case Part::kLoneWeak:
        weak[k] = true;
        ++lone[k];
        break;
      case Part::kLoneStrong:
        ++lone[k];
        break;
      case Part::kOpener:
        if (open[k]) return false;
        open[k] = paired[k] = true;
        break;
      case Part::kCloser:
        if (!open[k]) return false;
        open[k] = false;
        break;
      case Part::kUnknown:
        return false;  // „ ‚ ‟ ‛ among them
    }
  }
  for (int k = 0; k < 2; ++k) {
    if (open[k]) return false;
    if (lone[k] > 0 && (paired[k] || (weak[k] && lone[k] > 1))) return false;
  }
  return true;
}

}  // namespace

bool QuoteCounts::Add(std::string_view text) {
  // Byte level: every mark counted here is ASCII, E2 80 xx or C2 AB/BB.
  const size_t n = text.size();
  const size_t first = FindAnyOf4(text, 0, '"', '\'', 0xE2, 0xC2);
  // HasQuoteMark() looks for the same bytes.
  if (first >= n) return false;
  for (size_t i = first; i < n; i = FindAnyOf4(text, i + 1, '"', '\'', 0xE2, 0xC2)) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b == '"' || b == '\'') {
      ++ascii;
    } else if (b == 0xC2 && i + 1 < n) {
      unsigned char t = static_cast<unsigned char>(text[i + 1]);
      if (t == 0xAB) ++open_guillemet, ++typographic, ++guillemets;
      if (t == 0xBB) ++typographic, ++guillemets;
    } else if (b == 0xE2 && i + 2 < n && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      switch (static_cast<unsigned char>(text[i + 2])) {
        case 0x9C: ++open_english; ++typographic; break;  // “
        case 0x9E: ++open_low; ++typographic; break;      // „
        case 0x9A: ++single_low; ++typographic; break;    // ‚
        case 0x9D: ++close_english; ++typographic; break;  // ”
        case 0x98: case 0x99: case 0x9B: case 0x9F: case 0xB9: case 0xBA:
          ++typographic;
          break;
        default: break;
      }
    }
  }
  return true;
}

void DecideQuoteStyle(const QuoteCounts& counts, const LanguageQuotes* lang,
                      QuoteContext* ctx) {
  ctx->typographic = counts.typographic > counts.ascii;
  if (lang != nullptr) {
    ctx->french = lang->french_spacing;
    ctx->same_mark_closes = lang->double_open == lang->double_close;
  }
  int most = std::max({counts.open_english, counts.open_low, counts.open_guillemet});
  char32_t lang_open = lang != nullptr ? lang->double_open : U'\u201C';
  if (most == 0) {
    if (lang != nullptr) {
      ctx->double_open = lang->double_open;
      ctx->double_close = lang->double_close;
      ctx->single_open = lang->single_open;
      ctx->single_close = lang->single_close;
    }
    return;
  }
  if (counts.open_low == most) {
    ctx->double_open = U'\u201E';
    // „…“ (German, Czech) or „…” (Polish, Dutch, Hungarian, Romanian).
    ctx->double_close = lang != nullptr && lang_open == U'\u201E' ? lang->double_close : U'\u201C';
  } else if (counts.open_guillemet == most) {
    ctx->double_open = U'\u00AB';
    ctx->double_close = U'\u00BB';
  } else {
    ctx->double_open = U'\u201C';
    ctx->double_close = U'\u201D';
  }
  if (counts.single_low > 0) {
    ctx->single_open = U'\u201A';
    ctx->single_close = U'\u2018';
  }
}

std::string RepairQuotes(std::string_view paragraph, const QuoteContext& ctx,
                         std::vector<RepairChange>* changes) {
  if (RepairQuotesUnchanged(paragraph, ctx)) return std::string(paragraph);
  return RepairQuotesMayChange(paragraph, ctx, changes);
}

std::string RepairQuotesMayChange(std::string_view paragraph, const QuoteContext& ctx,
                                  std::vector<RepairChange>* changes) {
  // Per-thread buffers: decoding and the mark list cost no allocation (and
  // punctuation repair of the same line reuses the decoding).
  const CodePoints& d = DecodeShared(paragraph);
  static thread_local std::vector<size_t> quotes;
  quotes.clear();
  bool guillemets = false;
  // Every mark starts with ' " E2 (U+2018..U+201F, U+2039, U+203A) or C2
  // (« »): those bytes are found eight at a time, and the code point that
  // starts at one, if any, is found among the offsets.
  const size_t size = paragraph.size();
  for (size_t b = FindAnyOf4(paragraph, 0, '"', '\'', 0xE2, 0xC2); b < size;
       b = FindAnyOf4(paragraph, b + 1, '"', '\'', 0xE2, 0xC2)) {
    const size_t i = static_cast<size_t>(
        std::lower_bound(d.offset.begin(), d.offset.end() - 1, b) - d.offset.begin());
    if (i >= d.size() || d.offset[i] != b) continue;  // inside an ill-formed sequence
    const char32_t c = d.cp[i];
    if (c == '"' || c == '\'' || (c >= U'\u2018' && c <= U'\u201F')) quotes.push_back(i);
    guillemets = guillemets || c == U'\u00AB' || c == U'\u00BB' || c == U'\u2039' || c == U'\u203A';
  }
  std::vector<Edit> edits;
  RepairFamily(d, quotes, Family::kDouble, ctx, &edits);
  RepairFamily(d, quotes, Family::kSingle, ctx, &edits);
  // Guillemets change nothing in a paragraph that has none.
  if (guillemets) RepairGuillemets(d, ctx, &edits);
  return ApplyEdits(paragraph, std::move(edits), changes);
}

bool QuotesMayChange(std::string_view paragraph, const QuoteContext& ctx) {
  return !RepairQuotesUnchanged(paragraph, ctx);
}

}  // namespace cleaner
