"""Test harness around OASIS medallion (the TAXII 2.1 reference server), for ThreatDeck's
TAXII integration tests. Listens on 127.0.0.1 only.

  serve DIR [--page-size N] [--tls CERT KEY] [--cut-new-pages]
                                               medallion with an empty writable collection;
                                               writes the chosen port to DIR/port. With
                                               --cut-new-pages, a page of objects is cut off
                                               half-way the first time it is served (except
                                               the collection's first page): every page
                                               boundary of a pull breaks once
  post URL USER PASSWORD FILE                  POST a STIX bundle's objects to a collection
  bogus DIR                                    a server that answers like a broken proxy:
                                               /html/ /json/ /garbage/ /slow/ /401/
"""
import base64
import functools
import http.server
import json
import os
import socketserver
import sys
import threading
import time
import urllib.request

MEDIA = "application/taxii+json;version=2.1"
USER, PASSWORD = "analyst", "correct horse battery staple"


def write_port(directory, port):
    tmp = os.path.join(directory, "port.tmp")
    with open(tmp, "w") as f:
        f.write(str(port))
    os.replace(tmp, os.path.join(directory, "port"))


def patch_find_att():
    """Two fixes to medallion 3.0.0 for these tests. It reads an object's "version" property as its version timestamp, but
    STIX extension-definition objects carry a semantic "version" ("1.0.0") and the server
    then fails with HTTP 500. For STIX objects (they have a "type"), use modified/created."""
    from medallion import common
    from medallion.backends import memory_backend
    from medallion.filters import basic_filter

    original = common.find_att
    # Its filter compares every manifest entry with every object, parsing both timestamps
    # each time: quadratic strptime calls, 20 s for one page of ICS ATT&CK. Parse each
    # timestamp once (same results, memoised).
    parse = functools.lru_cache(maxsize=None)(common.string_to_datetime)
    common.string_to_datetime = parse
    basic_filter.string_to_datetime = parse

    def find_att(obj):
        if "type" in obj and ("modified" in obj or "created" in obj):
            return parse(obj.get("modified") or obj["created"])
        return original(obj)

    for module in (common, memory_backend, basic_filter):
        module.find_att = find_att


class CutNewPages:
    """WSGI middleware: the first time a page of objects starting with a given object is
    served (other than the very first page), the body is cut in half, as a dropped
    connection leaves it. The same page asked for again is served whole."""

    def __init__(self, app):
        self.app = app
        self.seen = set()
        self.first = None
        self.cuts = 0
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if "/objects/" not in environ.get("PATH_INFO", "") or environ.get("REQUEST_METHOD") != "GET":
            return self.app(environ, start_response)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        body = b"".join(self.app(environ, capture))
        cut = False
        try:
            objects = json.loads(body).get("objects") or []
        except ValueError:
            objects = []
        if objects and captured.get("status", "").startswith("200"):
            key = objects[0].get("id")
            with self.lock:
                if self.first is None:
                    self.first = key
                if key != self.first and key not in self.seen:
                    self.seen.add(key)
                    self.cuts += 1
                    cut = True
                else:
                    self.seen.add(key)
        if cut:
            body = body[: len(body) // 2]
        headers = [(k, v) for k, v in captured.get("headers", []) if k.lower() != "content-length"]
        headers.append(("Content-Length", str(len(body))))
        start_response(captured.get("status", "500 Internal Server Error"), headers)
        return [body]


def serve(directory, page_size, tls, cut_new_pages=False):
    from werkzeug.serving import make_server
    from medallion import application_instance, register_blueprints, set_config

    patch_find_att()

    data = {
        "/discovery": {
            "title": "ThreatDeck test TAXII server",
            "description": "medallion, started by the ThreatDeck tests",
            "default": "/cti/",
            "api_roots": ["/cti/"],
        },
        "cti": {
            "information": {"title": "Test CTI", "description": "collections for the tests",
                            "versions": [MEDIA], "max_content_length": 200 * 1024 * 1024},
            "status": [],
            "collections": [
                {"id": "91a7b528-80eb-42ed-a74d-c6fbd5a26116", "title": "Sample report",
                 "can_read": True, "can_write": True, "media_types": ["application/stix+json;version=2.1"],
                 "objects": [], "manifest": []},
                {"id": "52892447-4d7e-4f70-b94d-d7f22742ff63", "title": "Public STIX examples",
                 "can_read": True, "can_write": True, "media_types": ["application/stix+json;version=2.1"],
                 "objects": [], "manifest": []},
                {"id": "64993447-4d7e-4f70-b94d-d7f22742ff64", "title": "Locked",
                 "can_read": False, "can_write": False, "media_types": [], "objects": [], "manifest": []},
            ],
        },
    }
    data_path = os.path.join(directory, "data.json")
    with open(data_path, "w") as f:
        json.dump(data, f)
    config = {
        # medallion forgets a paging token 30 s after the pull's first page by default; a
        # loaded 2-core CI machine needs longer than that for the 19 pages of ICS ATT&CK.
        "backend": {"module": "medallion.backends.memory_backend", "module_class": "MemoryBackend", "filename": data_path,
                    "session_timeout": 3600},
        "users": {USER: PASSWORD},
        "taxii": {"max_page_size": page_size},
    }
    set_config(application_instance, "users", config)
    set_config(application_instance, "taxii", config)
    set_config(application_instance, "backend", config)
    register_blueprints(application_instance)
    ssl_context = tuple(tls) if tls else None
    app = CutNewPages(application_instance) if cut_new_pages else application_instance
    server = make_server("127.0.0.1", 0, app, threaded=True, ssl_context=ssl_context)
    write_port(directory, server.server_port)
    server.serve_forever()


def post(url, user, password, path):
    with open(path, "rb") as f:
        bundle = json.load(f)
    body = json.dumps({"objects": bundle["objects"]}).encode()
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Content-Type", MEDIA)
    request.add_header("Accept", MEDIA)
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request.add_header("Authorization", "Basic " + token)
    with urllib.request.urlopen(request, timeout=120) as response:
        status = json.load(response)
    print(status.get("status"), status.get("success_count"), status.get("failure_count"))


class Bogus(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, code, content_type, body):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/html/"):
            self.reply(200, "text/html", b"<html><body>Please log in to the proxy</body></html>")
        elif self.path.startswith("/json/"):
            self.reply(200, "application/json", b'{"title": "not taxii", "api_roots": []}')
        elif self.path.startswith("/garbage/"):
            self.reply(200, MEDIA, b'{"title": "Broken", "api_roots": [')
        elif self.path.startswith("/slow/"):
            time.sleep(30)
            self.reply(200, MEDIA, b"{}")
        elif self.path.startswith("/401/"):
            self.reply(401, MEDIA, b'{"title": "Authentication required"}')
        elif self.path.startswith("/500/"):
            self.reply(500, "text/plain", b"internal error")
        else:
            self.reply(404, "text/plain", b"no")


def bogus(directory):
    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Bogus)
    write_port(directory, server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "serve":
        directory = sys.argv[2]
        args = sys.argv[3:]
        page_size = 100
        tls = None
        if "--page-size" in args:
            page_size = int(args[args.index("--page-size") + 1])
        if "--tls" in args:
            i = args.index("--tls")
            tls = (args[i + 1], args[i + 2])
        serve(directory, page_size, tls, "--cut-new-pages" in args)
    elif command == "post":
        post(*sys.argv[2:6])
    elif command == "bogus":
        bogus(sys.argv[2])
    else:
        sys.exit(f"unknown command {command}")
