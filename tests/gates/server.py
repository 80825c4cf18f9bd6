"""Serve a site dir over HTTP on 127.0.0.1 for browser tests.

    with serve("output") as base_url:      # e.g. "http://127.0.0.1:41234"
        page.goto(base_url + "/en/")

A free port is picked by the OS, the server runs in a process of its own (a
thread would make the test process multi-threaded, and a build in it could not fork:
newsbrief.parallel) and logs nothing. A missing path is answered with the site's ``404.html`` (status 404)
when the site has one, as static hosts do. ``/dir`` (no slash) is redirected
to ``/dir/`` (301) and ``/dir/`` serves ``dir/index.html``, like most hosts.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".xml": "application/xml",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".webmanifest": "application/manifest+json",
        ".txt": "text/plain; charset=utf-8",
    }

    prefix = ""  # serve the site under this path, as GitHub Pages serves a project site

    def log_message(self, format, *args):
        pass

    def translate_path(self, path):
        if self.prefix:
            if path != self.prefix and not path.startswith(self.prefix + "/"):
                return str(Path(self.directory) / ".not-under-prefix")
            path = path[len(self.prefix):] or "/"
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code == 404 and not_found.is_file():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # browsers drop connections; stay quiet
        pass


@contextlib.contextmanager
def serve(site_dir: str | os.PathLike, prefix: str = "", port: int = 0) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1:<port> (a free one by default) under ``prefix``
    (e.g. "/newsbrief"); yield the base URL (no trailing slash)."""
    directory = str(Path(site_dir).resolve())
    if not Path(directory).is_dir():
        raise FileNotFoundError(f"site dir not found: {directory}")
    process = subprocess.Popen([sys.executable, __file__, directory, prefix.rstrip("/"), str(port)],
                               stdout=subprocess.PIPE, text=True)
    try:
        bound = process.stdout.readline().strip()
        if not bound.isdigit():
            raise OSError(f"the server of {directory} did not start (port {port})")
        yield f"http://127.0.0.1:{bound}{prefix.rstrip('/')}"
    finally:
        process.terminate()
        process.wait(timeout=5)
        process.stdout.close()


def _main(directory, prefix, port):
    """In the server's process: bind, print the port, serve until terminated."""
    handler = type("_PrefixHandler", (_Handler,), {"prefix": prefix})
    server = _Server(("127.0.0.1", int(port)), functools.partial(handler, directory=directory))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    _main(*sys.argv[1:])
