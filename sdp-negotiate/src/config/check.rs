//! Semantic checks of a [`Config`]: what serde's types cannot say.

use super::check_codec::check_codecs;
use super::{Config, ConfigError, DtlsConfig, ExtensionConfig, IceConfig, MediaKind};
use crate::ice;
use crate::identity::{unsupported_hash, SUPPORTED_HASHES};

/// The prefix RFC 6904 puts before an encrypted extension's URI in `a=extmap`.
const ENCRYPT_URI: &str = "urn:ietf:params:rtp-hdrext:encrypt";

impl Config {
    /// Checks the configuration; the first problem found, with its dotted path.
    ///
    /// Unknown codec names are fine (they match offers by name, B2); what is refused is what
    /// could never be negotiated or written correctly: a clock rate or channel count of 0, an
    /// fmtp that sdp-core's codec views reject, an rtcp-fb form we do not know, RTX/RED/FEC
    /// without a media codec, duplicate codecs or extensions, an extension for `application`,
    /// ICE credentials outside RFC 8839 §5.4, an SCTP port of 0, and the like.
    /// [`Config::problems`] lists every problem.
    pub fn check(&self) -> Result<(), ConfigError> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }

    /// Every problem [`Config::check`] looks for, in document order.
    pub fn problems(&self) -> Vec<ConfigError> {
        let mut out = Vec::new();
        check_codecs("audio", MediaKind::Audio, &self.audio, &mut out);
        check_codecs("video", MediaKind::Video, &self.video, &mut out);
        check_extensions(&self.header_extensions, &mut out);
        check_ice(&self.ice, &mut out);
        check_dtls(&self.dtls, &mut out);
        if self.sctp.is_some_and(|sctp| sctp.port == 0) {
            out.push(ConfigError::at(
                "sctp.port",
                "SCTP port must be 1 to 65535, not 0 (RFC 8841 §5)",
            ));
        }
        if self.compat.max_message_size_cap == 0 {
            out.push(ConfigError::at(
                "compat.max_message_size_cap",
                "a cap of 0 would be written as max-message-size 0, which means any size (RFC 8841 §6)",
            ));
        }
        if self.simulcast.receive && self.simulcast.max_layers == 0 {
            out.push(ConfigError::at(
                "simulcast.max_layers",
                "at least 1 layer is needed to receive simulcast",
            ));
        }
        if let Some(cname) = &self.cname {
            if let Err(message) = check_cname(cname) {
                out.push(ConfigError::at("cname", message));
            }
        }
        if let Some(id) = &self.stream_id {
            // RFC 8830 §2: msid-id = 1*64token-char
            if id.is_empty() || id.len() > 64 || !id.chars().all(sdp_core::lex::is_token_char) {
                out.push(ConfigError::at(
                    "stream_id",
                    format!("stream id `{id}` must be 1 to 64 token characters (RFC 8830 §2)"),
                ));
            }
        }
        out
    }
}

fn check_extensions(extensions: &[ExtensionConfig], out: &mut Vec<ConfigError>) {
    for (i, ext) in extensions.iter().enumerate() {
        let uri = ext.uri.as_str();
        let at = |field: &str| format!("header_extensions[{i}].{field}");
        if uri.is_empty() {
            out.push(ConfigError::at(at("uri"), "extension URI is empty"));
        } else if uri.starts_with(ENCRYPT_URI) {
            out.push(ConfigError::at(
                at("uri"),
                "write the plain URI and set `encrypt = true` (RFC 6904)",
            ));
        } else if uri.chars().any(|c| c.is_whitespace() || c.is_control()) {
            out.push(ConfigError::at(
                at("uri"),
                format!("extension URI `{uri}` contains white space"),
            ));
        } else if !uri.contains(':') {
            out.push(ConfigError::at(
                at("uri"),
                format!("`{uri}` is not a URI (RFC 8285 §5 names extensions by URI)"),
            ));
        }
        if ext.kinds.is_empty() {
            out.push(ConfigError::at(
                at("kinds"),
                "list the media kinds it applies to: `audio`, `video` or both",
            ));
        }
        for (j, kind) in ext.kinds.iter().enumerate() {
            let path = format!("header_extensions[{i}].kinds[{j}]");
            if *kind == MediaKind::Application {
                out.push(ConfigError::at(
                    path,
                    "`application` sections carry no RTP: extensions apply to `audio` and `video`",
                ));
            } else if ext.kinds.iter().take(j).any(|k| k == kind) {
                out.push(ConfigError::at(
                    path,
                    format!("`{}` is listed twice", kind_name(*kind)),
                ));
            }
        }
        let earlier = extensions.iter().take(i).position(|e| {
            e.uri == ext.uri
                && e.encrypt == ext.encrypt
                && e.kinds.iter().any(|k| ext.kinds.contains(k))
        });
        if let Some(j) = earlier {
            out.push(ConfigError::at(
                format!("header_extensions[{i}]"),
                format!("duplicate of `header_extensions[{j}]` (same URI and media kind)"),
            ));
        }
    }
}

fn kind_name(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Audio => "audio",
        MediaKind::Video => "video",
        MediaKind::Application => "application",
    }
}

fn check_ice(config: &IceConfig, out: &mut Vec<ConfigError>) {
    // A11, RFC 8839 §5.4.
    if let Some(ufrag) = &config.ufrag {
        if let Err(message) = ice::check_ufrag(ufrag) {
            out.push(ConfigError::at("ice.ufrag", message));
        }
    }
    if let Some(pwd) = &config.pwd {
        if let Err(message) = ice::check_pwd(pwd) {
            out.push(ConfigError::at("ice.pwd", message));
        }
    }
    // RFC 8839 §5.6: ice-option-tag = 1*ice-char
    for (i, option) in config.options.iter().enumerate() {
        let path = format!("ice.options[{i}]");
        if option.is_empty() || !option.chars().all(ice::is_ice_char) {
            out.push(ConfigError::at(
                path,
                format!("ice option `{option}` must be 1 or more ice-chars (RFC 8839 §5.6)"),
            ));
        } else if config.options.iter().take(i).any(|o| o == option) {
            out.push(ConfigError::at(
                path,
                format!("ice option `{option}` is listed twice"),
            ));
        }
    }
}

fn check_dtls(config: &DtlsConfig, out: &mut Vec<ConfigError>) {
    match (&config.certificate_file, &config.key_file) {
        (Some(_), None) => out.push(ConfigError::at(
            "dtls.key_file",
            "`dtls.certificate_file` needs `dtls.key_file`, the certificate's private key",
        )),
        (None, Some(_)) => out.push(ConfigError::at(
            "dtls.certificate_file",
            "`dtls.key_file` needs `dtls.certificate_file`",
        )),
        _ => {}
    }
    if let Some(hash) = &config.hash {
        if !SUPPORTED_HASHES
            .iter()
            .any(|h| h.eq_ignore_ascii_case(hash))
        {
            out.push(ConfigError::at("dtls.hash", unsupported_hash(hash)));
        }
    }
}

fn check_cname(cname: &str) -> Result<(), String> {
    if cname.is_empty() {
        return Err("cname is empty: leave it out for a random one (RFC 7022)".to_owned());
    }
    if cname.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "cname `{cname}` contains white space, which `a=ssrc` cannot carry"
        ));
    }
    // RFC 3550 §6.5: an SDES item holds at most 255 octets.
    if cname.len() > 255 {
        return Err(format!(
            "cname is {} bytes long, above the 255 an RTCP SDES item holds (RFC 3550 §6.5)",
            cname.len()
        ));
    }
    Ok(())
}
