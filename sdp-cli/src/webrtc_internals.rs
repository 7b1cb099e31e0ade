//! SDPs in a `chrome://webrtc-internals` dump ("Create a WebRTC-Internals dump").
//!
//! The dump is JSON: `PeerConnections.<id>.updateLog[]` lists `{time, type, value}` events; the
//! description events (`createOfferOnSuccess`, `createAnswerOnSuccess`, `setLocalDescription`,
//! `setRemoteDescription`, ...) carry `value = "type: offer, sdp: v=0\r\n..."`.
//!
//! ```
//! let dump = r#"{"PeerConnections": {"7-1": {"updateLog": [
//!   {"time": "10:00:00", "type": "createOffer", "value": "options: {}"},
//!   {"time": "10:00:01", "type": "setLocalDescription", "value": "type: offer, sdp: v=0\r\n"}
//! ]}}}"#;
//! let found = sdp_cli::webrtc_internals::extract(dump.as_bytes()).unwrap();
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].label, "connection 7-1, setLocalDescription offer at 10:00:01");
//! assert_eq!(found[0].sdp, "v=0\r\n");
//! ```

use serde_json::Value;

/// One description found in a dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description {
    /// `connection <id>, <event> <type> at <time>`.
    pub label: String,
    /// The SDP text.
    pub sdp: String,
}

/// The descriptions of a dump, in connection and event order; `None` when `bytes` is not a
/// webrtc-internals dump (not JSON, or JSON without `PeerConnections`).
pub fn extract(bytes: &[u8]) -> Option<Vec<Description>> {
    // Some editors save JSON with a byte order mark, which serde_json refuses.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace())?;
    if *first != b'{' {
        return None;
    }
    let root: Value = serde_json::from_slice(bytes).ok()?;
    let connections = root.get("PeerConnections")?.as_object()?;
    let mut out = Vec::new();
    for (id, connection) in connections {
        let Some(log) = connection.get("updateLog").and_then(Value::as_array) else {
            continue;
        };
        for event in log {
            let text = |key: &str| event.get(key).and_then(Value::as_str).unwrap_or("");
            let Some((sdp_type, sdp)) = description(text("value")) else {
                continue;
            };
            let mut label = format!("connection {id}, {}", text("type"));
            if !sdp_type.is_empty() {
                label.push(' ');
                label.push_str(sdp_type);
            }
            let time = match event.get("time") {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            if !time.is_empty() {
                label.push_str(" at ");
                label.push_str(&time);
            }
            out.push(Description {
                label,
                sdp: sdp.to_owned(),
            });
        }
    }
    Some(out)
}

/// Splits `type: offer, sdp: v=0...` into the type and the SDP; a bare `v=0...` value has no type.
fn description(value: &str) -> Option<(&str, &str)> {
    if value.starts_with("v=") {
        return Some(("", value));
    }
    let rest = value.strip_prefix("type: ")?;
    let (sdp_type, rest) = rest.split_once(", sdp: ")?;
    rest.starts_with("v=").then_some((sdp_type, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_without_sdp_are_skipped_and_order_is_kept() {
        let dump = r#"{"getUserMedia": [], "PeerConnections": {
            "1-1": {"updateLog": [
                {"time": 1.5, "type": "createOfferOnSuccess", "value": "type: offer, sdp: v=0\r\no=a\r\n"},
                {"time": "t2", "type": "setRemoteDescriptionOnFailure", "value": "OperationError: x"},
                {"time": "t3", "type": "setRemoteDescription", "value": "type: answer, sdp: v=0\r\no=b\r\n"}
            ]},
            "1-2": {"stats": {}}
        }}"#;
        let found = extract(dump.as_bytes()).unwrap();
        let labels: Vec<_> = found.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "connection 1-1, createOfferOnSuccess offer at 1.5",
                "connection 1-1, setRemoteDescription answer at t3"
            ]
        );
        assert_eq!(found[1].sdp, "v=0\r\no=b\r\n");
    }

    #[test]
    fn json_that_is_not_a_dump_is_not_taken() {
        assert_eq!(extract(b"{\"a\": 1}"), None);
        assert_eq!(extract(b"v=0\r\n"), None);
        assert_eq!(extract(b"{not json"), None);
        assert_eq!(extract(b""), None);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let dump = b"\xef\xbb\xbf{\"PeerConnections\": {\"1\": {\"updateLog\": [{\"type\": \"x\", \"value\": \"v=0\\r\\n\"}]}}}";
        assert_eq!(extract(dump).unwrap().len(), 1);
    }

    #[test]
    fn a_dump_without_descriptions_is_empty() {
        let found = extract(br#"{"PeerConnections": {"1-1": {"updateLog": []}}}"#).unwrap();
        assert!(found.is_empty());
    }
}
