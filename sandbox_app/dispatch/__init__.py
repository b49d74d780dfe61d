"""Dispatch: nearest-guard recommendation by travel time, the order lifecycle, escalation, one call."""
