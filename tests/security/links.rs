//! Symbolic links publish only what a build would publish anyway.
