"""python -m splitter [--port N]: serve the API with the standard library's WSGI server."""

import argparse
import os
import signal
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server

from .web import create_app


class QuietHandler(WSGIRequestHandler):
    def log_request(self, code="-", size="-"):
        sys.stderr.write(f"{self.command} {self.path} {code}\n")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="splitter", description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    args = parser.parse_args(argv)
    server = make_server("", args.port, create_app(), handler_class=QuietHandler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"listening on {args.port}", flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
