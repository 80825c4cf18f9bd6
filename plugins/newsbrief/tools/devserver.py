"""Serve the site on localhost and rebuild it on every change, with the same checks as
`make html`: a bad file prints its problems and the last good site stays up.

    python -m newsbrief.tools.devserver [--settings pelicanconf.py] [--output output] [--port 8000]

The server and each build are processes of their own: the build forks (newsbrief.parallel),
which a process running threads (a server's, the file watcher's) must not do, and a build
in a fresh process runs the plugin's code as it is now, not as it was when this started.
"""

import argparse
import subprocess
import sys

from watchfiles import watch

WATCHED = ("content", "theme", "plugins", "pelicanconf.py")


def build(options):
    """Run a build to its end; its exit code (130: stopped by Ctrl-C). Ctrl-C reaches the
    build too (a terminal sends it to every process), which stops with the output unchanged:
    this waits for that rather than kill it halfway."""
    process = subprocess.Popen([sys.executable, "-m", "newsbrief.tools.build", *options])
    stopped = False
    while True:
        try:
            code = process.wait()
            return 130 if stopped else code
        except KeyboardInterrupt:
            stopped = True


def serve(directory, port):
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", directory], stdout=subprocess.DEVNULL)
    print(f"Serving {directory}/ on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    return server


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--content", default="content")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    options = ["--settings", args.settings, "--output", args.output, "--content", args.content]
    if build(options) == 130:
        return
    server = serve(args.output, args.port)
    watched = [args.content if path == "content" else path for path in WATCHED]
    try:
        for changes in watch(*watched):
            print(f"{len(changes)} change(s); rebuilding")
            if build(options) == 130:  # Ctrl-C during a rebuild: the output is unchanged; stop
                break
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
