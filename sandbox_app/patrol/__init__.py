"""Patrols and duty: checkpoints, routes and rounds (电子巡更), teams and shifts (排班)."""
