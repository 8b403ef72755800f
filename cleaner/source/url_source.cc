// URL fetching with libcurl's multi interface.
#include "cleaner/source/url_source.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#ifdef CLEANER_WITH_CURL
#include <curl/curl.h>
#endif

namespace cleaner {

bool IsUrl(std::string_view arg) {
  for (std::string_view scheme : {"http://", "https://", "file://"}) {
    if (arg.size() > scheme.size()) {
      bool match = true;
      for (size_t i = 0; i < scheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(arg[i])) != scheme[i]) {
          match = false;
          break;
        }
      }
      if (match) return true;
    }
  }
  return false;
}

#ifndef CLEANER_WITH_CURL

Status FetchUrls(const FetchOptions&, const std::function<bool(std::string*)>&,
                 const std::function<bool(FetchResult&&)>&) {
  return Status::Unimplemented("URL input needs libcurl (built with CLEANER_WITH_CURL=OFF)");
}

#else

namespace {

using Clock = std::chrono::steady_clock;

long NowMs() {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                               Clock::now().time_since_epoch())
                               .count());
}

// The host part of a URL ("http://user@Host:80/x" -> "host"), for
// politeness; "" for file URLs.
std::string HostOf(std::string_view url) {
  size_t start = url.find("://");
  if (start == std::string_view::npos) return "";
  start += 3;
  size_t end = url.find_first_of("/?#", start);
  std::string_view authority = url.substr(start, end == std::string_view::npos ? end : end - start);
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string host;
  for (char c : authority) host += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host;
}

bool IsHttp(std::string_view url) {
  std::string head;
  for (char c : url.substr(0, 8)) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

struct Transfer {
  size_t index = 0;
  std::string url;
  std::string host;
  int attempt = 0;
  long not_before_ms = 0;
  CURL* easy = nullptr;
  std::string body;
  size_t max_body = 0;
  bool too_large = false;
  bool done = false;
  char errbuf[CURL_ERROR_SIZE] = {0};
  FetchResult result;
  ~Transfer() {
    if (easy != nullptr) curl_easy_cleanup(easy);
  }
};

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  Transfer* t = static_cast<Transfer*>(user);
  size_t bytes = size * n;
  if (t->body.size() + bytes > t->max_body) {
    t->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->body.append(data, bytes);
  return bytes;
}

bool Retryable(CURLcode code, long status) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
      return true;
    case CURLE_OK:
      return status == 429 || (status >= 500 && status <= 599);
    default:
      return false;
  }
}

// A short name for a libcurl failure, first in the message so that the
// run's summary can count failures by kind.
std::string FailureKind(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return "timeout";
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return "host not found";
    case CURLE_COULDNT_CONNECT: return "connection failed";
    case CURLE_BAD_CONTENT_ENCODING: return "bad content encoding";
    case CURLE_UNSUPPORTED_PROTOCOL: return "scheme not allowed";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION: return "TLS failed";
    default: return "fetch failed";
  }
}

Status SetUp(const FetchOptions& o, Transfer* t) {
  if (t->easy != nullptr) curl_easy_cleanup(t->easy);
  t->easy = curl_easy_init();
  if (t->easy == nullptr) return Status::IoError("libcurl could not create a transfer");
  t->body.clear();
  t->too_large = false;
  t->errbuf[0] = '\0';
  CURL* e = t->easy;
  curl_easy_setopt(e, CURLOPT_URL, t->url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, t);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(o.max_redirects));
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, o.allow_file_urls ? "http,https,file" : "http,https");
  // A redirect never leaves http(s): a page must not point us at file://.
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, o.timeout_ms);
  curl_easy_setopt(e, CURLOPT_USERAGENT, o.user_agent.c_str());
  // "": every encoding this libcurl can decode (gzip, deflate, br, zstd);
  // the body callback sees decoded bytes, so the size limit applies after
  // decompression.
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
  // The declared size, when there is one, is refused before any byte.
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_body_bytes));
  return Status::OK();
}

}  // namespace

Status FetchUrls(const FetchOptions& o, const std::function<bool(std::string*)>& next_url,
                 const std::function<bool(FetchResult&&)>& emit) {
  if (o.concurrency < 1) return Status::InvalidArgument("concurrency must be at least 1");
  static std::once_flag init_once;
  std::call_once(init_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURLM, decltype(&curl_multi_cleanup)> multi(curl_multi_init(),
                                                              &curl_multi_cleanup);
  if (!multi) return Status::IoError("libcurl could not start");

  // Every URL taken but not yet emitted, by index. Its size is capped so
  // that one slow page holds back at most this many finished ones.
  const size_t window = static_cast<size_t>(o.concurrency) * 4 + 16;
  std::map<size_t, std::unique_ptr<Transfer>> open;
  std::deque<Transfer*> waiting;  // not started (new, or retry scheduled)
  std::map<std::string, long> host_next_start;
  size_t next_index = 0, next_emit = 0;
  int running = 0;
  bool more = true;
  Status status;

  auto finish = [&](Transfer* t, Status error) {
    t->result.requested_url = t->url;
    t->result.error = std::move(error);
    t->done = true;
  };

  while (true) {
    // Take URLs while the window has room.
    while (more && open.size() < window) {
      std::string url;
      if (!next_url(&url)) {
        more = false;
        break;
      }
      auto t = std::make_unique<Transfer>();
      t->index = next_index++;
      t->url = url;
      t->host = HostOf(url);
      t->max_body = o.max_body_bytes;
      t->result.raw.name = url;
      t->result.raw.source = "url";
      t->result.raw.url = url;
      if (!o.allow_file_urls && !IsHttp(url)) {
        finish(t.get(), Status::InvalidArgument(
            "scheme not allowed: only http:// and https:// URLs are fetched (file:// with "
            "--allow-file-urls)"));
      } else {
        waiting.push_back(t.get());
      }
      open.emplace(t->index, std::move(t));
    }
    // Start what may start: in input order, within concurrency and each
    // host's politeness delay.
    long now = NowMs();
    long next_wake = now + 100;
    for (auto it = waiting.begin(); it != waiting.end() && running < o.concurrency;) {
      Transfer* t = *it;
      long host_ok = host_next_start.count(t->host) ? host_next_start[t->host] : 0;
      long start_at = std::max(t->not_before_ms, host_ok);
      if (start_at > now) {
        next_wake = std::min(next_wake, start_at);
        ++it;
        continue;
      }
      Status st = SetUp(o, t);
      if (st.ok() && curl_multi_add_handle(multi.get(), t->easy) != CURLM_OK) {
        st = Status::IoError("libcurl could not add a transfer");
      }
      if (!st.ok()) {
        finish(t, st);
      } else {
        ++running;
        if (o.per_host_delay_ms > 0) host_next_start[t->host] = now + o.per_host_delay_ms;
      }
      it = waiting.erase(it);
    }
    int still = 0;
    curl_multi_perform(multi.get(), &still);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi.get(), &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&t));
      CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi.get(), t->easy);
      --running;
      long http = 0;
      curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &http);
      if (Retryable(code, http) && t->attempt < o.retries) {
        long delay = o.backoff_ms << std::min(t->attempt, 16);
        curl_off_t retry_after = 0;
        if (curl_easy_getinfo(t->easy, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK &&
            retry_after > 0) {
          delay = std::min<long>(static_cast<long>(retry_after) * 1000, o.max_retry_after_ms);
        }
        // A wait longer than the transfer's own time budget is the server's
        // wish, not ours: an HTTP date in 2099 must not stall the run.
        if (o.timeout_ms > 0) delay = std::min(delay, o.timeout_ms);
        ++t->attempt;
        t->not_before_ms = NowMs() + delay;
        waiting.push_back(t);
        continue;
      }
      RawDocument& raw = t->result.raw;
      raw.http_status = static_cast<int>(http);
      char* final_url = nullptr;
      if (curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &final_url) == CURLE_OK && final_url) {
        raw.url = final_url;
      }
      char* ct = nullptr;
      if (curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct) {
        raw.content_type = ct;
      }
      std::string attempts =
          t->attempt > 0 ? " (after " + std::to_string(t->attempt + 1) + " attempts)" : "";
      Status err;
      if (t->too_large || code == CURLE_FILESIZE_EXCEEDED) {
        err = Status::ResourceExhausted("body larger than " + std::to_string(o.max_body_bytes) +
                                        " bytes (--max-bytes)");
      } else if (code == CURLE_TOO_MANY_REDIRECTS) {
        err = Status::IoError("more than " + std::to_string(o.max_redirects) +
                              " redirects (--max-redirects)");
      } else if (code != CURLE_OK) {
        std::string why = t->errbuf[0] != '\0' ? t->errbuf : curl_easy_strerror(code);
        err = Status::IoError(FailureKind(code) + ": " + why + attempts);
      } else if (http >= 400) {
        err = Status::IoError("HTTP " + std::to_string(http) + attempts);
      }
      if (err.ok()) raw.bytes = std::move(t->body);
      t->body = std::string();
      curl_easy_cleanup(t->easy);
      t->easy = nullptr;
      finish(t, std::move(err));
    }
    // Hand on finished results in order.
    bool stop = false;
    while (!open.empty() && open.begin()->first == next_emit && open.begin()->second->done) {
      std::unique_ptr<Transfer> t = std::move(open.begin()->second);
      open.erase(open.begin());
      ++next_emit;
      if (!emit(std::move(t->result))) {
        stop = true;
        break;
      }
    }
    if (stop) break;
    if (!more && open.empty()) break;
    now = NowMs();
    int wait = static_cast<int>(std::clamp<long>(next_wake - now, 0, 100));
    if (running > 0) {
      curl_multi_poll(multi.get(), nullptr, 0, wait, nullptr);
    } else if (wait > 0 && !waiting.empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(wait));
    }
  }
  // Stopped early: remove what still runs before the handles go.
  for (auto& [index, t] : open) {
    if (t->easy != nullptr) curl_multi_remove_handle(multi.get(), t->easy);
  }
  return status;
}

#endif  // CLEANER_WITH_CURL

}  // namespace cleaner
