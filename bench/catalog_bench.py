#!/usr/bin/python3
"""catalog_bench: how long a BI tool's first look at a schema takes through the driver:
SQLTables over a schema of many tables, then SQLColumns once per table (what Excel, Tableau
and R's table browser do), cold (a new connection) and warm (the same connection again), and
how many statements the warehouse received for each. Not a test: run it by hand (see
bench/README.md); nothing asserts on its timings.
"""

import argparse
import json
import os
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "clients"))
SCHEMA = "wide_schema"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--tables", type=int, default=500, help="tables in the schema")
    p.add_argument("--driver", default=os.path.join(ROOT, "build", "libdbsqlodbc.so"))
    p.add_argument("--warehouse-dir", default=os.path.join(ROOT, "tests", "warehouse"))
    return p.parse_args()


def main():
    args = parse_args()
    os.environ["DBSQL_DRIVER_PATH"] = os.path.abspath(args.driver)
    os.environ["DBSQL_WAREHOUSE_DIR"] = os.path.abspath(args.warehouse_dir)
    import support  # reads the two variables above
    import pyodbc

    warehouse = support.Warehouse("--faults", f"--seed-tables={args.tables}")
    try:
        base_url = warehouse.info["url"]

        def statements():
            with urllib.request.urlopen(f"{base_url}/_warehouse/requests", timeout=60) as resp:
                log = json.load(resp)["requests"]
            return sum(1 for r in log if r.get("listener") == "api" and r.get("method") == "POST"
                       and r.get("path") == "/api/2.0/sql/statements")

        def browse(cursor):
            before = statements()
            start = time.perf_counter()
            tables = [row.table_name for row in
                      cursor.tables(catalog="main", schema=SCHEMA, tableType="TABLE")]
            columns = 0
            for name in tables:
                columns += len(cursor.columns(table=name, catalog="main", schema=SCHEMA).fetchall())
            return time.perf_counter() - start, len(tables), columns, statements() - before

        conn = pyodbc.connect(warehouse.connection_string("Catalog=main;"), autocommit=True)
        cursor = conn.cursor()
        print(f"{'run':6} {'seconds':>8} {'tables':>7} {'columns':>8} {'statements':>11}")
        for label in ("cold", "warm"):
            seconds, tables, columns, sent = browse(cursor)
            print(f"{label:6} {seconds:8.3f} {tables:7d} {columns:8d} {sent:11d}")
        conn.close()
    finally:
        warehouse.stop()


if __name__ == "__main__":
    main()
