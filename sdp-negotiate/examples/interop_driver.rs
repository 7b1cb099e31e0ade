//! Our side of the interop suite's multi-round scenarios (see `interop/README.md`): a
//! `Negotiator` with the WebRTC preset, driven by one JSON object per line on stdin, one reply
//! per line on stdout. `sdp offer` makes initial offers only; re-offers (ICE restart, a
//! stopped transceiver, a recycled m-section) need the state a `Negotiator` keeps.
//!
//! Requests and replies (`{"ok":false,"error":"..."}` on any failure):
//! - `{"op":"add","kind":"video","direction":"recvonly","rids":["h","m","l"]}`: a new transceiver;
//! - `{"op":"stop","index":1}`: stops the transceiver at that index (in order of `add`);
//! - `{"op":"offer","ice_restart":false,"data":true}`: creates and applies our next offer,
//!   replies `{"ok":true,"sdp":"..."}`;
//! - `{"op":"answer","sdp":"..."}`: applies the peer's answer (refused on any `check_answer`
//!   error), replies `{"ok":true,"state":"stable"}`;
//! - `{"op":"roundtrip","sdp":"..."}`: whether `Session::parse` writes the text back byte for byte;
//! - `{"op":"identity"}`: a new certificate and key (PEM) for the suite's `sdp answer` config, so
//!   that its answers keep one DTLS fingerprint across rounds.

use std::io::{self, BufRead, Write};

use serde_json::{json, Value};

use sdp_core::attr::direction::Direction;
use sdp_core::Session;
use sdp_negotiate::{Config, Identity, MediaKind, Negotiator, SdpType, Transceiver};

fn main() -> io::Result<()> {
    let mut driver = Driver {
        negotiator: Negotiator::new(Config::webrtc()),
        transceivers: Vec::new(),
    };
    let mut out = io::stdout().lock();
    for line in io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let reply = match serde_json::from_str::<Value>(&line) {
            Ok(request) => driver
                .handle(&request)
                .unwrap_or_else(|e| json!({"ok": false, "error": e})),
            Err(e) => json!({"ok": false, "error": format!("not JSON: {e}")}),
        };
        writeln!(out, "{reply}")?;
        out.flush()?;
    }
    Ok(())
}

struct Driver {
    negotiator: Negotiator,
    transceivers: Vec<Transceiver>,
}

impl Driver {
    fn handle(&mut self, request: &Value) -> Result<Value, String> {
        let field = |name: &str| request.get(name).unwrap_or(&Value::Null);
        match field("op").as_str().unwrap_or_default() {
            "add" => {
                let kind = field("kind").as_str().and_then(MediaKind::from_name);
                let direction = field("direction").as_str().and_then(Direction::from_name);
                let (Some(kind), Some(direction)) = (kind, direction) else {
                    return Err("`add` needs a kind (audio, video) and a direction".to_owned());
                };
                let mut t = Transceiver::new(kind, direction);
                t.send_rids = field("rids")
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|r| r.as_str().map(str::to_owned))
                    .collect();
                self.transceivers.push(t);
                Ok(json!({"ok": true}))
            }
            "stop" => {
                let index = field("index").as_u64().unwrap_or(u64::MAX);
                let t = usize::try_from(index)
                    .ok()
                    .and_then(|i| self.transceivers.get_mut(i))
                    .ok_or_else(|| format!("no transceiver at index {index}"))?;
                t.stopped = true;
                Ok(json!({"ok": true}))
            }
            "offer" => {
                let offer = self
                    .negotiator
                    .create_offer(
                        &self.transceivers,
                        field("ice_restart").as_bool().unwrap_or(false),
                        field("data").as_bool().unwrap_or(false),
                    )
                    .map_err(|e| e.to_string())?;
                assign_new_mids(&mut self.transceivers, &offer);
                let text = offer.to_string();
                self.negotiator
                    .set_local(SdpType::Offer, offer)
                    .map_err(|e| e.to_string())?;
                Ok(json!({"ok": true, "sdp": text}))
            }
            "answer" => {
                let text = field("sdp").as_str().unwrap_or_default();
                let answer = Session::parse(text).map_err(|e| e.to_string())?;
                self.negotiator
                    .set_remote(SdpType::Answer, answer.into_owned())
                    .map_err(|e| e.to_string())?;
                // JSEP §4.2.1: a stopped transceiver is gone once the answer is applied, and
                // its m-section may be recycled by a later offer (rulebook E4).
                self.transceivers.retain(|t| !t.stopped);
                Ok(json!({"ok": true, "state": self.negotiator.state().to_string()}))
            }
            "roundtrip" => {
                let text = field("sdp").as_str().unwrap_or_default();
                let written = Session::parse(text).map_err(|e| e.to_string())?.to_string();
                match first_difference(text, &written) {
                    None => Ok(json!({"ok": true})),
                    Some(at) => Err(format!(
                        "written back differently from byte {at}: {:?} became {:?}",
                        snippet(text, at),
                        snippet(&written, at)
                    )),
                }
            }
            "identity" => {
                let identity = Identity::generate().map_err(|e| e.to_string())?;
                Ok(json!({
                    "ok": true,
                    "certificate_pem": identity.certificate_pem(),
                    "key_pem": identity.key_pem,
                }))
            }
            other => Err(format!("unknown op `{other}`")),
        }
    }
}

/// Gives each transceiver without a mid the mid of the first offered RTP section no
/// transceiver claims yet, in section order (new transceivers are appended or recycle a slot).
/// A disabled section (port 0, not bundle-only) is a stopped one: never a new transceiver's.
fn assign_new_mids(transceivers: &mut [Transceiver], offer: &Session<'_>) {
    for media in offer.media() {
        let Some(mid) = media.mid() else { continue };
        if media.kind() == "application"
            || media.is_disabled()
            || transceivers.iter().any(|t| t.mid.as_deref() == Some(mid))
        {
            continue;
        }
        if let Some(t) = transceivers.iter_mut().find(|t| t.mid.is_none()) {
            t.mid = Some(mid.to_owned());
        }
    }
}

fn first_difference(a: &str, b: &str) -> Option<usize> {
    let same = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    (same < a.len().max(b.len())).then_some(same)
}

/// Up to 40 bytes from `at` (on character boundaries), for the error message.
fn snippet(text: &str, at: usize) -> &str {
    let start = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let end = (start + 40..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    &text[start..end]
}
