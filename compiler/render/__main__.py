"""Command line for the pictures.

    python -m compiler.render FILE.sg [-o OUT.png] [--view top|persp] [--size N]
    python -m compiler.render docs [--examples examples] [--out docs/images]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import VIEWS, render_examples, render_file


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["docs"]:
        parser = argparse.ArgumentParser(prog="python -m compiler.render docs",
                                         description="render every example in both views into docs/images")
        parser.add_argument("--examples", default="examples", help="folder of .sg scripts (default examples)")
        parser.add_argument("--out", default="docs/images", help="output folder (default docs/images)")
        args = parser.parse_args(argv[1:])
        written = render_examples(args.examples, args.out)
        for path in written:
            print(path)
        if not written:
            print(f"no pictures: no example in {args.examples} compiles", file=sys.stderr)
            return 1
        return 0
    parser = argparse.ArgumentParser(prog="python -m compiler.render", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="a .sg script")
    parser.add_argument("-o", "--output", help="PNG to write (default FILE_<view>.png)")
    parser.add_argument("--view", choices=VIEWS, default="top", help="top (default) or persp")
    parser.add_argument("--size", type=int, default=None, help="width in pixels")
    args = parser.parse_args(argv)
    source = Path(args.file)
    out = Path(args.output) if args.output else source.with_name(f"{source.stem}_{args.view}.png")
    try:
        diagnostics = render_file(source, out, args.view, args.size)
    except (OSError, ValueError) as err:
        for d in getattr(err, "diagnostics", []):
            print(d.render_short(), file=sys.stderr)
        print(f"error: {err}", file=sys.stderr)
        return 1
    for d in diagnostics:
        print(d.render_short(), file=sys.stderr)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
