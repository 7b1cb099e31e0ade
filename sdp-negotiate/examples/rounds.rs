//! Three offer/answer rounds driven by a `Negotiator`, over stdin/stdout, for by-hand interop
//! with a browser: round 1 offers audio, round 2 adds video, round 3 stops the audio.
//!
//! Protocol, one command per line: `offer` prints our next offer, then a line `.`; `answer`
//! followed by the peer's answer SDP and a line `.` applies it and prints `ok` or `error: ...`.

use std::io::{self, BufRead, Write};

use sdp_core::attr::direction::Direction;
use sdp_core::Session;
use sdp_negotiate::{Config, MediaKind, Negotiator, SdpType, Transceiver};

fn main() -> io::Result<()> {
    let mut negotiator = Negotiator::new(Config::webrtc());
    let mut transceivers: Vec<Transceiver> = Vec::new();
    let mut round = 0;
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    let mut out = io::stdout();
    while let Some(command) = lines.next() {
        match command?.trim() {
            "offer" => {
                round += 1;
                match round {
                    1 => transceivers.push(Transceiver::new(MediaKind::Audio, Direction::SendRecv)),
                    2 => transceivers.push(Transceiver::new(MediaKind::Video, Direction::SendRecv)),
                    _ => {
                        if let Some(audio) = transceivers.first_mut() {
                            audio.stopped = true;
                        }
                    }
                }
                let reply = match negotiator.create_offer(&transceivers, false, false) {
                    Ok(offer) => {
                        // New transceivers learn their mid from the offer.
                        assign_new_mids(&mut transceivers, &offer);
                        let text = offer.to_string();
                        match negotiator.set_local(SdpType::Offer, offer) {
                            Ok(_) => text,
                            Err(e) => format!("error: {e}\n"),
                        }
                    }
                    Err(e) => format!("error: {e}\n"),
                };
                writeln!(out, "{reply}.")?;
            }
            "answer" => {
                let mut text = String::new();
                for line in lines.by_ref() {
                    let line = line?;
                    if line == "." {
                        break;
                    }
                    text.push_str(&line);
                    text.push_str("\r\n");
                }
                let reply = match Session::parse(&text) {
                    Ok(answer) => match negotiator.set_remote(SdpType::Answer, answer.into_owned())
                    {
                        Ok(_) => format!("ok {}", negotiator.state()),
                        Err(e) => format!("error: {e}"),
                    },
                    Err(e) => format!("error: {e}"),
                };
                writeln!(out, "{reply}")?;
            }
            _ => writeln!(out, "error: unknown command")?,
        }
        out.flush()?;
    }
    Ok(())
}

/// Gives each transceiver without a mid the mid of the first offered section no transceiver
/// claims yet, in section order (new transceivers are appended or recycle a slot).
fn assign_new_mids(transceivers: &mut [Transceiver], offer: &Session<'_>) {
    for media in offer.media() {
        let Some(mid) = media.mid() else { continue };
        if transceivers.iter().any(|t| t.mid.as_deref() == Some(mid))
            || media.kind() == "application"
        {
            continue;
        }
        if let Some(t) = transceivers.iter_mut().find(|t| t.mid.is_none()) {
            t.mid = Some(mid.to_owned());
        }
    }
}
