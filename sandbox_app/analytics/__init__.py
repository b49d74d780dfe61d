"""Figures: risk index, roll-ups, response statistics."""
