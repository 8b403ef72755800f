// Stage 2a, extract: the walk (internal to cleaner/extract/). One iterative
// pass over Gumbo's DOM (an explicit stack, so that deep nesting cannot
// overflow the call stack) turns the page into raw blocks with correct
// inline spacing, skipping what is never text (script, style, forms'
// controls, hidden elements), and records every block-level element in
// preorder with the verdict of the rules of filters/extract_classes.txt
// (tag, role, itemprop, class and id tokens) and its range of blocks: the
// page model of html_model.h. The page's metadata is read on the way
// (metadata.h).
#ifndef CLEANER_EXTRACT_WALK_H_
#define CLEANER_EXTRACT_WALK_H_

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "cleaner/block.h"
#include "cleaner/extract/extract_html.h"
#include "cleaner/extract/html_model.h"
#include "cleaner/extract/metadata.h"

namespace cleaner::extract_internal {

// Walks one page: Walk() fills `elems`, `blocks` and `meta`. `rules` must
// outlive the Walker; the walked DOM need not (nothing points into it once
// Walk() returns). `apply_rules` false: no class, id, tag, role or itemprop
// rule is read (all visible text stays). One Walker per page; not
// thread-safe.
class Walker {
 public:
  Walker(const ExtractRules::Rep& rules, bool apply_rules)
      : rules_(rules), apply_rules_(apply_rules) {}

  // Walks the tree under `root` (a document or an element node), appending
  // the elements it records to `elems` and the blocks it flushes to
  // `blocks`; stops early once `deadline` has passed.
  void Walk(const GumboNode* root);

  // Block-level elements recorded for scoring (about 70 bytes each): past
  // LimitOptions::max_html_elements, further elements are walked as inline
  // (their text is kept, unscored).
  size_t max_elements = 4u << 20;
  bool elements_capped = false;  // max_elements was reached
  Deadline* deadline = nullptr;  // the walk stops once it has expired
  // --links / --images: carry each block's links and images (RawBlock::links).
  bool keep_links = false, keep_images = false;
  std::vector<Elem> elems;
  std::vector<RawBlock> blocks;
  MetaCandidates meta;

 private:
  struct Frame {
    const GumboNode* node;
    unsigned child;
    int elem;        // recorded element, or -1
    uint16_t marks;  // which context counters this element raised
    int capture;     // start of an author capture in cur_, or -1
  };
  enum Mark : uint16_t {
    kMarkLink = 1,
    kMarkPre = 2,
    kMarkQuote = 4,
    kMarkHeading = 8,
    kMarkList = 16,
    kMarkTable = 32,
    kMarkRow = 64,
    kMarkCell = 128,
    kMarkBlock = 256,
    kMarkCaption = 512,
    kMarkListKind = 1024,
    kMarkCard = 2048,
  };

  // What the attributes of an element say.
  struct AttrInfo {
    bool hidden = false;
    bool modal = false;  // aria-modal="true"
    Verdict verdict = kNone;
    const TokenRule* rule = nullptr;
    int weight = 0;
    bool author = false;
    bool keep = false;            // a keep rule matched: no drop for this element
    bool inline_wrapper = false;  // an inline element walked as a block
  };

  // walk.cc: the walk's steps: an element entered (true when its children
  // are to be walked; `nf` gets its marks), by its class, and left.
  bool Enter(const GumboNode* node, Frame* nf);
  bool EnterSkipped(const GumboElement& e);
  void EnterBlock(const GumboNode* node, AttrInfo* info, Frame* nf);
  bool EnterInline(const GumboNode* node, const AttrInfo& info, Frame* nf);
  void Leave(const Frame& f);
  // A <noframes> element's content is raw text to the parser, markup
  // included; frameset pages keep their text there. Parsed (bounded like
  // the page) and walked in place, one level deep.
  void WalkNoframes(const GumboElement& e);
  bool IsDataTable(const GumboNode* table) const;

  // walk_attributes.cc: what an element's attributes say.
  void ReadAttributes(const GumboElement& e, AttrInfo* info);
  // The ids an aria-controls attribute names: the panels a control opens.
  void NoteControlled(std::string_view ids);
  void MatchClassList(std::string_view list, AttrInfo* info);
  void MatchName(std::string_view name, AttrInfo* info);
  void Apply(const TokenRule* r, AttrInfo* info);

  // walk_text.cc: the text of the block being built.
  void AppendText(std::string_view text);
  void AppendRaw(std::string_view text);  // verbatim (pre)
  void Break();
  void CellSeparator();
  void Flush();
  // --links / --images: a link's text and href once it closes, an image's
  // alt and src where it stands.
  void OpenLink(const GumboElement& a);
  void CloseLink();
  void ReadImage(const GumboElement& img);

  // metadata.cc: the page's metadata, into `meta`.
  void ReadMeta(const GumboElement& e);
  // An <a rel="tag">, rel="category tag" or rel="license": read before any
  // rule can drop it (tag lists sit in page furniture).
  void ReadRelLink(const GumboElement& a);
  void ReadJsonLd(const GumboElement& script);

  int Owner() const { return owner_stack_.empty() ? -1 : owner_stack_.back(); }

  const ExtractRules::Rep& rules_;
  bool apply_rules_;
  bool in_noframes_ = false;
  static constexpr size_t kMaxControlled = 4096, kMaxControlledId = 256;
  std::unordered_set<std::string> controlled_;
  std::string cur_;
  bool pending_space_ = false;
  int cur_chars_ = 0, cur_links_ = 0, cur_cards_ = 0, cur_commas_ = 0, cur_stops_ = 0;
  // Title links: cur_links_ when the outermost link opened (-1: none open),
  // and the characters of the block's closed links long enough to be a title.
  int link_open_at_ = -1, cur_titles_ = 0;
  int card_depth_ = 0;  // inside a link around blocks (a card: title, excerpt)
  int link_depth_ = 0, pre_depth_ = 0, quote_depth_ = 0, list_depth_ = 0;
  int heading_ = 0, table_depth_ = 0, cells_in_row_ = 0;
  bool cell_start_ = false;         // nothing written in this table cell yet
  std::vector<bool> list_ordered_;  // open <ol> (true) and <ul> (false), innermost last
  bool cjk_lead_ = false;           // the last character began with E3 or EF
  std::vector<int> owner_stack_;
  std::string scratch_;
  struct OpenAnchor {
    size_t at;      // its start in cur_
    size_t blocks;  // blocks.size() then: a link around blocks is a card, not a link
    std::string href;
  };
  std::vector<OpenAnchor> anchors_;
  std::vector<InlineLink> cur_inline_;  // links and images of the block being built
};

}  // namespace cleaner::extract_internal

#endif  // CLEANER_EXTRACT_WALK_H_
