"""GT06 alarm packets (0x16, 0x26) built by hand from the Concox GT06 protocol document (section 5.4,
"GPS, LBS, status information combined alarm packet"), independently of the decoder:

    date/time(6) sats(1) lat(4) lon(4) speed(1) course+status(2)      GPS block
    LBS length(1)=0x09 MCC(2) MNC(1) LAC(2) cell id(3)                 LBS block, length counts itself
    terminal info(1) voltage level(1) GSM signal(1) alarm(1) language(1)

A decoder that reads the LBS length as not counting itself shifts every field after it by one byte: the
alarm is read from the language byte (0x01 Chinese → "sos", 0x02 English → "power_cut").
"""

from __future__ import annotations

import pytest

from sandbox_app.bridges.gt06 import codec as gt06

GPS = bytes.fromhex("1a0c07081e2d" "c9" "0345b520" "0c4357e0" "3c" "155a")  # fmt: skip
"""2026-12-07 08:30:45 UTC, 9 satellites, 30.5 N 114.3 E, 60 km/h; flags 0x155a: bit 12 fixed, bit 11
clear (east), bit 10 set (north), course 0x15a = 346 degrees."""
LBS = bytes.fromhex("09" "01cc" "00" "286d" "000f4d")  # fmt: skip


def alarm_packet(
    alarm: int,
    language: int = 0x02,
    *,
    info: int = 0x00,
    voltage: int = 4,
    gsm: int = 3,
    protocol: int = gt06.ALARM,
    lbs: bytes = LBS,
) -> bytes:
    content = GPS + lbs + bytes([info, voltage, gsm, alarm, language])
    return gt06.encode_packet(protocol, 0x0042, content)


def decode(frame: bytes) -> gt06.Location:
    body = gt06.decode_frame(frame).body
    assert isinstance(body, gt06.Location) and body.status is not None
    return body


@pytest.mark.parametrize("protocol", [gt06.ALARM, gt06.ALARM_2])
@pytest.mark.parametrize("language", [0x01, 0x02])
@pytest.mark.parametrize("code", sorted(gt06.ALARM_CODES))
def test_every_mapped_alarm_code_in_both_languages(protocol: int, language: int, code: int) -> None:
    loc = decode(alarm_packet(code, language, protocol=protocol))
    assert loc.position.alarms == (gt06.ALARM_CODES[code],)
    assert loc.status is not None and loc.status.alarm_code == code
    assert loc.position.attributes["language"] == {1: "zh", 2: "en"}[language]
    assert loc.cell == gt06.Cell(460, 0, 0x286D, 0x000F4D)
    assert loc.status.battery_level == 66 and loc.status.gsm == 3


@pytest.mark.parametrize("language", [0x01, 0x02])
def test_no_alarm_byte_means_no_alarm(language: int) -> None:
    """Alarm byte 0x00 ("normal"): neither language byte may turn into an alarm."""
    loc = decode(alarm_packet(0x00, language))
    assert loc.position.alarms == ()


def test_the_reported_cases() -> None:
    """From the issue: SOS in English stored as power_cut; overspeed stored as power_cut; the Chinese
    shock alarm stored as sos."""
    assert decode(alarm_packet(0x01, 0x02)).position.alarms == ("sos",)
    assert decode(alarm_packet(0x06, 0x02)).position.alarms == ("overspeed",)
    assert decode(alarm_packet(0x03, 0x01)).position.alarms == ("vibration",)


@pytest.mark.parametrize(
    ("level", "percent"), [(0, 0), (1, 16), (2, 33), (3, 50), (4, 66), (5, 83), (6, 100), (9, 100)]
)
def test_voltage_levels(level: int, percent: int) -> None:
    loc = decode(alarm_packet(0x01, voltage=level))
    assert loc.status is not None and loc.status.battery_level == percent
    assert loc.position.battery_level == float(percent)


@pytest.mark.parametrize("gsm", [0, 1, 2, 3, 4])
def test_gsm_signal_levels(gsm: int) -> None:
    loc = decode(alarm_packet(0x01, gsm=gsm))
    assert loc.status is not None and loc.status.gsm == gsm


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        (0b0000_0110, ()),  # charging, ACC on, no alarm
        (0b0010_0000, ("sos",)),  # bits 3-5 = 100: SOS
        (0b0001_0000, ("power_cut",)),  # 010
        (0b0001_1000, ("low_battery",)),  # 011
        (0b0000_1000, ("vibration",)),  # 001
    ],
)
def test_terminal_information_byte(info: int, expected: tuple[str, ...]) -> None:
    loc = decode(alarm_packet(0x00, info=info))
    assert loc.position.alarms == expected
    assert loc.position.attributes["charge"] is bool(info & 0x04)
    assert loc.position.attributes["ignition"] is bool(info & 0x02)


def test_gps_block_of_an_alarm() -> None:
    p = decode(alarm_packet(0x01)).position
    assert p.ts == 1796632245000  # 2026-12-07T08:30:45Z
    assert p.satellites == 9 and p.valid
    assert p.lat == pytest.approx(30.5) and p.lon == pytest.approx(114.3)
    assert p.speed_kn * gt06.KMH_PER_KNOT == pytest.approx(60.0)
    assert p.course == 0x15A


@pytest.mark.parametrize(
    ("lbs", "cell"),
    [
        # a vendor tail after the cell id is skipped
        (bytes.fromhex("0b01cc00286d000f4daabb"), gt06.Cell(460, 0, 0x286D, 0x0F4D)),
        (bytes.fromhex("0801cc00286d000f4d"), gt06.Cell(460, 0, 0x286D, 0x0F4D)),  # not counting itself
        (b"\x00", None),  # no LBS block
    ],
)
def test_lbs_lengths(lbs: bytes, cell: gt06.Cell | None) -> None:
    loc = decode(alarm_packet(0x01, 0x02, lbs=lbs))
    assert loc.cell == cell and loc.position.alarms == ("sos",)


def test_seeworld_long_form() -> None:
    """SeeWorld's 0x16 (length 0x26): 4-byte cell id, battery byte already a percentage."""
    content = GPS + bytes.fromhex("0901cc00286d00000f4d") + bytes([0x00, 93, 3, 0x01, 0x02])
    loc = decode(gt06.encode_packet(gt06.ALARM, 1, content))
    assert loc.cell == gt06.Cell(460, 0, 0x286D, 0x0F4D)
    assert loc.status is not None and loc.status.battery_level == 93 and loc.position.alarms == ("sos",)
