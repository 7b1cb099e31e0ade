//! Loading a [`Config`] from TOML or JSON, on top of an optional preset (format: see the
//! [module docs](super)), and resolving its identity.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::{path_de, Config, ConfigError, ModePolicy, SctpConfig};
use crate::identity::Identity;

/// The names `preset = "..."` accepts.
const PRESETS: [&str; 2] = ["webrtc", "sip"];

impl Config {
    /// A configuration from TOML text (format: see the [module docs](super)).
    ///
    /// The result is checked ([`Config::check`]) and its identity resolved
    /// ([`Config::resolve_identity`]; certificate paths are relative to the working directory).
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        Config::load(toml_to_value(text)?, None)
    }

    /// A configuration from JSON text: the same fields as TOML, and `null` resets a field to its
    /// default.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let value = serde_json::from_str(text)
            .map_err(|e| ConfigError::new(format!("invalid JSON: {e}")))?;
        Config::load(value, None)
    }

    /// A configuration from a `.toml` or `.json` file; certificate paths in it are relative to
    /// the file's directory.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Config, ConfigError> {
        let path = path.as_ref();
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let is_toml = match extension.as_deref() {
            Some("toml") => true,
            Some("json") => false,
            _ => {
                return Err(ConfigError::new(format!(
                    "cannot tell the format of `{}`: name it `.toml` or `.json`",
                    path.display()
                )))
            }
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError::new(format!("cannot read `{}`: {e}", path.display())))?;
        let value = if is_toml {
            toml_to_value(&text)?
        } else {
            serde_json::from_str(&text)
                .map_err(|e| ConfigError::new(format!("invalid JSON: {e}")))?
        };
        Config::load(value, path.parent())
    }

    /// The configuration as TOML (without the identity, which is never serialized).
    pub fn to_toml(&self) -> Result<String, ConfigError> {
        toml::to_string(self).map_err(|e| ConfigError::new(format!("cannot write TOML: {e}")))
    }

    /// The configuration as pretty-printed JSON (without the identity).
    pub fn to_json(&self) -> Result<String, ConfigError> {
        serde_json::to_string_pretty(self)
            .map_err(|e| ConfigError::new(format!("cannot write JSON: {e}")))
    }

    /// Sets [`Config::identity`] unless it is set: from `dtls.certificate_file` and
    /// `dtls.key_file` (PEM, relative to the working directory) when given, else a freshly
    /// generated one, except in classic mode (a SIP endpoint has no DTLS). The fingerprint uses
    /// `dtls.hash` (default sha-256, A15).
    pub fn resolve_identity(&mut self) -> Result<(), ConfigError> {
        self.resolve_identity_in(None)
    }

    fn resolve_identity_in(&mut self, base: Option<&Path>) -> Result<(), ConfigError> {
        if self.identity.is_some() {
            return Ok(());
        }
        let hash = self.dtls.hash.as_deref().unwrap_or("sha-256");
        let identity = match (&self.dtls.certificate_file, &self.dtls.key_file) {
            (Some(cert), Some(key)) => {
                let cert_pem = read_relative(base, cert, "dtls.certificate_file")?;
                let key_pem = read_relative(base, key, "dtls.key_file")?;
                Identity::from_pem(&cert_pem, &key_pem)?
            }
            // check() refuses one file without the other; without files, generate.
            _ if self.mode == ModePolicy::Classic => return Ok(()),
            _ => Identity::generate()?,
        };
        self.identity = Some(identity.with_hash(hash)?);
        Ok(())
    }

    /// Preset, merge, deserialize, check, identity.
    fn load(value: Value, base: Option<&Path>) -> Result<Config, ConfigError> {
        let Value::Object(mut overlay) = value else {
            return Err(ConfigError::new(
                "a configuration is a table of settings (a JSON object)",
            ));
        };
        let mut merged = match overlay.remove("preset") {
            None => Map::new(),
            Some(Value::String(name)) => preset_value(&name)?,
            Some(_) => {
                return Err(ConfigError::at(
                    "preset",
                    "expected a preset name: `webrtc` or `sip`",
                ))
            }
        };
        // `sctp = false` (TOML has no null) turns data channels off, `sctp = true` on.
        match overlay.get("sctp") {
            Some(Value::Bool(false)) => {
                overlay.insert("sctp".to_owned(), Value::Null);
            }
            Some(Value::Bool(true)) => {
                let default = to_value(&SctpConfig::default())?;
                overlay.insert("sctp".to_owned(), default);
            }
            _ => {}
        }
        merge(&mut merged, overlay);
        let merged = Value::Object(merged);
        let mut config: Config = path_de::from_value(&merged)?;
        config.check()?;
        config.resolve_identity_in(base)?;
        Ok(config)
    }
}

/// The serialized capabilities of preset `name`.
fn preset_value(name: &str) -> Result<Map<String, Value>, ConfigError> {
    let preset = match name {
        "webrtc" => Config::webrtc_capabilities(),
        "sip" => Config::sip_phone(),
        _ => {
            return Err(ConfigError::at(
                "preset",
                format!(
                    "unknown preset `{name}`, expected `{}` or `{}`",
                    PRESETS[0], PRESETS[1]
                ),
            ))
        }
    };
    match to_value(&preset)? {
        Value::Object(map) => Ok(map),
        _ => Err(ConfigError::new("a preset did not serialize as a table")),
    }
}

fn to_value<T: serde::Serialize>(value: &T) -> Result<Value, ConfigError> {
    serde_json::to_value(value).map_err(|e| ConfigError::new(format!("cannot serialize: {e}")))
}

/// Merges `overlay` into `base`: tables merge key by key, anything else replaces, `null`
/// removes (the field then takes its default).
fn merge(base: &mut Map<String, Value>, overlay: Map<String, Value>) {
    for (key, value) in overlay {
        match (base.get_mut(&key), value) {
            (_, Value::Null) => {
                base.remove(&key);
            }
            (Some(Value::Object(inner)), Value::Object(value)) => merge(inner, value),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

fn read_relative(base: Option<&Path>, file: &str, field: &str) -> Result<String, ConfigError> {
    let path: PathBuf = match base {
        Some(dir) if Path::new(file).is_relative() => dir.join(file),
        _ => PathBuf::from(file),
    };
    std::fs::read_to_string(&path)
        .map_err(|e| ConfigError::at(field, format!("cannot read `{}`: {e}", path.display())))
}

/// Parses TOML to a JSON value; syntax errors give line and column.
fn toml_to_value(text: &str) -> Result<Value, ConfigError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let at = e
            .span()
            .map(|span| {
                let (line, column) = line_column(text, span.start);
                format!(" at line {line} column {column}")
            })
            .unwrap_or_default();
        ConfigError::new(format!("invalid TOML: {}{at}", e.message().trim_end()))
    })?;
    Ok(Value::Object(
        table.into_iter().map(|(k, v)| (k, toml_item(v))).collect(),
    ))
}

fn toml_item(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map_or_else(|| Value::String(f.to_string()), Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        // No setting is a date: keep it as text for the error message.
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_item).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, toml_item(v))).collect())
        }
    }
}

/// 1-based line and column (in characters) of byte `offset`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
