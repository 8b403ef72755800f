// Every input as one ordered stream of records: files, folders, URLs, WARC
// and JSON Lines files, standard input.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "cleaner/source/jsonl_source.h"
#include "cleaner/source/source.h"
#include "cleaner/util/ascii.h"
#include "cleaner/util/gzip.h"

namespace cleaner {

namespace {

// A JSON line may hold a document of max_document_bytes escaped: escaping
// at most doubles typical text (\uXXXX for controls is rarer), plus room
// for the other fields.
size_t MaxJsonLine(size_t max_document_bytes) { return max_document_bytes * 2 + (1 << 20); }

// "a/crawl.warc.txt" -> "a/crawl/": the folder for a container's records.
std::string ContainerFolder(std::string relpath) {
  if (EndsWith(relpath, ".txt")) relpath.resize(relpath.size() - 4);
  for (std::string_view ext : {".warc", ".jsonl", ".ndjson", ".json"}) {
    if (EndsWith(relpath, ext)) {
      relpath.resize(relpath.size() - ext.size());
      break;
    }
  }
  if (relpath.empty()) relpath = "input";
  return relpath + "/";
}

uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

class CorpusReader {
 public:
  CorpusReader(const CorpusReadOptions& options, const std::function<bool(SourceRecord&&)>& emit)
      : o_(options), emit_(emit) {}

  // Each returns false when emit asked to stop.
  bool ReadItem(const InputItem& item);
  bool ReadUrls(const std::function<bool(std::string*)>& next_url, Status* fatal);

 private:
  // Numbers the next record; true if it belongs to this shard.
  bool Mine() { return ordinal_++ % o_.shard_count == o_.shard_index; }
  bool Emit(SourceRecord&& rec) {
    rec.ordinal = ordinal_ - 1;
    return emit_(std::move(rec));
  }
  // `relpath`: where the document's -o output goes, when known (so that
  // --check does not call the output of an input that failed stale).
  bool EmitError(const std::string& name, const std::string& container, Status error,
                 const std::string& relpath = "") {
    SourceRecord rec;
    rec.kind = SourceRecord::Kind::kError;
    rec.raw.name = name;
    rec.container = container;
    rec.output_relpath = relpath;
    rec.error = std::move(error);
    return Emit(std::move(rec));
  }
  bool ReadJsonl(ByteReader* in, const std::string& name, const std::string& folder);
  bool ReadWarc(ByteReader* in, const std::string& name, const std::string& folder);

  const CorpusReadOptions& o_;
  const std::function<bool(SourceRecord&&)>& emit_;
  uint64_t ordinal_ = 0;
};

bool CorpusReader::ReadItem(const InputItem& item) {
  std::string name = item.path == "-" ? "<stdin>" : item.path;
  if (!item.error.ok()) return !Mine() || EmitError(item.path, "", item.error);
  std::unique_ptr<ByteReader> in;
  Status st = ByteReader::Open(item.path, &in);
  if (!st.ok()) return !Mine() || EmitError(item.path, "", st, item.output_relpath);
  ContainerHint kind = o_.container;
  if (kind == ContainerHint::kAuto) {
    if (LooksLikeWarc(in->Peek(64))) {
      kind = ContainerHint::kWarc;
    } else if (HasJsonlExtension(item.path)) {
      kind = ContainerHint::kJsonl;
    }
  }
  std::string folder = ContainerFolder(item.path == "-" ? "stdin" : item.output_relpath);
  if (kind == ContainerHint::kJsonl) return ReadJsonl(in.get(), name, folder);
  if (kind == ContainerHint::kWarc) return ReadWarc(in.get(), name, folder);
  if (!Mine()) return true;
  SourceRecord rec;
  rec.raw.name = name;
  rec.raw.source = item.path == "-" ? "stdin" : "file";
  rec.output_relpath = item.output_relpath;
  size_t max = o_.max_document_bytes;
  in->Read(max + 1, &rec.raw.bytes);
  rec.bytes_read = rec.raw.bytes.size();
  Status damage = in->TakeError();
  if (!damage.ok()) return EmitError(item.path, "", damage, item.output_relpath);
  if (rec.raw.bytes.size() > max) {
    return EmitError(item.path, "",
                     Status::ResourceExhausted("document larger than " + std::to_string(max) +
                                               " bytes (--max-bytes)"),
                     item.output_relpath);
  }
  return Emit(std::move(rec));
}

bool CorpusReader::ReadJsonl(ByteReader* in, const std::string& name, const std::string& folder) {
  std::string line;
  bool too_long = false;
  int line_number = 0;
  size_t max = MaxJsonLine(o_.max_document_bytes);
  while (in->ReadLine(&line, max, &too_long)) {
    ++line_number;
    Status damage = in->TakeError();
    if (line.find_first_not_of(" \t\r") == std::string::npos && !too_long) {
      if (!damage.ok() && Mine() && !EmitError(name + ":" + std::to_string(line_number), name, damage))
        return false;
      continue;  // blank lines are not records
    }
    if (!Mine()) continue;
    std::string id = name + ":" + std::to_string(line_number);
    if (!damage.ok()) {
      if (!EmitError(id, name, damage)) return false;
      continue;
    }
    if (too_long) {
      if (!EmitError(id, name,
                     Status::ResourceExhausted("JSON line longer than " + std::to_string(max) +
                                               " bytes (--max-bytes)")))
        return false;
      continue;
    }
    SourceRecord rec;
    rec.kind = SourceRecord::Kind::kJsonLine;
    rec.raw.name = id;
    rec.raw.source = "jsonl";
    rec.line = std::move(line);
    rec.line_number = line_number;
    rec.container = name;
    rec.output_relpath = folder;
    rec.bytes_read = rec.line.size() + 1;
    if (!Emit(std::move(rec))) return false;
  }
  Status damage = in->TakeError();
  if (!damage.ok() && Mine()) return EmitError(name, name, damage);
  return true;
}

bool CorpusReader::ReadWarc(ByteReader* in, const std::string& name, const std::string& folder) {
  // A record's block may hold a whole page plus its HTTP head; 1 MiB of
  // room for heads keeps a page at the limit readable.
  WarcReader reader(in, o_.max_document_bytes + (1 << 20));
  WarcRecord warc;
  bool any = false;
  while (reader.Next(&warc)) {
    any = true;
    if (!Mine()) continue;
    SourceRecord rec;
    rec.kind = SourceRecord::Kind::kWarcRecord;
    rec.raw.name = name + "#" + std::to_string(warc.ordinal);
    rec.raw.source = "warc";
    rec.bytes_read = warc.block.size();
    for (const auto& [field, value] : warc.headers) {
      rec.bytes_read += field.size() + value.size() + 4;  // "Name: value\r\n"
    }
    rec.warc = std::move(warc);
    rec.container = name;
    rec.output_relpath = folder;
    if (!Emit(std::move(rec))) return false;
  }
  if (!any && in->raw_bytes() > 0 && Mine()) {
    // --input-format warc on something else: say so rather than yield nothing.
    return EmitError(name, name, Status::Corruption("no WARC record found (not a WARC file?)"));
  }
  return true;
}

bool CorpusReader::ReadUrls(const std::function<bool(std::string*)>& next_url, Status* fatal) {
  // Only this shard's URLs are fetched.
  auto mine = [&](std::string* url) {
    while (next_url(url)) {
      if (Mine()) return true;
    }
    return false;
  };
  bool go_on = true;
  *fatal = FetchUrls(o_.fetch, mine, [&](FetchResult&& r) {
    SourceRecord rec;
    rec.raw = std::move(r.raw);
    rec.raw.name = r.requested_url;
    rec.output_relpath = SafeFileName(r.requested_url) + ".txt";
    rec.bytes_read = rec.raw.bytes.size();
    if (!r.error.ok()) {
      rec.kind = SourceRecord::Kind::kError;
      rec.error = std::move(r.error);
      rec.raw.bytes.clear();
    }
    go_on = emit_(std::move(rec));
    return go_on;
  });
  return go_on;
}

// --shard-by file: reads only this shard's files, whole, in input order.
Status ReadFileShard(const std::vector<std::string>& args, const CorpusReadOptions& options,
                     const std::function<bool(SourceRecord&&)>& emit) {
  std::vector<InputItem> items;
  for (const std::string& arg : args) {
    if (arg == "-" || IsUrl(arg)) {
      return Status::InvalidArgument("--shard-by file: '" + arg + "' is not a file or folder");
    }
    for (InputItem& item : ExpandInputs({arg})) items.push_back(std::move(item));
  }
  if (!options.url_files.empty()) {
    return Status::InvalidArgument("--shard-by file cannot shard --urls lists");
  }
  std::vector<std::string> paths;
  for (const InputItem& item : items) paths.push_back(item.path);
  CorpusReadOptions whole = options;  // every record of a file of ours is ours
  whole.shard_index = 0;
  whole.shard_count = 1;
  CorpusReader reader(whole, emit);
  for (size_t k : FilesOfShard(paths, options.shard_index, options.shard_count)) {
    if (!reader.ReadItem(items[k])) break;
  }
  return Status::OK();
}

}  // namespace

std::vector<size_t> FilesOfShard(const std::vector<std::string>& paths, uint32_t index,
                                 uint32_t count) {
  std::vector<size_t> order(paths.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return paths[a] < paths[b]; });
  std::vector<size_t> mine;
  for (size_t rank = index; count > 0 && rank < order.size(); rank += count) {
    mine.push_back(order[rank]);
  }
  std::sort(mine.begin(), mine.end());
  return mine;
}

std::string SafeFileName(std::string_view id) {
  std::string out;
  bool changed = false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (ok) {
      out += c;
    } else {
      changed = true;
      if (out.empty() || out.back() != '_') out += '_';
    }
  }
  if (!out.empty() && out[0] == '.') {
    out[0] = '_';
    changed = true;
  }
  // 120 bytes: far below NAME_MAX (255) even with the hash and ".txt".
  constexpr size_t kMaxName = 120;
  if (out.size() > kMaxName) {
    out.resize(kMaxName);
    changed = true;
  }
  if (out.empty()) changed = true;
  if (changed) {
    char hash[24];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(Fnv1a64(id)));
    out += (out.empty() ? "" : "-") + std::string(hash);
  }
  return out;
}

Status ReadCorpus(const std::vector<std::string>& args, const CorpusReadOptions& options,
                  const std::function<bool(SourceRecord&&)>& emit) {
  if (options.shard_count == 0 || options.shard_index >= options.shard_count) {
    return Status::InvalidArgument("shard index must be below the shard count");
  }
  if (options.shard_by_file) return ReadFileShard(args, options, emit);
  CorpusReader reader(options, emit);
  Status fatal;
  for (size_t i = 0; i < args.size();) {
    if (IsUrl(args[i])) {
      // Consecutive URL arguments are fetched together, concurrently.
      size_t j = i;
      auto next = [&](std::string* url) {
        if (j >= args.size() || !IsUrl(args[j])) return false;
        *url = args[j++];
        return true;
      };
      bool go_on = reader.ReadUrls(next, &fatal);
      if (!fatal.ok() || !go_on) return fatal;
      i = j;
      continue;
    }
    for (const InputItem& item : ExpandInputs({args[i]})) {
      if (!reader.ReadItem(item)) return Status::OK();
    }
    ++i;
  }
  for (const std::string& file : options.url_files) {
    std::unique_ptr<ByteReader> in;
    Status st = ByteReader::Open(file, &in);
    if (!st.ok()) return Status::IoError("--urls " + file + ": " + st.message());
    std::string line;
    bool too_long = false;
    auto next = [&](std::string* url) {
      while (in->ReadLine(&line, 1 << 16, &too_long)) {
        size_t a = line.find_first_not_of(" \t\r");
        if (a == std::string::npos || line[a] == '#') continue;
        size_t b = line.find_last_not_of(" \t\r");
        *url = line.substr(a, b - a + 1);
        return true;
      }
      return false;
    };
    bool go_on = reader.ReadUrls(next, &fatal);
    if (!fatal.ok() || !go_on) return fatal;
  }
  return Status::OK();
}

std::string UrlRelativePath(std::string_view url) {
  const size_t colon = url.find("://");
  if (colon == std::string_view::npos) return "";
  const std::string scheme = AsciiLower(url.substr(0, colon));
  if (scheme != "http" && scheme != "https") return "";
  std::string_view rest = url.substr(colon + 3);
  rest = rest.substr(0, rest.find('#'));
  const size_t path_at = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_at);
  authority.remove_prefix(authority.find('@') == std::string_view::npos ? 0
                                                                         : authority.find('@') + 1);
  if (authority.empty()) return "";
  std::string_view path = path_at == std::string_view::npos ? "" : rest.substr(path_at);
  std::string_view query;
  if (size_t q = path.find('?'); q != std::string_view::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }
  std::vector<std::string> parts = SplitNonEmpty(path, '/');
  // A folder's page ("/news/", "/") is its index.
  if (parts.empty() || path.back() == '/') parts.emplace_back("index");
  std::string& last = parts.back();
  for (const char* ext : {".html", ".htm"}) {
    const size_t n = std::strlen(ext);
    if (last.size() > n && EqualsIgnoreCase(std::string_view(last).substr(last.size() - n), ext)) {
      last.resize(last.size() - n);
      break;
    }
  }
  if (!query.empty()) last += "?" + std::string(query);
  // 16 levels at most (a path of thousands of segments would pass
  // PATH_MAX): the rest joins the last name.
  constexpr size_t kMaxDepth = 16;
  while (parts.size() > kMaxDepth) {
    parts[parts.size() - 2] += "/" + parts.back();
    parts.pop_back();
  }
  std::string out = SafeFileName(AsciiLower(authority));
  for (const std::string& p : parts) out += "/" + SafeFileName(p);
  return out;
}

}  // namespace cleaner
