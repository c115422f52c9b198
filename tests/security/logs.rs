//! Diagnostics stay bounded, cost linear time, and never carry control characters or CI commands.
