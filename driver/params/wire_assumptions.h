#pragma once
// What the parameter layer assumes about the Statement Execution API without having
// seen it on a live workspace. Recorded (shared/recorded/json-array-dml-insert-param-*):
// INT "3", STRING, DOUBLE "1.236", DECIMAL(5,2) "123.45", DECIMAL(4,4) "0.0000",
// BOOLEAN "true", and NULL as an item without `value`. Everything else below is
// UNCONFIRMED; each is one line to change in the file named.
//
// UNCONFIRMED — type strings. TINYINT, SMALLINT, BIGINT, FLOAT, DATE, TIMESTAMP and the
//   13 "INTERVAL <qualifier>" names (e.g. "INTERVAL DAY TO SECOND") are accepted as
//   parameter `type`s the way INT and DECIMAL(p,s) are. (wire_types.cpp)
// UNCONFIRMED — intervals. The value is the full ANSI literal, "INTERVAL '-1-2' YEAR TO
//   MONTH", "INTERVAL '3 04:05:06.5' DAY TO SECOND": what Spark's CAST(interval AS
//   STRING) produces and its string → interval cast reads back. Whether the server casts
//   a parameter value with that cast (rather than expecting only the body "-1-2") was
//   not observed. (render_interval.cpp, interval_literal)
// UNCONFIRMED — binary. A JSON string cannot carry arbitrary bytes (zero bytes, invalid
//   UTF-8), so BINARY values go as uppercase hex text with type STRING, and the caller
//   writes the marker as unhex(:pN); the server then sees a BINARY expression. That
//   unhex() over a STRING parameter works in every position a BINARY literal does
//   (INSERT values, comparisons) was not observed. (render_text.cpp, render_binary)
// UNCONFIRMED — fraction digits beyond microseconds. Databricks TIMESTAMP and day-time
//   intervals hold microseconds; values are sent with every nonzero digit the
//   application gave (up to nanoseconds), assuming the cast truncates the excess
//   rather than failing. (render_datetime.cpp, render_interval.cpp)
// UNCONFIRMED — TIMESTAMP values are wall-clock text "yyyy-mm-dd hh:mm:ss[.f]" without an
//   offset, read by the server in the session time zone, like a literal. (render_datetime.cpp)
// UNCONFIRMED — NaN / Infinity. DOUBLE and FLOAT values "NaN", "Infinity", "-Infinity"
//   are cast by the server the way Spark casts those strings. (source.h, double_text)
// UNCONFIRMED — TIME. Databricks has no TIME type: SQL_TYPE_TIME travels as STRING text
//   "hh:mm:ss[.f]". (wire_types.cpp)
