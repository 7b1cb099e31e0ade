//! Integration tests of sdp-core: corpus, round trips, properties.
