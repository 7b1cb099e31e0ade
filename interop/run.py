#!/usr/bin/env python3
"""The sdpkit interop suite: real WebRTC peers against our offers and answers.

For every peer x scenario x direction it records accepted / rejected (with the peer's error
text) / skipped (with why) / error (a step failed that decides nothing, e.g. a timeout):
  1. peer-offers:   the peer offers, `sdp answer` answers, the peer applies our answer;
  2. we-offer:      `sdp offer` (or, for re-offers, a Negotiator in the interop_driver example)
                    offers, the peer answers, `sdp check-answer` and the Negotiator apply it;
  3. parse-write:   every SDP the peer produced parses, writes back byte for byte, validates.
Exits 1 on any rejected or error cell, 0 otherwise (skips are reported, not failures).

Only the standard library; everything stays on 127.0.0.1 (see README.md, "Nothing leaves").
"""

import argparse
import json
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peers.launch import Broker, Chromium, Firefox, PeerGone, ProcessPeer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SDP = ROOT / "target/release/sdp"
DRIVER = ROOT / "target/release/examples/interop_driver"
VENV_PYTHON = HERE / ".venv/bin/python"

DIRECTIONS = ["peer-offers", "we-offer", "parse-write"]


class Unsupported(Exception):
    """The peer has no API for a step of the scenario: the cell is skipped, with why."""


class StepFailed(Exception):
    """A step failed before the one that decides the cell (the cell is an error)."""


# ---------------------------------------------------------------------------------------------
# Scenarios: rounds of actions on the offering side (the peer in direction 1, us in 2).


def add(kind, direction="sendrecv", rids=()):
    return {"op": "add", "kind": kind, "direction": direction, "rids": list(rids)}


DATA = {"op": "data"}
RESTART = {"op": "restart"}


def stop(index):
    return {"op": "stop", "index": index}


AV = [add("audio"), add("video")]

# name, rounds, and the `sdp offer` flags for a single-round scenario the CLI can express
# (the others go through the Negotiator of the interop_driver example).
SCENARIOS = [
    ("audio", [[add("audio")]], ["--audio", "1"]),
    ("audio-video", [AV], ["--audio", "1", "--video", "1"]),
    ("audio-video-data", [AV + [DATA]], ["--audio", "1", "--video", "1", "--data"]),
    ("data", [[DATA]], ["--audio", "0", "--data"]),
    ("simulcast-3", [[add("video", "sendonly", ["h", "m", "l"])]],
     ["--audio", "0", "--video", "1", "--simulcast", "h,m,l"]),
    ("2audio-2video", [[add("audio"), add("audio"), add("video"), add("video")]],
     ["--audio", "2", "--video", "2"]),
    ("recvonly-video", [[add("video", "recvonly")]], None),
    ("ice-restart", [AV, [RESTART]], None),
    ("stop-transceiver", [AV, [stop(1)]], None),
    ("recycle-m-section", [AV, [stop(1)], [add("video")]], None),
]

# Where a peer is wrong, not us (README.md, "What the peers cannot do"): a cell that fails with
# exactly these check_answer rules is reported as skipped with the reason. Any other failure,
# or one more rule broken, still fails.
PEER_FAULTS = [
    ("aiortc", "ice-restart", {"F28"},
     "aiortc 1.16 has no ICE restart: it answers our restarting offer with its old ICE "
     "credentials (JSEP §5.10 forbids it; rulebook E6, F28), so our Negotiator refuses it"),
    ("gstreamer", "ice-restart", {"F28"},
     "webrtcbin 1.22 has no ICE restart: it answers our restarting offer with its old ICE "
     "credentials (JSEP §5.10 forbids it; rulebook E6, F28), so our Negotiator refuses it"),
    ("aiortc", "stop-transceiver", {"F4", "F21"},
     "aiortc 1.16 answers the m-section our re-offer disabled (port 0) with a live port and "
     "keeps it in BUNDLE (RFC 3264 §6: it must answer port 0; rulebook F4, F21)"),
    ("aiortc", "recycle-m-section", {"F4", "F21"},
     "its stop round fails: aiortc 1.16 answers the m-section our re-offer disabled with a "
     "live port (RFC 3264 §6; rulebook F4, F21), so nothing is left to recycle"),
    ("gstreamer", "stop-transceiver", {"F4", "F14", "F21"},
     "webrtcbin 1.22 answers the m-section our re-offer disabled (port 0) as a live one: "
     "a port, its own rtcp-fb lines, a BUNDLE entry (RFC 3264 §6; rulebook F4, F14, F21)"),
    ("gstreamer", "recycle-m-section", {"F4", "F14", "F21"},
     "its stop round fails: webrtcbin 1.22 answers the m-section our re-offer disabled as a "
     "live one (RFC 3264 §6; rulebook F4, F14, F21), so nothing is left to recycle"),
]


def peer_fault(peer, scenario, detail):
    """The reason if a we-offer failure is a known fault of the peer's, else None."""
    rules = set(re.findall(r"error\[(F\d+)\]", detail))
    for p, s, allowed, reason in PEER_FAULTS:
        if (p, s) == (peer, scenario) and rules and rules <= allowed:
            return reason
    return None


# ---------------------------------------------------------------------------------------------
# SDP helpers


LOOPBACK = {"127.0.0.1", "::1"}


def strip_non_loopback(sdp):
    """The SDP to hand to a peer: candidates other than loopback removed, and addresses in c=
    and a=rtcp unspecified, so no peer ever sends to anything but this machine."""
    out = []
    for line in sdp.splitlines(keepends=True):
        if line.startswith("a=candidate:"):
            fields = line.split()
            if len(fields) < 5 or fields[4] not in LOOPBACK:
                continue
        elif line.startswith("c=IN IP4 ") and line.split()[2].split("/")[0] not in LOOPBACK:
            line = "c=IN IP4 0.0.0.0" + line[len(line.rstrip("\r\n")):]
        elif line.startswith("c=IN IP6 ") and line.split()[2] not in LOOPBACK:
            line = "c=IN IP6 ::" + line[len(line.rstrip("\r\n")):]
        elif line.startswith("a=rtcp:"):
            line = re.sub(r" IN IP4 \S+", " IN IP4 0.0.0.0", line)
            line = re.sub(r" IN IP6 \S+", " IN IP6 ::", line)
        out.append(line)
    return "".join(out)


def sections(sdp):
    """Per m-section: its port, mid and ice-ufrag (enough to check a scenario's shape)."""
    out = []
    for line in sdp.replace("\r", "").split("\n"):
        if line.startswith("m="):
            out.append({"port": int(line.split()[1]), "mid": None, "ufrag": None,
                        "bundle_only": False})
        elif out and line.startswith("a=mid:"):
            out[-1]["mid"] = line[6:]
        elif out and line.startswith("a=ice-ufrag:"):
            out[-1]["ufrag"] = line[12:]
        elif out and line == "a=bundle-only":
            out[-1]["bundle_only"] = True
    return out


def shape_problem(scenario, r, previous, offer):
    """Why a re-offer does not do what its scenario is about (None when it does), so that an
    `accepted` always means the re-offer was tested."""
    before, now = sections(previous or ""), sections(offer)
    if scenario == "ice-restart" and r == 2:
        if {s["ufrag"] for s in now} & {s["ufrag"] for s in before}:
            return "re-offer keeps an ICE ufrag: no ICE restart"
    if scenario in ("stop-transceiver", "recycle-m-section") and r == 2:
        if len(now) < 2 or now[1]["port"] != 0 or now[1]["bundle_only"]:
            return "re-offer does not disable the stopped transceiver's m-section"
    if scenario == "recycle-m-section" and r == 3:
        if len(now) != len(before) or now[1]["mid"] == before[1]["mid"] or (
                now[1]["port"] == 0 and not now[1]["bundle_only"]):
            return "re-offer does not recycle the stopped m-section (a new mid in its place)"
    return None


def run_sdp(*args, timeout=30):
    p = subprocess.run([str(SDP), *map(str, args)], capture_output=True, text=True,
                       timeout=timeout)
    return p.returncode, p.stdout, p.stderr


class Driver(ProcessPeer):
    """Our Negotiator (sdp-negotiate/examples/interop_driver.rs) for multi-round offers, and
    the byte-exact round trip of direction 3."""

    def __init__(self):
        super().__init__("interop_driver", [str(DRIVER)], "interop_driver is not built")

    def start(self):
        self.spawn()

    def must(self, step):
        reply = self.call(step)
        if not reply.get("ok"):
            raise StepFailed(f"our Negotiator, `{step['op']}`: {reply.get('error')}")
        return reply


# ---------------------------------------------------------------------------------------------
# The three directions


class Run:
    def __init__(self, out_dir, config, checker):
        self.out_dir, self.config, self.checker = out_dir, config, checker
        self.collected = {}  # (peer, scenario) -> [(label, sdp)] the peer produced

    def save(self, peer, scenario, direction, name, text):
        path = self.out_dir / peer / scenario / direction / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    def peer_step(self, peer, step, what):
        """One step on the peer that must succeed for the scenario to go on."""
        reply = peer.call(step)
        if reply.get("unsupported"):
            raise Unsupported(reply["unsupported"])
        if not reply.get("ok"):
            raise StepFailed(f"{peer.name} {what}: {reply.get('error')}")
        return reply

    def peer_offers(self, peer, scenario, rounds):
        """Direction 1: the peer offers, `sdp answer` answers, the peer applies our answer."""
        save = lambda name, text: self.save(peer.name, scenario, "peer-offers", name, text)
        self.peer_step(peer, {"op": "reset"}, "new RTCPeerConnection")
        previous, last_offer = None, None  # (offer path, answer path) of the last round
        for r, actions in enumerate(rounds, 1):
            restart = False
            for action in actions:
                if action["op"] == "restart":
                    restart = True
                else:
                    self.peer_step(peer, action, action["op"])
            offer = self.peer_step(peer, {"op": "offer", "iceRestart": restart},
                                   "createOffer/setLocalDescription")["sdp"]
            self.collected.setdefault((peer.name, scenario), []).append(
                (f"round {r} offer", offer))
            problem = shape_problem(scenario, r, last_offer, offer)
            if problem:  # the scenario cannot be played with this peer
                raise Unsupported(f"round {r}: the peer's {problem}")
            last_offer = offer
            offer_path = save(f"round{r}-offer.sdp", strip_non_loopback(offer))
            args = ["answer", "--config", self.config]
            if previous:
                args += ["--previous-answer", previous[1], "--previous-offer", previous[0]]
            code, answer, err = run_sdp(*args, offer_path)
            if code != 0:
                return "error", f"round {r}: `sdp answer` failed: {err.strip()}"
            answer = strip_non_loopback(answer)
            answer_path = save(f"round{r}-answer.sdp", answer)
            code, out, err = run_sdp("check-answer", offer_path, answer_path)
            if code != 0:  # our own checker disagrees with our own answerer: our bug
                return "error", f"round {r}: `sdp check-answer` refuses our answer: {out}{err}"
            reply = peer.call({"op": "remote", "type": "answer", "sdp": answer})
            if not reply.get("ok"):
                return "rejected", (f"round {r}: setRemoteDescription(our answer): "
                                    f"{reply.get('error')}")
            previous = (offer_path, answer_path)
        return "accepted", ""

    def we_offer(self, peer, scenario, rounds, cli_flags):
        """Direction 2: we offer, the peer answers, `sdp check-answer` and our Negotiator
        apply the peer's answer."""
        save = lambda name, text: self.save(peer.name, scenario, "we-offer", name, text)
        self.peer_step(peer, {"op": "reset"}, "new RTCPeerConnection")
        driver = None
        if cli_flags is None:
            driver = Driver()
            driver.start()
        try:
            data, last_offer = False, None
            for r, actions in enumerate(rounds, 1):
                restart = False
                for action in actions:
                    if action["op"] == "restart":
                        restart = True
                    elif action["op"] == "data":
                        data = True  # offered in this and every later offer
                    elif driver:  # (`sdp offer` has the whole round in its flags)
                        driver.must(action)
                if driver:
                    step = {"op": "offer", "ice_restart": restart, "data": data}
                    offer = driver.must(step)["sdp"]
                else:
                    code, offer, err = run_sdp("offer", "--config", self.config, *cli_flags)
                    if code != 0:
                        raise StepFailed(f"`sdp offer` failed: {err.strip()}")
                offer_path = save(f"round{r}-offer.sdp", offer)
                problem = shape_problem(scenario, r, last_offer, offer)
                if problem:
                    raise StepFailed(f"round {r}: our {problem}")
                last_offer = offer
                reply = peer.call({"op": "remote", "type": "offer", "sdp": offer})
                if not reply.get("ok"):
                    return "rejected", (f"round {r}: setRemoteDescription(our offer): "
                                        f"{reply.get('error')}")
                reply = peer.call({"op": "answer"})
                if not reply.get("ok"):
                    return "rejected", (f"round {r}: createAnswer/setLocalDescription: "
                                        f"{reply.get('error')}")
                answer = reply["sdp"]
                self.collected.setdefault((peer.name, scenario), []).append(
                    (f"round {r} answer", answer))
                answer = strip_non_loopback(answer)
                answer_path = save(f"round{r}-answer.sdp", answer)
                code, out, err = run_sdp("check-answer", offer_path, answer_path)
                if code != 0:
                    errors = [l for l in out.splitlines() if l.startswith("error")]
                    return "rejected", f"round {r}: `sdp check-answer` refused the peer's " \
                                       f"answer: {'; '.join(errors) or err.strip()}"
                if driver:
                    reply = driver.call({"op": "answer", "sdp": answer})
                    if not reply.get("ok"):
                        return "rejected", f"round {r}: our Negotiator refused the peer's " \
                                           f"answer: {reply.get('error')}"
            return "accepted", ""
        finally:
            if driver:
                driver.close()

    def parse_write(self, peer, scenario):
        """Direction 3: every SDP the peer produced parses, writes back byte for byte and
        validates without error."""
        sdps = self.collected.get((peer.name, scenario), [])
        if not sdps:
            return "skipped", "the peer produced no SDP in this scenario"
        for i, (label, sdp) in enumerate(sdps):
            reply = self.checker.call({"op": "roundtrip", "sdp": sdp})
            if not reply.get("ok"):
                return "rejected", f"{label}: {reply.get('error')}"
            path = self.save(peer.name, scenario, "parse-write", f"{i}.sdp", sdp)
            code, out, err = run_sdp("validate", "--format", "json", path)
            try:
                report = json.loads(out)[0]
            except (ValueError, IndexError):
                return "error", f"{label}: `sdp validate` printed no report: {err.strip()}"
            errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
            if errors:
                first = errors[0]
                return "rejected", f"{label}: {len(errors)} validation error(s), first " \
                                   f"{first['code']} line {first['line']}: {first['message']}"
        return "accepted", f"{len(sdps)} SDPs"


def run_cell(fn, *args):
    try:
        return fn(*args)
    except Unsupported as e:
        return "skipped", f"unsupported: {e}"
    except PeerGone as e:
        return "error", f"peer gone: {e}"
    except subprocess.TimeoutExpired as e:
        return "error", f"timeout: {e}"
    except (StepFailed, OSError) as e:
        return "error", str(e)


# ---------------------------------------------------------------------------------------------


def build():
    for cmd in (["cargo", "build", "--release", "-q", "-p", "sdp-cli"],
                ["cargo", "build", "--release", "-q", "-p", "sdp-negotiate",
                 "--example", "interop_driver"]):
        subprocess.run(cmd, cwd=ROOT, check=True)


def make_config(tmp):
    """An `sdp answer` config with a fixed certificate: a subsequent answer must keep the DTLS
    fingerprint (a preset would make a new certificate on every run)."""
    driver = Driver()
    driver.start()
    try:
        identity = driver.must({"op": "identity"})
    finally:
        driver.close()
    (tmp / "cert.pem").write_text(identity["certificate_pem"])
    (tmp / "key.pem").write_text(identity["key_pem"])
    config = tmp / "endpoint.toml"
    config.write_text('preset = "webrtc"\n[dtls]\ncertificate_file = "cert.pem"\n'
                      'key_file = "key.pem"\n')
    return config


def make_peers(broker, names):
    peers = {
        "chromium": lambda: Chromium(broker),
        "firefox": lambda: Firefox(broker),
        "aiortc": lambda: ProcessPeer(
            "aiortc", [str(VENV_PYTHON), str(HERE / "peers/aiortc_peer.py")],
            "aiortc is not installed (interop/setup.sh makes interop/.venv with it)"),
        # Debian's python3: python3-gi is installed for it, not for other Pythons.
        "gstreamer": lambda: ProcessPeer(
            "gstreamer", ["/usr/bin/python3", str(HERE / "peers/gst_peer.py")],
            "/usr/bin/python3 (with python3-gi) is missing"),
    }
    return [peers[n]() for n in names]


def render(results, versions, elapsed):
    width = max(len(s[0]) for s in SCENARIOS) + 2
    lines = [f"sdpkit interop matrix ({elapsed:.0f} s, peer start-up included)", ""]
    for peer, version in versions.items():
        lines.append(f"  {peer}: {version}")
    lines.append("")
    columns = "".join(f"{d:<14}" for d in DIRECTIONS)
    header = f"{'peer':<11}{'scenario':<{width}}{columns}".rstrip()
    lines += [header, "-" * len(header)]
    for (peer, scenario), cells in results.items():
        lines.append((f"{peer:<11}{scenario:<{width}}"
                      + "".join(f"{cells[d][0]:<14}" for d in DIRECTIONS)).rstrip())
    notes = [(p, s, d, st, why) for (p, s), cells in results.items()
             for d, (st, why) in cells.items() if why and not why.endswith(" SDPs")]
    if notes:
        lines += ["", "Details:"]
        lines += [f"  {p} / {s} / {d}: {st}: {why}" for p, s, d, st, why in notes]
    return "\n".join(lines) + "\n"


def run_peer(run, peer, why, scenarios, results):
    """Every scenario in the three directions against one peer (`why`: why it did not start)."""
    for name, rounds, cli_flags in scenarios:
        if why:
            cells = {d: ("skipped", why) for d in DIRECTIONS}
        else:
            cells = {
                "peer-offers": run_cell(run.peer_offers, peer, name, rounds),
                "we-offer": run_cell(run.we_offer, peer, name, rounds, cli_flags),
            }
            cells["parse-write"] = run_cell(run.parse_write, peer, name)
            status, detail = cells["we-offer"]
            fault = status == "rejected" and peer_fault(peer.name, name, detail)
            if fault:
                cells["we-offer"] = ("skipped", f"peer fault: {fault} [{detail}]")
            if any(w.startswith("peer gone") for _, w in cells.values()):
                peer.close()  # a hung peer: start it afresh for the next scenario
                why = peer.start()
        results[(peer.name, name)] = cells
        print(f"{peer.name:<10} {name:<20} "
              + "  ".join(f"{d}={cells[d][0]}" for d in DIRECTIONS), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--peers", default="chromium,firefox,aiortc,gstreamer")
    ap.add_argument("--scenarios", default=",".join(s[0] for s in SCENARIOS))
    ap.add_argument("--out", default=str(HERE / "out"), help="SDPs and the matrix go here")
    ap.add_argument("--no-build", action="store_true", help="use the binaries as built")
    args = ap.parse_args()
    # A SIGTERM (CI's `timeout`) unwinds through the `finally` blocks, which end the peers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    if not args.no_build:
        build()
    started = time.monotonic()  # the suite's own time, without the build
    out_dir = Path(args.out)
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    tmp = Path(tempfile.mkdtemp(prefix="interop-"))
    wanted = args.scenarios.split(",")
    scenarios = [s for s in SCENARIOS if s[0] in wanted]
    broker = Broker()
    results, versions = {}, {}
    checker = Driver()  # for the byte-exact round trips of direction 3
    checker.start()
    try:
        run = Run(out_dir, make_config(tmp), checker)
        for peer in make_peers(broker, args.peers.split(",")):
            try:
                why = peer.start()
                versions[peer.name] = peer.version or f"not started: {why}"
                run_peer(run, peer, why, scenarios, results)
            finally:
                peer.close()
    finally:
        checker.close()
        shutil.rmtree(tmp, ignore_errors=True)
    elapsed = time.monotonic() - started
    text = render(results, versions, elapsed)
    (out_dir / "matrix.txt").write_text(text)
    (out_dir / "matrix.json").write_text(json.dumps({
        "elapsed_seconds": round(elapsed, 1),
        "versions": versions,
        "results": [{"peer": p, "scenario": s, "direction": d, "status": st, "detail": why}
                    for (p, s), cells in results.items() for d, (st, why) in cells.items()],
    }, indent=2) + "\n")
    print("\n" + text)
    failed = sum(st in ("rejected", "error") for cells in results.values()
                 for st, _ in cells.values())
    passed = sum(st == "accepted" for cells in results.values() for st, _ in cells.values())
    skipped = sum(st == "skipped" for cells in results.values() for st, _ in cells.values())
    print(f"interop: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
