#![no_main]

libfuzzer_sys::fuzz_target!(|scenario: sdp_fuzz::negotiator::Scenario| {
    sdp_fuzz::negotiator::run(scenario);
});
