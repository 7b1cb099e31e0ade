#!/usr/bin/env bash
# Installs the interop suite's peers that are missing, from Debian's packages and PyPI only
# (no browser or driver download), and says what it could not install. Never fails: run.py
# reports a peer that is still missing as skipped, with the reason.
set -uo pipefail
cd "$(dirname "$0")"

missing=()
note() { printf 'interop setup: %s\n' "$*"; }

# Debian packages: the browsers, GStreamer's webrtcbin with libnice and its Python bindings,
# and python3-venv for aiortc's virtual environment.
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v firefox-esr >/dev/null || need+=(firefox-esr)
if ! /usr/bin/python3 - >/dev/null 2>&1 <<'PY'
import gi
gi.require_version("Gst", "1.0"); gi.require_version("GstWebRTC", "1.0"); gi.require_version("GstSdp", "1.0")
from gi.repository import Gst
Gst.init(None)
assert all(Gst.ElementFactory.find(e) for e in ("webrtcbin", "nicesrc", "sctpenc", "dtlssrtpenc"))
PY
then
  need+=(python3-gi gir1.2-gstreamer-1.0 gir1.2-gst-plugins-bad-1.0 gstreamer1.0-plugins-base
         gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-nice)
fi
/usr/bin/python3 -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    missing+=("${need[@]} (not root, no sudo)")
  else
    sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
    note "apt-get install ${need[*]}"
    $sudo apt-get update -qq >/dev/null 2>&1
    for pkg in "${need[@]}"; do
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$pkg" \
        >/dev/null 2>&1 || missing+=("$pkg (apt-get install failed)")
    done
  fi
fi

# aiortc from PyPI, in interop/.venv (Debian's python3, so the system stays untouched).
if ! .venv/bin/python -c 'import aiortc' 2>/dev/null; then
  note "pip install aiortc==1.16.0 into interop/.venv"
  { [ -x .venv/bin/python ] || /usr/bin/python3 -m venv .venv; } >/dev/null 2>&1 \
    && .venv/bin/python -m pip install -q --disable-pip-version-check "aiortc==1.16.0" >/dev/null 2>&1 \
    || missing+=("aiortc (pip install into interop/.venv failed)")
fi

command -v chromium >/dev/null && note "$(chromium --version 2>/dev/null)"
command -v firefox-esr >/dev/null && note "$(firefox-esr --version 2>/dev/null)"
.venv/bin/python -c 'import aiortc; print("interop setup: aiortc", aiortc.__version__)' 2>/dev/null
/usr/bin/python3 -c 'import gi; gi.require_version("Gst", "1.0"); from gi.repository import Gst; Gst.init(None); print("interop setup:", Gst.version_string())' 2>/dev/null

if [ ${#missing[@]} -gt 0 ]; then
  for m in "${missing[@]}"; do note "could not install: $m"; done
  note "the suite reports those peers as skipped"
fi
exit 0
