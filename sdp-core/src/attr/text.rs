//! Free-text attributes: `a=label` (RFC 4574), `a=content` (RFC 4796), and `a=tool`, `a=cat`,
//! `a=keywds`, `a=type`, `a=charset`, `a=sdplang`, `a=lang` (RFC 8866 §6).
//!
//! Text values are any non-empty byte-string (RFC 8866 §9: no NUL, CR or LF), borrowed and written
//! back as they are. `content` is a list and `type` a small vocabulary, both keeping unknown
//! tokens; `sdplang` and `lang` are checked as language tags.

use std::fmt;

use nom::Parser;

use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, PResult};

// byte-string = 1*(%x01-09/%x0B-0C/%x0E-FF)  (RFC 8866 §9)
fn parse_byte_string(input: &str) -> PResult<'_, &str> {
    let len = input.find(['\0', '\r', '\n']).unwrap_or(input.len());
    match (input.get(..len), input.get(len..)) {
        (_, Some(rest)) if !rest.is_empty() => lex::fail(rest, "text without NUL, CR or LF"),
        (Some(text), Some(rest)) if !text.is_empty() => Ok((rest, text)),
        _ => lex::fail(input, "a non-empty text"),
    }
}

/// Declares a free-text attribute: a borrowed, non-empty byte-string.
macro_rules! text_attribute {
    ($(#[$doc:meta])* $ty:ident = $name:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $ty<'a>(&'a str);

        impl<'a> $ty<'a> {
            /// The attribute from its text; it must be non-empty and hold no NUL, CR or LF.
            pub fn new(text: &'a str) -> Result<Self, ValueError> {
                <Self as TypedAttribute<'a>>::parse(text)
            }

            /// The text as written.
            pub const fn as_str(&self) -> &'a str {
                self.0
            }
        }

        impl<'a> TypedAttribute<'a> for $ty<'a> {
            const NAME: &'static str = $name;

            fn parse(value: &'a str) -> Result<Self, ValueError> {
                lex::run(value, parse_byte_string).map($ty)
            }
        }

        impl fmt::Display for $ty<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0)
            }
        }
    };
}

text_attribute!(
    /// `a=label`: an opaque label that other documents (e.g. a conference policy) use to refer
    /// to this media stream (RFC 4574 §4).
    Label = "label"
);

text_attribute!(
    /// `a=tool`: the name and version of the tool that created the description (RFC 8866
    /// §6.3), e.g. `LIVE555 Streaming Media v2013.04.08`.
    Tool = "tool"
);

text_attribute!(
    /// `a=cat`: a dot-separated category of the session, for filtering announcements
    /// (RFC 8866 §6.1).
    Category = "cat"
);

text_attribute!(
    /// `a=keywds`: keywords describing the session, for filtering announcements (RFC 8866 §6.2).
    Keywords = "keywds"
);

text_attribute!(
    /// `a=charset`: the character set of the `s=`, `i=` and `k=` text (RFC 8866 §6.10), e.g.
    /// `ISO-8859-1` (the default is UTF-8).
    Charset = "charset"
);

impl<'a> Category<'a> {
    /// The levels of the category, from the most general (`a.b.c` gives `a`, `b`, `c`).
    pub fn levels(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.0.split('.')
    }
}

/// A kind of media content (RFC 4796 §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentKind<'a> {
    /// `slides`: presentation slides.
    Slides,
    /// `speaker`: the image of the speaker.
    Speaker,
    /// `sl`: sign language.
    Sl,
    /// `main`: the main media of the session.
    Main,
    /// `alt`: an alternative to the main media.
    Alt,
    /// Another token, as written.
    Other(&'a str),
}

impl<'a> ContentKind<'a> {
    fn from_token(token: &'a str) -> Self {
        match token {
            "slides" => ContentKind::Slides,
            "speaker" => ContentKind::Speaker,
            "sl" => ContentKind::Sl,
            "main" => ContentKind::Main,
            "alt" => ContentKind::Alt,
            other => ContentKind::Other(other),
        }
    }

    /// The token as written.
    pub const fn as_str(&self) -> &'a str {
        match self {
            ContentKind::Slides => "slides",
            ContentKind::Speaker => "speaker",
            ContentKind::Sl => "sl",
            ContentKind::Main => "main",
            ContentKind::Alt => "alt",
            ContentKind::Other(s) => s,
        }
    }
}

/// `a=content`: what the media stream carries, as a comma-separated list (RFC 4796 §5), e.g.
/// `a=content:main` or `a=content:slides,speaker`.
///
/// The list is kept as its borrowed text, checked at parse time; [`Content::kinds`] walks it.
/// Two values are equal when their lists are, however they were spaced.
#[derive(Debug, Clone, Copy)]
pub struct Content<'a>(&'a str);

impl<'a> Content<'a> {
    /// A content attribute from its list text, e.g. `"slides,speaker"`.
    pub fn new(list: &'a str) -> Result<Self, ValueError> {
        <Self as TypedAttribute<'a>>::parse(list)
    }

    /// The content kinds, in order.
    pub fn kinds(&self) -> impl Iterator<Item = ContentKind<'a>> + 'a {
        self.0
            .split(',')
            .map(|t| ContentKind::from_token(t.trim_matches([' ', '\t'])))
    }

    /// Whether the list holds `kind`.
    pub fn contains(&self, kind: ContentKind<'_>) -> bool {
        self.kinds().any(|k| k.as_str() == kind.as_str())
    }
}

impl PartialEq for Content<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.kinds().eq(other.kinds())
    }
}

impl Eq for Content<'_> {}

impl std::hash::Hash for Content<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for kind in self.kinds() {
            kind.hash(state);
        }
    }
}

// token-char = %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E  (RFC 8866 §9)
fn is_token_char(c: char) -> bool {
    matches!(c, '\x21' | '\x23'..='\x27' | '\x2a'..='\x2b' | '\x2d'..='\x2e' | '0'..='9' | 'A'..='Z' | '\x5e'..='\x7e')
}

// mediacnt-tag = mediacnt *("," mediacnt); mediacnt = "slides" / "speaker" / "sl" / "main" /
// "alt" / mediacnt-ext; mediacnt-ext = token  (RFC 4796 §5). Spaces after commas tolerated.
fn parse_mediacnt_tag(input: &str) -> PResult<'_, &str> {
    let mediacnt = lex::expect(
        "a content kind (`main`, `slides`, ...)",
        nom::bytes::complete::take_while1(is_token_char),
    );
    let comma = (lex::opt_sp, nom::bytes::complete::tag(","), lex::opt_sp);
    nom::combinator::recognize(nom::multi::separated_list1(comma, mediacnt)).parse(input)
}

impl<'a> TypedAttribute<'a> for Content<'a> {
    const NAME: &'static str = "content";

    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_mediacnt_tag).map(Content)
    }
}

impl fmt::Display for Content<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, kind) in self.kinds().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(kind.as_str())?;
        }
        Ok(())
    }
}

/// `a=type`: the type of the conference (RFC 8866 §6.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConferenceType<'a> {
    /// `broadcast`.
    Broadcast,
    /// `meeting`.
    Meeting,
    /// `moderated`.
    Moderated,
    /// `test`.
    Test,
    /// `H332` (ITU-T H.332 loosely coupled conference).
    H332,
    /// Another type, as written.
    Other(&'a str),
}

impl<'a> ConferenceType<'a> {
    /// The type as written.
    pub const fn as_str(&self) -> &'a str {
        match self {
            ConferenceType::Broadcast => "broadcast",
            ConferenceType::Meeting => "meeting",
            ConferenceType::Moderated => "moderated",
            ConferenceType::Test => "test",
            ConferenceType::H332 => "H332",
            ConferenceType::Other(s) => s,
        }
    }
}

impl<'a> TypedAttribute<'a> for ConferenceType<'a> {
    const NAME: &'static str = "type";

    fn parse(value: &'a str) -> Result<Self, ValueError> {
        let text = lex::run(value, parse_byte_string)?;
        Ok(match text {
            "broadcast" => ConferenceType::Broadcast,
            "meeting" => ConferenceType::Meeting,
            "moderated" => ConferenceType::Moderated,
            "test" => ConferenceType::Test,
            "H332" => ConferenceType::H332,
            other => ConferenceType::Other(other),
        })
    }
}

impl fmt::Display for ConferenceType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

const LANGUAGE_TAG: &str = "a language tag (e.g. `en` or `de-CH`)";

/// A subtag of 1-8 letters (`first`) or letters and digits.
fn language_subtag(first: bool) -> impl Fn(&str) -> PResult<'_, &str> {
    move |input| {
        let len = input
            .bytes()
            .take_while(|b| {
                if first {
                    b.is_ascii_alphabetic()
                } else {
                    b.is_ascii_alphanumeric()
                }
            })
            .count();
        match (input.get(..len), input.get(len..)) {
            (Some(s), Some(rest)) if (1..=8).contains(&len) => Ok((rest, s)),
            _ => lex::fail(input, LANGUAGE_TAG),
        }
    }
}

// Language-Tag (RFC 5646 §2.1), checked loosely: a primary subtag of 1-8 letters, then subtags
// of 1-8 letters or digits, separated by "-" (covers langtag, privateuse and grandfathered)
fn parse_language_tag(input: &str) -> PResult<'_, &str> {
    nom::combinator::recognize((
        language_subtag(true),
        nom::multi::many0_count(nom::sequence::preceded(
            nom::bytes::complete::tag("-"),
            nom::combinator::cut(language_subtag(false)),
        )),
    ))
    .parse(input)
}

/// Declares a language attribute: a borrowed, checked language tag.
macro_rules! language_attribute {
    ($(#[$doc:meta])* $ty:ident = $name:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $ty<'a>(&'a str);

        impl<'a> $ty<'a> {
            /// The attribute from a language tag, e.g. `"en"` or `"de-CH"`.
            pub fn new(tag: &'a str) -> Result<Self, ValueError> {
                <Self as TypedAttribute<'a>>::parse(tag)
            }

            /// The tag as written.
            pub const fn as_str(&self) -> &'a str {
                self.0
            }

            /// The primary language subtag (`en` of `en-US`).
            pub fn primary(&self) -> &'a str {
                self.subtags().next().unwrap_or(self.0)
            }

            /// The subtags, in order.
            pub fn subtags(&self) -> impl Iterator<Item = &'a str> + 'a {
                self.0.split('-')
            }
        }

        impl<'a> TypedAttribute<'a> for $ty<'a> {
            const NAME: &'static str = $name;

            fn parse(value: &'a str) -> Result<Self, ValueError> {
                lex::run(value, parse_language_tag).map($ty)
            }
        }

        impl fmt::Display for $ty<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0)
            }
        }
    };
}

language_attribute!(
    /// `a=sdplang`: the language of the description's own text (`s=`, `i=`) (RFC 8866 §6.11).
    SdpLang = "sdplang"
);

language_attribute!(
    /// `a=lang`: a language of the session or media (RFC 8866 §6.12).
    Lang = "lang"
);

#[cfg(test)]
mod tests;
