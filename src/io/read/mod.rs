//! Readers: each format's bytes -> records with their locations. One file per format; the
//! `match` on `Format` that picks a reader lives here and nowhere else.
