//! SDP bodies of SIP messages (RFC 3261 §7): a single message or a trace of several, possibly
//! with other text between them (capture tools print a header line per packet).
//!
//! A message starts at a request line (`INVITE sip:bob@example.com SIP/2.0`) or a status line
//! (`SIP/2.0 200 OK`); its headers end at the first empty line; the body is `Content-Length`
//! bytes (to the next message or the end when the header is absent or too large). Bodies whose
//! `Content-Type` is `application/sdp` are taken, also as a part of a `multipart/*` body
//! (RFC 5621). Compact header names (`c`, `l`) and folded header lines are understood.
//!
//! ```
//! let trace = "SIP/2.0 200 OK\r\nl: 5\r\nc: application/sdp\r\n\r\nv=0\r\n";
//! let found = sdp_cli::sip::extract(trace.as_bytes()).unwrap();
//! assert_eq!(found[0].method, "200 OK");
//! assert_eq!(found[0].body, b"v=0\r\n");
//! ```

/// One SDP body found in a SIP message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// 1-based number of the message in the file.
    pub message: usize,
    /// The method of a request, or the status code and reason of a response.
    pub method: String,
    /// The SDP bytes.
    pub body: Vec<u8>,
    /// Lines of the file before the body.
    pub line_offset: usize,
}

/// A line of the input: its bytes without the line ending, and where it starts.
struct RawLine<'a> {
    text: &'a [u8],
    start: usize,
}

fn lines(bytes: &[u8]) -> Vec<RawLine<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let rest = bytes.get(start..).unwrap_or_default();
        let (len, end) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (i, start + i + 1),
            None => (rest.len(), bytes.len()),
        };
        let mut text = rest.get(..len).unwrap_or_default();
        if let Some(stripped) = text.strip_suffix(b"\r") {
            text = stripped;
        }
        out.push(RawLine { text, start });
        start = end;
    }
    out
}

/// `INVITE` for a request line, `200 OK` for a status line, `None` for anything else.
fn start_line(line: &[u8]) -> Option<String> {
    let line = std::str::from_utf8(line).ok()?;
    if let Some(rest) = line.strip_prefix("SIP/2.0 ") {
        let code = rest.get(..3)?;
        return code
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| rest.trim().to_owned());
    }
    let mut parts = line.split(' ');
    let method = parts.next()?;
    let uri = parts.next()?;
    let version = parts.next()?;
    let token = !method.is_empty()
        && method
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.!%*_+`'~".contains(&b));
    (token && !uri.is_empty() && version == "SIP/2.0" && parts.next().is_none())
        .then(|| method.to_owned())
}

/// The SDP bodies of the SIP messages in `bytes`; `None` when `bytes` is not SIP (it starts with
/// `v=`, or no line of it starts a SIP message).
pub fn extract(bytes: &[u8]) -> Option<Vec<Body>> {
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes.get(first..)?.starts_with(b"v=") {
        return None;
    }
    let all = lines(bytes);
    let starts: Vec<usize> = (0..all.len())
        .filter(|&i| all.get(i).is_some_and(|l| start_line(l.text).is_some()))
        .collect();
    if starts.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for (n, &at) in starts.iter().enumerate() {
        let Some(method) = all.get(at).and_then(|l| start_line(l.text)) else {
            continue;
        };
        // Headers: up to the first empty line.
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut i = at + 1;
        let mut body_line = None;
        while let Some(line) = all.get(i) {
            if line.text.is_empty() {
                body_line = Some(i + 1);
                break;
            }
            let text = String::from_utf8_lossy(line.text);
            if text.starts_with([' ', '\t']) {
                if let Some(last) = headers.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(text.trim());
                }
            } else if let Some((name, value)) = text.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
            }
            i += 1;
        }
        let Some(body_line) = body_line else { continue };
        let header = |long: &str, short: &str| {
            headers
                .iter()
                .find(|(name, _)| name == long || name == short)
                .map(|(_, v)| v.as_str())
        };
        let body_start = all.get(body_line).map_or(bytes.len(), |l| l.start);
        // The body may not run into the next message.
        let limit = starts
            .get(n + 1)
            .and_then(|&next| all.get(next))
            .map_or(bytes.len(), |l| l.start);
        let available = limit.saturating_sub(body_start);
        let content_type = header("content-type", "c").unwrap_or("");
        let media = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let length = match header("content-length", "l").and_then(|v| v.parse::<usize>().ok()) {
            Some(len) => len.min(available),
            // Without Content-Length (a trace that dropped it, or LF-only text), the body
            // runs while its lines look like SDP (`x=`): capture tools print their own
            // lines between messages.
            None if media == "application/sdp" => sdp_like_length(&all, body_line, limit),
            None => available,
        };
        let body = bytes
            .get(body_start..body_start + length)
            .unwrap_or_default();
        if media == "application/sdp" {
            out.push(Body {
                message: n + 1,
                method: method.clone(),
                body: body.to_vec(),
                line_offset: body_line,
            });
        } else if media.starts_with("multipart/") {
            if let Some((part, offset)) = multipart_sdp(body, content_type) {
                out.push(Body {
                    message: n + 1,
                    method: method.clone(),
                    body: part.to_vec(),
                    line_offset: body_line + offset,
                });
            }
        }
    }
    Some(out)
}

/// Bytes from the start of line `first` while lines look like SDP (`<letter>=`), up to `limit`.
fn sdp_like_length(all: &[RawLine<'_>], first: usize, limit: usize) -> usize {
    let start = all.get(first).map_or(limit, |l| l.start);
    let mut end = start;
    for (i, line) in all.iter().enumerate().skip(first) {
        let sdp_like = matches!(line.text, [letter, b'=', ..] if letter.is_ascii_alphabetic());
        if line.start >= limit || !sdp_like {
            break;
        }
        end = all.get(i + 1).map_or(limit, |next| next.start).min(limit);
    }
    end - start
}

/// The `application/sdp` part of a multipart body, and the lines before it in the body.
fn multipart_sdp<'b>(body: &'b [u8], content_type: &str) -> Option<(&'b [u8], usize)> {
    let boundary = content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_owned())
    })?;
    let delimiter = format!("--{boundary}");
    let all = lines(body);
    let marks: Vec<usize> = (0..all.len())
        .filter(|&i| {
            all.get(i)
                .is_some_and(|l| l.text.starts_with(delimiter.as_bytes()))
        })
        .collect();
    for pair in marks.windows(2) {
        let (Some(&open), Some(&close)) = (pair.first(), pair.get(1)) else {
            continue;
        };
        let mut i = open + 1;
        let mut is_sdp = false;
        while let Some(line) = all.get(i) {
            if line.text.is_empty() {
                break;
            }
            let text = String::from_utf8_lossy(line.text).to_ascii_lowercase();
            if let Some((name, value)) = text.split_once(':') {
                if name.trim() == "content-type"
                    && value.split(';').next().unwrap_or("").trim() == "application/sdp"
                {
                    is_sdp = true;
                }
            }
            i += 1;
        }
        if !is_sdp || i >= close {
            continue;
        }
        let start = all.get(i + 1).map_or(body.len(), |l| l.start);
        // RFC 2046 §5.1.1 gives the CRLF before the delimiter to the delimiter, but senders
        // end the SDP's last line with it and SDP needs it there (RFC 8866 §5), so it stays.
        let end = all.get(close).map_or(body.len(), |l| l.start);
        return Some((body.get(start..end.max(start))?, i + 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const INVITE: &str = "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n\
        Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\r\n\
        Content-Type: application/sdp\r\n\
        Content-Length: 43\r\n\
        \r\n\
        v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n";

    #[test]
    fn a_request_and_its_response_in_one_trace() {
        let trace = format!(
            "U 2024/01/01 10:00:00 192.0.2.1:5060 -> 192.0.2.2:5060\n{INVITE}\n\
             SIP/2.0 100 Trying\r\nContent-Length: 0\r\n\r\n\
             SIP/2.0 200 OK\r\nContent-Type: application/sdp; charset=utf-8\r\n\
             \r\nv=0\r\no=- 2 2 IN IP4 192.0.2.2\r\n"
        );
        let found = extract(trace.as_bytes()).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].method, "INVITE");
        assert_eq!(found[0].message, 1);
        assert_eq!(found[0].line_offset, 6);
        assert_eq!(
            found[0].body,
            b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
        );
        assert_eq!(found[1].method, "200 OK");
        assert_eq!(found[1].message, 3);
        assert_eq!(found[1].body, b"v=0\r\no=- 2 2 IN IP4 192.0.2.2\r\n");
    }

    #[test]
    fn content_length_bounds_the_body() {
        let msg = "BYE sip:a@b SIP/2.0\r\nl: 5\r\nc: application/sdp\r\n\r\nv=0\r\ntrailing junk";
        assert_eq!(extract(msg.as_bytes()).unwrap()[0].body, b"v=0\r\n");
    }

    #[test]
    fn without_content_length_the_body_stops_at_the_first_non_sdp_line() {
        let trace = "U 2024/01/01 10:00:00 192.0.2.1:5060 -> 192.0.2.2:5060\n\
                     INVITE sip:a@b SIP/2.0\nContent-Type: application/sdp\n\n\
                     v=0\no=- 1 1 IN IP4 192.0.2.1\n#\n\
                     U 2024/01/01 10:00:01 192.0.2.2:5060 -> 192.0.2.1:5060\n";
        let found = extract(trace.as_bytes()).unwrap();
        assert_eq!(found[0].body, b"v=0\no=- 1 1 IN IP4 192.0.2.1\n");
    }

    #[test]
    fn folded_headers_and_other_bodies() {
        let msg = "INFO sip:a@b SIP/2.0\r\nContent-Type:\r\n application/sdp\r\n\r\nv=0\r\n\
                   MESSAGE sip:a@b SIP/2.0\r\nContent-Type: text/plain\r\n\r\nhello\r\n";
        let found = extract(msg.as_bytes()).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].body, b"v=0\r\n");
    }

    #[test]
    fn multipart_bodies_give_their_sdp_part() {
        let msg = "INVITE sip:a@b SIP/2.0\r\n\
                   Content-Type: multipart/mixed;boundary=unique-boundary-1\r\n\r\n\
                   --unique-boundary-1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\ns=-\r\n\
                   --unique-boundary-1\r\nContent-Type: application/isup\r\n\r\nxx\r\n\
                   --unique-boundary-1--\r\n";
        let found = extract(msg.as_bytes()).unwrap();
        assert_eq!(found[0].body, b"v=0\r\ns=-\r\n");
        assert_eq!(found[0].line_offset, 6);
    }

    #[test]
    fn not_sip() {
        assert_eq!(extract(b"v=0\r\nINVITE sip:a@b SIP/2.0\r\n"), None);
        assert_eq!(extract(b"hello\r\n"), None);
        assert_eq!(extract(b""), None);
        assert_eq!(extract(b"INVITE sip:a@b SIP/3.0\r\n"), None);
    }

    #[test]
    fn a_message_without_sdp_gives_none_found() {
        let found = extract(b"OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n").unwrap();
        assert!(found.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let _ = extract(&bytes);
        }

        #[test]
        fn never_panics_on_sip_like_text(s in "(INVITE sip:a SIP/2.0|SIP/2.0 200 OK|Content-Length: [0-9]{1,3}|c: application/sdp|c: multipart/x;boundary=b|--b|v=0|\r|\n| ){0,30}") {
            let _ = extract(s.as_bytes());
        }
    }
}
