#!/usr/bin/env python3
"""Generates the WARC fixtures in this folder (run: python3 make_fixtures.py).

Files written (all generated; edit this script, not them):
  basic.warc        WARC/1.0, CRLF: warcinfo, request, HTML response, chunked +
                    gzip response, image response, metadata, revisit, a
                    text/plain response, a WARC/1.1 HTML response.
  basic.warc.gz     the same records, one gzip member per record.
  legacy.warc.gz    WARC/0.18-era quirks: GB2312 and EUC-JP pages, LF-only
                    header lines, missing blank lines between records, garbage
                    between records, and a last record whose Content-Length
                    runs past the end of the file.
  corrupt.warc.gz   three HTML responses, the second gzip member damaged.
  page_*.html       the pages inside, for comparing with cleaning from disk.
"""
import gzip
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def page(title, paragraphs, charset="utf-8", meta=True):
    head = f'<meta charset="{charset}">' if meta else ""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head>\n"
            f"<body><nav><a href='/'>Home</a> | <a href='/about'>About</a></nav>\n"
            f"<article><h1>{title}</h1>\n{body}</article>\n"
            f"<footer>Copyright 2024 Example Site. All rights reserved.</footer>\n"
            f"</body></html>\n")


EN = page("Harbour repairs begin", [
    "Work on the old harbour wall began on Monday after two winters of storm damage "
    "left parts of the quay closed to boats and walkers.",
    "The council said the repairs would take about six months and that the fish "
    "market would stay open throughout, with a temporary entrance on the east side.",
])
EN2 = page("Library extends opening hours", [
    "The central library will open until nine in the evening from next month, "
    "after a survey found that most visitors wanted later hours on weekdays.",
    "Staff numbers will not change; volunteers will run the reading room in the evenings.",
])
EN3 = page("Rail line reopens", [
    "Trains are running again on the coastal line after engineers replaced a "
    "section of track that had been undermined by a landslide in the spring.",
    "Passengers should expect a reduced timetable for the first two weeks.",
])
ZH = page("城市公园改造完成", [
    "经过一年的施工，市中心的公园改造工程已经完成，新增了儿童游乐区和一条环湖步道。",
    "管理部门表示，公园每天早上六点开放，晚上十点关闭，欢迎市民前来参观。",
], charset="gb2312", meta=False)
JA = page("図書館の開館時間が延長されます", [
    "来月から中央図書館は平日の夜九時まで開館します。利用者アンケートで夜間の利用希望が多かったためです。",
    "閲覧室の運営はボランティアが担当し、職員の数は変わりません。",
], charset="euc-jp", meta=False)


def http_response(body, content_type="text/html; charset=utf-8", extra=(), status="200 OK"):
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
    for h in extra:
        head += h + "\r\n"
    return head.encode() + b"\r\n" + body


def chunked(data, size=50):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


def record(rtype, block, uri="", rid="", version="1.0", ctype=None, eol=b"\r\n", extra=()):
    fields = [f"WARC/{version}", f"WARC-Type: {rtype}"]
    if uri:
        fields.append(f"WARC-Target-URI: {uri}")
    fields.append("WARC-Date: 2024-03-01T12:00:00Z")
    fields.append(f"WARC-Record-ID: <urn:uuid:{rid}>")
    if ctype:
        fields.append(f"Content-Type: {ctype}")
    fields.extend(extra)
    fields.append(f"Content-Length: {len(block)}")
    return eol.join(f.encode() for f in fields) + eol + eol + block + eol + eol


HTTP_CT = "application/http; msgtype=response"


def basic_records():
    gz = gzip.compress(EN2.encode(), mtime=0)
    return [
        record("warcinfo", b"software: make_fixtures.py\r\nformat: WARC File Format 1.0\r\n",
               rid="00000000-0000-0000-0000-000000000001", ctype="application/warc-fields"),
        record("request", b"GET /harbour HTTP/1.1\r\nHost: news.example\r\n\r\n",
               uri="http://news.example/harbour", rid="00000000-0000-0000-0000-000000000002",
               ctype="application/http; msgtype=request"),
        record("response", http_response(EN.encode()), uri="http://news.example/harbour",
               rid="00000000-0000-0000-0000-000000000003", ctype=HTTP_CT),
        record("response",
               http_response(chunked(gz), extra=("Transfer-Encoding: chunked",
                                                  "Content-Encoding: gzip")),
               uri="http://news.example/library", rid="00000000-0000-0000-0000-000000000004",
               ctype=HTTP_CT),
        record("response", http_response(b"\xff\xd8\xff\xe0JFIF fake", "image/jpeg"),
               uri="http://news.example/logo.jpg", rid="00000000-0000-0000-0000-000000000005",
               ctype=HTTP_CT),
        record("metadata", b"via: http://news.example/\r\n", uri="http://news.example/harbour",
               rid="00000000-0000-0000-0000-000000000006", ctype="application/warc-fields"),
        record("revisit", http_response(b""), uri="http://news.example/harbour",
               rid="00000000-0000-0000-0000-000000000007", ctype=HTTP_CT,
               extra=("WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",)),
        record("response", http_response(b"Plain text body.\n", "text/plain"),
               uri="http://news.example/robots.txt", rid="00000000-0000-0000-0000-000000000008",
               ctype=HTTP_CT),
        record("response", http_response(EN3.encode()), uri="http://news.example/rail",
               rid="00000000-0000-0000-0000-000000000009", version="1.1", ctype=HTTP_CT),
    ]


def legacy_records():
    recs = [
        record("warcinfo", b"software: old-crawler\n", rid="10000000-0000-0000-0000-000000000001",
               version="0.18", eol=b"\n", ctype="application/warc-fields"),
        record("response", http_response(ZH.encode("gb2312"), "text/html; charset=gb2312"),
               uri="http://zh.example/park", rid="10000000-0000-0000-0000-000000000002",
               version="0.18", eol=b"\n", ctype=HTTP_CT),
        # No blank lines after this record's block, then garbage before the next.
        record("response", http_response(JA.encode("euc-jp"), "text/html; charset=EUC-JP"),
               uri="http://ja.example/library", rid="10000000-0000-0000-0000-000000000003",
               version="0.18", eol=b"\n", ctype=HTTP_CT).rstrip(b"\n") + b"\ngarbage line\n",
    ]
    last = record("response", http_response(EN.encode()), uri="http://news.example/harbour",
                  rid="10000000-0000-0000-0000-000000000004", version="0.18", eol=b"\n",
                  ctype=HTTP_CT)
    # Content-Length says 200 bytes more than there are.
    body_len = len(http_response(EN.encode()))
    last = last.replace(f"Content-Length: {body_len}".encode(),
                        f"Content-Length: {body_len + 200}".encode())
    recs.append(last.rstrip(b"\n"))
    return recs


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    recs = basic_records()
    write("basic.warc", b"".join(recs))
    write("basic.warc.gz", b"".join(gzip.compress(r, mtime=0) for r in recs))
    write("legacy.warc.gz", b"".join(gzip.compress(r, mtime=0) for r in legacy_records()))
    members = [gzip.compress(record("response", http_response(p.encode()), uri=u,
                                    rid=f"20000000-0000-0000-0000-00000000000{i}",
                                    ctype=HTTP_CT), mtime=0)
               for i, (u, p) in enumerate([("http://a.example/1", EN), ("http://a.example/2", EN2),
                                           ("http://a.example/3", EN3)])]
    bad = bytearray(members[1])
    for i in range(30, 60):  # damage the deflate data, keep the header
        bad[i] ^= 0x5A
    write("corrupt.warc.gz", members[0] + bytes(bad) + members[2])
    write("page_en.html", EN.encode())
    write("page_en2.html", EN2.encode())
    write("page_en3.html", EN3.encode())
    write("page_zh_gb2312.html", ZH.encode("gb2312"))
    write("page_ja_eucjp.html", JA.encode("euc-jp"))


if __name__ == "__main__":
    main()
