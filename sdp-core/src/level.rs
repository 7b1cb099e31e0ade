//! Attribute lookups over the lines of one level, the session level or a media section; the
//! public methods of [`Session`](crate::Session) and [`Media`](crate::Media) delegate here.

use crate::attr::{AttrValue, Attribute, TypedAttribute};
use crate::line::Line;

pub(crate) fn attributes<'s>(lines: &'s [Line<'_>]) -> impl Iterator<Item = Attribute<'s>> + 's {
    lines.iter().filter_map(Line::as_attribute)
}

pub(crate) fn attributes_named<'s>(
    lines: &'s [Line<'_>],
    name: &'s str,
) -> impl Iterator<Item = Attribute<'s>> + 's {
    lines
        .iter()
        .filter(move |l| l.is_attribute(name))
        .filter_map(Line::as_attribute)
}

pub(crate) fn attribute<'s>(lines: &'s [Line<'_>], name: &str) -> Option<Attribute<'s>> {
    lines
        .iter()
        .find(|l| l.is_attribute(name))
        .and_then(Line::as_attribute)
}

pub(crate) fn has_attribute(lines: &[Line<'_>], name: &str) -> bool {
    lines.iter().any(|l| l.is_attribute(name))
}

pub(crate) fn typed<'s, T: TypedAttribute<'s> + 's>(
    lines: &'s [Line<'_>],
) -> impl Iterator<Item = T> + 's {
    // `parse_as` keeps only attributes named `T::NAME`: skip the other lines before building
    // their attribute view.
    attributes_named(lines, T::NAME).filter_map(|a| a.parse_as::<T>()?.ok())
}

pub(crate) fn typed_attributes<'s>(
    lines: &'s [Line<'_>],
) -> impl Iterator<Item = AttrValue<'s>> + 's {
    attributes(lines).filter_map(|a| a.typed()?.ok())
}

pub(crate) fn remove_attributes(lines: &mut Vec<Line<'_>>, name: &str) -> usize {
    let before = lines.len();
    lines.retain(|l| !l.is_attribute(name));
    before - lines.len()
}
