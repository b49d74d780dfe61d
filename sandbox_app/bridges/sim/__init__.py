"""The district simulator's parts: rates, the district index, guard patrols, daily life, incidents, and
guards answering dispatch orders (`response`).

`sandbox_app.bridges.simulator.Simulator` assembles them into one seeded, time-ordered event stream.
"""
