//! Tests of loading and checking configurations.

mod check;
mod load;
