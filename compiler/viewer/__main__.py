"""``python -m compiler.viewer FILE [--host H] [--port P] [--no-browser]``."""

from __future__ import annotations

import argparse

from .server import serve


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m compiler.viewer", description=__doc__)
    parser.add_argument("file", help="a .sg script or a .glb/.gltf file")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    serve(args.file, host=args.host, port=args.port, open_browser=not args.no_browser, quiet=not args.verbose)


if __name__ == "__main__":
    main()
