//! The rouxing decision service (柔性执法决策服务): JSON over HTTP for the
//! systems that embed rouxing without Rust, and the review workbench page
//! (法制审核工作台) at `/`.
//!
//! A thin layer over the [`rouxing`] library: every answer is computed by
//! [`rouxing::assess()`], [`rouxing::recommend`], [`rouxing::review`] and the
//! batch functions, from the catalogue and regime the service holds in
//! memory (shared read-only across requests); the service keeps no other
//! state. The routes are listed in [`http`]; the documents in [`wire`].
//!
//! ```no_run
//! use std::sync::Arc;
//! use rouxing::{Catalogue, Regime};
//! use rouxing_server::wire::Context;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let ctx = Context { catalogue: Catalogue::bundled()?, regime: Regime::national() };
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! rouxing_server::serve(listener, Arc::new(ctx), rouxing_server::shutdown_signal()).await?;
//! # Ok(()) }
//! ```

pub mod http;
pub mod schema;
pub mod wire;

use std::future::Future;

/// The review workbench page (法制审核工作台): plain HTML with a small script,
/// no external resources.
pub const PAGE: &str = include_str!("../static/index.html");

/// Serves the routes on `listener` until `shutdown` completes, then
/// finishes the requests in flight.
///
/// # Errors
///
/// The I/O error of the listener.
pub async fn serve(
    listener: tokio::net::TcpListener,
    ctx: http::Shared,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, http::router(ctx)).with_graceful_shutdown(shutdown).await
}

/// Completes on SIGTERM or Ctrl-C (SIGINT).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
