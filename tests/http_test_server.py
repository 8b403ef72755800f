#!/usr/bin/env python3
"""A loopback HTTP server for the URL-input tests (tests/url_source_test.cc).

Usage: http_test_server.py ROOT  -- serves on 127.0.0.1 on a free port, prints
"PORT PID" on one line, and stops by itself after 120 seconds.

Paths:
  /page/NAME          ROOT/NAME as text/html (charset from ?charset=)
  /gzip/NAME          the same, Content-Encoding: gzip
  /badgzip            Content-Encoding: gzip with a body that is not gzip
  /bomb               200 KB of gzip that inflates to 20 MB
  /big                2 MB with Content-Length
  /bigstream          2 MB without Content-Length (close-delimited)
  /slow?ms=N          waits N ms (default 5000), then a page
  /loop               redirects to itself
  /redirect           redirects to /page/page_en.html
  /tofile             redirects to file:///etc/passwd
  /flaky?key=K        503 (Retry-After: 0) the first time for each K, then a page
  /ratelimit?key=K    429 with Retry-After: 1 the first time for each K, then a page
  /farfuture?key=K    503 with Retry-After: an HTTP date in 2099 the first time, then a page
  /status/N           status N with a short HTML body
  /ua                 a page whose paragraph is the User-Agent sent
"""
import gzip
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
SEEN = set()
LOCK = threading.Lock()
BOMB = gzip.compress(b"<p>" + b"a" * (20 << 20) + b"</p>", 1)
PAGE = (b"<html><head><title>t</title></head><body><p>This page has one paragraph "
        b"of ordinary text, long enough to be kept by the cleaner.</p></body></html>")


def first_time(key):
    with LOCK:
        if key in SEEN:
            return False
        SEEN.add(key)
        return True


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, ctype="text/html; charset=utf-8", headers=(), length=True):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        u = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(u.query).items()}
        p = u.path
        if p.startswith("/page/") or p.startswith("/gzip/"):
            name = os.path.basename(p[6:])
            try:
                with open(os.path.join(ROOT, name), "rb") as f:
                    body = f.read()
            except OSError:
                return self.send(404, b"<p>not found</p>")
            ctype = "text/html; charset=" + q.get("charset", "utf-8")
            if p.startswith("/gzip/"):
                return self.send(200, gzip.compress(body), ctype, [("Content-Encoding", "gzip")])
            return self.send(200, body, ctype)
        if p == "/badgzip":
            return self.send(200, b"\x1f\x8b\x08\x00this is not deflate data at all" * 4,
                             headers=[("Content-Encoding", "gzip")])
        if p == "/bomb":
            return self.send(200, BOMB, headers=[("Content-Encoding", "gzip")])
        if p == "/big":
            return self.send(200, b"<p>" + b"b" * (2 << 20) + b"</p>")
        if p == "/bigstream":
            return self.send(200, b"<p>" + b"b" * (2 << 20) + b"</p>", length=False)
        if p == "/slow":
            time.sleep(int(q.get("ms", "5000")) / 1000)
            return self.send(200, PAGE)
        if p == "/loop":
            return self.send(302, b"", headers=[("Location", "/loop")])
        if p == "/redirect":
            return self.send(302, b"", headers=[("Location", "/page/page_en.html")])
        if p == "/tofile":
            return self.send(302, b"", headers=[("Location", "file:///etc/passwd")])
        if p == "/flaky":
            if first_time("flaky" + q.get("key", "")):
                return self.send(503, b"<p>busy</p>", headers=[("Retry-After", "0")])
            return self.send(200, PAGE)
        if p == "/ratelimit":
            if first_time("rl" + q.get("key", "")):
                return self.send(429, b"<p>slow down</p>", headers=[("Retry-After", "1")])
            return self.send(200, PAGE)
        if p == "/farfuture":
            if first_time("ff" + q.get("key", "")):
                return self.send(503, b"<p>come back later</p>",
                                 headers=[("Retry-After", "Fri, 31 Dec 2099 23:59:59 GMT")])
            return self.send(200, PAGE)
        if p.startswith("/status/"):
            return self.send(int(p[8:]), b"<p>status page</p>")
        if p == "/ua":
            ua = self.headers.get("User-Agent", "").replace("<", "").encode()
            return self.send(200, b"<html><body><p>Agent: " + ua + b"</p></body></html>")
        return self.send(404, b"<p>no such path</p>")


class QuietServer(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when a test opens many at
    # once; a dropped SYN is retried after a second and looks like a timeout.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        pass  # clients that hang up early (size limits, timeouts) are expected


def main():
    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], os.getpid(), flush=True)
    threading.Timer(120, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
