//! Rebuilds kronika when the built-in theme or UI strings change (they are compiled in).
fn main() {
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=i18n");
}
