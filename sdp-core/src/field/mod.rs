//! Typed forms of the structural lines: `o=`, `c=`, `b=`, `t=`, `r=`, `z=`, `k=`, `m=`.
//!
//! Each type parses from the value of its line (the text after `x=`), borrowing it, and writes
//! itself back canonically with `Display`. The text lines `s=`, `i=`, `u=`, `e=`, `p=` have no
//! structure beyond their text and are read with [`Line::value`](crate::Line::value).

pub mod address;
pub mod bandwidth;
pub mod connection;
pub mod key;
pub mod media_line;
pub mod origin;
pub mod timing;

pub use address::AddrType;
pub use bandwidth::Bandwidth;
pub use connection::Connection;
pub use key::Key;
pub use media_line::MediaLine;
pub use origin::Origin;
pub use timing::{Repeat, TimeZones, Timing, TypedTime};
