// Tests for URL input (cleaner/source/url_source.h) against a real HTTP
// server on loopback that the test starts itself (tests/http_test_server.py):
// slow, failing, redirect-looping, oversized and bad-gzip responses, retries,
// politeness, order, and the CLI's behaviour with URLs.
#include "cleaner/source/url_source.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <cstdio>
#include <memory>
#include <vector>

#include "tests/test_util.h"

namespace cleaner {
namespace {

using testing::ReadFile;
using testing::RunCleaner;

const std::string kPages = std::string(CLEANER_TESTDATA_DIR) + "/warc";

// Starts the loopback server for the lifetime of the object.
class TestServer {
 public:
  TestServer() {
    std::string cmd = "exec /usr/bin/python3 " + std::string(CLEANER_SOURCE_DIR) +
                      "/tests/http_test_server.py '" + kPages + "'";
    pipe_ = popen(cmd.c_str(), "r");
    REQUIRE(pipe_ != nullptr);
    REQUIRE(std::fscanf(pipe_, "%d %d", &port_, &pid_) == 2);
  }
  ~TestServer() {
    if (pid_ > 0) kill(pid_, SIGTERM);
    if (pipe_ != nullptr) pclose(pipe_);
  }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  FILE* pipe_ = nullptr;
  int port_ = 0, pid_ = 0;
};

TestServer& Server() {
  static TestServer server;
  return server;
}

// Fetches `urls` with `o`; returns the results in emit order.
std::vector<FetchResult> Fetch(const std::vector<std::string>& urls, const FetchOptions& o) {
  size_t i = 0;
  std::vector<FetchResult> out;
  Status st = FetchUrls(
      o,
      [&](std::string* url) {
        if (i == urls.size()) return false;
        *url = urls[i++];
        return true;
      },
      [&](FetchResult&& r) {
        out.push_back(std::move(r));
        return true;
      });
  REQUIRE(st.ok());
  return out;
}

FetchOptions Quick() {
  FetchOptions o;
  o.timeout_ms = 2000;
  o.retries = 0;
  o.backoff_ms = 50;
  return o;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

TEST_CASE("URLs are recognized by scheme", "[url]") {
  CHECK(IsUrl("http://a.example/"));
  CHECK(IsUrl("HTTPS://a.example/x"));
  CHECK(IsUrl("file:///tmp/x"));
  CHECK_FALSE(IsUrl("http:/a"));
  CHECK_FALSE(IsUrl("page.html"));
  CHECK_FALSE(IsUrl("ftp://a.example/"));
}

TEST_CASE("a page - its status - final URL and content type arrive - gzip is undone", "[url]") {
  auto r = Fetch({Server().Url("/page/page_en.html?charset=iso-8859-1"),
                  Server().Url("/gzip/page_en.html"), Server().Url("/redirect")},
                 Quick());
  REQUIRE(r.size() == 3);
  std::string disk = ReadFile(kPages + "/page_en.html");
  for (const FetchResult& f : r) {
    INFO(f.requested_url << ": " << f.error.message());
    CHECK(f.error.ok());
    CHECK(f.raw.http_status == 200);
    CHECK(f.raw.bytes == disk);
    CHECK(f.raw.source == "url");
  }
  CHECK(r[0].raw.content_type == "text/html; charset=iso-8859-1");
  CHECK(r[2].raw.url == Server().Url("/page/page_en.html"));
  CHECK(r[2].raw.name == Server().Url("/redirect"));
}

TEST_CASE("failures are named errors - not crashes", "[url]") {
  FetchOptions o = Quick();
  o.timeout_ms = 500;
  auto start = std::chrono::steady_clock::now();
  auto slow = Fetch({Server().Url("/slow?ms=3000")}, o);
  CHECK(Seconds(start) < 2.5);  // the slow page was cut off, not waited for
  // The others get time enough on a loaded machine: they must fail for
  // their own reason, not a timeout.
  o.timeout_ms = 20000;
  o.max_body_bytes = 1000000;
  auto r = Fetch({Server().Url("/slow?ms=3000"), Server().Url("/loop"), Server().Url("/big"),
                  Server().Url("/bigstream"), Server().Url("/bomb"), Server().Url("/badgzip"),
                  Server().Url("/status/404"), Server().Url("/tofile"), "file:///etc/hostname"},
                 o);
  r[0] = std::move(slow[0]);
  REQUIRE(r.size() == 9);
  for (const FetchResult& f : r) {
    INFO(f.requested_url);
    CHECK_FALSE(f.error.ok());
    CHECK(f.raw.bytes.empty());
  }
  CHECK(r[0].error.message().rfind("timeout:", 0) == 0);
  CHECK(r[1].error.message().find("redirects") != std::string::npos);
  for (int i : {2, 3, 4}) CHECK(r[i].error.code() == Status::Code::kResourceExhausted);
  CHECK(r[5].error.message().rfind("bad content encoding:", 0) == 0);
  CHECK(r[6].error.message() == "HTTP 404");
  CHECK(r[6].raw.http_status == 404);
  CHECK(r[7].error.message().rfind("scheme not allowed:", 0) == 0);
  CHECK(r[8].error.message().rfind("scheme not allowed:", 0) == 0);
}

TEST_CASE("file URLs only with allow_file_urls", "[url]") {
  std::string path = kPages + "/page_en.html";
  FetchOptions o = Quick();
  o.allow_file_urls = true;
  auto r = Fetch({"file://" + path}, o);
  REQUIRE(r.size() == 1);
  CHECK(r[0].error.ok());
  CHECK(r[0].raw.bytes == ReadFile(path));
}

TEST_CASE("5xx and 429 are retried - honouring Retry-After", "[url]") {
  FetchOptions o = Quick();
  auto no_retry = Fetch({Server().Url("/flaky?key=no-retry")}, o);
  CHECK(no_retry[0].error.message() == "HTTP 503");
  o.retries = 2;
  auto start = std::chrono::steady_clock::now();
  auto r = Fetch({Server().Url("/flaky?key=retry"), Server().Url("/ratelimit?key=retry")}, o);
  CHECK(r[0].error.ok());
  CHECK(r[1].error.ok());
  CHECK(Seconds(start) >= 0.9);  // Retry-After: 1 was honoured, not the 50 ms backoff
}

TEST_CASE("a Retry-After far in the future waits no longer than the transfer's timeout", "[url]") {
  // Issue 14.9: an HTTP date in 2099 made each retry wait max_retry_after_ms
  // (60 s) whatever --timeout said.
  FetchOptions o = Quick();
  o.timeout_ms = 1000;
  o.retries = 1;
  auto start = std::chrono::steady_clock::now();
  auto r = Fetch({Server().Url("/farfuture?key=cap")}, o);
  CHECK(r[0].error.ok());  // retried after at most the timeout, then served
  CHECK(Seconds(start) < 5);
}

TEST_CASE("results come in input order whatever order transfers finish in", "[url]") {
  FetchOptions o = Quick();
  o.concurrency = 4;
  std::vector<std::string> urls;
  for (int ms : {800, 10, 600, 10, 400, 10, 200, 10}) {
    urls.push_back(Server().Url("/slow?ms=" + std::to_string(ms)));
  }
  auto start = std::chrono::steady_clock::now();
  auto r = Fetch(urls, o);
  REQUIRE(r.size() == urls.size());
  for (size_t i = 0; i < urls.size(); ++i) CHECK(r[i].requested_url == urls[i]);
  CHECK(Seconds(start) < 1.8);  // concurrent: well below the 2.04 s sum
}

TEST_CASE("politeness delay spaces requests to one host", "[url]") {
  FetchOptions o = Quick();
  o.per_host_delay_ms = 300;
  auto start = std::chrono::steady_clock::now();
  auto r = Fetch({Server().Url("/ua"), Server().Url("/ua"), Server().Url("/ua")}, o);
  CHECK(Seconds(start) >= 0.55);
  for (const FetchResult& f : r) CHECK(f.error.ok());
}

TEST_CASE("CLI: a fetched page gives the same text as the file on disk", "[url][cli]") {
  for (const char* name : {"page_en.html", "page_zh_gb2312.html", "page_ja_eucjp.html"}) {
    std::string file = kPages + "/" + name;
    std::string charset = std::string(name).find("gb2312") != std::string::npos ? "gb2312"
                          : std::string(name).find("eucjp") != std::string::npos ? "euc-jp"
                                                                                 : "utf-8";
    auto from_url = RunCleaner({Server().Url("/page/" + std::string(name) + "?charset=" + charset)});
    auto from_disk = RunCleaner({"--charset", charset, file});
    INFO(name << "\n" << from_url.err);
    CHECK(from_url.exit_code == 0);
    CHECK_FALSE(from_url.out.empty());
    CHECK(from_url.out == from_disk.out);
  }
}

TEST_CASE("CLI: a 404 among good URLs exits 1 - names the URL - writes the good ones", "[url][cli]") {
  std::string bad = Server().Url("/status/404");
  auto r = RunCleaner({"--output-format", "jsonl", Server().Url("/page/page_en.html"), bad,
                       Server().Url("/gzip/page_en2.html")});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("cleaner: " + bad + ": HTTP 404") != std::string::npos);
  CHECK(r.err.find("3 in, 2 written") != std::string::npos);
  CHECK(r.out.find("harbour wall") != std::string::npos);
  CHECK(r.out.find("central library") != std::string::npos);
  CHECK(r.out.find("\"error\":\"HTTP 404\"") != std::string::npos);
  CHECK(r.out.find("\"http_status\":404") != std::string::npos);
}

TEST_CASE("CLI: --urls FILE - --user-agent and -o DIR with safe names", "[url][cli]") {
  std::string dir = testing::ScratchDir("urls");
  testing::WriteFile(dir + "/list.txt", "# pages\n" + Server().Url("/ua") + "\n\n" +
                                            Server().Url("/page/page_en.html") + "\n");
  auto r = RunCleaner({"--urls", "list.txt", "--user-agent", "TestAgent/7", "-o", "out"}, "", dir);
  CHECK(r.exit_code == 0);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir + "/out")) {
    files.push_back(e.path().string());
  }
  REQUIRE(files.size() == 2);
  std::string all = ReadFile(files[0]) + ReadFile(files[1]);
  CHECK(all.find("Agent: TestAgent/7") != std::string::npos);
  for (const std::string& f : files) CHECK(f.rfind(dir + "/out/", 0) == 0);
}

}  // namespace
}  // namespace cleaner
