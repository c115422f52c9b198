//! The output folder: files kronika did not generate are never removed or replaced.
