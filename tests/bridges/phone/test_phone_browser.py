"""The guard's phone page in a real browser: Debian's headless Chromium driven by selenium, a 390×844 phone
screen, geolocation emulated over CDP. End to end against a station wired as `sandbox-app serve` wires it:
enrol with the admin's code, share a position (the guard moves in the store), receive an order the desk
dispatched (ring), accept, arrive (once offline: the reply waits in the page's queue and goes when the
network is back), finish with a note, feedback with a photo; the store shows each step; another guard's
order is refused; a revoked phone is sent back to enrolment.

Screenshots of each view go to the test's tmp dir, and to $SANDBOX_PHONE_SCREENSHOTS when set
(`SANDBOX_PHONE_SCREENSHOTS=docs/screenshots` refreshes the ones in docs/dispatch.md).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
import requests

from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.domain.distance import distance_m
from tests.bridges.phone.phone_station import PhoneStation, now_ms
from tests.servers import require_chromium
from tests.support import wait_until

S = DispatchState
PHONE_W, PHONE_H = 390, 844


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    chromium, chromedriver = require_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--window-size={PHONE_W},{PHONE_H}",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--lang=zh-CN",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    try:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": PHONE_W, "height": PHONE_H, "deviceScaleFactor": 2, "mobile": True},
        )
        driver.set_script_timeout(10)
        yield driver
    finally:
        driver.quit()


class Phone:
    """The page as the guard uses it: what is shown, the buttons, the emulated GPS and network."""

    def __init__(self, driver: Any, station: PhoneStation, shots: Path) -> None:
        self.driver = driver
        self.station = station
        self.shots = shots
        origin = station.url.rstrip("/")
        driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": origin, "permissions": ["geolocation"]})

    def move_to(self, lon: float, lat: float) -> None:
        self.driver.execute_cdp_cmd(
            "Emulation.setGeolocationOverride", {"latitude": lat, "longitude": lon, "accuracy": 8}
        )

    def offline(self, off: bool) -> None:
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": off, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )

    def el(self, css: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def text(self, css: str) -> str:
        return str(self.el(css).text)

    def shown(self, css: str) -> bool:
        return bool(self.el(css).is_displayed())

    def button(self, state: str) -> Any:
        return self.el(f'#actions button[data-state="{state}"]')

    def enabled(self) -> list[str]:
        states = ("accepted", "declined", "on_scene", "handled", "feedback")
        return [s for s in states if self.button(s).is_enabled()]

    def fetch_status(self, path: str) -> int:
        script = "const done = arguments[0]; fetch(arguments[1]).then(r => done(r.status), () => done(-1));"
        return int(self.driver.execute_async_script(script.replace("arguments[1]", repr(path))))

    def shot(self, name: str) -> Path:
        path = self.shots / name
        path.write_bytes(self.driver.get_screenshot_as_png())
        target = os.environ.get("SANDBOX_PHONE_SCREENSHOTS")
        if target:
            Path(target).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, Path(target) / name)
        return path


def near(station: PhoneStation, device: str, lon: float, lat: float) -> bool:
    f = station.store.last_fixes(now_ms() + 60_000).get(device)
    return f is not None and distance_m(f.lon, f.lat, lon, lat) < 2.0


def map_pixels(png: Path, bgr: tuple[int, int, int]) -> int:
    """How many pixels of the map area have this colour (route orange, incident red, guard blue)."""
    image = cv2.imread(str(png))
    assert image is not None
    top = image[: image.shape[0] // 2]
    return int(np.all(np.abs(top.astype(int) - np.array(bgr)) < 30, axis=2).sum())


def test_a_guard_takes_an_order_on_the_phone_from_enrolment_to_feedback(
    browser: Any, station: PhoneStation, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    district = station.district
    shots = tmp_path / "shots"
    shots.mkdir()
    minx, miny, maxx, maxy = (
        min(b.footprint.bounds[0] for b in district.buildings.values()),
        min(b.footprint.bounds[1] for b in district.buildings.values()),
        max(b.footprint.bounds[2] for b in district.buildings.values()),
        max(b.footprint.bounds[3] for b in district.buildings.values()),
    )
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    building = min(
        district.buildings.values(),
        key=lambda b: distance_m(
            cx, cy, b.footprint.representative_point().x, b.footprint.representative_point().y
        ),
    )
    start = (cx - 0.0035, cy - 0.0020)
    walking = (cx - 0.0020, cy - 0.0012)
    phone = Phone(browser, station, shots)
    phone.move_to(*start)

    # Enrolment: the admin's code arrives as a link; the guard taps 登记.
    code = station.enrol("GD001")
    browser.get(station.url + f"#code={code}")
    wait_until(lambda: phone.shown("#enrol"), 10, "the enrolment form")
    assert phone.el("#code").get_attribute("value") == code
    phone.shot("phone-enrol.png")
    phone.el("#enrol-go").click()
    guard_name = district.guards["GD001"].name
    wait_until(lambda: phone.shown("#app") and guard_name in phone.text("#who"), 10, "the guard's page")
    assert phone.text("#no-order").startswith("当前没有警情指令")
    # Installable: manifest, icon, a service worker that controls the page (Chromium's own check).
    controlled = "return !!navigator.serviceWorker.controller"
    wait_until(lambda: browser.execute_script(controlled), 10, "the service worker")
    errors = browser.execute_cdp_cmd("Page.getInstallabilityErrors", {})["installabilityErrors"]
    assert errors == [], errors

    # Position sharing: the guard's device moves in the store as the phone moves.
    wait_until(lambda: near(station, "GPS-00001", *start), 15, "the first fix in the store")
    assert phone.text("#geo").startswith("位置共享：已发送")
    phone.move_to(*walking)
    wait_until(lambda: near(station, "GPS-00001", *walking), 15, "the guard moved in the store")
    wait_until(
        lambda: "geo" in browser.execute_script("return JSON.stringify(view.map ? 'geo' : '')"), 10, "map"
    )
    phone.shot("phone-idle.png")

    # The desk dispatches: the phone rings, shows the place, route and ETA.
    alert = station.alert_at(building.id)
    d = station.dispatch(alert, "GD001", note="带灭火器，注意楼道烟雾")
    wait_until(lambda: phone.shown("#ring"), 10, "the ring for the new order")
    phone.shot("phone-alarm.png")
    phone.el("#ring-ok").click()
    wait_until(lambda: phone.shown("#card") and "待签收" in phone.text("#state"), 10, "the order card")
    assert building.name in phone.text("#place")
    assert phone.text("#what") == "烟感报警"  # what happened, in the desk's words
    # The order came over the WebSocket (the event stream is only the fallback).
    assert browser.execute_script("return liveTransport") == "websocket"
    assert station.phone.stats.websockets >= 1
    wait_until(lambda: "分钟到达" in phone.text("#eta"), 10, "route and ETA")
    assert "带灭火器" in phone.text("#note")
    assert phone.enabled() == ["accepted", "declined"]
    order_png = phone.shot("phone-order.png")
    assert map_pixels(order_png, (0, 109, 255)) > 100, "no route drawn on the map"  # #ff6d00
    assert map_pixels(order_png, (0, 0, 213)) > 50, "no incident marker on the map"  # #d50000
    assert map_pixels(order_png, (192, 101, 21)) > 50, "no guard dot on the map"  # #1565c0

    # 签收: the desk's store has it, by the guard.
    phone.button("accepted").click()
    wait_until(lambda: station.stored(d.id).state is S.ACCEPTED, 10, "accepted in the store")
    wait_until(lambda: phone.enabled() == ["on_scene"], 10, "已到场 enabled")

    # 已到场 with the network gone: queued in the page, sent when it comes back.
    phone.offline(True)
    phone.button("on_scene").click()
    wait_until(lambda: "待发送 1 条" in phone.text("#queue"), 10, "the reply waiting in the page")
    assert "已到场（待发送）" in phone.text("#state")
    assert phone.enabled() == ["handled"]  # the guard goes on while offline
    phone.shot("phone-offline.png")
    assert station.stored(d.id).state is S.ACCEPTED
    phone.offline(False)
    wait_until(lambda: station.stored(d.id).state is S.ON_SCENE, 20, "on scene once back online")
    wait_until(lambda: not phone.shown("#queue"), 10, "the queue emptied")

    # 处置完毕 with a note (once the page has the station's word that the guard is on scene).
    wait_until(lambda: phone.enabled() == ["handled"], 10, "处置完毕 enabled")
    phone.button("handled").click()
    phone.el("#text").send_keys("明火已扑灭，无人员受伤")
    phone.el("#send").click()
    wait_until(lambda: station.stored(d.id).state is S.HANDLED, 10, "handled in the store")

    # 反馈 with text and a photo from the "camera" (the file input).
    photo = tmp_path / "scene.jpg"
    picture = np.full((480, 640, 3), (40, 90, 200), np.uint8)
    cv2.putText(picture, "scene", (200, 260), cv2.FONT_HERSHEY_SIMPLEX, 3, (255, 255, 255), 6)
    cv2.imwrite(str(photo), picture)
    wait_until(lambda: phone.enabled() == ["feedback"], 10, "反馈 enabled")
    phone.button("feedback").click()
    phone.el("#text").send_keys("现场已移交物业，建议检查楼道电线")
    browser.find_element(By.CSS_SELECTOR, "#photo").send_keys(str(photo))
    wait_until(lambda: phone.shown("#preview"), 10, "the photo preview")
    phone.shot("phone-feedback.png")
    phone.el("#send").click()
    wait_until(lambda: station.stored(d.id).state is S.FEEDBACK, 10, "feedback in the store")
    stored = station.stored(d.id)
    assert [str(s.state) for s in stored.history] == ["issued", "accepted", "on_scene", "handled", "feedback"]
    assert [s.actor for s in stored.history[1:]] == ["GD001"] * 4
    assert stored.history[3].note == "明火已扑灭，无人员受伤"
    assert stored.feedback == "现场已移交物业，建议检查楼道电线"
    assert stored.photo is not None
    saved = cv2.imread(stored.photo)
    assert saved is not None and saved.shape[:2] == (480, 640)
    wait_until(lambda: "已反馈" in phone.text("#state"), 10, "the page shows the feedback step")
    assert station.phone.stats.applied == 4 and station.phone.stats.rejected == 0

    # Another guard's order is not this phone's to read.
    two = requests.Session()
    two.post(station.url + "api/enrol", json={"code": station.enrol("GD002")}, timeout=5)
    other = station.dispatch(station.alert_at(building.id), "GD002")
    assert phone.fetch_status(f"/api/dispatch/{other.id}") == 403
    assert phone.fetch_status(f"/api/dispatch/{d.id}") == 200

    # Revoked: the page goes back to enrolment and the token no longer works.
    station.revoke("GD001")
    wait_until(lambda: phone.shown("#enrol"), 10, "the enrolment form after revocation")
    assert "注销" in phone.text("#enrol-msg")
    assert phone.fetch_status("/api/order") == 401
    phone.shot("phone-revoked.png")


def test_the_page_says_when_the_browser_refuses_the_position(
    browser: Any, station: PhoneStation, tmp_path: Path
) -> None:
    browser.execute_cdp_cmd(
        "Browser.setPermission",
        {"origin": station.url.rstrip("/"), "permission": {"name": "geolocation"}, "setting": "denied"},
    )
    code = station.enrol("GD003")
    browser.get(station.url + f"#code={code}")
    phone = Phone.__new__(Phone)
    phone.driver, phone.station, phone.shots = browser, station, tmp_path
    wait_until(lambda: phone.shown("#enrol"), 10, "the enrolment form")
    phone.el("#enrol-go").click()
    wait_until(lambda: phone.shown("#app"), 10, "the guard's page")
    wait_until(lambda: "浏览器已禁止定位" in phone.text("#geo"), 10, "the refusal said on the page")
    assert "bad" in phone.el("#geo").get_attribute("class")


def test_without_a_websocket_the_page_falls_back_to_the_event_stream(
    browser: Any, station: PhoneStation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A proxy that does not pass the upgrade (here: the station answers it 400): the page takes its orders
    from the event stream instead, and they arrive the same."""
    from sandbox_app.bridges.phone import websocket

    monkeypatch.setattr(websocket, "handshake_problem", lambda headers: "no upgrade through this proxy")
    code = station.enrol("GD001")
    browser.get(station.url + f"#code={code}")
    phone = Phone(browser, station, tmp_path)
    wait_until(lambda: phone.shown("#enrol"), 10, "the enrolment form")
    phone.el("#enrol-go").click()
    wait_until(lambda: phone.shown("#app"), 10, "the guard's page")
    transport = "return liveTransport"
    wait_until(lambda: browser.execute_script(transport) == "sse", 15, "the event stream as the fallback")
    building = next(iter(station.district.buildings))
    d = station.dispatch(station.alert_at(building), "GD001")
    wait_until(lambda: phone.shown("#ring"), 10, "the ring for the new order")
    phone.el("#ring-ok").click()
    wait_until(lambda: phone.shown("#card") and "待签收" in phone.text("#state"), 10, "the order card")
    assert phone.text("#what") == "烟感报警"
    assert browser.execute_script("return view.order.id") == d.id
    assert station.phone.stats.websockets == 0
