"""A loopback TCP proxy that misbehaves on purpose: per connection it passes, drops, delays, duplicates, or cuts the
request or the response mid-body, as a plan says. Only 127.0.0.1; every wait is bounded."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

RECV = 65536


@dataclass(frozen=True)
class Fault:
    """What to do to one connection. kind: pass | drop | delay | cut_request | cut_response | duplicate."""

    kind: str = "pass"
    at_byte: int = 0  # cut_*: bytes of that direction forwarded before the cut
    delay_s: float = 0.0  # delay: before each forwarded piece


class FaultProxy:
    """Connection n gets plan[n] (then `default`). `connections` counts what was accepted; `cuts` what was cut."""

    def __init__(self, target_port: int, plan: list[Fault] | None = None, default: Fault = Fault()) -> None:
        self.target_port = target_port
        self.plan = list(plan or [])
        self.default = default
        self.connections = 0
        self.faults_applied = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._accept_thread = threading.Thread(target=self._accept, daemon=True)
        self._accept_thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_plan(self, plan: list[Fault], default: Fault = Fault()) -> None:
        with self._lock:
            self.plan, self.default, self.connections = list(plan), default, 0

    def _next_fault(self) -> Fault:
        with self._lock:
            index = self.connections
            self.connections += 1
            fault = self.plan[index] if index < len(self.plan) else self.default
            if fault.kind != "pass":
                self.faults_applied += 1
            return fault

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            fault = self._next_fault()
            if fault.kind == "drop":
                _close(client, reset=True)
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                _close(client, reset=True)
                continue
            sent: list[bytes] = []
            pair = _Pair(client, upstream)
            for args in ((client, upstream, fault, True, sent), (upstream, client, fault, False, sent)):
                t = threading.Thread(target=self._pump, args=(pair, *args), daemon=True)
                t.start()
                self._threads.append(t)
            self._threads = [t for t in self._threads if t.is_alive()]

    def _pump(self, pair: _Pair, src: socket.socket, dst: socket.socket, fault: Fault, upstream_bound: bool,
              sent: list[bytes]) -> None:
        cut_here = (fault.kind == "cut_request" and upstream_bound) or (fault.kind == "cut_response"
                                                                        and not upstream_bound)
        forwarded = 0
        try:
            while not self._stop.is_set():
                data = src.recv(RECV)
                if not data:
                    break
                if fault.kind == "delay":
                    time.sleep(fault.delay_s)
                if cut_here and forwarded + len(data) >= fault.at_byte:
                    dst.sendall(data[:max(fault.at_byte - forwarded, 0)])
                    pair.cut()
                    return
                forwarded += len(data)
                if upstream_bound and fault.kind == "duplicate":
                    sent.append(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            if upstream_bound and fault.kind == "duplicate" and sent:
                self._replay(b"".join(sent))
            pair.close()

    def _replay(self, request_bytes: bytes) -> None:
        """Deliver the connection's requests a second time, late, on a fresh connection; the answers are dropped."""
        try:
            with socket.create_connection(("127.0.0.1", self.target_port), timeout=5) as again:
                again.sendall(request_bytes)
                again.shutdown(socket.SHUT_WR)
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline and again.recv(RECV):
                    pass
        except OSError:
            pass

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        for t in self._threads:
            t.join(2)


class _Pair:
    def __init__(self, a: socket.socket, b: socket.socket) -> None:
        self.a, self.b = a, b
        self._closed = threading.Lock()

    def cut(self) -> None:
        """Abrupt: RST to both ends, so neither side mistakes the cut for a clean end of message."""
        _close(self.a, reset=True)
        _close(self.b, reset=True)

    def close(self) -> None:
        for s in (self.a, self.b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


def _close(sock: socket.socket, *, reset: bool) -> None:
    try:
        if reset:  # SO_LINGER 0: close() sends RST instead of FIN
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
