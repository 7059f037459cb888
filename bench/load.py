"""Under load: the app under gunicorn (2 workers) on 127.0.0.1, hit by wrk from another process for a
bounded time; requests/s and errors for app pages beside a trivial view on the same server."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings

from .common import Row, skipped

SECTION = "load"
FLOOR = "/bench/ping, same server"
WORKERS = 2
CONNECTIONS = 4


def find_wrk() -> str | None:
    """wrk from Debian's packages; installed when we may (root with apt-get), else the section is skipped."""
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("load: wrk not found, installing it: apt-get install -y wrk", file=sys.stderr)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL,
            check=False,
        )
    return shutil.which("wrk")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn serving config.wsgi with bench.settings; stopped by its own pid."""

    def __init__(self) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        fd, self.log = tempfile.mkstemp(prefix="bench-gunicorn-", suffix=".log")
        os.close(fd)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(settings.BASE_DIR)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--workers", str(WORKERS),
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning", "--error-logfile", self.log],
            cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def wait(self, timeout: float = 30) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.base + "/bench/ping", timeout=2) as r:
                    if r.status == 200:
                        return True
            except OSError:
                time.sleep(0.2)
        return False

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        Path(self.log).unlink(missing_ok=True)

    def errors(self) -> str:
        return Path(self.log).read_text(errors="replace")[-2000:]


def wrk(binary: str, url: str, seconds: int) -> dict:
    out = subprocess.run(
        [binary, "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=False,
    ).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(int(g) for g in sock.groups()) if sock else 0)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    return {
        "rate": float(rate.group(1)) if rate else 0.0,
        "errors": errors,
        "p99_ms": float(p99.group(1)) * scale[p99.group(2)] if p99 else None,
        "raw": out,
    }


def run(targets: dict[str, str], seconds: int = 10) -> list[Row]:
    """``targets`` names app paths to load, e.g. {"case page, 100 events": "/cases/12/"}."""
    binary = find_wrk()
    if not binary:
        return [skipped(SECTION, "under load", "wrk is not installed (apt-get install -y wrk)")]
    server = Server()
    try:
        if not server.wait():
            return [skipped(SECTION, "under load", f"gunicorn did not start: {server.errors()}")]
        floor = wrk(binary, server.base + "/bench/ping", seconds)
        rows = [
            Row(SECTION, f"/bench/ping ({WORKERS} workers, {CONNECTIONS} conns, {seconds} s)", floor["rate"],
                "req/s", target="information", ok=floor["errors"] == 0,
                note=f"{floor['errors']} errors, p99 {floor['p99_ms']} ms")
        ]  # fmt: skip
        for name, path in targets.items():
            result = wrk(binary, server.base + path, seconds)
            rows.append(
                Row(SECTION, name, result["rate"], "req/s", floor["rate"], FLOOR, "no errors",
                    result["errors"] == 0 and result["rate"] > 0,
                    note=f"{result['errors']} errors, p99 {result['p99_ms']} ms")
            )  # fmt: skip
        return rows
    finally:
        server.stop()
