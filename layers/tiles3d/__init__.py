"""OGC 3D Tiles real-scene models (实景三维, issue 18 §2), Qt- and VTK-free: `gltf` and `content` read the
payloads, `tileset` walks the tile tree and places it in the sandbox's local frame, `select` picks tiles by
screen-space error and streams them through a bounded cache. Drawn by `widgets.sandbox3d_tiles`."""
