//! `k=` encryption key (RFC 8866 §5.12; obsolete, kept for old SIP equipment).

use std::fmt;

use crate::error::ValueError;
use crate::lex::{fail, run, PResult};

/// `k=<method>` or `k=<method>:<encryption key>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key<'a> {
    /// `clear`, `base64`, `uri` or `prompt`.
    pub method: &'a str,
    /// The key, absent for `prompt`.
    pub key: Option<&'a str>,
}

// key-field = [%x6b "=" key-type CRLF]; key-type = %s"prompt" / %s"clear:" text /
//             %s"base64:" base64 / %s"uri:" uri / key-method [":" text]
fn parse_key(input: &str) -> PResult<'_, Key<'_>> {
    let (method, key) = match input.split_once(':') {
        Some((m, k)) => (m, Some(k)),
        None => (input, None),
    };
    let valid_method = !method.is_empty()
        && method
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !valid_method {
        return fail(input, "a key method (`clear`, `base64`, `uri` or `prompt`)");
    }
    Ok(("", Key { method, key }))
}

impl<'a> Key<'a> {
    /// Parses the value of a `k=` line.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        run(value, parse_key)
    }
}

impl fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.method)?;
        if let Some(key) = self.key {
            write!(f, ":{key}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_reads_method_and_optional_key() {
        assert_eq!(
            Key::parse("prompt"),
            Ok(Key {
                method: "prompt",
                key: None
            })
        );
        let k = Key::parse("base64:c2VjcmV0").unwrap();
        assert_eq!(k.key, Some("c2VjcmV0"));
        assert_eq!(k.to_string(), "base64:c2VjcmV0");
        assert!(Key::parse("").is_err());
    }
}
