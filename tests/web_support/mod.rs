//! Helpers shared by the in-browser tests (tests/web_*.rs).

use std::time::Duration;

/// Yields to the browser until `ready` holds, or fails after about 5 s:
/// tests wait for a condition, never for a fixed time.
pub async fn wait_for(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..500 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}
