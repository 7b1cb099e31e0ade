//! PLACEHOLDER: rules of this family are being written.

use crate::validate::{lints, Ctx};

lints! {}

/// Runs the rules of this family.
pub(crate) fn check(_ctx: &mut Ctx<'_, '_>) {}
