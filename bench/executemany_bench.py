#!/usr/bin/python3
"""executemany_bench: how fast pyodbc's executemany inserts rows through the driver into the
local warehouse, and how many statements that took (from the warehouse's request log).
Not a test: run it by hand (see bench/README.md); nothing asserts on its timings.

  fast  cursor.fast_executemany = True: pyodbc binds the rows as parameter arrays, which the
        driver sends as multi-row INSERT statements (default 100,000 rows)
  slow  fast_executemany = False: pyodbc executes row by row, one statement per row
        (default 5,000 rows, so it finishes in a minute or two; 0 skips it)
Each mode inserts (id BIGINT, label STRING, amount DECIMAL(12,2), happened TIMESTAMP) rows into a
new table, then checks count(*), count(DISTINCT id) and sum(id) so no row was lost or doubled.
"""

import argparse
import datetime
import decimal
import json
import os
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "clients"))


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rows", type=int, default=100000, help="rows for fast_executemany=True")
    p.add_argument("--slow-rows", type=int, default=5000,
                   help="rows for fast_executemany=False (0: skip)")
    p.add_argument("--driver", default=os.path.join(ROOT, "build", "libdbsqlodbc.so"),
                   help="the driver library (default: build/libdbsqlodbc.so)")
    p.add_argument("--warehouse-dir", default=os.path.join(ROOT, "tests", "warehouse"))
    return p.parse_args()


def main():
    args = parse_args()
    os.environ["DBSQL_DRIVER_PATH"] = os.path.abspath(args.driver)
    os.environ["DBSQL_WAREHOUSE_DIR"] = os.path.abspath(args.warehouse_dir)
    import support  # reads the two variables above
    import pyodbc
    support.DRIVER_PATH = os.environ["DBSQL_DRIVER_PATH"]
    support.WAREHOUSE_DIR = os.environ["DBSQL_WAREHOUSE_DIR"]
    support.require_driver()

    warehouse = support.Warehouse("--faults")
    try:
        base_url = warehouse.info["url"]

        def statement_posts(since):
            with urllib.request.urlopen(f"{base_url}/_warehouse/requests?since={since}",
                                        timeout=60) as resp:
                log = json.load(resp)["requests"]
            return [r for r in log if r.get("listener") == "api" and r.get("method") == "POST"
                    and r.get("path") == "/api/2.0/sql/statements"]

        def last_seq():
            with urllib.request.urlopen(f"{base_url}/_warehouse/requests", timeout=60) as resp:
                log = json.load(resp)["requests"]
            return log[-1]["seq"] if log else 0

        cnxn = pyodbc.connect(warehouse.connection_string(), autocommit=True)
        start_at = datetime.datetime(2024, 1, 1)
        failed = False
        for mode, rows in (("fast", args.rows), ("slow", args.slow_rows)):
            if rows <= 0:
                continue
            table = f"main.default.bench_{mode}"
            cursor = cnxn.cursor()
            cursor.execute(f"CREATE TABLE {table} (id BIGINT, label STRING, "
                           "amount DECIMAL(12,2), happened TIMESTAMP)")
            params = [(i, f"row-{i}", decimal.Decimal(i) / 4,
                       start_at + datetime.timedelta(seconds=i)) for i in range(1, rows + 1)]
            cursor.fast_executemany = mode == "fast"
            before = last_seq()
            t0 = time.monotonic()
            cursor.executemany(f"INSERT INTO {table} (id, label, amount, happened) VALUES (?, ?, ?, ?)",
                               params)
            seconds = time.monotonic() - t0
            posts = statement_posts(before)
            count, distinct, total = cursor.execute(
                f"SELECT count(*), count(DISTINCT id), sum(id) FROM {table}").fetchone()
            ok = count == rows and distinct == rows and total == rows * (rows + 1) // 2
            failed |= not ok
            biggest = max((p.get("statement_bytes", 0) for p in posts), default=0)
            note = "" if len(posts) < 10000 else " (request log holds 10,000 entries: at least)"
            print(f"{mode:4}  fast_executemany={mode == 'fast'!s:5}  rows={rows:>7,}  "
                  f"time={seconds:8.2f} s  rows/s={rows / seconds:>10,.0f}  "
                  f"statements={len(posts):,}{note}  largest statement={biggest / 1e6:.2f} MB  "
                  f"rows check={'PASS' if ok else 'FAIL'} ({count:,} rows, {distinct:,} ids)")
            sys.stdout.flush()
        cnxn.close()
        return 1 if failed else 0
    finally:
        warehouse.stop()


if __name__ == "__main__":
    sys.exit(main())
