// Stage 2a, extract. See extract_html.h.
// PLACEHOLDER: emits all visible text, one block per block-level element,
// until main-content selection lands.
#include "cleaner/stages/extract_html.h"

#include <gumbo.h>

#include <string>
#include <vector>

namespace cleaner {

struct ExtractRules::Rep {};

ExtractRules::ExtractRules(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
ExtractRules::~ExtractRules() = default;

Status ExtractRules::Compile(const std::vector<RuleFile>&, std::unique_ptr<const ExtractRules>* out) {
  out->reset(new ExtractRules(std::make_unique<Rep>()));
  return Status::OK();
}

namespace {

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
    case GUMBO_TAG_BODY: case GUMBO_TAG_BR: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

struct Walker {
  std::vector<Block> blocks;
  std::string cur;
  void Flush() {
    if (cur.find_first_not_of(" \t\n\r") != std::string::npos) {
      Block b;
      b.text = cur;
      b.index = static_cast<int>(blocks.size());
      blocks.push_back(std::move(b));
    }
    cur.clear();
  }
  void Walk(const GumboNode* root) {
    // Iterative, so that deep nesting cannot overflow the stack.
    std::vector<std::pair<const GumboNode*, size_t>> stack{{root, 0}};
    while (!stack.empty()) {
      auto& [node, child] = stack.back();
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        cur += node->v.text.text;
        stack.pop_back();
        continue;
      }
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
        stack.pop_back();
        continue;
      }
      const GumboVector* children =
          node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
      GumboTag tag = node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
      if (child == 0) {
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
            tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD) {
          stack.pop_back();
          continue;
        }
        if (IsBlockTag(tag)) Flush();
      }
      if (child < children->length) {
        const GumboNode* next = static_cast<const GumboNode*>(children->data[child]);
        ++child;
        stack.push_back({next, 0});
        continue;
      }
      if (IsBlockTag(tag)) Flush();
      stack.pop_back();
    }
    Flush();
  }
};

}  // namespace

Status ExtractHtml(std::string_view html, const ExtractRules&, const ExtractOptions&,
                   const LimitOptions&, const DocumentInfo& doc, BlockSink* out) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  Walker w;
  w.Walk(output->document);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  for (Block& b : w.blocks) {
    ++doc.stats->blocks_in;
    CLEANER_RETURN_IF_ERROR(out->Push(std::move(b)));
  }
  return Status::OK();
}

}  // namespace cleaner
