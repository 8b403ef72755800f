// URL input: pages fetched with libcurl's multi interface, many at a time,
// handed on in input order.
#ifndef CLEANER_STAGES_URL_SOURCE_H_
#define CLEANER_STAGES_URL_SOURCE_H_

#include <functional>
#include <string>
#include <string_view>

#include "cleaner/cleaner.h"
#include "cleaner/status.h"

namespace cleaner {

struct FetchOptions {
  // Transfers at once, over all hosts. 8: enough to hide latency for a
  // 2-core cleaner, few enough not to look like an attack.
  int concurrency = 8;
  // Minimum time between the starts of two requests to the same host
  // (politeness). 0: no delay.
  long per_host_delay_ms = 0;
  long connect_timeout_ms = 10000;  // 10 s: a live server answers a SYN far sooner
  long timeout_ms = 60000;          // 60 s for the whole transfer, slow pages included
  // Further attempts after a timeout, a connection failure, a 5xx or a 429.
  int retries = 2;
  // First backoff; doubles with each retry. A Retry-After header (seconds)
  // replaces it, capped at max_retry_after_ms and at timeout_ms.
  long backoff_ms = 1000;
  long max_retry_after_ms = 60000;
  int max_redirects = 5;
  // Body limit, checked while the body streams in, after decompression.
  size_t max_body_bytes = 64u << 20;
  std::string user_agent = "cleaner/0.1";
  // Allow file:// URLs (never reachable through a redirect).
  bool allow_file_urls = false;
};

// True if `arg` is a URL to fetch: it starts with http:// or https://
// (or file:// — whether allowed is checked when fetching).
bool IsUrl(std::string_view arg);

// One fetched page, or the failure to fetch it.
struct FetchResult {
  std::string requested_url;
  // On success: bytes, content_type, charset, url (final, after redirects),
  // http_status, name (= requested URL), source "url".
  RawDocument raw;
  // IoError naming the reason (timeout, DNS, "HTTP 404", body too large,
  // bad content encoding, scheme not allowed). An HTTP status >= 400 is an
  // error; raw.http_status still says which.
  Status error;
};

// Fetches every URL that `next_url` yields (it returns false when there are
// no more), calling `emit` with each result in the order the URLs came,
// while up to options.concurrency transfers run. `emit` returns false to
// stop early. Memory is bounded by the transfers in flight plus the
// finished results waiting for an earlier one. Returns Unimplemented when
// built without libcurl, InvalidArgument for bad options.
Status FetchUrls(const FetchOptions& options, const std::function<bool(std::string*)>& next_url,
                 const std::function<bool(FetchResult&&)>& emit);

}  // namespace cleaner

#endif  // CLEANER_STAGES_URL_SOURCE_H_
