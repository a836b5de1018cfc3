"""Helpers for registry tests: an in-thread uvicorn server, enrolled stations, a connection-cutting TCP proxy."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import uvicorn

from assessdesk.domain.events import AuthoredEvent
from assessdesk.domain.ids import new_id
from assessdesk.registry.app import create_app
from assessdesk.registry.context import Registry
from assessdesk.registry.stations.service import issue_code
from assessdesk.services.sync.client import RegistryClient
from assessdesk.trust.event_hash import event_hash
from assessdesk.trust.keys import SigningKey


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """uvicorn.Server serving the registry app in a thread; stop() and start() again on the same port."""

    def __init__(self, registry: Registry, port: int) -> None:
        self.registry = registry
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        config = uvicorn.Config(create_app(self.registry), host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="off", timeout_graceful_shutdown=2)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("registry server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        assert self._server and self._thread
        self._server.should_exit = True
        self._thread.join(10)


@dataclass
class EnrolledStation:
    client: RegistryClient
    station_id: str
    key: SigningKey
    kinds: tuple[str, ...]
    made: list[AuthoredEvent] = field(default_factory=list)

    def event(self, *, event_type: str = "attempt.scheduled", entity_type: str = "attempt",
              entity_id: str | None = None, payload: dict[str, Any] | None = None, supersedes: str | None = None,
              base_version: int = 0) -> AuthoredEvent:
        draft = AuthoredEvent(event_id=new_id(), entity_type=entity_type, entity_id=entity_id or new_id(),
                              event_type=event_type, payload=payload or {}, author_station=self.station_id,
                              author_user="user-1", occurred_at="2026-01-05T09:00:00.000Z",
                              base_version=base_version, supersedes=supersedes)
        event = AuthoredEvent(**{**draft.__dict__, "content_hash": event_hash(draft)})
        self.made.append(event)
        return event


def enrol(server: ServerThread, *kinds: str, name: str = "station") -> EnrolledStation:
    code = issue_code(server.registry)
    key = SigningKey.generate("station-key")
    client = RegistryClient(server.url)
    answer = client.enrol(code=code, station_name=name, public_key=key.public_b64(), kinds=list(kinds))
    return EnrolledStation(client, answer.station_id, key, kinds)


class CuttingProxy:
    """Forwards TCP to 127.0.0.1:`target`, and once (after `cut_after` client bytes) closes both ends abruptly."""

    def __init__(self, target: int, cut_after: int) -> None:
        self.target = target
        self.cut_after = cut_after
        self.forwarded = 0
        self.cut = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        self._listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, counts: bool) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if counts and not self.cut.is_set():
                    room = self.cut_after - self.forwarded
                    if len(data) >= room:
                        dst.sendall(data[:room])
                        self.forwarded += room
                        self.cut.set()
                        # shutdown() first: close() alone leaves the socket open while the other pump thread is
                        # still blocked in recv() on it, and the far end would never see the cut.
                        for s in (src, dst):
                            try:
                                s.shutdown(socket.SHUT_RDWR)
                            except OSError:
                                pass
                            s.close()
                        return
                    self.forwarded += len(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
