"""The local 3D viewer: ``serve(path)`` shows a ``.sg`` script (compiled on each change) or a
``.glb``/``.gltf`` file in the browser with three.js served from node_modules (no CDN)."""

from .server import Source, ViewerServer, find_three, make_server, serve

__all__ = ["Source", "ViewerServer", "find_three", "make_server", "serve"]
