//! Fuzz target for the date engine: any bytes, read as text against a reference built from the
//! first bytes, must resolve or be refused, never panic, and the fast batch path must agree with
//! the full one. Run with `cargo fuzz run dates` from the project root.

#![no_main]

use copydesk::dates::{Context, DateOrder, Resolver};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(4));
    let mut seed = [0u8; 4];
    seed[..head.len()].copy_from_slice(head);
    // A reference between 1970 and 2099, with an offset between -12:00 and +14:00.
    let year = 1970 + u32::from(seed[0]) % 130;
    let month = 1 + u32::from(seed[1]) % 12;
    let quarters = i32::from(seed[2] % 105) - 48;
    let sign = if quarters < 0 { '-' } else { '+' };
    let q = quarters.unsigned_abs();
    let reference = format!("{year:04}-{month:02}-15T12:34:56{sign}{:02}:{:02}", q / 4, q % 4 * 15);
    let Ok(mut ctx) = Context::from_rfc3339(&reference) else {
        return;
    };
    if seed[3] & 1 == 1 {
        ctx.date_order = DateOrder::Dmy;
    }
    let text = String::from_utf8_lossy(rest);
    let resolver = Resolver::new(&ctx);
    let full = resolver.resolve(&text);
    let quick = resolver.resolve_instant(&text);
    assert_eq!(
        quick,
        full.as_ref().ok().map(|r| (r.instant.as_second(), r.precision))
    );
    if let Ok(r) = &full {
        assert!(text.get(r.span.clone()).is_some());
    }
    let _ = resolver.resolve_all(&text);
});
