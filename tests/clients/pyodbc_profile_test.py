#!/usr/bin/python3
"""pyodbc's call sequence as pyodbc and SQLAlchemy make it (the pyodbc profile of the BI-tools
reference): connect with a timeout and attrs_before and autocommit off, the getinfo values
they cache, columns() on a non-ASCII column name with both wide decodings, 1 MB values read
in pieces, a statement cancelled from another thread, a statement timeout, a DBMS version that
parses, and the 08S01 SQLAlchemy takes for a dropped connection."""

import os
import sys
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

support.restart_with_sanitizer_preload()

import pyodbc  # noqa: E402

SQL_ATTR_PACKET_SIZE = 112


class PyodbcProfileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        support.require_driver()
        cls.warehouse = support.Warehouse()

    @classmethod
    def tearDownClass(cls):
        cls.warehouse.stop()

    def connect(self, **kwargs):
        return pyodbc.connect(self.warehouse.connection_string(), timeout=5,
                              attrs_before={SQL_ATTR_PACKET_SIZE: 4096}, **kwargs)

    def test_connect_with_autocommit_off_then_commit_and_rollback(self):
        cnxn = self.connect()  # autocommit False: SQL_ATTR_AUTOCOMMIT off
        self.assertFalse(cnxn.autocommit)
        self.assertEqual(cnxn.cursor().execute("SELECT 1").fetchone()[0], 1)
        cnxn.commit()
        cnxn.rollback()
        cnxn.close()

    def test_cached_getinfo_values_and_type_info(self):
        with self.connect(autocommit=True) as cnxn:
            self.assertEqual(cnxn.getinfo(pyodbc.SQL_DRIVER_ODBC_VER), "03.80")
            # pyodbc turns "Y"/"N" values into booleans.
            self.assertIsInstance(cnxn.getinfo(pyodbc.SQL_DESCRIBE_PARAMETER), bool)
            self.assertIsInstance(cnxn.getinfo(pyodbc.SQL_NEED_LONG_DATA_LEN), bool)
            self.assertEqual(cnxn.getinfo(pyodbc.SQL_CATALOG_NAME_SEPARATOR), ".")
            self.assertIsInstance(cnxn.getinfo(pyodbc.SQL_ACCESSIBLE_TABLES), bool)
            self.assertIsInstance(cnxn.getinfo(pyodbc.SQL_DEFAULT_TXN_ISOLATION), int)
            self.assertIsInstance(cnxn.getinfo(pyodbc.SQL_CONCAT_NULL_BEHAVIOR), int)
            for sql_type in (pyodbc.SQL_VARCHAR, pyodbc.SQL_WVARCHAR, pyodbc.SQL_VARBINARY,
                             pyodbc.SQL_TYPE_TIMESTAMP):
                rows = cnxn.cursor().getTypeInfo(sql_type).fetchall()
                self.assertTrue(rows, sql_type)
                self.assertTrue(all(r.column_size and r.column_size > 0 for r in rows), sql_type)
            # SQLAlchemy parses the version into a tuple of integers.
            version = cnxn.getinfo(pyodbc.SQL_DBMS_VER)
            self.assertTrue(all(part.isdigit() for part in version.split(".")[:2]), version)

    def test_columns_with_a_non_ascii_name_in_both_decodings(self):
        with self.connect(autocommit=True) as cnxn:
            cnxn.cursor().execute("CREATE TABLE main.default.t1 (a INT, b VARCHAR(3), "
                                  "`x\u038fz` DECIMAL(8,2))")
            for decoding in (None, "utf-8"):
                if decoding:
                    cnxn.setdecoding(pyodbc.SQL_WMETADATA, encoding="utf-16le")
                    cnxn.setdecoding(pyodbc.SQL_WCHAR, encoding=decoding)
                rows = cnxn.cursor().columns(table="t1", catalog="main",
                                             schema="default").fetchall()
                self.assertEqual([r.column_name for r in rows], ["a", "b", "x\u038fz"])
                self.assertEqual([r.type_name for r in rows], ["INT", "VARCHAR", "DECIMAL"])
                self.assertIn(rows[1].data_type, (pyodbc.SQL_VARCHAR, pyodbc.SQL_WVARCHAR))
                self.assertEqual(rows[1].column_size, 3)
                self.assertEqual((rows[2].column_size, rows[2].decimal_digits), (8, 2))

    def test_one_megabyte_string_and_binary_arrive_whole(self):
        with self.connect(autocommit=True) as cnxn:
            text, blob = cnxn.cursor().execute(
                "SELECT repeat('\u00e9x', 524288), unhex(repeat('00ff', 524288))").fetchone()
            self.assertEqual(len(text), 1 << 20)
            self.assertEqual(text[:4], "\u00e9x\u00e9x")
            self.assertEqual(len(blob), 1 << 20)
            self.assertEqual(bytes(blob[:4]), b"\x00\xff\x00\xff")

    def test_a_statement_timeout_is_an_operational_error(self):
        with self.connect(autocommit=True) as cnxn:
            cnxn.timeout = 1
            with self.assertRaises(pyodbc.OperationalError) as raised:
                cnxn.cursor().execute("SELECT count(*) FROM range(1000000000) a, range(100) b")
            self.assertEqual(raised.exception.args[0], "HYT00", raised.exception)
            cnxn.timeout = 0
            self.assertEqual(cnxn.cursor().execute("SELECT 2").fetchone()[0], 2)

    def test_cancel_from_another_thread_is_hy008(self):
        with self.connect(autocommit=True) as cnxn:
            cursor = cnxn.cursor()
            stop = threading.Event()

            def keep_cancelling():  # a cancel before execute has started only closes
                while not stop.wait(0.2):
                    cursor.cancel()

            canceller = threading.Thread(target=keep_cancelling)
            canceller.start()
            try:
                # pyodbc maps HY008 to its base Error class.
                with self.assertRaises(pyodbc.Error) as raised:
                    cursor.execute("/*warehouse:sleep=120*/ SELECT 1")
            finally:
                stop.set()
                canceller.join()
            self.assertEqual(raised.exception.args[0], "HY008", raised.exception)
            self.assertEqual(cnxn.cursor().execute("SELECT 3").fetchone()[0], 3)

    def test_a_dropped_connection_is_08S01(self):
        # SQLAlchemy's pyodbc dialect calls a connection dead when the error has 08S01.
        warehouse = support.Warehouse()
        try:
            cnxn = pyodbc.connect(warehouse.connection_string(), timeout=5, autocommit=True)
            self.assertEqual(cnxn.cursor().execute("SELECT 1").fetchone()[0], 1)
        finally:
            warehouse.stop()
        with self.assertRaises(pyodbc.Error) as raised:
            cnxn.cursor().execute("SELECT 1")
        self.assertEqual(raised.exception.args[0], "08S01", raised.exception)
        self.assertIn("08S01", str(raised.exception))
        cnxn.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
