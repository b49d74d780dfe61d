"""Qt-free renderers of LayerData (raster images, video) for exports and the CLI."""
