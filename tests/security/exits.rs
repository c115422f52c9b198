//! Exit statuses stay 0, 1, 2 or 3, whatever happens to the standard streams or the input.
