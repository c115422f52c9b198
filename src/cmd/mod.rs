//! The editor's commands beside `build` and `serve`: `check`, `new` and `init` (docs/maintainer/cli.md
//! "Checking a site", "Starting a new item", "Start a new site").

pub mod check;
pub mod external;
pub mod init;
pub mod new;
