// The stage interface. After decoding, a document flows through the pipeline
// as a sequence of Blocks pushed into a chain of BlockSinks (ripgrep's Sink,
// lexbor's begin/chunk/end): extract/segment -> filter -> repair -> normalize
// -> writer. Each stage receives the blocks of one document in order, may
// rewrite, drop or buffer them, and forwards what it keeps to the next sink.
#ifndef CLEANER_BLOCK_H_
#define CLEANER_BLOCK_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/stats.h"
#include "cleaner/status.h"

namespace cleaner {

// What a block is in the document's structure. Scraped text only produces
// kParagraph; the HTML extractor produces all kinds.
enum class BlockKind : uint8_t {
  kParagraph,
  kHeading,       // level in Block::level (1..6)
  kListItem,      // nesting depth in Block::level (1 = top level), Block::ordered
  kPreformatted,  // <pre>/<code>: text kept verbatim (inner spaces, tabs, blank lines)
  kTable,         // one row per line, cells separated by '\t'; the first row is the header
  kQuote,         // <blockquote>
};

// Returns "paragraph", "heading", ... (for --explain and JSON output).
const char* BlockKindName(BlockKind kind);

// A link or an image the HTML extractor found in a block, kept for Markdown
// (--links, --images; ExtractOptions::links and ::images). Later stages
// may rewrite the block's text; a link whose text is no longer found in it
// is not written.
struct InlineLink {
  std::string text;    // a link's text as extracted, or an image's alt text
  std::string target;  // href or src, absolute when the page's URL is known
  bool image = false;
  bool leading = false;  // an image met before any text of its block
};

// One unit of text: a paragraph, heading, list item, table, ...
// INVARIANT: `text` is valid UTF-8. It holds no '\n' except in kPreformatted
// and kTable blocks and where the source had an explicit line break (<br>),
// and no '\t' except in those two kinds.
struct Block {
  // Fields ordered for size (72 bytes): a document of a million short lines
  // holds a million blocks while the filter judges them.
  std::string text;
  // Links and images in document order (see InlineLink); empty unless asked for.
  std::vector<InlineLink> links;
  // Position of the block in the extractor's output, from 0. Stages keep it
  // when they rewrite a block so that --explain can name the block.
  int index = 0;
  // Evidence the HTML extractor attaches for later stages; scraped text
  // leaves the defaults. Share of the text that is navigation link text, in
  // [0, 1]: text in a link around blocks (a listing's card: a title and its
  // details) is not counted.
  float link_density = 0.0f;
  int level = 0;  // heading level; list nesting depth (1..) of a list item; 0 otherwise
  BlockKind kind = BlockKind::kParagraph;
  bool ordered = false;  // a list item of a numbered list (<ol>)
  // Part of the cards (a listing's items) or an index's link lists that the
  // HTML extractor's selection kept as content: the filter does not drop it
  // for its place or as a menu item (a rule's hit still does).
  bool card = false;
};
static_assert(sizeof(void*) != 8 || sizeof(Block) <= 72, "Block grew: see its field order");

// What is known about a document besides its text. Stages fill it in as
// they learn (decode: charset; extract: title, language; filter: byline,
// date, removed-line counts). Empty string = unknown.
struct Metadata {
  std::string id;           // the document's name: path, URL, record id
  std::string source;       // "file", "stdin", "url", "warc", "jsonl"
  std::string url;
  std::string canonical_url;
  std::string title;
  std::string author;
  std::string date;           // published; ISO 8601 (YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]]) when
                              // it could be read, else as the page gave it
  std::string date_modified;  // likewise
  std::string host;           // host name of canonical_url, else of url (lower case)
  std::string site_name;
  std::string language;        // BCP 47: "en", or "en-US" when the page names the region
  std::string description;
  std::vector<std::string> categories;  // sections the page files itself under
  std::vector<std::string> tags;        // its tags and keywords
  std::string license;                  // the license URL it declares (absolute when it can be)
  std::string page_type;       // HTML: article, forum, product, collection, listing, service, documentation
  std::string charset;         // the encoding the bytes were decoded from
  std::string charset_source;  // "bom", "transport", "meta", "utf8-valid", ...
  std::string format;          // "text" or "html"
  int http_status = 0;
  std::string warc_record_id;
  std::string warc_date;
  // Number of blocks removed by the filter stage, by category.
  std::map<std::string, int> removed_by_category;
  // Why the whole document was dropped (an error page, a cookie wall);
  // empty when it was not.
  std::string drop_reason;
};

// One decision a stage made, for --explain. Stages that drop, change or
// learn something report it; the Reporter decides whether to print it.
struct ExplainEvent {
  enum class Action { kDrop, kChange, kMetadata, kInfo };
  const char* stage = "";  // "decode", "extract", "filter", "repair", ...
  Action action = Action::kInfo;
  int block = -1;          // Block::index, or -1 for the whole document
  std::string rule;        // "filters/<file>:<line>" or a heuristic's name
  std::string category;    // e.g. "share", "comment-form", "quote-pairing"
  std::string before;      // the dropped text, or the snippet before a change
  std::string after;       // the snippet after a change, a metadata value, or a drop's score
  // A block the extract stage dropped never gets a Block::index; this says
  // where it stood: the number of blocks the extractor passed on before it
  // (it came just before the block whose index equals this). -1 for events
  // of other stages and of the whole document.
  int position = -1;
};

// Receives explain events. Implementations must not throw. A Reporter is used
// by one document at a time unless its implementation says otherwise.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void Report(const ExplainEvent& event) = 0;
};

// What a stage knows about the document it is processing.
// `metadata` and `stats` are owned by the pipeline, never null, and stay valid until EndDocument()
// returns; stages may write to them. `reporter` may be null.
class Deadline;  // cleaner/util/deadline.h

struct DocumentInfo {
  Metadata* metadata = nullptr;
  Stats* stats = nullptr;
  Reporter* reporter = nullptr;
  // The document's time budget (may be null): loops whose cost grows with
  // the input check DeadlinePassed(deadline) and give up with
  // deadline->Error(stage).
  Deadline* deadline = nullptr;
};

// Blocks judged together: a document of more blocks is filtered and
// repaired in windows of this many blocks, in order (the pipeline's head
// calls EndWindow() when the block after a full window comes). Decisions
// that look at the whole document (repetition, zones, the quote style) then
// look at one window, and no window is dropped as an error page; no page of
// the benchmarks comes near this size, and the per-block state of a window
// (about 500 bytes a block) stays a few megabytes whatever the document's
// size (README, "Limits on hostile input").
inline constexpr size_t kWindowBlocks = 1 << 14;

// A stage, or the final writer. The driver calls BeginDocument() once, then
// Push() for every block in document order, then EndDocument() once. A stage
// that buffers (to look at the whole document) must push everything it keeps
// to the next sink, in order, before its own EndDocument() calls the next
// sink's EndDocument(). A sink is used by one thread at a time.
class BlockSink {
 public:
  virtual ~BlockSink() = default;
  virtual Status BeginDocument(const DocumentInfo& doc) = 0;
  virtual Status Push(Block block) = 0;
  // A hint before the pushes: at most `blocks` blocks follow. A stage that
  // buffers the document sizes its buffer once instead of growing it (on a
  // page of a million tiny paragraphs the copies and page faults of growth
  // cost more time than the judging). Capacity never filled is never
  // touched, so an overestimate costs address space, not memory.
  virtual void Reserve(size_t blocks) { (void)blocks; }
  // Pushes every block of `blocks` in order and leaves it empty with its
  // memory released. A stage that buffers the whole document overrides it
  // to take the vector as it is, so that a document's blocks are never held
  // twice (a million one-word lines are a million 72-byte blocks).
  virtual Status PushAll(std::vector<Block>* blocks) {
    for (Block& b : *blocks) CLEANER_RETURN_IF_ERROR(Push(std::move(b)));
    std::vector<Block>().swap(*blocks);
    return Status::OK();
  }
  virtual Status EndDocument() = 0;
  // Ends a window of a long document (kWindowBlocks): a stage that buffers
  // judges the blocks it holds as a document of their own, pushes what it
  // keeps and passes the call on, so that a document of millions of short
  // lines is held a window at a time. A stage that passes blocks on without
  // buffering passes the call on; the writers, which buffer nothing, keep
  // this default.
  virtual Status EndWindow() { return Status::OK(); }

 protected:
  // For a buffering stage's PushAll(): takes `blocks` as its own `buffer`
  // when that holds nothing yet (no copy); else appends them one by one.
  Status TakeAll(std::vector<Block>* buffer, std::vector<Block>* blocks) {
    if (!buffer->empty()) return BlockSink::PushAll(blocks);
    buffer->swap(*blocks);
    std::vector<Block>().swap(*blocks);
    return Status::OK();
  }
};

// Reports `event` to `doc.reporter` if there is one.
inline void Explain(const DocumentInfo& doc, const ExplainEvent& event) {
  if (doc.reporter != nullptr) doc.reporter->Report(event);
}

// Reports a decision about the whole document (block -1) with no "before"
// text: a limit applied, a charset or language found.
inline void ExplainDocument(const DocumentInfo& doc, const char* stage, ExplainEvent::Action action,
                            std::string rule, std::string category, std::string after) {
  if (doc.reporter == nullptr) return;
  ExplainEvent e;
  e.stage = stage;
  e.action = action;
  e.rule = std::move(rule);
  e.category = std::move(category);
  e.after = std::move(after);
  doc.reporter->Report(e);
}

}  // namespace cleaner

#endif  // CLEANER_BLOCK_H_
