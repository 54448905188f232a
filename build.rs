// sqlx::migrate! embeds each backend's migrations at compile time; rebuild when a migration changes.
fn main() {
    println!("cargo:rerun-if-changed=src/store/sqlite/migrations");
    println!("cargo:rerun-if-changed=src/store/postgres/migrations");
}
