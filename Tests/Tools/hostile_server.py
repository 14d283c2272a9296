#!/usr/bin/env python3
"""A hostile but ordinary HTTP server on 127.0.0.1 for ThreatDeck's live-source tests: a TAXII
2.1 server, a MISP feed and a MISP REST search over the same data, each behind a behaviour
named by the first path segment, http://127.0.0.1:PORT/BEHAVIOUR/...

usage: hostile_server.py DIR PORTFILE --bundle STIX.json --events MISP-EVENTS-DIR --key API-KEY

Paths after the behaviour:
  taxii2/                                   TAXII discovery (api root: /BEHAVIOUR/api/)
  api/collections/                          one readable collection, "hostile"
  api/collections/hostile/objects/          the bundle's objects, paged (limit, next, added_after)
  feed/manifest.json, feed/UUID.json        a MISP feed of the events directory
  events/restSearch                         POST: MISP REST search (Authorization: the key;
                                            page, limit, timestamp >=), sorted by timestamp, uuid
Behaviours (applied to every request under the prefix unless said):
  ok                 answers normally
  slow-body          headers (with the true Content-Length), then the body one byte a second
  stall-after-head   headers, then nothing
  never-answer       reads the request, then sends nothing at all
  endless            200, a chunked body that never ends
  huge               200, Content-Length 1 GiB, then bytes as fast as the client takes them
  503x2              the first two requests 503, then normal
  429                the first request 429 with Retry-After: 2, then normal
  gzip-bomb          200, Content-Encoding: gzip, 64 MiB of zeros compressed (about 64 KiB)
  html               200 text/html, a proxy's login page
  truncated          Content-Length of the whole body, half of it, then the connection closes
  redirect           302 to http://127.0.0.1:9/elsewhere
  cut-once           the second TAXII objects page asked for with `next`, and the first
                     search asking for page 2, are cut in half and the connection closed,
                     once each (a pull broken off half-way)
  bad-event          the feed serves its first event (by uuid) as broken JSON
  status-NNN         every request answered with HTTP status NNN (no body for 204 and 304)
  xml                200 application/xml, an XML error document
  empty              200 with the right Content-Type and an empty body
Each request is logged to DIR/requests.log as a JSON line: time, method, path, query, auth;
and when a client closes a connection the server was still holding open (slow-body,
stall-after-head, never-answer, endless, huge), a line with "event": "closed", the time and
the path: when the client gave up, as the server saw it.
"""
import calendar
import gzip
import http.server
import json
import os
import select
import socket
import socketserver
import sys
import threading
import time
import urllib.parse

MEDIA = "application/taxii+json;version=2.1"
lock = threading.Lock()
counts = {}
cuts = {"next": 0}


def load(argv):
    opts = {"dir": argv[1], "portfile": argv[2]}
    args = argv[3:]
    for name in ("--bundle", "--events", "--key"):
        if name in args:
            opts[name[2:]] = args[args.index(name) + 1]
    with open(opts["bundle"], "rb") as f:
        objects = json.load(f)["objects"]
    # A date_added per object, one millisecond apart, in bundle order.
    base = 1_700_000_000_000
    opts["objects"] = [(base + k, o) for k, o in enumerate(objects)]
    events = []
    for name in sorted(os.listdir(opts["events"])):
        if name.endswith(".json"):
            with open(os.path.join(opts["events"], name), "rb") as f:
                raw = f.read()
            event = json.loads(raw)["Event"]
            events.append((int(event["timestamp"]), event["uuid"], raw))
    opts["events_list"] = sorted(events)
    return opts


def stamp(ms):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms // 1000)) + ".%03d000Z" % (ms % 1000)


def parse_stamp(text):
    """A TAXII timestamp as microseconds since the epoch."""
    whole, _, frac = text.rstrip("Z").partition(".")
    seconds = calendar.timegm(time.strptime(whole, "%Y-%m-%dT%H:%M:%S"))
    return seconds * 1_000_000 + int((frac + "000000")[:6])


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.handle_any("GET", b"")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.handle_any("POST", self.rfile.read(length) if length else b"")

    def handle_any(self, method, body):
        self.extra_headers = []
        url = urllib.parse.urlsplit(self.path)
        parts = url.path.lstrip("/").split("/", 1)
        behaviour, rest = parts[0], (parts[1] if len(parts) > 1 else "")
        query = dict(urllib.parse.parse_qsl(url.query))
        with lock:
            counts[behaviour] = counts.get(behaviour, 0) + 1
            n = counts[behaviour]
            if method == "POST":
                try:
                    query = {k: str(v) for k, v in json.loads(body or b"{}").items()}
                except ValueError:
                    query = {}
            with open(os.path.join(OPTS["dir"], "requests.log"), "a") as log:
                log.write(json.dumps({"time": time.time(), "method": method, "path": url.path, "query": query,
                                      "auth": self.headers.get("Authorization") or ""}) + "\n")
        if behaviour == "never-answer":
            return self.hold(url.path)
        if behaviour == "503x2" and n <= 2:
            return self.reply(503, "text/plain", b"busy")
        if behaviour == "429" and n == 1:
            return self.reply(429, "text/plain", b"slow down", [("Retry-After", "2")])
        if behaviour == "redirect":
            return self.reply(302, "text/plain", b"moved", [("Location", "http://127.0.0.1:9/elsewhere")])
        if behaviour == "html":
            return self.reply(200, "text/html", b"<html><body>Please log in to the proxy</body></html>")
        if behaviour.startswith("status-") and behaviour[7:].isdigit():
            code = int(behaviour[7:])
            return self.reply(code, "text/plain", b"" if code in (204, 304) else b"status %d" % code)
        if behaviour == "xml":
            return self.reply(200, "application/xml", b'<?xml version="1.0"?><error>not JSON</error>')
        if behaviour == "huge":
            return self.until_closed(url.path, self.stream_huge)
        if behaviour == "endless":
            return self.until_closed(url.path, self.stream_endless)
        if behaviour == "gzip-bomb":
            return self.reply(200, "application/json", BOMB(), [("Content-Encoding", "gzip")])
        code, content_type, payload = self.route(rest, query, method, body, behaviour)
        if behaviour == "slow-body":
            return self.until_closed(url.path, lambda: self.slow(code, content_type, payload))
        if behaviour == "stall-after-head":
            self.head(code, content_type, len(payload))
            return self.hold(url.path)
        if behaviour == "empty":
            return self.reply(code, content_type, b"")
        if behaviour == "truncated" or (behaviour == "cut-once" and self.cut_once(rest, query, body)):
            self.head(code, content_type, len(payload))
            self.wfile.write(payload[: len(payload) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.reply(code, content_type, payload)

    def closed(self, path):
        with lock:
            with open(os.path.join(OPTS["dir"], "requests.log"), "a") as log:
                log.write(json.dumps({"event": "closed", "time": time.time(), "path": path}) + "\n")
        self.close_connection = True

    def hold(self, path):
        """Sends nothing more; notes when the client closes the connection."""
        try:
            while self.connection.recv(1):
                pass
        except OSError:
            pass
        self.closed(path)

    def until_closed(self, path, send):
        try:
            send()
        except OSError:
            self.closed(path)

    def cut_once(self, rest, query, body):
        if rest == "events/restSearch":
            try:
                page = int(json.loads(body or b"{}").get("page", 1))
            except ValueError:
                return False
            with lock:
                if page != 2 or cuts.get("search"):
                    return False
                cuts["search"] = 1
                return True
        if not rest.endswith("/objects/") or "next" not in query:
            return False
        with lock:
            cuts["next"] += 1
            return cuts["next"] == 2

    def route(self, rest, query, method, body, behaviour):
        prefix = "/" + behaviour + "/"
        if rest == "taxii2/":
            return 200, MEDIA, json.dumps({"title": "Hostile", "default": prefix + "api/", "api_roots": [prefix + "api/"]}).encode()
        if rest == "api/":
            return 200, MEDIA, json.dumps({"title": "Hostile API", "versions": [MEDIA]}).encode()
        if rest == "api/collections/":
            return 200, MEDIA, json.dumps({"collections": [{"id": "hostile", "title": "Hostile", "can_read": True, "can_write": False,
                                                            "media_types": ["application/stix+json;version=2.1"]}]}).encode()
        if rest == "api/collections/hostile/objects/":
            return self.objects(query)
        if rest == "feed/manifest.json":
            manifest = {uuid: {"info": uuid, "timestamp": str(ts), "date": "2020-01-01", "Orgc": {"name": "CIRCL"}}
                        for ts, uuid, _ in OPTS["events_list"]}
            return 200, "application/json", json.dumps(manifest).encode()
        if rest.startswith("feed/") and rest.endswith(".json"):
            uuid = rest[5:-5]
            for k, (_, u, raw) in enumerate(OPTS["events_list"]):
                if u == uuid:
                    if behaviour == "bad-event" and k == 0:
                        return 200, "application/json", raw[: len(raw) // 3]
                    return 200, "application/json", raw
            return 404, "text/plain", b"no such event"
        if rest == "events/restSearch" and method == "POST":
            return self.search(body)
        return 404, "text/plain", b"no"

    def objects(self, query):
        limit = int(query.get("limit", "100"))
        after = parse_stamp(query["added_after"]) if "added_after" in query else None
        rows = [(ms, o) for ms, o in OPTS["objects"] if after is None or ms * 1000 > after]
        start = int(query.get("next", "0"))
        page = rows[start:start + limit]
        more = start + limit < len(rows)
        envelope = {"more": more, "objects": [o for _, o in page]}
        if more:
            envelope["next"] = str(start + limit)
        headers = {}
        if page:
            headers = {"X-TAXII-Date-Added-First": stamp(page[0][0]), "X-TAXII-Date-Added-Last": stamp(page[-1][0])}
        self.extra_headers = list(headers.items())
        return 200, MEDIA, json.dumps(envelope).encode()

    def search(self, body):
        if self.headers.get("Authorization") != OPTS["key"]:
            return 403, "application/json", json.dumps({"name": "Authentication failed.", "message": "Authentication failed."}).encode()
        try:
            q = json.loads(body or b"{}")
        except ValueError:
            return 400, "application/json", b'{"message": "bad JSON"}'
        limit, page = int(q.get("limit", 100)), int(q.get("page", 1))
        since = int(q["timestamp"]) if "timestamp" in q else None
        rows = [raw for ts, _, raw in OPTS["events_list"] if since is None or ts >= since]
        chosen = rows[(page - 1) * limit: page * limit]
        return 200, "application/json", b'{"response": [' + b",".join(chosen) + b"]}"

    def head(self, code, content_type, length, extra=None):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        if length is not None:
            self.send_header("Content-Length", str(length))
        for k, v in (extra or []) + self.extra_headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.flush()

    def reply(self, code, content_type, payload, extra=None):
        self.head(code, content_type, len(payload), extra)
        self.wfile.write(payload)

    def slow(self, code, content_type, payload):
        self.head(code, content_type, len(payload))
        for k in range(len(payload)):
            self.wfile.write(payload[k:k + 1])
            self.wfile.flush()
            # Wait a second, but notice at once when the client closes the connection.
            ready, _, _ = select.select([self.connection], [], [], 1.0)
            if ready and not self.connection.recv(1, socket.MSG_PEEK):
                raise ConnectionResetError("closed by the client")

    def stream_huge(self):
        self.head(200, "application/json", 1 << 30)
        block = b" " * (1 << 16)
        for _ in range((1 << 30) // len(block)):
            self.wfile.write(block)

    def stream_endless(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        block = b" " * (1 << 16)
        chunk = b"%x\r\n" % len(block) + block + b"\r\n"
        while True:
            self.wfile.write(chunk)


_bomb = []


def BOMB():
    with lock:
        if not _bomb:
            _bomb.append(gzip.compress(b"\0" * (64 << 20), 9))
        return _bomb[0]


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main(argv):
    global OPTS
    OPTS = load(argv)
    server = Server(("127.0.0.1", 0), Handler)
    portfile = OPTS["portfile"]
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(portfile + ".tmp", portfile)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main(sys.argv)
