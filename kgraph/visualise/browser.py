"""Open a page in headless Chromium with the network cut off, and drive it (tests, benchmark).

``Browser`` starts Debian's ``chromium`` with ``--remote-debugging-pipe`` and speaks the Chrome
DevTools Protocol over that pipe (JSON messages ending in a NUL byte), so it needs no driver
and no package beyond the standard library.  Every host name resolves to nothing and every
request goes to a proxy that does not exist; besides, every request the page makes is recorded
(``requests``), as is every console error, uncaught exception and log error (``errors``).

    with Browser() as browser:
        browser.open(page.as_uri())
        browser.wait_for("window.__kgReady !== undefined")
        browser.evaluate("document.title")
        browser.screenshot(Path("page.png"))
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import KgraphError

# requests to these schemes never leave the machine
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:", "chrome:", "devtools:")


def find_chromium() -> str | None:
    """The Chromium executable, or None where none is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """Headless Chromium driven over the DevTools pipe (see the module docstring)."""

    def __init__(self, *, width: int = 1400, height: int = 900, executable: str | None = None, timeout: float = 60) -> None:
        self.executable = executable or find_chromium()
        if self.executable is None:
            raise KgraphError("chromium is not installed; install it with: apt-get install -y chromium")
        self.width, self.height, self.timeout = width, height, timeout
        self.errors: list[str] = []
        self.requests: list[str] = []  # every URL the page asked for, in order
        self._request_ids: list[str] = []
        self._blocked: set[str] = set()  # requests the browser itself refused (CSP)
        self._next_id = 0
        self._buffer = b""
        self._session = ""
        self._profile = tempfile.mkdtemp(prefix="kgraph-chromium-")
        self._process: subprocess.Popen[bytes] | None = None

    # ---- process and pipe -------------------------------------------------------------------
    def __enter__(self) -> Browser:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def start(self) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()

        def plumbing() -> None:  # in the child: its fd 3 reads our commands, fd 4 writes replies
            reader, writer = os.dup(to_child_r), os.dup(from_child_w)  # out of the way of 3 and 4
            os.dup2(reader, 3)  # dup2 makes them inheritable; every other pipe end closes on exec
            os.dup2(writer, 4)

        args = [
            str(self.executable), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
            "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost", "--proxy-server=http://127.0.0.1:9",
            "--proxy-bypass-list=<-loopback>", f"--window-size={self.width},{self.height}",
            f"--user-data-dir={self._profile}", "about:blank",
        ]
        self._process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=plumbing,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._write, self._read = to_child_w, from_child_r
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height, deviceScaleFactor=1, mobile=False)

    def close(self) -> None:
        if self._process is not None:
            try:
                self._send("Browser.close", {}, session=False)
                self._process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()
            for fd in (self._write, self._read):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self._process = None
        shutil.rmtree(self._profile, ignore_errors=True)

    def _send(self, method: str, params: dict[str, Any], *, session: bool = True) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session and self._session:
            message["sessionId"] = self._session
        os.write(self._write, json.dumps(message).encode("utf-8") + b"\0")
        return self._next_id

    def _receive(self, deadline: float) -> dict[str, Any]:
        import select

        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._read], [], [], left)[0]:
                raise KgraphError("chromium did not answer in time")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise KgraphError("chromium exited")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        self._event(message)
        return message

    def _event(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append("console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.errors.append("exception: " + str(details.get("exception", {}).get("description") or details.get("text")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            self.errors.append("log: " + str(params["entry"].get("text")))
        elif method == "Network.requestWillBeSent":
            self.requests.append(str(params.get("request", {}).get("url", "")))
            self._request_ids.append(str(params.get("requestId", "")))
        elif method == "Network.loadingFailed" and params.get("blockedReason"):
            self._blocked.add(str(params.get("requestId", "")))

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a DevTools command and wait for its result."""
        number = self._send(method, params, session=not method.startswith(("Target.", "Browser.")))
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._receive(deadline)
            if message.get("id") == number:
                if "error" in message:
                    raise KgraphError(f"{method}: {message['error'].get('message')}")
                result: dict[str, Any] = message.get("result", {})
                return result

    def pump(self, seconds: float) -> None:
        """Collect events for a while (console errors that arrive late)."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._receive(deadline)
        except KgraphError:
            pass

    # ---- page ---------------------------------------------------------------------------------
    def open(self, url: str) -> None:
        """Navigate and wait for the load event."""
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + self.timeout
        while self._receive(deadline).get("method") != "Page.loadEventFired":
            pass

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (awaited if it is a promise)."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise KgraphError(f"page script failed: {result['exceptionDetails'].get('exception', {}).get('description')}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, *, timeout: float | None = None) -> Any:
        """Poll until a JavaScript expression is truthy; its value."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise KgraphError(f"timed out waiting for: {expression}")
            time.sleep(0.05)

    def click(self, x: float, y: float) -> None:
        """A left click at page coordinates."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def type_text(self, text: str) -> None:
        """Type into the focused element."""
        self.call("Input.insertText", text=text)

    def press(self, key: str) -> None:
        """Press and release a key such as Enter."""
        codes = {"Enter": 13, "Escape": 27, "ArrowDown": 40}
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=codes.get(key, 0))

    def screenshot(self, path: Path) -> None:
        """Save a PNG of the viewport."""
        data = self.call("Page.captureScreenshot", format="png")["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def remote_requests(self) -> list[str]:
        """Requests to anything but the page itself that the browser did not refuse (CSP) first."""
        return [
            url for url, request in zip(self.requests, self._request_ids)
            if not url.startswith(LOCAL_SCHEMES) and request not in self._blocked
        ]

    def clear(self) -> None:
        """Forget the errors and requests seen so far."""
        self.errors.clear()
        self.requests.clear()
        self._request_ids.clear()
        self._blocked.clear()
