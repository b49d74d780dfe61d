"""Replay: the state at any time T rebuilt from the store, timeline data, incident case files and exports.

The map, panels and layers take a `ReplayState` as they take the live state, so there is no second drawing
path. Nothing here imports Qt; PDF and video rendering live in `widgets/`.
"""
