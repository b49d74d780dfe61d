"""What the simulator simulates and how often: every rate in one frozen dataclass a caller can override.

The defaults are tuned so that one simulated day raises every rule family at least once (the `guaranteed`
incidents happen at least once per simulated day whatever the dice say), while staying plausible for a
district of a few thousand households: a handful of alarms a day, not hundreds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sandbox_app.domain.enums import GuardRole

ROLE_SPEED_MPS: dict[GuardRole, tuple[float, float]] = {
    GuardRole.POLICE: (3.6, 4.4),  # e-bike
    GuardRole.AUXILIARY: (1.3, 1.5),
    GuardRole.GRID: (1.2, 1.4),
    GuardRole.VOLUNTEER: (1.2, 1.35),
    GuardRole.SECURITY: (1.25, 1.45),
    GuardRole.PROPERTY: (1.2, 1.4),
}
"""Range of a guard's patrol speed by role; each guard draws one speed from it."""

INCIDENT_KINDS: dict[str, str] = {
    "smoke.alarm": "smoke_detector",
    "gas.alarm": "gas_sensor",
    "water.alarm": "water_sensor",
    "fall.detected": "behavior_camera",
    "throw.detected": "throw_camera",
    "alarm.button": "alarm_button",
    "tailgate.detected": "face_gate",
}
"""Incident event kind → the device kind that raises it."""


def _incident_rates() -> dict[str, float]:
    return {
        "smoke.alarm": 0.5,
        "gas.alarm": 0.3,
        "water.alarm": 0.5,
        "fall.detected": 0.5,
        "throw.detected": 1.0,
        "alarm.button": 0.5,
        "tailgate.detected": 3.0,
    }


@dataclass(frozen=True, slots=True)
class SimRates:
    """Rates per simulated day unless the name says otherwise."""

    gps_interval_s: tuple[float, float] = (5.0, 10.0)
    gps_noise_m: float = 3.0
    gps_gap_per_hour: float = 0.3
    """Chance that a tracker drops out for a while in any hour (tunnels, dead battery, indoors)."""
    gps_gap_s: tuple[float, float] = (45.0, 200.0)
    """Kept under the trackers' heartbeat so a gap alone never looks like an offline device."""
    gps_jumps: float = 1.0
    """Multipath spikes of ~1 km that `gps_sanity` must flag."""
    dwell_s: tuple[float, float] = (30.0, 300.0)
    """Pause at each patrol waypoint."""
    patrol_waypoints: tuple[int, int] = (4, 8)
    face_passes_per_resident: float = 2.0
    strangers_per_face_gate: float = 0.5
    watchlist_passes: float = 0.5
    loiterers: float = 1.0
    """Unrecognised faces a day that hang about one gate (4 sightings in 20 minutes) and never come in."""
    fire_lane_cars: float = 1.0
    """Cars a day left 30-90 minutes in a camera's no-parking zone (each with a van that leaves in time)."""
    renovation_evenings: float = 1.0
    """Renovation jobs a local day in the evening, outside permitted hours (plus an allowed morning one on
    weekdays)."""
    ebikes_in_lifts: float = 1.0
    """E-bikes a day wheeled into a lift (plus one seen at a building entrance, where it may be)."""
    rooftop_nights: float = 1.0
    """Rooftop doors opened a night, 23:00-03:00 local (plus one opened by day for maintenance)."""
    car_trips_per_car: float = 1.2
    visitor_cars: float = 20.0
    ebike_reads_per_tag: float = 2.0
    lock_opens_per_room: float = 2.0
    unknown_card_opens: float = 1.0
    door_extras_per_room: float = 3.0
    """Door-magnet activity beyond the three daily anchors (morning, noon, evening)."""
    elderly_silences: float = 1.0
    """Rooms whose door magnet stays quiet for `elderly_silence_h` on a day: a count (the whole part every
    day, the fraction as a chance), not a Poisson mean like the other rates."""
    elderly_silence_h: float = 13.5
    perimeter_extras: float = 1.0
    """Perimeter breaches at random hours, besides one inside and one outside the armed hours daily."""
    offline_devices: float = 1.0
    heartbeat_fraction: float = 0.9
    """Heartbeats come every `heartbeat_s * fraction` of the device kind, a margin under its limit."""
    blacklist_reads: float = 0.5
    blacklist: tuple[str, ...] = ("京A·BLK001",)
    stolen_ebike_reads: float = 0.5
    stolen_ebike_tags: tuple[str, ...] = ("RFID-STOLEN01",)
    """Made-up stolen e-bike tags (the shipped rules.toml lists them under [ebike_stolen])."""
    incidents: dict[str, float] = field(default_factory=_incident_rates)
    guaranteed: bool = True
    """Make every story above happen at least once per simulated day (rates become a floor of one)."""
    order_answer_s: tuple[float, float] = (10.0, 40.0)
    """A guard acknowledges (or declines) an order this long after it arrives: phone out, read, tap."""
    order_no_answer: float = 0.1
    """Share of orders never answered (the phone is in a pocket), so the desk's escalation can be seen."""
    order_decline: float = 0.0
    """Share of orders declined with `decline_note` instead of accepted."""
    on_scene_s: tuple[float, float] = (180.0, 600.0)
    """How long a guard stays at the incident before reporting it handled and going back to patrol."""
    order_reports: bool = True
    """Whether guards report `handled` on leaving the scene and `feedback` after `feedback_s` more."""
    feedback_s: tuple[float, float] = (30.0, 120.0)
    feedback_note: str = "已到场处置完毕（模拟）"
    """The feedback text a simulated guard sends (fake, and says so)."""
    decline_note: str = "正在处理其他事务（模拟）"

    def count(self, rate: float, draw: int) -> int:
        """A Poisson draw `draw` for a rate, lifted to one when every story must happen daily."""
        return max(draw, 1) if self.guaranteed and rate > 0 else draw
