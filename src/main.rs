//! The `mehfooz` program: see `cli` for the commands.

fn main() -> std::process::ExitCode {
    mehfooz::cli::main()
}
