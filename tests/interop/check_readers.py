#!/usr/bin/env python3
"""Reads copydesk's Parquet and CSV output with pyarrow, DuckDB and polars and checks what a
user would rely on: the row count, the column types (timestamps are timestamps, authors is a
list) and a sample of values against the JSONL the files were made from.

  check_readers.py OUT.parquet OUT.csv SOURCE.jsonl

Called by tests/convert_interop.rs. Exits non-zero with a message on the first mismatch.
"""
import json
import sys
from datetime import datetime, timezone


def fail(msg):
    print(f"interop: {msg}", file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def ts(text):
    return None if text is None else datetime.fromisoformat(text.replace("Z", "+00:00"))


def main():
    pq_path, csv_path, src_path = sys.argv[1:4]
    with open(src_path, encoding="utf-8") as f:
        src = [json.loads(line) for line in f if line.strip()]
    n = len(src)
    by_id = {r["id"]: r for r in src}

    # ---- pyarrow -------------------------------------------------------------------------
    import pyarrow as pa
    import pyarrow.parquet as pq
    t = pq.read_table(pq_path)
    check(t.num_rows == n, f"pyarrow: {t.num_rows} rows, expected {n}")
    s = t.schema
    check(s.field("date_published").type == pa.timestamp("us", tz="UTC"),
          f"pyarrow: date_published is {s.field('date_published').type}")
    check(pa.types.is_list(s.field("authors").type) and s.field("authors").type.value_type == pa.string(),
          f"pyarrow: authors is {s.field('authors').type}")
    check(s.field("word_count").type == pa.int64(), f"pyarrow: word_count is {s.field('word_count').type}")
    check(s.field("date_relative").type == pa.bool_(), "pyarrow: date_relative is not bool")
    meta = pq.read_metadata(pq_path).metadata
    check(b"huggingface" in meta and b"copydesk.schema" in meta, f"pyarrow: metadata keys {list(meta)}")
    hf = json.loads(meta[b"huggingface"])
    check(hf["info"]["features"]["authors"]["_type"] == "Sequence", f"huggingface features: {hf}")
    rows = t.to_pylist()
    for row in rows:
        want = by_id[row["id"]]
        for k in ("title", "body", "authors", "byline", "warnings"):
            check(row[k] == want[k], f"pyarrow: {row['id']}.{k} = {row[k]!r}, expected {want[k]!r}")
        check(row["date_published"] == ts(want["date_published"]),
              f"pyarrow: {row['id']}.date_published = {row['date_published']!r}")

    # ---- DuckDB --------------------------------------------------------------------------
    import duckdb
    con = duckdb.connect()
    q = lambda sql, *a: con.execute(sql, list(a)).fetchall()
    check(q("SELECT count(*) FROM read_parquet(?)", pq_path)[0][0] == n, "duckdb: parquet row count")
    types = dict(q("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))", pq_path))
    check(types["date_published"] == "TIMESTAMP WITH TIME ZONE", f"duckdb: date_published is {types['date_published']}")
    check(types["authors"] == "VARCHAR[]", f"duckdb: authors is {types['authors']}")
    check(types["word_count"] == "BIGINT", f"duckdb: word_count is {types['word_count']}")
    for id_, title, authors in q("SELECT id, title, authors FROM read_parquet(?)", pq_path):
        check(title == by_id[id_]["title"] and authors == by_id[id_]["authors"], f"duckdb: parquet values of {id_}")
    csv_rows = q("SELECT id, title, body, authors FROM read_csv(?, header=true, all_varchar=true)", csv_path)
    check(len(csv_rows) == n, f"duckdb: csv has {len(csv_rows)} rows, expected {n}")
    for id_, title, body, authors in csv_rows:
        want = by_id[id_]
        check(title == want["title"], f"duckdb: csv title of {id_}: {title!r}")
        check(body == want["body"], f"duckdb: csv body of {id_}: {body!r}")
        check(json.loads(authors) == want["authors"], f"duckdb: csv authors of {id_}: {authors!r}")

    # ---- polars --------------------------------------------------------------------------
    import polars as pl
    df = pl.read_parquet(pq_path)
    check(df.height == n, f"polars: parquet height {df.height}")
    check(df.schema["date_published"] == pl.Datetime("us", "UTC"), f"polars: date_published is {df.schema['date_published']}")
    check(df.schema["authors"] == pl.List(pl.String), f"polars: authors is {df.schema['authors']}")
    for row in df.select("id", "title", "authors").iter_rows():
        check(row[1] == by_id[row[0]]["title"] and row[2] == by_id[row[0]]["authors"], f"polars: parquet values of {row[0]}")
    dc = pl.read_csv(csv_path, infer_schema=False)
    check(dc.height == n, f"polars: csv height {dc.height}")
    for row in dc.select("id", "title", "body", "authors").iter_rows():
        want = by_id[row[0]]
        check(row[1] == want["title"] and row[2] == want["body"], f"polars: csv values of {row[0]}")
        check(json.loads(row[3]) == want["authors"], f"polars: csv authors of {row[0]}")
    print(f"interop: pyarrow, duckdb and polars read {n} rows correctly")


if __name__ == "__main__":
    main()
