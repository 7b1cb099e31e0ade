"""How the interop suite starts each peer and talks to it (see run.py and README.md).

Every peer answers `call(step)` with a dict: {"ok": true, ...}, {"ok": false, "error": "..."}
or {"ok": false, "unsupported": "..."}. Browsers run page.html, which fetches its steps from
the Broker over HTTP on 127.0.0.1; aiortc and GStreamer run aiortc_peer.py and gst_peer.py,
which read steps as JSON lines on stdin. Every peer process leads its own process group and is
ended by its own process id.
"""

import json
import sys
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

INTEROP = Path(__file__).resolve().parent.parent

STEP_TIMEOUT = 20  # seconds for one step of a peer (createOffer, setRemoteDescription, ...)
START_TIMEOUT = 60  # seconds for a browser to start and load the page



class QuietServer(ThreadingHTTPServer):
    """A peer killed at the end of its run drops its pending long poll: not an error to print."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)

class PeerGone(Exception):
    """A peer hung (no reply in time) or died: the cell is an error, the peer is restarted."""


class Broker:
    """The HTTP side of the browsers: serves page.html, hands each page its next step
    (long poll) and collects its results. Bound to 127.0.0.1 only."""

    def __init__(self):
        self.steps = {}  # peer -> queue of steps for its page
        self.results = {}  # peer -> queue of results from its page
        broker = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet: the matrix is the output
                pass

            def reply(self, code, body, kind="application/json"):
                data = body.encode()
                self.send_response(code)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urlparse(self.path)
                peer = parse_qs(url.query).get("peer", [""])[0]
                if url.path == "/page.html":
                    self.reply(200, (INTEROP / "page.html").read_text(), "text/html")
                elif url.path == "/next" and peer in broker.steps:
                    try:
                        step = broker.steps[peer].get(timeout=10)
                    except queue.Empty:
                        step = {"op": "wait"}
                    self.reply(200, json.dumps(step))
                else:
                    self.reply(404, "{}")

            def do_POST(self):
                url = urlparse(self.path)
                peer = parse_qs(url.query).get("peer", [""])[0]
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if url.path == "/result" and peer in broker.results:
                    broker.results[peer].put(json.loads(body))
                self.reply(200, "{}")

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def register(self, peer):
        self.steps[peer] = queue.Queue()
        self.results[peer] = queue.Queue()


def kill_group(proc):
    """Ends a peer we started, by its own process id: it leads its own process group, so its
    helpers (a browser's renderers) end with it. The leader is reaped only at the end, so the
    group id cannot have been reused by then."""
    if proc is None or proc.returncode is not None:
        return
    for sig, grace in ((signal.SIGTERM, 5), (signal.SIGKILL, 0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        end = time.monotonic() + grace
        flags = os.WEXITED | os.WNOHANG | os.WNOWAIT  # has it exited? (without reaping it)
        while time.monotonic() < end and os.waitid(os.P_PID, proc.pid, flags) is None:
            time.sleep(0.05)
    proc.wait()


class BrowserPeer:
    def __init__(self, name, binary, broker):
        self.name, self.binary, self.broker = name, binary, broker
        self.proc, self.dir, self.version, self.seq = None, None, None, 0

    def command(self, url):
        raise NotImplementedError

    def start(self):
        """Launches the browser on the page; returns why not, or None."""
        path = shutil.which(self.binary)
        if not path:
            return f"`{self.binary}` is not installed (interop/setup.sh installs it)"
        try:
            self.version = subprocess.run([path, "--version"], capture_output=True, text=True,
                                          timeout=30).stdout.strip()
        except subprocess.TimeoutExpired:
            return f"`{self.binary} --version` did not answer in 30 s"
        self.broker.register(self.name)  # fresh queues: nothing left from a killed instance
        self.dir = tempfile.mkdtemp(prefix=f"interop-{self.name}-")
        url = f"http://127.0.0.1:{self.broker.port}/page.html?peer={self.name}"
        env = dict(os.environ, HOME=self.dir)  # nothing of the user's profile is read or written
        self.log = open(Path(self.dir) / "browser.log", "wb")
        self.proc = subprocess.Popen(self.command(url), stdout=self.log, stderr=self.log,
                                     stdin=subprocess.DEVNULL, env=env, start_new_session=True)
        try:
            hello = self.broker.results[self.name].get(timeout=START_TIMEOUT)
        except queue.Empty:
            self.close()
            return f"{self.name} did not load the page in {START_TIMEOUT} s"
        if not hello.get("ok"):
            self.close()
            return f"{self.name} page failed: {hello}"
        ua = self.call({"op": "info"}).get("userAgent", "")
        self.version = f"{self.version} ({ua})" if ua else self.version
        return None

    def call(self, step, timeout=STEP_TIMEOUT):
        self.seq += 1
        step = dict(step, id=self.seq)
        self.broker.steps[self.name].put(step)
        deadline = time.monotonic() + timeout
        while True:
            try:
                result = self.broker.results[self.name].get(
                    timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise PeerGone(f"{self.name}: no result for `{step['op']}` in {timeout} s")
            if result.get("id") == self.seq:  # a late result of a timed-out step is dropped
                return result

    def close(self):
        kill_group(self.proc)
        self.proc = None
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)


class Chromium(BrowserPeer):
    def __init__(self, broker):
        super().__init__("chromium", "chromium", broker)

    def command(self, url):
        return [
            self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={self.dir}/profile",
            "--no-default-browser-check", "--disable-extensions", "--disable-domain-reliability",
            "--disable-crash-reporter",
            # Host candidates as plain addresses, not mDNS names: mDNS would announce them
            # on the network.
            "--disable-features=WebRtcHideLocalIpsWithMdns",
            # Any HTTP(S) request not for 127.0.0.1 goes to a closed local port, never out
            # (Chromium never proxies loopback addresses).
            "--proxy-server=127.0.0.1:9",
            url,
        ]


FIREFOX_PREFS = {
    # Updates, telemetry, studies, safe browsing: all off.
    "app.update.auto": False, "app.update.enabled": False, "app.normandy.enabled": False,
    "toolkit.telemetry.enabled": False, "toolkit.telemetry.unified": False,
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "browser.safebrowsing.malware.enabled": False, "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "extensions.update.enabled": False, "extensions.getAddons.cache.enabled": False,
    "media.gmp-manager.updateEnabled": False, "media.gmp-manager.url": "",
    "browser.shell.checkDefaultBrowser": False, "browser.aboutwelcome.enabled": False,
    "browser.startup.homepage_override.mstone": "ignore", "browser.startup.page": 0,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False, "network.trr.mode": 5,
    "network.dns.disablePrefetch": True, "network.prefetch-next": False,
    "network.predictor.enabled": False, "services.settings.server": "http://127.0.0.1:9/",
    "browser.search.update": False, "browser.newtabpage.enabled": False,
    # Any other HTTP(S) request goes to a closed local port, never out.
    "network.proxy.type": 1, "network.proxy.http": "127.0.0.1", "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": 9,
    "network.proxy.no_proxies_on": "127.0.0.1",
    # Plain host candidates (no mDNS announcements) and loopback candidates.
    "media.peerconnection.ice.obfuscate_host_addresses": False,
    "media.peerconnection.ice.loopback": True,
}


class Firefox(BrowserPeer):
    def __init__(self, broker):
        super().__init__("firefox", "firefox-esr", broker)

    def command(self, url):
        profile = Path(self.dir) / "profile"
        profile.mkdir()
        (profile / "user.js").write_text("".join(
            f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in FIREFOX_PREFS.items()))
        return [self.binary, "--headless", "--no-remote", "--profile", str(profile), url]


class ProcessPeer:
    """A peer in a helper process speaking one JSON object per line (peers/*.py)."""

    def __init__(self, name, argv, why_missing):
        self.name, self.argv, self.why_missing = name, argv, why_missing
        self.proc, self.version = None, None

    def spawn(self):
        self.err = tempfile.TemporaryFile()  # its last words, if it dies
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.err, text=True, start_new_session=True)
        self.replies = queue.Queue()

        def read(out=self.proc.stdout, replies=self.replies):
            for line in out:
                replies.put(json.loads(line))
            replies.put(None)  # end of output: the process is gone

        threading.Thread(target=read, daemon=True).start()

    def start(self):
        """Starts the helper; returns why not, or None."""
        if not Path(self.argv[0]).exists():
            return self.why_missing
        self.spawn()
        try:
            info = self.call({"op": "info"}, timeout=START_TIMEOUT)
        except PeerGone as e:
            self.close()
            return f"{self.name} did not start: {e}"
        if not info.get("ok"):
            self.close()
            return f"{self.name} did not start: {info.get('error')}"
        self.version = info["version"]
        return None

    def call(self, step, timeout=STEP_TIMEOUT):
        try:
            self.proc.stdin.write(json.dumps(step) + "\n")
            self.proc.stdin.flush()
            reply = self.replies.get(timeout=timeout)
        except queue.Empty:
            raise PeerGone(f"{self.name}: no reply to `{step['op']}` in {timeout} s")
        except BrokenPipeError:
            reply = None
        if reply is None:
            self.err.seek(0)
            tail = self.err.read().decode(errors="replace").strip().splitlines()[-3:]
            raise PeerGone(f"{self.name} exited: {' / '.join(tail)}")
        return reply

    def close(self):
        kill_group(self.proc)
        self.proc = None
