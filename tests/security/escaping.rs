//! Text that reaches HTML, XML or a URL is escaped for the place it lands in.
