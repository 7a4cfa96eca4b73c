//! The `copydesk` binary: glue between the command line and the library. All work happens in
//! the library; this file only hands control to `cli`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
