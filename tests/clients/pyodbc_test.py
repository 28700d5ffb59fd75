#!/usr/bin/python3
"""pyodbc (Debian's python3-pyodbc, so /usr/bin/python3) against the local warehouse over
TLS: connect through a DSN and through a connection string (pyodbc turns autocommit off on
every connect), fetch every type into Python values, cursor.description, simple DML, and
errors as pyodbc exceptions."""

import datetime
import decimal
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

support.restart_with_sanitizer_preload()

import pyodbc  # noqa: E402

ALL_TYPES = (
    "SELECT CAST(true AS BOOLEAN) AS c_boolean, CAST(-7 AS TINYINT) AS c_tinyint, "
    "CAST(-300 AS SMALLINT) AS c_smallint, CAST(2147483647 AS INT) AS c_int, "
    "CAST(9223372036854775807 AS BIGINT) AS c_bigint, CAST(1.5 AS FLOAT) AS c_float, "
    "CAST(-2.25 AS DOUBLE) AS c_double, CAST(12345678.91 AS DECIMAL(10,2)) AS c_decimal, "
    "'h\u00e9llo, w\u00f6rld' AS c_string, X'DEADBEEF' AS c_binary, "
    "DATE'2024-02-29' AS c_date, TIMESTAMP'2024-02-29 12:34:56.789' AS c_timestamp, "
    "TIMESTAMP_NTZ'2024-02-29 12:34:56.789' AS c_timestamp_ntz, "
    "array(1, 2, 3) AS c_array, map('a', 1) AS c_map, "
    "named_struct('a', 1, 'b', 'x') AS c_struct, CAST(NULL AS STRING) AS c_null")

EXPECTED = [
    ("c_boolean", bool, True),
    ("c_tinyint", int, -7),
    ("c_smallint", int, -300),
    ("c_int", int, 2147483647),
    ("c_bigint", int, 9223372036854775807),
    ("c_float", float, 1.5),
    ("c_double", float, -2.25),
    ("c_decimal", decimal.Decimal, decimal.Decimal("12345678.91")),
    ("c_string", str, "h\u00e9llo, w\u00f6rld"),
    ("c_binary", bytes, b"\xde\xad\xbe\xef"),
    ("c_date", datetime.date, datetime.date(2024, 2, 29)),
    ("c_timestamp", datetime.datetime, datetime.datetime(2024, 2, 29, 12, 34, 56, 789000)),
    ("c_timestamp_ntz", datetime.datetime, datetime.datetime(2024, 2, 29, 12, 34, 56, 789000)),
    ("c_array", str, "[1,2,3]"),
    ("c_map", str, '{"a":1}'),
    ("c_struct", str, '{"a":1,"b":"x"}'),
    ("c_null", str, None),
]


class PyodbcTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.warehouse, cls.ini = support.start_with_dsn("dbsql_pyodbc")
        # pyodbc reads the ini folder of this process.
        os.environ.update({k: v for k, v in cls.ini.env().items()
                           if k in ("ODBCSYSINI", "ODBCINI")})

    @classmethod
    def tearDownClass(cls):
        cls.ini.remove()
        cls.warehouse.stop()

    def connect(self, **kwargs):
        return pyodbc.connect(self.warehouse.connection_string(), **kwargs)

    def test_connect_through_a_dsn_with_autocommit_off(self):
        pat = self.warehouse.info["pat"]
        with pyodbc.connect(f"DSN=dbsql_pyodbc;UID=token;PWD={pat}") as cnxn:
            self.assertFalse(cnxn.autocommit)
            row = cnxn.cursor().execute("SELECT 41 + 1 AS answer").fetchone()
            self.assertEqual(row.answer, 42)

    def test_driver_is_registered_under_its_name(self):
        self.assertIn(support.DRIVER_NAME, pyodbc.drivers())
        keys = self.warehouse.location_keys()
        pat = self.warehouse.info["pat"]
        with pyodbc.connect(f"Driver={{{support.DRIVER_NAME}}};{keys}AuthMech=3;UID=token;"
                            f"PWD={pat}", autocommit=True) as cnxn:
            self.assertEqual(cnxn.getinfo(pyodbc.SQL_DRIVER_ODBC_VER), "03.80")
            self.assertEqual(cnxn.getinfo(pyodbc.SQL_IDENTIFIER_QUOTE_CHAR), "`")

    def test_every_type_becomes_the_python_value(self):
        with self.connect() as cnxn:
            cursor = cnxn.cursor().execute(ALL_TYPES)
            names = [d[0] for d in cursor.description]
            self.assertEqual(names, [e[0] for e in EXPECTED])
            row = cursor.fetchone()
            self.assertIsNone(cursor.fetchone())
            for (name, py_type, value), got, desc in zip(EXPECTED, row, cursor.description):
                with self.subTest(column=name):
                    # description's type_code is the Python type pyodbc builds (binary
                    # is bytes or bytearray depending on the pyodbc version).
                    if py_type is bytes:
                        self.assertIn(desc[1], (bytes, bytearray))
                    else:
                        self.assertIs(desc[1], py_type)
                    self.assertEqual(got, value)
            decimal_desc = cursor.description[names.index("c_decimal")]
            self.assertEqual((decimal_desc[4], decimal_desc[5]), (10, 2))

    def test_intervals_read_as_text(self):
        # pyodbc has no mapping for the SQL interval types (it raises "ODBC SQL type 110 is
        # not yet supported"), so the driver describes intervals as text by default.
        with self.connect() as cnxn:
            row = cnxn.cursor().execute(
                "SELECT INTERVAL '3' DAY AS d, INTERVAL '14' MONTH AS m").fetchone()
            self.assertIsInstance(row.d, str)
            self.assertTrue(row.d.startswith("3 00:00:00"), row.d)
            self.assertEqual(row.m, "1-2")

    def test_many_rows_with_fetchmany(self):
        with self.connect() as cnxn:
            cursor = cnxn.cursor().execute(
                "SELECT id, concat('r', CAST(id AS STRING)) AS label "
                "FROM range(150000) AS t(id) ORDER BY id")
            count = total = 0
            while True:
                batch = cursor.fetchmany(10000)
                if not batch:
                    break
                for row in batch:
                    self.assertEqual(row.label, f"r{row.id}")
                    count += 1
                    total += row.id
            self.assertEqual(count, 150000)
            self.assertEqual(total, 150000 * 149999 // 2)

    def test_simple_dml_and_rowcount(self):
        with self.connect() as cnxn:
            cursor = cnxn.cursor()
            cursor.execute("CREATE TABLE main.default.py_dml (id INT, name STRING, "
                           "amount DECIMAL(8,2), happened TIMESTAMP_NTZ)")
            cursor.execute("INSERT INTO main.default.py_dml VALUES "
                           "(1, 'a', 1.25, TIMESTAMP_NTZ'2024-01-01 00:00:00'), "
                           "(2, 'b', 2.50, TIMESTAMP_NTZ'2024-01-02 00:00:00'), "
                           "(3, NULL, NULL, NULL)")
            self.assertEqual(cursor.rowcount, 3)
            cursor.execute("UPDATE main.default.py_dml SET amount = amount * 2 WHERE id < 3")
            self.assertEqual(cursor.rowcount, 2)
            cnxn.commit()  # statements commit at once; commit must still succeed
            rows = cursor.execute(
                "SELECT id, name, amount, happened FROM main.default.py_dml ORDER BY id").fetchall()
            self.assertEqual([tuple(r) for r in rows], [
                (1, "a", decimal.Decimal("2.50"), datetime.datetime(2024, 1, 1)),
                (2, "b", decimal.Decimal("5.00"), datetime.datetime(2024, 1, 2)),
                (3, None, None, None),
            ])
            cursor.execute("DELETE FROM main.default.py_dml WHERE id = 3")
            self.assertEqual(cursor.rowcount, 1)
            cursor.execute("DROP TABLE main.default.py_dml")

    def test_server_errors_become_exceptions_with_their_sqlstate(self):
        with self.connect() as cnxn:
            cursor = cnxn.cursor()
            with self.assertRaises(pyodbc.Error) as caught:
                cursor.execute("SELECT * FROM main.default.no_such_table")
            self.assertEqual(caught.exception.args[0], "42P01")
            self.assertIn("no_such_table", caught.exception.args[1])
            with self.assertRaises(pyodbc.ProgrammingError) as caught:
                cursor.execute("SELEC 1")
            self.assertEqual(caught.exception.args[0], "42601")
            # The cursor is usable afterwards.
            self.assertEqual(cursor.execute("SELECT 'ok' AS s").fetchval(), "ok")

    def test_wrong_token_raises_28000_without_echoing_it(self):
        keys = self.warehouse.location_keys()
        with self.assertRaises(pyodbc.Error) as caught:
            pyodbc.connect(f"Driver={support.DRIVER_PATH};{keys}AuthMech=3;UID=token;"
                           "PWD=dapi-wrong-but-secret")
        self.assertEqual(caught.exception.args[0], "28000")
        self.assertNotIn("dapi-wrong-but-secret", str(caught.exception))


if __name__ == "__main__":
    unittest.main(verbosity=2)
