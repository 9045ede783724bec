//! The Yew page. Compiled only for wasm32.

/// Mounts the app on the page body.
pub fn start() {}
