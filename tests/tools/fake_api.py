#!/usr/bin/python3
"""fake_api.py - the online services on loopback, for the resolve --online tests.

Serves recorded answers of arXiv, Crossref, DBLP's search and OpenAlex (tests/fixtures/online)
under /arxiv, /crossref, /dblp and /openalex, chosen by routes.json; logs every request (one
line: service, path and query, User-Agent) and can break one service in the ways the network
breaks. Listens on 127.0.0.1 only, on a free port it writes to --port-file; stops after
--lifetime seconds even if nobody stops it.

usage: fake_api.py --root DIR --log FILE --port-file FILE [--fault SERVICE:MODE]...
modes: 429 (the service's first request, Retry-After: 1), 429-always, 503, 503-first, stall, truncated,
       invalid, huge, huge-chunked, redirect-loop
"""
import argparse
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HUGE = 10 * 1024 * 1024
TYPES = {"arxiv": "application/atom+xml; charset=utf-8", "crossref": "application/json",
         "dblp": "application/json", "openalex": "application/json"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--fault", action="append", default=[])
    ap.add_argument("--lifetime", type=float, default=300)
    a = ap.parse_args()
    routes = json.load(open(os.path.join(a.root, "routes.json")))
    faults = dict(f.split(":", 1) for f in a.fault)
    seen = set()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        wbufsize = 1 << 16   # headers and body in one write (no Nagle delay between them)

        def log_message(self, *args):
            pass

        def send(self, status, body, ctype, extra=()):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            u = urllib.parse.urlsplit(self.path)
            service = u.path.split("/")[1] if u.path.count("/") else ""
            with lock:
                with open(a.log, "a") as log:
                    log.write("%.3f %s %s %s\n" % (time.time(), service, self.path, self.headers.get("User-Agent", "")))
            fault = faults.get(service)
            first = service not in seen
            seen.add(service)
            if fault == "429" and first or fault == "429-always":
                return self.send(429, b"Too Many Requests", "text/plain", [("Retry-After", "1")])
            if fault == "503" or fault == "503-first" and first:
                return self.send(503, b"Service Unavailable", "text/plain")
            if fault == "stall":
                time.sleep(30)
                return
            if fault == "redirect-loop":
                return self.send(302, b"", "text/plain", [("Location", self.path)])
            if fault == "huge":
                return self.send(200, b" " * HUGE, TYPES.get(service, "text/plain"))
            if fault == "huge-chunked":
                self.send_response(200)
                self.send_header("Content-Type", TYPES.get(service, "text/plain"))
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b" " * 65536
                for _ in range(HUGE // len(chunk)):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
                return
            status, body = self.answer(service, u)
            if fault == "invalid":
                body = body[: len(body) // 2]   # a body cut in its middle: neither JSON nor XML
            if fault == "truncated":   # the length of the whole body, half of it sent, then closed
                self.send_response(status)
                self.send_header("Content-Type", TYPES.get(service, "text/plain"))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.send(status, body, TYPES.get(service, "text/plain") if status == 200 else "text/plain")

        def answer(self, service, u):
            q = urllib.parse.parse_qs(u.query)
            path = u.path[len(service) + 1:]
            for r in routes.get(service, []):
                if "path" in r and r["path"] != path:
                    continue
                if "param" in r and r["contains"].lower() not in " ".join(q.get(r["param"], [])).lower():
                    continue
                return r.get("status", 200), open(os.path.join(a.root, r["file"]), "rb").read()
            d = routes["default"][service + ("-doi" if service == "crossref" and path.startswith("/works/") else "")]
            return d.get("status", 200), open(os.path.join(a.root, d["file"]), "rb").read()

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            if not isinstance(sys.exc_info()[1], ConnectionError):   # a client that stops reading is no error
                super().handle_error(request, client_address)

    srv = Server(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    with open(a.port_file + ".new", "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(a.port_file + ".new", a.port_file)
    threading.Timer(a.lifetime, srv.shutdown).start()
    srv.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
