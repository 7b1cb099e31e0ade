"""The aiortc peer of interop/run.py: one JSON request per line on stdin, one reply per line on
stdout, the same steps as page.html (reset, info, add, data, stop, offer, remote, answer).
A step aiortc has no API for replies {"ok": false, "unsupported": "why"}."""

import asyncio
import json
import sys

import aiortc
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription

pc = None
transceivers = []  # in order of "add", so the runner can name one by index


async def reset(step):
    global pc, transceivers
    if pc:
        await pc.close()
    # iceServers must be an empty list: with None, aiortc falls back to a public STUN server,
    # and the suite must send nothing off the machine.
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    transceivers = []
    return {}


async def info(step):
    return {"version": aiortc.__version__}


async def add(step):
    if len(step.get("rids") or []) > 1:
        return {"unsupported": (
            "aiortc 1.16 has no simulcast: addTransceiver takes no sendEncodings, and its "
            "SDP code knows no a=rid or a=simulcast")}
    transceivers.append(pc.addTransceiver(step["kind"], direction=step["direction"]))
    return {}


async def data(step):
    pc.createDataChannel("interop")
    return {}


async def stop(step):
    await transceivers[step["index"]].stop()
    return {}


async def offer(step):
    if step.get("iceRestart"):
        return {"unsupported": "aiortc 1.16 has no ICE restart: no restartIce(), no iceRestart"}
    await pc.setLocalDescription(await pc.createOffer())
    return {"sdp": pc.localDescription.sdp}


async def remote(step):
    await pc.setRemoteDescription(RTCSessionDescription(sdp=step["sdp"], type=step["type"]))
    return {}


async def answer(step):
    await pc.setLocalDescription(await pc.createAnswer())
    return {"sdp": pc.localDescription.sdp}


STEPS = {f.__name__: f for f in (reset, info, add, data, stop, offer, remote, answer)}


async def main():
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        step = json.loads(line)
        try:
            reply = await STEPS[step["op"]](step)
            reply = {"ok": "unsupported" not in reply, **reply}
        except Exception as e:  # the peer's own error text is the result
            reply = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        print(json.dumps(reply), flush=True)
    if pc:
        await pc.close()


asyncio.run(main())
