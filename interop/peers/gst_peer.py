"""The GStreamer webrtcbin peer of interop/run.py: one JSON request per line on stdin, one
reply per line on stdout, the same steps as page.html (reset, info, add, data, stop, offer,
remote, answer). A step webrtcbin has no API for replies {"ok": false, "unsupported": "why"}.
Runs on Debian's python3 (python3-gi); Gst.Promise.wait() makes every step synchronous."""

import json
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstSdp", "1.0")
gi.require_version("GstWebRTC", "1.0")
from gi.repository import Gst, GstSdp, GstWebRTC  # noqa: E402

Gst.init(None)

# One codec per kind, as a GStreamer application sets them (codec preferences of the
# transceiver); distinct payload types so both can share a BUNDLE transport.
CAPS = {
    "audio": "application/x-rtp,media=audio,encoding-name=OPUS,clock-rate=48000,payload=96",
    "video": "application/x-rtp,media=video,encoding-name=VP8,clock-rate=90000,payload=97",
}
DIRECTIONS = {
    "sendrecv": GstWebRTC.WebRTCRTPTransceiverDirection.SENDRECV,
    "sendonly": GstWebRTC.WebRTCRTPTransceiverDirection.SENDONLY,
    "recvonly": GstWebRTC.WebRTCRTPTransceiverDirection.RECVONLY,
    "inactive": GstWebRTC.WebRTCRTPTransceiverDirection.INACTIVE,
}
TYPES = {"offer": GstWebRTC.WebRTCSDPType.OFFER, "answer": GstWebRTC.WebRTCSDPType.ANSWER}

pipeline = None
webrtc = None
channels = []  # data channels must stay referenced


def call(signal, *args, field=None):
    """Emits a promise-taking action signal and returns a copy of the reply's `field` (or
    raises). Copied here: the reply belongs to the promise and dies with it."""
    promise = Gst.Promise.new()
    webrtc.emit(signal, *args, promise)
    if promise.wait() != Gst.PromiseResult.REPLIED:
        raise RuntimeError(f"{signal}: no reply")
    reply = promise.get_reply()
    if reply is not None and reply.has_field("error"):
        raise RuntimeError(reply.get_value("error").message)
    return reply.get_value(field).copy() if field else None


def reset(step):
    global pipeline, webrtc, channels
    if pipeline:
        pipeline.set_state(Gst.State.NULL)
    pipeline = Gst.Pipeline.new("interop")
    webrtc = Gst.ElementFactory.make("webrtcbin", "peer")
    # No STUN or TURN server is set (the default): only host candidates, nothing leaves the
    # machine. max-bundle is what GStreamer's own browser-interop examples use.
    webrtc.set_property("bundle-policy", GstWebRTC.WebRTCBundlePolicy.MAX_BUNDLE)
    pipeline.add(webrtc)
    pipeline.set_state(Gst.State.PLAYING)
    channels = []
    return {}


def info(step):
    return {"version": Gst.version_string()}


def add(step):
    if len(step.get("rids") or []) > 1:
        return {"unsupported": (
            "webrtcbin 1.22 has no simulcast: add-transceiver takes no encodings, and its "
            "SDP code knows no a=rid or a=simulcast")}
    caps = Gst.Caps.from_string(CAPS[step["kind"]])
    webrtc.emit("add-transceiver", DIRECTIONS[step["direction"]], caps)
    return {}


def data(step):
    channels.append(webrtc.emit("create-data-channel", "interop", None))
    return {}


def stop(step):
    return {"unsupported": "webrtcbin 1.22 has no way to stop a transceiver (no action for it)"}


def offer(step):
    if step.get("iceRestart"):
        return {"unsupported": "webrtcbin 1.22 has no ICE restart (create-offer has no option)"}
    desc = call("create-offer", None, field="offer")
    call("set-local-description", desc)
    return {"sdp": webrtc.get_property("local-description").sdp.as_text()}


def remote(step):
    result, message = GstSdp.SDPMessage.new_from_text(step["sdp"])
    if result != GstSdp.SDPResult.OK:
        raise RuntimeError(f"GstSdp could not parse the SDP ({result.value_nick})")
    desc = GstWebRTC.WebRTCSessionDescription.new(TYPES[step["type"]], message)
    call("set-remote-description", desc)
    return {}


def answer(step):
    desc = call("create-answer", None, field="answer")
    call("set-local-description", desc)
    return {"sdp": webrtc.get_property("local-description").sdp.as_text()}


STEPS = {f.__name__: f for f in (reset, info, add, data, stop, offer, remote, answer)}

for line in sys.stdin:
    step = json.loads(line)
    try:
        reply = STEPS[step["op"]](step)
        reply = {"ok": "unsupported" not in reply, **reply}
    except Exception as e:  # the peer's own error text is the result
        reply = {"ok": False, "error": f"{type(e).__name__}: {e}"}
    print(json.dumps(reply), flush=True)
if pipeline:
    pipeline.set_state(Gst.State.NULL)
