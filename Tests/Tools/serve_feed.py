#!/usr/bin/env python3
"""Serves a directory over HTTP (or HTTPS) on 127.0.0.1 at a port the OS picks, for the MISP
feed tests. Writes the port to DIR/../port once listening. Requests are logged to stderr.

usage: serve_feed.py DIR PORTFILE [--tls CERT KEY]
"""
import functools
import http.server
import ssl
import sys


def main(argv):
    directory, portfile = argv[1], argv[2]
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if len(argv) == 6 and argv[3] == "--tls":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(argv[4], argv[5])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.replace(portfile + ".tmp", portfile)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv)
