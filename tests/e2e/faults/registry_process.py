"""A real registry process (`python -m assessdesk.registry.cli serve`) on 127.0.0.1: start, SIGKILL, restart on the
same port and data folder; admin commands run against the same folder, as on the registry's machine."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RegistryProcess:
    def __init__(self, data_dir: Path, *, port: int | None = None, database_url: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.database_url = database_url
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = self.data_dir.parent / f"registry-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _args(self) -> list[str]:
        args = ["--data", str(self.data_dir)]
        if self.database_url:
            args += ["--database-url", self.database_url]
        return args

    def start(self, timeout: float = 60.0) -> RegistryProcess:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "assessdesk.registry.cli", "serve", *self._args(),
                                          "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
                                         stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"registry exited with {self.proc.returncode}: {self.log.read_text()[-2000:]}")
            try:
                httpx.get(f"{self.url}/v1/time", timeout=1.0)  # any HTTP answer (401 without a token) means up
                return self
            except httpx.TransportError:
                time.sleep(0.05)
        self.kill()
        raise RuntimeError("registry did not start in time")

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, no flushing; what the registry committed must be all that counts."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None

    def admin(self, *args: str) -> None:
        """An admin command on the registry's data, in this process (as `assessdesk-registry admin ...`)."""
        from assessdesk.registry.cli import main

        code = main(["admin", *args, *self._args()])
        if code != 0:
            raise RuntimeError(f"admin {' '.join(args)} failed with {code}")

    def code(self, *kinds: str) -> str:
        import contextlib
        import io
        import json

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            self.admin("code", "issue", "--json", *(["--kinds", ",".join(kinds)] if kinds else []))
        return json.loads(out.getvalue())["code"]
