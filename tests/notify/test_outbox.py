"""The notification outbox against a real HTTP receiver on 127.0.0.1: a smoke alarm in a room with an owner
and family becomes one notice with the documented payload, delivered with the bearer token; a gateway
that fails is retried and every attempt is stored on the alert and audited."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
import pytest

from sandbox_app.domain.enums import Relation
from sandbox_app.domain.model import District, Person
from sandbox_app.engine.pipeline import Engine
from sandbox_app.notify.outbox import NOTICES_KEY, Outbox, WebhookSender
from sandbox_app.store import open_store
from sandbox_app.store.base import Store
from tests.rules.helpers import MIN, district, ev, make_rule, t
from tests.support import wait_until

T0 = t("2024-05-06 03:00")
TOKEN = "s3cret-token"


class Receiver:
    """A gateway stand-in: records each POST (headers, JSON body); answers `status`."""

    def __init__(self) -> None:
        self.posts: list[tuple[dict[str, str], dict[str, Any]]] = []
        self.status = 200
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.posts.append((dict(self.headers), orjson.loads(body)))
                self.send_response(outer.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/notify"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def dist() -> District:
    return district()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "n.db")
    yield s
    s.close()


def _district(dist: District) -> District:
    owner = dist.people["P-OWN"]
    dist.people["P-OWN"] = replace(owner, extra={"phone": "13800001111"})
    dist.people["P-FAM"] = Person(
        "P-FAM", "测试家属", "R-OWN", Relation.FAMILY, extra={"mobile": "13900002222"}
    )
    dist.people["P-TEN2"] = Person(
        "P-TEN2", "测试租客", "R-OWN", Relation.TENANT, extra={"phone": "13700003333"}
    )
    return dist


def _run(store: Store, dist: District, receiver: Receiver) -> tuple[Engine, Outbox, list[tuple[str, str]]]:
    audited: list[tuple[str, str]] = []
    outbox = Outbox(
        _district(dist),
        WebhookSender(receiver.url, TOKEN),
        audit=lambda a, act, tgt, d: audited.append((act, tgt)),
    )
    engine = Engine(store, dist, [make_rule("smoke_alarm", dist), outbox])
    engine.ingest([ev("smoke.alarm", "SM-1", T0)])
    engine.advance_to(T0 + MIN)
    return engine, outbox, audited


def _notice(store: Store) -> dict[str, Any]:
    (alert,) = [a for a in store.alerts() if a.rule == "smoke_alarm"]
    (notice,) = alert.data[NOTICES_KEY]
    return notice  # type: ignore[no-any-return]


def test_smoke_alarm_notice_reaches_the_gateway(store: Store, dist: District, receiver: Receiver) -> None:
    engine, outbox, audited = _run(store, dist, receiver)
    wait_until(lambda: len(receiver.posts) == 1)
    headers, body = receiver.posts[0]
    assert headers["Authorization"] == f"Bearer {TOKEN}" and headers["Content-Type"].startswith(
        "application/json"
    )
    assert body["version"] == 1 and body["kind"] == "smoke_alarm" and body["room_id"] == "R-OWN"
    assert [r["person_id"] for r in body["recipients"]] == [
        "P-FAM",
        "P-OWN",
    ]  # owner and family, not the tenant
    assert body["recipients"][1]["phone"] == "13800001111"
    assert "烟感报警" in body["text"] and "测试小区1幢" in body["text"]
    engine.advance_to(T0 + 2 * MIN)  # the result is recorded at the next tick
    wait_until(lambda: (engine.advance_to(engine.now_ms() + 1000), _notice(store)["state"])[1] == "sent")
    assert ("notice.sent", body["notice_id"]) in audited
    engine.advance_to(T0 + 60 * MIN)
    assert len(receiver.posts) == 1  # one alert, one notice
    outbox.close()


def test_a_failing_gateway_is_retried_and_audited(store: Store, dist: District, receiver: Receiver) -> None:
    receiver.status = 503
    engine, outbox, audited = _run(store, dist, receiver)
    wait_until(lambda: len(receiver.posts) == 1)
    wait_until(lambda: (engine.advance_to(engine.now_ms() + 1000), _notice(store)["state"])[1] == "failed")
    assert "503" in _notice(store)["error"] and audited[0][0] == "notice.failed"
    receiver.status = 200
    engine.advance_to(engine.now_ms() + 31_000)  # past the first backoff: sent again
    wait_until(lambda: len(receiver.posts) == 2)
    wait_until(lambda: (engine.advance_to(engine.now_ms() + 1000), _notice(store)["state"])[1] == "sent")
    assert _notice(store)["attempts"] == 2 and [a for a, _ in audited] == ["notice.failed", "notice.sent"]
    outbox.close()


def test_no_notice_for_a_room_without_reachable_family(
    store: Store, dist: District, receiver: Receiver
) -> None:
    audited: list[tuple[str, str]] = []
    outbox = Outbox(
        dist, WebhookSender(receiver.url), audit=lambda a, act, tgt, d: audited.append((act, tgt))
    )
    engine = Engine(store, dist, [make_rule("smoke_alarm", dist), outbox])
    engine.ingest([ev("smoke.alarm", "SM-1", T0)])
    engine.advance_to(T0 + 5 * MIN)
    (alert,) = store.alerts()
    assert NOTICES_KEY not in alert.data and receiver.posts == [] and audited == []
    outbox.close()
