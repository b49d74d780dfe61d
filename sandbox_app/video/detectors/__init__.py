"""Detectors that run on a camera stream or a recorded file: people counting with tailgating
(`people`) and high-altitude throwing (`throwing`). Evaluated in bench/video_detectors.py."""
