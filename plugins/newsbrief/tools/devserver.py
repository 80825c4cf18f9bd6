"""Serve the site on localhost and rebuild it on every change, with the same checks as
`make html`: a bad file prints its problems and the last good site stays up.

    python -m newsbrief.tools.devserver [--settings pelicanconf.py] [--output output] [--port 8000]
"""

import argparse
import functools
import http.server
import threading

from watchfiles import watch

from .build import main as build

WATCHED = ("content", "theme", "plugins", "pelicanconf.py")


def serve(directory, port):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {directory}/ on http://127.0.0.1:{port}/ (Ctrl-C to stop)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--content", default="content")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    options = ["--settings", args.settings, "--output", args.output, "--content", args.content]
    build(options)
    serve(args.output, args.port)
    watched = [args.content if path == "content" else path for path in WATCHED]
    try:
        for changes in watch(*watched):
            print(f"{len(changes)} change(s); rebuilding")
            if build(options) == 130:  # Ctrl-C during a rebuild: the output is unchanged; stop
                break
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
