"""Map layers: each module maps district state to `LayerData` (flat numpy arrays and styles), with no Qt.

Renderers in `widgets/` draw per primitive (points, lines, polygons, labels), so adding a layer is one file
here and no new drawing code.
"""
