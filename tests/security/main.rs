//! Security and data-loss regressions: what an adversarial probe of kronika broke, each
//! checked as the behaviour a user sees (exit status, message, what is left in the
//! output). One module per class of bug.

#[path = "../common/mod.rs"]
mod common;

mod escaping;
mod exits;
mod links;
mod logs;
mod output;
mod sizes;
