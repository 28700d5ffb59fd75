#!/usr/bin/python3
"""pyodbc (Debian's python3-pyodbc) with parameters against the local warehouse (plain HTTP
with its admin API, so the request log can be read): cursor.execute with every Python type
pyodbc binds, executemany and fast_executemany of 10,000 rows (every row present exactly
once; fast_executemany in at most 10 statements), and a batch holding one bad row."""

import datetime
import decimal
import json
import os
import sys
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

support.restart_with_sanitizer_preload()

import pyodbc  # noqa: E402

ROWS = 10000
STATEMENTS_PATH = "/api/2.0/sql/statements"


class PyodbcParamsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        support.require_driver()
        cls.warehouse = support.Warehouse("--faults")

    @classmethod
    def tearDownClass(cls):
        cls.warehouse.stop()

    def connect(self):
        return pyodbc.connect(self.warehouse.connection_string(), autocommit=True)

    # The warehouse's request log (admin API, no credentials needed).
    def requests(self, since=0):
        url = f"{self.warehouse.info['url']}/_warehouse/requests?since={since}"
        with urllib.request.urlopen(url, timeout=30) as resp:
            return json.load(resp)["requests"]

    def last_seq(self):
        log = self.requests()
        return log[-1]["seq"] if log else 0

    def statement_posts(self, since):
        return [r for r in self.requests(since)
                if r.get("listener") == "api" and r.get("method") == "POST"
                and r.get("path") == STATEMENTS_PATH]

    def test_execute_with_every_python_type(self):
        cases = [
            ("str", "h\u00e9llo \u65e5\u672c\u8a9e \U0001F600", None),
            ("empty str", "", None),
            ("int", 42, None),
            ("negative int", -7, None),
            ("big int", 2 ** 62 + 1, None),
            ("float", 1.5, None),
            ("Decimal", decimal.Decimal("12345678901234567890.1234567890"), None),
            ("negative Decimal", decimal.Decimal("-0.0001"), None),
            ("date before 1900", datetime.date(1899, 12, 31), None),
            ("date after 2038", datetime.date(2040, 2, 29), None),
            # Results carry milliseconds; the microseconds are compared on the server.
            ("datetime", datetime.datetime(2024, 1, 31, 12, 34, 56, 123456),
             "TIMESTAMP'2024-01-31 12:34:56.123456'"),
            ("bytes with zero bytes", b"\x00\x01\xff\x00", None),
            ("None", None, None),
            ("True", True, None),
            ("False", False, None),
        ]
        with self.connect() as cnxn:
            cursor = cnxn.cursor()
            for name, value, literal in cases:
                with self.subTest(name):
                    got = cursor.execute("SELECT ? AS v", value).fetchval()
                    if isinstance(value, datetime.datetime):
                        self.assertEqual(got, value.replace(microsecond=123000))
                        same = cursor.execute(
                            f"SELECT CASE WHEN ? = {literal} THEN 'equal' ELSE 'differs' END",
                            value).fetchval()
                        self.assertEqual(same, "equal")
                    elif isinstance(value, bytes):
                        self.assertEqual(bytes(got), value)
                    else:
                        self.assertEqual(got, value)
                        if value is not None:
                            self.assertIs(type(got), type(value))
            # Several parameters of different types in one statement, with a '?' literal.
            row = cursor.execute("SELECT ? AS a, '?' AS q, ? + 1 AS b, concat(?, '!') AS c",
                                 "x", 41, "y").fetchone()
            self.assertEqual(tuple(row), ("x", "?", 42, "y!"))

    def test_insert_with_parameters_then_select(self):
        with self.connect() as cnxn:
            cursor = cnxn.cursor()
            cursor.execute("CREATE TABLE main.default.pyp_types (id INT, s STRING, n BIGINT, "
                           "f DOUBLE, d DECIMAL(38,10), dt DATE, ts TIMESTAMP, b BINARY, "
                           "ok BOOLEAN)")
            row = (1, "\u00fc\u4e2d \U0001F680", 2 ** 40, -2.25,
                   decimal.Decimal("-1234567890123456789012345678.9876543210"),
                   datetime.date(1, 1, 1), datetime.datetime(2038, 1, 19, 3, 14, 8, 500000),
                   b"\x00AB\x00", True)
            cursor.execute("INSERT INTO main.default.pyp_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           *row)
            self.assertEqual(cursor.rowcount, 1)
            cursor.execute("INSERT INTO main.default.pyp_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           2, None, None, None, None, None, None, None, None)
            got = cursor.execute(
                "SELECT * FROM main.default.pyp_types ORDER BY id").fetchall()
            self.assertEqual(len(got), 2)
            first = list(got[0])
            first[7] = bytes(first[7])
            self.assertEqual(tuple(first), row)
            self.assertEqual(tuple(got[1]), (2,) + (None,) * 8)

    def _executemany_table(self, cursor, table, fast):
        cursor.execute(f"CREATE TABLE main.default.{table} (id BIGINT, label STRING, "
                       "amount DECIMAL(12,2), happened TIMESTAMP)")
        base = datetime.datetime(2024, 1, 1)
        params = [(i, f"row-{i}", decimal.Decimal(i) / 4, base + datetime.timedelta(seconds=i))
                  for i in range(1, ROWS + 1)]
        cursor.fast_executemany = fast
        before = self.last_seq()
        cursor.executemany(f"INSERT INTO main.default.{table} (id, label, amount, happened) "
                           "VALUES (?, ?, ?, ?)", params)
        posts = self.statement_posts(before)
        got = cursor.execute(
            f"SELECT count(*), sum(id), count(DISTINCT id), sum(amount), "
            f"count_if(label = concat('row-', CAST(id AS STRING))), "
            f"count_if(happened = TIMESTAMP'2024-01-01 00:00:00' + id * INTERVAL '1' SECOND) "
            f"FROM main.default.{table}").fetchone()
        self.assertEqual(got[0], ROWS)
        self.assertEqual(got[1], ROWS * (ROWS + 1) // 2)
        self.assertEqual(got[2], ROWS)
        self.assertEqual(got[3], decimal.Decimal(ROWS * (ROWS + 1) // 2) / 4)
        self.assertEqual(got[4], ROWS)
        self.assertEqual(got[5], ROWS)
        return posts

    def test_executemany_of_10000_rows(self):
        with self.connect() as cnxn:
            posts = self._executemany_table(cnxn.cursor(), "pyp_many", fast=False)
            # pyodbc without fast_executemany executes row by row: one statement per row.
            self.assertGreaterEqual(len(posts), 1)
            print(f"\nexecutemany (fast_executemany=False): {ROWS} rows in {len(posts)} "
                  "statements", file=sys.stderr)

    def test_fast_executemany_of_10000_rows_in_at_most_10_statements(self):
        with self.connect() as cnxn:
            posts = self._executemany_table(cnxn.cursor(), "pyp_fast", fast=True)
            inserts = [p for p in posts if p.get("statement", "").startswith("INSERT")]
            # Besides the INSERTs, only the driver's parameter description (a LIMIT 0 query
            # behind SQLDescribeParam, without parameters).
            for p in posts:
                if p not in inserts:
                    self.assertTrue(p.get("statement", "").startswith("SELECT"), p)
                    self.assertEqual(p.get("parameter_count"), 0, p)
            self.assertGreaterEqual(len(inserts), 1)
            self.assertLessEqual(len(inserts), 10, f"{len(inserts)} INSERTs for {ROWS} rows")
            self.assertEqual(sum(p.get("parameter_count", 0) for p in inserts), 4 * ROWS)
            print(f"\nfast_executemany: {ROWS} rows in {len(inserts)} INSERT statements "
                  f"({len(posts)} statements in all)", file=sys.stderr)

    def _bad_batch(self, fast):
        table = "pyp_bad_fast" if fast else "pyp_bad_slow"
        with self.connect() as cnxn:
            cursor = cnxn.cursor()
            cursor.execute(f"CREATE TABLE main.default.{table} (id INT, name STRING)")
            cursor.fast_executemany = fast
            # One Python type per column, so pyodbc sends the five rows as one array.
            rows = [("1", "a"), ("2", "b"), ("abc", "c"), ("4", "d"), ("5", "e")]
            raised = None
            try:
                cursor.executemany(f"INSERT INTO main.default.{table} (id, name) VALUES (?, ?)",
                                   rows)
            except pyodbc.Error as e:
                raised = e
            messages = list(getattr(cursor, "messages", []) or [])
            rowcount = cursor.rowcount
            got = cursor.execute(f"SELECT id, name FROM main.default.{table} "
                                 "ORDER BY id").fetchall()
            return raised, messages, rowcount, [tuple(r) for r in got]

    def test_executemany_with_a_bad_row_stops_at_that_row(self):
        raised, _, _, got = self._bad_batch(fast=False)
        # Row by row: the third execute fails with 22018 and pyodbc stops there.
        self.assertIsNotNone(raised)
        self.assertEqual(raised.args[0], "22018", raised)
        self.assertEqual(got, [(1, "a"), (2, "b")])

    def test_fast_executemany_with_a_bad_row_reports_it_and_inserts_the_others_once(self):
        raised, _, _, got = self._bad_batch(fast=True)
        # The array is one SQLExecute: the driver tries every row, fails row 3 alone (22018,
        # SQL_PARAM_ERROR, SQL_DIAG_ROW_NUMBER 3: see odbc.ParamArraysTest) and returns
        # SQL_ERROR, so pyodbc raises with a message naming the row. The others go in once.
        self.assertIsNotNone(raised, "fast_executemany must raise for the bad row")
        self.assertEqual(raised.args[0], "22018", raised)
        self.assertIn("row 3", str(raised))
        self.assertEqual(got, [(1, "a"), (2, "b"), (4, "d"), (5, "e")])

if __name__ == "__main__":
    unittest.main(verbosity=2)
