//! Codecs: the m-line formats joined with rtpmap, fmtp and rtcp-fb by payload type
//! ([`Media::codecs`]), compared by payload type; their order; feedback entries.
//!
//! Only what the m-line lists has a meaning: an rtpmap, fmtp or rtcp-fb for a payload type the
//! m-line does not list is ignored by the endpoints (RFC 8866 §6.6), and so by the diff.

use std::collections::{BTreeMap, BTreeSet};

use sdp_core::attr::rtp::{Fmtp, RtcpFb, RtcpFbPt};
use sdp_core::codec::Codec;
use sdp_core::lex;
use sdp_core::Media;

use super::keyed::diff_keyed;
use super::{ChangeKind, Found};

pub(super) fn diff_codecs(ma: &Media<'_>, mb: &Media<'_>, found: &mut Found) {
    let (fa, fb) = (formats(ma), formats(mb));
    diff_order(&fa, &fb, found);

    let ca = by_payload_type(ma.codecs());
    let cb = by_payload_type(mb.codecs());
    let pts: BTreeSet<u8> = ca.keys().chain(cb.keys()).copied().collect();
    for pt in pts {
        match (ca.get(&pt), cb.get(&pt)) {
            (Some(x), Some(y)) => diff_codec(pt, x, y, found),
            (Some(x), None) => found.push(codec_kind(pt.to_string(), x), Some(describe(x)), None),
            (None, Some(y)) => found.push(codec_kind(pt.to_string(), y), None, Some(describe(y))),
            (None, None) => {}
        }
    }

    // Formats that are not payload types (`webrtc-datachannel`, `*`): present or not.
    let other = |list: &[Format]| -> BTreeSet<String> {
        list.iter()
            .filter(|f| f.pt.is_none())
            .map(|f| f.text.clone())
            .collect()
    };
    let (oa, ob) = (other(&fa), other(&fb));
    for gone in oa.difference(&ob) {
        let kind = ChangeKind::Codec {
            format: gone.clone(),
            fmtp: None,
        };
        found.push(kind, Some(gone.clone()), None);
    }
    for new in ob.difference(&oa) {
        let kind = ChangeKind::Codec {
            format: new.clone(),
            fmtp: None,
        };
        found.push(kind, None, Some(new.clone()));
    }

    diff_feedback(ma, mb, &ca, &cb, found);
}

/// One m-line format: its text, normalised (`096` is payload type 96), and its payload type.
struct Format {
    text: String,
    pt: Option<u8>,
}

/// The m-line formats in order, each once.
fn formats(m: &Media<'_>) -> Vec<Format> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for text in m.media_line().into_iter().flat_map(|l| l.formats()) {
        let pt = lex::run(text, lex::payload_type).ok();
        let text = pt.map_or_else(|| text.to_owned(), |pt| pt.to_string());
        if seen.insert(text.clone()) {
            out.push(Format { text, pt });
        }
    }
    out
}

/// The m-line order is the preference order (RFC 3264 §5.1): a change in the relative order of
/// the formats both sides list is a change, while formats added or removed are reported alone.
fn diff_order(fa: &[Format], fb: &[Format], found: &mut Found) {
    let set =
        |list: &[Format]| -> BTreeSet<String> { list.iter().map(|f| f.text.clone()).collect() };
    let (sa, sb) = (set(fa), set(fb));
    let common_a = fa.iter().filter(|f| sb.contains(&f.text)).map(|f| &f.text);
    let common_b = fb.iter().filter(|f| sa.contains(&f.text)).map(|f| &f.text);
    if !common_a.eq(common_b) {
        let join = |list: &[Format]| {
            let texts: Vec<&str> = list.iter().map(|f| f.text.as_str()).collect();
            texts.join(" ")
        };
        found.push(ChangeKind::CodecOrder, Some(join(fa)), Some(join(fb)));
    }
}

fn by_payload_type(codecs: Vec<Codec<'_>>) -> BTreeMap<u8, Codec<'_>> {
    codecs.into_iter().map(|c| (c.payload_type, c)).collect()
}

fn codec_kind(format: String, codec: &Codec<'_>) -> ChangeKind {
    ChangeKind::Codec {
        format,
        fmtp: codec.fmtp.map(|f| f.params_text().to_owned()),
    }
}

/// `name/clock[/channels]` as written, or the static payload type's entry.
fn describe(c: &Codec<'_>) -> String {
    if !c.is_known() {
        return "(no rtpmap)".to_owned();
    }
    let mut text = c.encoding_name.to_owned();
    if let Some(clock) = c.clock_rate {
        text.push_str(&format!("/{clock}"));
    }
    if let Some(channels) = c.channels {
        text.push_str(&format!("/{channels}"));
    }
    text
}

fn diff_codec(pt: u8, x: &Codec<'_>, y: &Codec<'_>, found: &mut Found) {
    // Encoding names are case-insensitive and one channel is the default (RFC 8866 §6.6).
    let same = x.encoding_name.eq_ignore_ascii_case(y.encoding_name)
        && x.clock_rate == y.clock_rate
        && x.channels.unwrap_or(1) == y.channels.unwrap_or(1);
    if !same {
        let kind = ChangeKind::Codec {
            format: pt.to_string(),
            fmtp: None,
        };
        found.push(kind, Some(describe(x)), Some(describe(y)));
    }
    diff_fmtp(pt, x.fmtp.as_ref(), y.fmtp.as_ref(), found);
}

/// The parameters of an fmtp: keyed ones by lower-case key (first occurrence, as
/// [`Fmtp::get`] reads them) with the key as written, and the bare values, sorted.
struct Params {
    keyed: BTreeMap<String, (String, String)>,
    bare: Option<String>,
}

fn params(fmtp: Option<&Fmtp<'_>>) -> Params {
    let mut keyed = BTreeMap::new();
    let mut bare = Vec::new();
    for p in fmtp.into_iter().flat_map(|f| f.params()) {
        match p.key {
            Some(key) => {
                keyed
                    .entry(key.to_ascii_lowercase())
                    .or_insert_with(|| (key.to_owned(), p.value.to_owned()));
            }
            None => bare.push(p.value),
        }
    }
    bare.sort_unstable();
    Params {
        keyed,
        bare: (!bare.is_empty()).then(|| bare.join(";")),
    }
}

/// Parameter by parameter: their order in the line means nothing.
fn diff_fmtp(pt: u8, x: Option<&Fmtp<'_>>, y: Option<&Fmtp<'_>>, found: &mut Found) {
    let (px, py) = (params(x), params(y));
    let keys: BTreeSet<&String> = px.keyed.keys().chain(py.keyed.keys()).collect();
    for key in keys {
        let (before, after) = (px.keyed.get(key), py.keyed.get(key));
        if before.map(|b| &b.1) == after.map(|a| &a.1) {
            continue;
        }
        let name = after.or(before).map(|(k, _)| k.clone());
        let kind = ChangeKind::Fmtp {
            format: pt.to_string(),
            param: name,
        };
        found.push(
            kind,
            before.map(|b| b.1.clone()),
            after.map(|a| a.1.clone()),
        );
    }
    let kind = ChangeKind::Fmtp {
        format: pt.to_string(),
        param: None,
    };
    found.compare(kind, px.bare, py.bare);
}

/// Feedback entries as a set per payload type (and `*`), of the payload types both sides list:
/// the codec change of a payload type only one side has says it all.
fn diff_feedback(
    ma: &Media<'_>,
    mb: &Media<'_>,
    ca: &BTreeMap<u8, Codec<'_>>,
    cb: &BTreeMap<u8, Codec<'_>>,
    found: &mut Found,
) {
    let entries = |m: &Media<'_>| -> Vec<((u16, String), String)> {
        m.typed::<RtcpFb>()
            .filter(|fb| match fb.pt() {
                RtcpFbPt::Pt(pt) => ca.contains_key(&pt) && cb.contains_key(&pt),
                RtcpFbPt::Any => true,
            })
            .map(|fb| {
                // `*` sorts after the payload types.
                let order = match fb.pt() {
                    RtcpFbPt::Pt(pt) => u16::from(pt),
                    RtcpFbPt::Any => 256,
                };
                let mut text = fb.kind_text().to_owned();
                if let Some(params) = fb.params_text() {
                    text.push(' ');
                    text.push_str(params);
                }
                ((order, fb.pt().to_string()), text)
            })
            .collect()
    };
    found.keyed(
        diff_keyed(entries(ma), entries(mb), false),
        |(_, format)| ChangeKind::RtcpFb { format },
    );
}
