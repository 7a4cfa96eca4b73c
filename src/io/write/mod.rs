//! Writers: records -> each format's bytes. Sinks with an explicit `finish()`; one file per
//! format; the `match` on `Format` that picks a writer lives here and nowhere else.
