//! A serde deserializer over a [`serde_json::Value`] that names the place of an error.
//!
//! serde's derived code knows the field it is reading but not where that field sits in the
//! document; this deserializer keeps the path from the root (`video[2].fmtp`) while it walks the
//! tree and attaches it to the first error raised below it. The loader parses TOML and JSON to a
//! value first (syntax errors carry line and column there), merges a preset, then deserializes
//! with this.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::Value;

use super::ConfigError;

/// Where a value sits: the root, a key of a table, or an element of an array.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The dotted form, `video[2].fmtp`; `None` at the root.
    fn render(&self) -> Option<String> {
        match self {
            Path::Root => None,
            Path::Key(parent, key) => Some(match parent.render() {
                Some(p) => format!("{p}.{key}"),
                None => (*key).to_owned(),
            }),
            Path::Index(parent, i) => Some(format!("{}[{i}]", parent.render().unwrap_or_default())),
        }
    }
}

/// A deserialization error and the path of the value that raised it.
#[derive(Debug)]
pub(super) struct PathError {
    path: Option<String>,
    located: bool,
    message: String,
}

impl PathError {
    /// Sets the path unless a deeper value already did.
    fn at(mut self, path: &Path<'_>) -> Self {
        if !self.located {
            self.path = path.render();
            self.located = true;
        }
        self
    }
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PathError {}

impl de::Error for PathError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        PathError {
            path: None,
            located: false,
            message: msg.to_string(),
        }
    }
}

impl From<PathError> for ConfigError {
    fn from(e: PathError) -> Self {
        ConfigError {
            path: e.path,
            message: e.message,
        }
    }
}

/// Deserializes `T` from `value`, naming the path of the value at fault on error.
pub(super) fn from_value<'de, T: de::Deserialize<'de>>(
    value: &'de Value,
) -> Result<T, ConfigError> {
    T::deserialize(ValueDe {
        value,
        path: &Path::Root,
    })
    .map_err(|e| ConfigError::from(e.at(&Path::Root)))
}

struct ValueDe<'de, 'p> {
    value: &'de Value,
    path: &'p Path<'p>,
}

impl<'de> Deserializer<'de> for ValueDe<'de, '_> {
    type Error = PathError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, Some(f)) => visitor.visit_f64(f),
                (None, None, None) => Err(de::Error::custom("unreadable number")),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visitor.visit_seq(SeqDe {
                items: items.iter().enumerate(),
                path: self.path,
            }),
            Value::Object(map) => visitor.visit_map(MapDe {
                entries: map.iter(),
                pending: None,
                path: self.path,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        // The configuration's enums are all unit variants written as strings.
        match self.value {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            _ => self.deserialize_any(visitor),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

struct SeqDe<'de, 'p> {
    items: std::iter::Enumerate<std::slice::Iter<'de, Value>>,
    path: &'p Path<'p>,
}

impl<'de> de::SeqAccess<'de> for SeqDe<'de, '_> {
    type Error = PathError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, PathError> {
        let Some((index, value)) = self.items.next() else {
            return Ok(None);
        };
        let path = Path::Index(self.path, index);
        seed.deserialize(ValueDe { value, path: &path })
            .map(Some)
            .map_err(|e| e.at(&path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapDe<'de, 'p> {
    entries: serde_json::map::Iter<'de>,
    pending: Option<(&'de str, &'de Value)>,
    path: &'p Path<'p>,
}

impl<'de> de::MapAccess<'de> for MapDe<'de, '_> {
    type Error = PathError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, PathError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        // An unknown field is an error of the key: name it.
        let path = Path::Key(self.path, key);
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
            .map_err(|e: PathError| e.at(&path))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, PathError> {
        let (key, value) = self
            .pending
            .take()
            .ok_or_else(|| de::Error::custom("a value was asked for before its key"))?;
        let path = Path::Key(self.path, key);
        seed.deserialize(ValueDe { value, path: &path })
            .map_err(|e| e.at(&path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        rate: u32,
        #[serde(default)]
        name: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        list: Vec<Inner>,
        #[serde(default)]
        kind: Option<crate::config::MediaKind>,
    }

    fn error_of(json: &str) -> String {
        let value: Value = serde_json::from_str(json).unwrap();
        from_value::<Outer>(&value).unwrap_err().to_string()
    }

    #[test]
    fn errors_name_the_dotted_path_of_the_value_at_fault() {
        assert_eq!(
            error_of(r#"{"list": [{"rate": 1}, {"rate": "x"}]}"#),
            r#"list[1].rate: invalid type: string "x", expected u32"#
        );
        assert_eq!(
            error_of(r#"{"list": [{"rate": 1, "nmae": "a"}]}"#),
            "list[0].nmae: unknown field `nmae`, expected `rate` or `name`"
        );
        assert_eq!(
            error_of(r#"{"list": [{}]}"#),
            "list[0]: missing field `rate`"
        );
        assert_eq!(error_of(r#"{}"#), "missing field `list`");
        assert_eq!(
            error_of(r#"{"list": [], "kind": "text"}"#),
            "kind: unknown variant `text`, expected one of `audio`, `video`, `application`"
        );
        assert_eq!(
            error_of(r#"{"list": [{"rate": -1}]}"#),
            "list[0].rate: invalid value: integer `-1`, expected u32"
        );
    }

    #[test]
    fn values_deserialize_as_with_serde_json() {
        let value: Value =
            serde_json::from_str(r#"{"list": [{"rate": 8000, "name": null}], "kind": "video"}"#)
                .unwrap();
        assert_eq!(
            from_value::<Outer>(&value).unwrap(),
            Outer {
                list: vec![Inner {
                    rate: 8000,
                    name: None
                }],
                kind: Some(crate::config::MediaKind::Video),
            }
        );
    }
}
